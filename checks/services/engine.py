"""The Docker Engine as a service of page sessions: the `docker` capability, and cleanup.

The engine itself (used as it is, or started by the gate) is dockerd.py's; objects found by
label are labelled.py's; what checks may ask of the engine is policy.py's. This service:

* meets `docker` (the requirement of every snippet that runs `docker`) by making an engine
  available, with stand-in images where Docker Hub is out of reach (standins.py);
* gives sessions the build record the shim appends to (DSP_BUILT_IMAGES);
* after each step on an engine the gate did not start, inspects what the step created;
* removes what a session made when it ends, what the run made when the run ends, and what
  dead runs left when it starts.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import docker.errors
import pytest
import requests

from checks.services import dockerd, labelled, policy, standins
from checks.services.progress import Log

LABEL = "dsp.run"
# What the Docker SDK raises when the engine is gone (it does not wrap transport errors).
ENGINE_ERRORS = (docker.errors.DockerException, requests.exceptions.RequestException)
RUNS_DOCKER = re.compile(r"^[^#\n]*\bdocker\b", re.M)
client = dockerd.client


state_dir = dockerd.state_dir


class Engine:
    client = staticmethod(dockerd.client)

    def __init__(self, state: Path, log: Log, run_id: str, controller: bool = True) -> None:
        self.host = dockerd.EngineHost(state, log)
        self.state = state
        self.log = log
        self.run_id = run_id
        self.controller = controller  # not an xdist worker: the run's cleanup is this process's
        self.built = state / "built"  # <owner pid>.<session id>: IDs of images the session built
        self._answer: tuple[str | None] | None = None
        # Sessions that touched the engine (so sessions that never did cost nothing to clean),
        # and those whose engine had no docker_gwbridge when they began (a page that makes and
        # leaves a swarm itself leaves one behind).
        self.sessions: set[str] = set()
        self._no_gateway_before: set[str] = set()
        self._approved: set[str] = set()  # objects policy.inspect_session found fine
        self._policed: bool | None = None

    def locked(self):
        return self.host.locked()

    def ensure(self) -> str | None:
        """Make an engine (and stand-in images where needed) available; the reason if impossible."""
        if self._answer is None:
            self._answer = (self._make_available(),)
        return self._answer[0]

    def _make_available(self) -> str | None:
        try:
            with self.locked():
                if not dockerd.reachable():
                    if os.geteuid() != 0:
                        return "no Docker Engine reachable, and starting one needs root"
                    mirror = not dockerd.docker_hub_reachable()
                    if mirror:
                        self.host.start_registry()
                    self.host.start_dockerd(mirror)
                self.host.register_user()
                self.sweep_dead_runs()
                if dockerd.uses_local_mirror():
                    self.host.start_registry()
                    standins.ensure(client(), self.log)
        except Exception as error:  # the reason is shown on every docker check
            return f"Docker Engine unavailable: {error}"
        return None

    def sweep_dead_runs(self) -> None:
        labelled.sweep_dead_runs(client(), self.built, self.log)

    def clean_session(self, session) -> None:
        if session.id not in self.sessions:
            return
        try:
            api = client()
            labelled.remove_labelled(api, f"dsp.session={session.id}")
            labelled.remove_built(api, self.built / f"{os.getpid()}.{session.id}")
            self._restore_swarm(api, session)
        except ENGINE_ERRORS as error:
            self.sessions.discard(session.id)
            self.log(f"could not clean up page session {session.id} ({error}); the next run removes what it left")

    def _restore_swarm(self, api, session) -> None:
        """Leave a swarm this session created (its node carries the session's label), no other."""
        left = labelled.leave_swarm_labelled(api, "dsp.session", session.id, self.log)
        if not left and session.id in self._no_gateway_before and api.networks.list(names=["docker_gwbridge"]):
            labelled.remove_swarm_gateway(api)
        self._no_gateway_before.discard(session.id)
        self.sessions.discard(session.id)

    def clean_run(self) -> list[str]:
        if not dockerd.reachable():
            return []
        api = client()
        try:
            removed = labelled.remove_labelled(api, f"{LABEL}={self.run_id}")
        except ENGINE_ERRORS as error:
            self.log(f"could not clean up run {self.run_id} ({error}); the next run removes what it left")
            return []
        if labelled.leave_swarm_labelled(api, LABEL, self.run_id, self.log):
            removed.append("swarm")
        return removed

    def violation_on_foreign_engine(self, session) -> str | None:
        """After a step: a container, volume or service of the session that breaks the policy."""
        if session.id not in self.sessions:
            return None
        try:
            api = client()
            if self._policed is None:
                plugins = api.info().get("Plugins", {}).get("Authorization") or []
                self._policed = policy.PLUGIN_NAME in plugins
            return None if self._policed else policy.inspect_session(api, session.id, self._approved)
        except ENGINE_ERRORS:
            return None  # the step's own result says the engine is gone

    # --- hooks (checks/hookspecs.py) ------------------------------------------------------------

    def pytest_dsp_capabilities(self):
        return {"docker": self.ensure}

    def pytest_dsp_implied_requirements(self, text: str) -> list[str]:
        return ["docker"] if RUNS_DOCKER.search(text) else []

    def pytest_dsp_writable_dirs(self) -> list[Path]:
        return [self.built]  # the docker shim appends to its record from inside the sandbox

    def pytest_dsp_session_environment(self, session) -> dict[str, str]:
        self.built.mkdir(parents=True, exist_ok=True)
        return {"DSP_OWNER_PID": str(os.getpid()), "DSP_BUILT_IMAGES": str(self.built / f"{os.getpid()}.{session.id}")}

    def pytest_dsp_before_step(self, session, requires: list[str]) -> None:
        if "docker" in requires and session.id not in self.sessions:
            self.sessions.add(session.id)
            if not client().networks.list(names=["docker_gwbridge"]):
                self._no_gateway_before.add(session.id)

    def pytest_dsp_after_step(self, session) -> str | None:
        return self.violation_on_foreign_engine(session)  # a no-op where dsp-policy polices

    def pytest_dsp_session_close(self, session) -> None:
        self.clean_session(session)

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config) -> None:
        if self.controller:
            removed = self.clean_run()
            if removed:
                self.log(f"removed {len(removed)} objects left by this run: {', '.join(removed[:10])}")
        self.host.release()
