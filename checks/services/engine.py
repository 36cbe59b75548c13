"""The Docker Engine the gate runs against.

* An engine that is already reachable (Docker Desktop, GitHub Actions, one the gate
  started earlier) is used as it is: never restarted, never reconfigured.
* Otherwise, as root, the gate starts Debian's `dockerd` itself; with no route to
  Docker Hub it also starts a local registry as dockerd's registry mirror, filled with
  stand-in images (see standins.py), so an unmodified `docker image pull alpine` works.
* Every process using an engine the gate started registers in STATE/users; the last
  one to leave stops dockerd and the registry. Nothing else is ever stopped.
* Everything a check creates carries the labels dsp.run, dsp.session and dsp.pid (the
  `docker` shim adds them); sessions remove their own objects, the run removes the
  rest, and objects of runs whose process is dead are swept at the next start.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import docker
import docker.errors
import requests
from filelock import FileLock

from checks.runners import sandbox
from checks.services import authz_plugin, environment, policy
from checks.waiting import wait_until

STATE = Path(os.environ.get("DSP_ENGINE_STATE", "/tmp/dsp-engine"))
REGISTRY_ADDR = "127.0.0.1:5000"
REGISTRY_DATA = Path(os.environ.get("DSP_REGISTRY_DATA", "/var/lib/dsp-registry"))
# Parent of the data roots of engines the gate starts: each start gets an empty one, so
# no image, network or volume of an earlier run can change a page's verdict.
ENGINE_DATA = Path(os.environ.get("DSP_ENGINE_DATA", "/var/lib/dsp-engine"))
LABEL = "dsp.run"
# What the Docker SDK raises when the engine is gone (it does not wrap transport errors).
ENGINE_ERRORS = (docker.errors.DockerException, requests.exceptions.RequestException)


# Set by the pytest plugin so progress (starting dockerd, building stand-ins) reaches the
# terminal while pytest captures the output of checks.
show_progress = contextlib.nullcontext


def log(message: str) -> None:
    with show_progress():
        print(f"[engine] {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def locked() -> Iterator[None]:
    STATE.mkdir(parents=True, exist_ok=True)
    with FileLock(STATE / "lock", thread_local=False):
        yield


def client() -> docker.DockerClient:
    return docker.from_env(timeout=120)


def reachable() -> bool:
    try:
        return bool(docker.from_env(timeout=5).ping())
    except Exception:
        return False


def alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):  # reap our own exited children (zombies)
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def docker_hub_reachable() -> bool:
    """Whether real images can be pulled; DSP_STANDINS=always|never overrides the probe."""
    choice = os.environ.get("DSP_STANDINS", "auto")
    if choice in ("always", "never"):
        return choice == "never"
    answer: list[bool] = []

    def probe() -> None:
        try:
            socket.getaddrinfo("registry-1.docker.io", 443)
            with socket.create_connection(("registry-1.docker.io", 443), timeout=3):
                answer.append(True)
        except OSError:
            answer.append(False)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(5)
    return bool(answer and answer[0])


def _start(command: list[str], log_name: str) -> subprocess.Popen[bytes]:
    # A session of its own: Ctrl-C on the gate must not kill the engine before cleanup.
    with open(STATE / log_name, "ab") as out:
        return subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def registry_ready() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5000), timeout=1):
            return True
    except OSError:
        return False


def start_registry() -> None:
    if registry_ready():
        return
    binary = shutil.which("docker-registry")
    if not binary:
        raise RuntimeError("docker-registry is not installed (Debian package docker-registry)")
    REGISTRY_DATA.mkdir(parents=True, exist_ok=True)
    config = STATE / "registry.yml"
    config.write_text(
        "version: 0.1\n"
        "log: {level: warn}\n"
        f"storage: {{filesystem: {{rootdirectory: {REGISTRY_DATA}}}, delete: {{enabled: true}}}}\n"
        f"http: {{addr: {REGISTRY_ADDR}}}\n"
    )
    process = _start([binary, "serve", str(config)], "registry.log")
    (STATE / "registry.pid").write_text(str(process.pid))
    wait_until(registry_ready, f"the local registry listening (log: {STATE}/registry.log)", 10)


def start_dockerd(mirror: bool) -> None:
    binary = shutil.which("dockerd")
    if not binary:
        raise RuntimeError(
            "no Docker Engine is reachable and dockerd is not installed "
            "(run ./gate, which installs Debian's docker.io, or start Docker yourself)"
        )
    # The engine policy answers dockerd's every API call (policy.py), so it starts first; a
    # new one replaces one left running, and revives a dockerd that lost its plugin.
    old = _started_pid("authz")
    if old:
        os.kill(old, signal.SIGTERM)
        wait_until(lambda: not alive(old), "the old engine policy plugin exiting", 10)
    plugin = _start([sys.executable, "-m", "checks.services.authz_plugin", "--socket", str(authz_plugin.SOCKET)],
                    "authz.log")  # fmt: skip
    (STATE / "authz.pid").write_text(str(plugin.pid))
    wait_until(authz_plugin.ready, f"the engine policy plugin answering (log: {STATE}/authz.log)", 10)
    if _started_pid("dockerd"):
        wait_until(reachable, f"dockerd answering (log: {STATE}/dockerd.log)", 60)
        return
    data_root = fresh_data_root()
    _remove_orphan_bridges()
    command = [
        binary,
        "--pidfile", str(STATE / "dockerd.pid.internal"),
        "--data-root", str(data_root),
        # Published ports default to loopback at the engine, whatever a command line says.
        "--ip", "127.0.0.1",
        "--authorization-plugin", authz_plugin.NAME,
    ]
    if mirror:
        command += ["--registry-mirror", f"http://{REGISTRY_ADDR}"]
    log("starting dockerd" + (" with the local registry as its mirror" if mirror else ""))
    process = _start(command, "dockerd.log")
    (STATE / "dockerd.pid").write_text(str(process.pid))
    wait_until(reachable, f"dockerd answering (log: {STATE}/dockerd.log)", 60)


def fresh_data_root() -> Path:
    """An empty data root for a dockerd about to start; earlier ones are removed."""
    remove_data_roots()
    ENGINE_DATA.mkdir(parents=True, exist_ok=True)
    data_root = ENGINE_DATA / f"docker-{os.getpid()}-{int(time.time())}"
    data_root.mkdir()
    return data_root


def _remove_orphan_bridges() -> None:
    """Delete a docker0 left by an engine that has stopped: dockerd 20.10 adopts an existing
    bridge's address as the network's Gateway, so `docker network inspect bridge` would
    differ between a machine's first run and its later ones."""
    left = [name for name in ("docker0", "docker_gwbridge") if Path("/sys/class/net", name).exists()]
    if left and not _any_dockerd_running():
        log(f"removing {' and '.join(left)}, left by a stopped engine, so this engine starts as on a fresh machine")
        for name in left:
            subprocess.run(["ip", "link", "delete", name], capture_output=True)


def _any_dockerd_running() -> bool:
    for stat in Path("/proc").glob("[0-9]*/comm"):
        with contextlib.suppress(OSError):
            if stat.read_text().strip() == "dockerd":
                return True
    return False


def remove_data_roots() -> None:
    """Remove the data roots of engines the gate started (none of them is running)."""
    for old in ENGINE_DATA.iterdir() if ENGINE_DATA.exists() else []:
        _unmount_below(old)
        shutil.rmtree(old, ignore_errors=True)
        if old.exists():
            log(f"could not remove the old engine data root {old}; the next start tries again")


def _unmount_below(directory: Path) -> None:
    """Unmount what a killed dockerd left mounted under its data root (overlays, netns)."""
    mounts = Path("/proc/self/mounts").read_text().splitlines()
    points = [line.split()[1] for line in mounts if line.split()[1].startswith(f"{directory}/")]
    for point in sorted(points, key=len, reverse=True):
        subprocess.run(["umount", "-l", point], capture_output=True)


def _started_pid(name: str) -> int | None:
    path = STATE / f"{name}.pid"
    if not path.exists():
        return None
    pid = int(path.read_text().strip() or 0)
    return pid if pid and alive(pid) else None


def _register_user() -> None:
    users = STATE / "users"
    users.mkdir(parents=True, exist_ok=True)
    (users / str(os.getpid())).touch()


def _live_users() -> list[int]:
    users = STATE / "users"
    pids = [int(p.name) for p in users.iterdir()] if users.exists() else []
    for pid in pids:
        if not alive(pid):
            (users / str(pid)).unlink(missing_ok=True)
    return [pid for pid in pids if alive(pid)]


@cache
def ensure() -> str | None:
    """Make an engine (and stand-in images where needed) available; the reason if impossible."""
    try:
        with locked():
            if not reachable():
                if os.geteuid() != 0:
                    return "no Docker Engine reachable, and starting one needs root"
                mirror = not docker_hub_reachable()
                if mirror:
                    start_registry()
                start_dockerd(mirror)
            _register_user()
            sweep_dead_runs()
            if _uses_local_mirror():
                start_registry()
                from checks.services import standins

                standins.ensure(client(), log)
    except Exception as error:  # the reason is shown on every docker check
        return f"Docker Engine unavailable: {error}"
    return None


def image_source() -> str | None:
    """Where this engine's images come from: "stand-ins" (the local mirror) or "registry"."""
    if not reachable():
        return None
    return "stand-ins" if _uses_local_mirror() else "registry"


def _uses_local_mirror() -> bool:
    mirrors = client().info().get("RegistryConfig", {}).get("Mirrors") or []
    return any(REGISTRY_ADDR in m for m in mirrors)


def release() -> None:
    """Leave the engine; the last user of an engine the gate started stops it."""
    if not STATE.exists():
        return
    with locked():
        (STATE / "users" / str(os.getpid())).unlink(missing_ok=True)
        if _live_users():
            return
        for name in ("dockerd", "authz", "registry"):  # the plugin answers dockerd until it stops
            pid = _started_pid(name)
            if pid:
                log(f"stopping the {name} this gate started (pid {pid})")
                os.kill(pid, signal.SIGTERM)
                wait_until(lambda p=pid: not alive(p), f"the {name} exiting", 30)
                if name == "dockerd":
                    remove_data_roots()
            (STATE / f"{name}.pid").unlink(missing_ok=True)


def remove_labelled(label: str) -> list[str]:
    """Remove every engine object carrying `label` (key=value); returns what was removed."""
    api = client()
    removed: list[str] = []
    filters = {"label": label}
    for service in api.services.list(filters=filters) if _swarm_active(api) else []:
        service.remove()
        removed.append(f"service {service.name}")
    for container in api.containers.list(all=True, filters=filters):
        try:
            container.remove(force=True, v=True)
        except docker.errors.APIError as error:
            # Gone already, or being removed by the engine itself (a swarm task whose
            # service was just removed): either way it is going.
            if error.status_code not in (404, 409):
                raise
        removed.append(f"container {container.name}")
    for network in api.networks.list(filters=filters):
        with contextlib.suppress(docker.errors.APIError):
            network.remove()
            removed.append(f"network {network.name}")
    for volume in api.volumes.list(filters=filters):
        with contextlib.suppress(docker.errors.APIError):
            volume.remove(force=True)
            removed.append(f"volume {volume.name}")
    for image in api.images.list(filters=filters):
        with contextlib.suppress(docker.errors.APIError):
            api.images.remove(image.id, force=True)
            removed.append(f"image {image.short_id}")
    return removed


def _swarm_active(api: docker.DockerClient) -> bool:
    return api.info().get("Swarm", {}).get("LocalNodeState") == "active"


def _swarm_labels(api: docker.DockerClient) -> dict[str, str]:
    """Labels of this engine's swarm node (the shim labels the node of a swarm it creates)."""
    state = api.info().get("Swarm", {})
    if state.get("LocalNodeState") != "active" or not state.get("ControlAvailable"):
        return {}
    try:
        return api.nodes.get(state["NodeID"]).attrs.get("Spec", {}).get("Labels") or {}
    except docker.errors.APIError:
        return {}


def leave_swarm_labelled(key: str, value: str) -> bool:
    """Leave the swarm if the gate created it with label key=value; whether it did."""
    api = client()
    if _swarm_labels(api).get(key) != value:
        return False
    log(f"leaving the swarm created by {key}={value}")
    api.swarm.leave(force=True)
    _remove_swarm_gateway(api)
    return True


def _remove_swarm_gateway(api: docker.DockerClient) -> None:
    """Remove docker_gwbridge, which swarm init creates and leaving the swarm keeps.

    It is free once the ingress sandbox has gone (if the swarm was left right after init,
    the engine may keep that sandbox: then the network stays).
    """

    def nothing_left_to_do() -> bool:
        if _swarm_active(api):
            return True
        try:
            gateway = api.networks.get("docker_gwbridge")
            if gateway.attrs.get("Containers"):
                return False
            gateway.remove()
        except docker.errors.APIError:
            pass
        return True

    with contextlib.suppress(TimeoutError):
        wait_until(nothing_left_to_do, "docker_gwbridge freed", 5, interval=0.5)


def sweep_dead_runs() -> None:
    """Objects left by a run whose process died (kill -9, a crashed CI job)."""
    api = client()
    pids: set[int] = set()
    for container in api.containers.list(all=True, filters={"label": "dsp.pid"}):
        pids.add(int(container.labels.get("dsp.pid", "0")))
    for network in api.networks.list(filters={"label": "dsp.pid"}):
        pids.add(int(network.attrs.get("Labels", {}).get("dsp.pid", "0")))
    for volume in api.volumes.list(filters={"label": "dsp.pid"}):
        pids.add(int((volume.attrs.get("Labels") or {}).get("dsp.pid", "0")))
    owner = _swarm_labels(api).get("dsp.pid", "")
    if owner.isdigit():
        pids.add(int(owner))
    records = list(BUILT.glob("*.*")) if BUILT.exists() else []
    pids.update(int(r.name.split(".")[0]) for r in records if r.name.split(".")[0].isdigit())
    for pid in pids:
        if not alive(pid):
            for record in BUILT.glob(f"{pid}.*"):
                remove_built(record)
            leave_swarm_labelled("dsp.pid", str(pid))
            removed = remove_labelled(f"dsp.pid={pid}")
            if removed:
                log(f"removed {len(removed)} objects left by dead run pid {pid}")


def clean_session(session) -> None:
    if session.id not in _docker_sessions:
        return
    try:
        remove_labelled(f"dsp.session={session.id}")
        remove_built(BUILT / f"{os.getpid()}.{session.id}")
        _restore_swarm(session)
    except ENGINE_ERRORS as error:
        _docker_sessions.discard(session.id)
        log(f"could not clean up page session {session.id} ({error}); the next run removes what it left")


def clean_run(run_id: str) -> list[str]:
    if not reachable():
        return []
    try:
        removed = remove_labelled(f"{LABEL}={run_id}")
    except ENGINE_ERRORS as error:
        log(f"could not clean up run {run_id} ({error}); the next run removes what it left")
        return []
    if leave_swarm_labelled(LABEL, run_id):
        removed.append("swarm")
    return removed


# Sessions that touched the engine (so sessions that never did cost nothing to clean).
_docker_sessions: set[str] = set()


BUILT = STATE / "built"  # <owner pid>.<session id>: IDs of images the session built
sandbox.WRITABLE.append(BUILT)  # the docker shim appends to its record from inside the sandbox


def provide(session) -> dict[str, str]:
    BUILT.mkdir(parents=True, exist_ok=True)
    return {
        "DSP_OWNER_PID": str(os.getpid()),
        "DSP_BUILT_IMAGES": str(BUILT / f"{os.getpid()}.{session.id}"),
    }


def remove_built(record: Path) -> list[str]:
    """Remove the images listed in a build record (the shim's), then the record."""
    removed: list[str] = []
    if not record.exists():
        return removed
    api = client()
    for image_id in dict.fromkeys(record.read_text().split()):
        with contextlib.suppress(docker.errors.APIError):
            api.images.remove(image_id, force=True)
            removed.append(f"image {image_id.removeprefix('sha256:')[:12]}")
    record.unlink(missing_ok=True)
    return removed


# Sessions whose engine had no docker_gwbridge when they began (a page that makes and
# leaves a swarm itself leaves one behind).
_no_gateway_before: set[str] = set()


def note_docker_session(session) -> None:
    if session.id not in _docker_sessions:
        _docker_sessions.add(session.id)
        if not client().networks.list(names=["docker_gwbridge"]):
            _no_gateway_before.add(session.id)


def _restore_swarm(session) -> None:
    """Leave a swarm this session created (its node carries the session's label), no other."""
    api = client()
    if not leave_swarm_labelled("dsp.session", session.id) and session.id in _no_gateway_before:
        if api.networks.list(names=["docker_gwbridge"]):
            _remove_swarm_gateway(api)
    _no_gateway_before.discard(session.id)
    _docker_sessions.discard(session.id)


@environment.capability("docker")
def _docker_available() -> str | None:
    return ensure()


environment.PROVIDERS.append(provide)
environment.CLEANERS.append(clean_session)
environment.ON_USE["docker"] = note_docker_session
environment.AFTER_STEP.append(policy.violation_on_foreign_engine)  # a no-op where dsp-policy polices

# Capabilities that need the engine register with it (imported last: it imports this module).
from checks.services import swarm  # noqa: E402, F401
