"""AWS for the gate: moto, behind the guard of aws_guard.py (no snippet can ever reach real AWS).

A step that needs AWS (it runs `aws`, or `_page.yml` says `requires: [aws]`) gets
AWS_ENDPOINT_URL pointing at one moto server started for the run; before each such step
the guard checks that botocore would resolve every endpoint to that server, and refuses
to run the step otherwise.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import cache
from pathlib import Path

from checks.services import aws_inventory, aws_warm, lambda_runtimes, session_environment
from checks.services.aws_guard import (
    FAKE_CREDENTIALS,
    LOOPBACK_HOSTS,
    PROXY_VARIABLES,
    RUNS_AWS,
    SINK,
    base_environment,
    guard,
    vet_step,
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_moto() -> tuple[subprocess.Popen[bytes], str]:
    """A moto server and its endpoint, stopped when the gate process exits.

    moto runs in a process of its own with an environment of its own (fake credentials,
    no config files, a throwaway HOME), so the gate's own AWS settings and ~/.aws can
    neither reach nor disturb it. MOTO_* and DOCKER_HOST pass through (Lambda containers).

    moto must know its port before it starts (it hands it to Lambda functions), so the port
    is one the kernel had free a moment ago; another process (another gate's moto) may take
    it first. So the server is ready when its own log says it listens there, not when the
    port answers (that could be the other one), and a port taken meanwhile means another try.
    """
    for _attempt in range(5):
        started = _moto_on(free_port())
        if started is not None:
            return started
    raise RuntimeError("moto server found no free port in 5 tries")


def _moto_on(port: int) -> tuple[subprocess.Popen[bytes], str] | None:
    """A moto server listening on `port`; None if another process took the port first."""
    home = Path(tempfile.mkdtemp(prefix="dsp-moto-"))
    env = {
        # AWS managed policies exist (attach-role-policy ...:aws:policy/... works as on AWS).
        "MOTO_IAM_LOAD_MANAGED_POLICIES": "true",
        **lambda_runtimes.moto_environment(port),  # lambda invoke: runtime image, port to hand functions
        **{k: v for k, v in os.environ.items() if k.startswith("MOTO_") or k == "DOCKER_HOST"},
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        **FAKE_CREDENTIALS,
        **{name: SINK for name in PROXY_VARIABLES},
        "NO_PROXY": LOOPBACK_HOSTS,
        "no_proxy": LOOPBACK_HOSTS,
    }
    log_path = home / "moto.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            env=env,
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            # PDEATHSIG follows the thread that forks: only tie moto to the main thread.
            preexec_fn=_die_with_parent if threading.current_thread() is threading.main_thread() else None,
        )
    atexit.register(_stop, server, home)
    listening = f"Running on http://127.0.0.1:{port}".encode()  # werkzeug's line, once it has the port
    deadline = time.monotonic() + 60  # seconds only on a machine loaded far beyond its cores
    while time.monotonic() < deadline:
        said = log_path.read_bytes()
        if server.poll() is not None:
            if b"Address already in use" in said:
                _stop(server, home)
                return None
            raise RuntimeError(f"moto server exited: {said.decode(errors='replace')[-500:]}")
        if listening in said:
            return server, f"http://127.0.0.1:{port}"
        time.sleep(0.1)
    _stop(server, home)
    raise RuntimeError("moto server did not start within 60 s")


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the gate process dies, even by kill -9 (Linux)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _stop(server: subprocess.Popen[bytes], home: Path) -> None:
    _end(server)
    shutil.rmtree(home, ignore_errors=True)


def _end(process: subprocess.Popen[bytes]) -> None:
    """Terminate a server the gate started, and kill it if it has not ended 10 s later."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@cache  # the machine's installed CLI, found as a session finds it: the same for every run of the process
def real_cli() -> tuple[str, str]:
    """The real `aws` the shim runs for sessions (shims/aws says which), and its aws-cli/X.Y.Z."""
    path = os.pathsep.join(
        [str(session_environment.SHIMS), str(session_environment.PROJECT_BIN), os.environ.get("PATH", "")]
    )
    # As masked as a session's: `aws --version` must not read the author's ~/.aws either.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DSP_AWS_", *session_environment.MASKED_PREFIXES))}
    with tempfile.TemporaryDirectory(prefix="dsp-aws-probe-") as home:
        env.update(PATH=path, HOME=home, DSP_AWS_DESCRIBE="1")
        done = subprocess.run(
            [str(session_environment.SHIMS / "aws")], env=env, capture_output=True, text=True, timeout=120
        )
    real, _, version = done.stdout.strip().partition("\n")
    return (real, version) if done.returncode == 0 else ("", "")


class WarmCli:
    """Each AWS page session's warm CLI server (aws_warm.py), started before its first AWS
    step in the session's sandbox and stopped when the session closes."""

    def __init__(self) -> None:
        self.servers: dict[str, subprocess.Popen[bytes]] = {}

    @staticmethod
    def serves(real: str, version: str) -> bool:
        """Only where turned on (DSP_AWS_WARM_CLI=1: off by default while whole gates fail
        intermittently on the swarm lab, see CONTRIBUTING), and only a v1 installed beside the
        gate's own interpreter: that interpreter imports exactly the CLI the shim chose (the
        shim runs the client with the python beside it)."""
        return (
            os.environ.get("DSP_AWS_WARM_CLI") == "1"
            and version.startswith("aws-cli/1.")
            and Path(real).parent == Path(sys.executable).parent
        )

    def start(self, session) -> None:
        socket_path = session.state_dir / "aws-warm.sock"
        self.servers[session.id] = session.start(
            [sys.executable, aws_warm.__file__, "serve", str(socket_path)],
            session.state_dir / "aws-warm.log",
            preexec_fn=_die_with_parent if threading.current_thread() is threading.main_thread() else None,
        )
        session.env["DSP_AWS_WARM"] = str(socket_path)

    def stop(self, session) -> None:
        server = self.servers.pop(session.id, None)
        if server is not None:
            _end(server)


def cli_description() -> str:
    """For the report: "AWS CLI 1.46.3 with the v2 adapter", or "AWS CLI 2.31.0" where v2 runs."""
    number = real_cli()[1].removeprefix("aws-cli/")
    if not number:
        return "no AWS CLI found"
    return f"AWS CLI {number} with the v2 adapter" if number.startswith("1.") else f"AWS CLI {number}"


class Aws:
    """The `aws` requirement: one moto server per gate process, started on first use, and the
    guard before every step that needs it. Every session gets the fake settings of
    base_environment, and steps that choose their own endpoint are refused."""

    def __init__(self, log) -> None:
        self.log = log
        self.server: subprocess.Popen[bytes] | None = None
        self.endpoint = ""
        self._sessions_reset: set[str] = set()
        # What a just-reset account holds is the same for every page: listed once per server.
        self._reset_inventory: dict[bool, list[str]] = {}
        self.warm = WarmCli()

    def moto_endpoint(self) -> str:
        """The gate process's moto server; a server that died (killed mid-run) is replaced."""
        if self.server is not None and self.server.poll() is None:
            return self.endpoint
        died = self.server is not None
        if died:
            self._sessions_reset.clear()
            self._reset_inventory.clear()
        old, (self.server, self.endpoint) = self.endpoint, start_moto()
        if died:
            self.log(f"the moto server died; starting a new one (its state is lost): {old} -> {self.endpoint}")
        return self.endpoint

    def use_moto(self, session) -> None:
        """Point the session at moto; each page starts from an empty account, as a reader's would."""
        endpoint = self.moto_endpoint()
        session.env["AWS_ENDPOINT_URL"] = endpoint
        real, version = real_cli()
        if real:
            session.env.update(DSP_AWS_REAL=real, DSP_AWS_VERSION=version)
        guard(session.env)
        if session.id not in self.warm.servers and WarmCli.serves(real, version):
            self.warm.start(session)
        if session.id not in self._sessions_reset:
            request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")
            with urllib.request.urlopen(request, timeout=300):  # reloads IAM managed policies: slow under load
                pass
            self._sessions_reset.add(session.id)
            aws_inventory.note_baseline(session, self._reset_inventory)  # what the clean-up item is judged against

    def available(self) -> str | None:
        try:
            self.moto_endpoint()
        except Exception as error:
            return f"moto server could not start: {error}"
        return None

    # --- hooks (checks/hookspecs.py) ------------------------------------------------------------

    def pytest_dsp_capabilities(self):
        return {"aws": self.available}

    def pytest_dsp_implied_requirements(self, text: str) -> list[str]:
        return ["aws"] if RUNS_AWS.search(text) else []

    def pytest_dsp_session_environment(self, session) -> dict[str, str]:
        return base_environment(session)

    def pytest_dsp_vet_step(self, step) -> str | None:
        return vet_step(step)

    def pytest_dsp_before_step(self, session, requires: list[str]) -> None:
        if "aws" in requires:
            self.use_moto(session)

    def pytest_dsp_session_close(self, session) -> None:
        self.warm.stop(session)
