"""The Docker Engine process the gate may start, and the state shared by every gate process using it.

* An engine that is already reachable (Docker Desktop, GitHub Actions, one the gate
  started earlier) is used as it is: never restarted, never reconfigured.
* Otherwise, as root, the gate starts Debian's `dockerd` itself, behind the engine policy's
  authorization plugin; with no route to Docker Hub it also starts a local registry as
  dockerd's registry mirror (filled with stand-in images, standins.py).
* Every process using an engine the gate started registers in <state>/users; the last
  one to leave stops dockerd, the plugin and the registry. Nothing else is ever stopped.
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
from pathlib import Path

import docker
from filelock import FileLock

from checks.services import authz_plugin
from checks.services.progress import Log
from checks.waiting import wait_until

REGISTRY_ADDR = "127.0.0.1:5000"


def client() -> docker.DockerClient:
    return docker.from_env(timeout=120)


def state_dir() -> Path:
    """Where gate processes sharing an engine keep its state (pids, users, locks, logs)."""
    return Path(os.environ.get("DSP_ENGINE_STATE", "/tmp/dsp-engine"))


def reachable() -> bool:
    try:
        return bool(docker.from_env(timeout=5).ping())
    except Exception:
        return False


def alive(pid: int) -> bool:
    """Whether a process runs. An exited one waiting for its parent to reap it (a zombie) does
    not: a registry one gate worker started and another stopped stays one until its parent
    looks, and waiting for it to be gone would time out."""
    with contextlib.suppress(ChildProcessError):  # reap our own exited children (zombies)
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    fields = _stat_of(pid)
    return bool(fields) and fields[0] != "Z"  # the state letter: R, S, ..., Z


def _stat_of(pid: int) -> list[str]:
    """/proc/PID/stat's fields from the third on (state, parent, ..., start time at [19]);
    [] if the process is gone. They follow the command name, which may hold spaces."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def started_at(pid: int) -> str | None:
    """When a process started (clock ticks after boot); None if it is gone."""
    fields = _stat_of(pid)
    return fields[19] if fields else None


def write_pid_file(path: Path, pid: int) -> None:
    """Record a process as "PID START", so that a later reader can tell it from another process
    given the same pid after a reboot or a wrap of pid_max (32768 here)."""
    path.write_text(f"{pid} {started_at(pid)}\n")


def pid_in(path: Path) -> int | None:
    """The process a pid file records, if it still runs: alive, and started when recorded. A
    pid reused by another process is not it, and must be neither waited for nor stopped."""
    try:
        pid, start = path.read_text().split()
    except (OSError, ValueError):  # gone, empty, or an older file holding only a pid
        return None
    return int(pid) if alive(int(pid)) and started_at(int(pid)) == start else None


def live_users(users: Path) -> list[int]:
    """The processes registered in `users` (write_pid_file) that still run; the others' files go."""
    live = []
    for entry in sorted(users.iterdir()) if users.exists() else []:
        pid = pid_in(entry)
        if pid:
            live.append(pid)
        else:
            entry.unlink(missing_ok=True)
    return live


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


def registry_ready() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5000), timeout=1):
            return True
    except OSError:
        return False


def uses_local_mirror() -> bool:
    mirrors = client().info().get("RegistryConfig", {}).get("Mirrors") or []
    return any(REGISTRY_ADDR in m for m in mirrors)


def image_source() -> str | None:
    """Where this engine's images come from: "stand-ins" (the local mirror) or "registry"."""
    if not reachable():
        return None
    return "stand-ins" if uses_local_mirror() else "registry"


class EngineHost:
    """The processes the gate starts for an engine, and their state directory."""

    def __init__(self, state: Path, log: Log) -> None:
        self.state = state
        self.log = log
        self.registry_data = Path(os.environ.get("DSP_REGISTRY_DATA", "/var/lib/dsp-registry"))
        # Parent of the data roots of engines the gate starts: each start gets an empty one, so
        # no image, network or volume of an earlier run can change a page's verdict.
        self.engine_data = Path(os.environ.get("DSP_ENGINE_DATA", "/var/lib/dsp-engine"))

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        self.state.mkdir(parents=True, exist_ok=True)
        with FileLock(self.state / "lock", thread_local=False):
            yield

    def _start(self, command: list[str], log_name: str) -> subprocess.Popen[bytes]:
        # A session of its own: Ctrl-C on the gate must not kill the engine before cleanup. No
        # terminal size either: the engine runs `ps` for `docker container top`, and procps cuts its
        # lines at COLUMNS, which a daemon started by systemd (a reader's) does not have.
        env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
        with open(self.state / log_name, "ab") as out:
            return subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True, env=env
            )

    def start_registry(self) -> None:
        if registry_ready():
            return
        binary = shutil.which("docker-registry")
        if not binary:
            raise RuntimeError("docker-registry is not installed (Debian package docker-registry)")
        self.registry_data.mkdir(parents=True, exist_ok=True)
        config = self.state / "registry.yml"
        config.write_text(
            "version: 0.1\n"
            "log: {level: warn}\n"
            f"storage: {{filesystem: {{rootdirectory: {self.registry_data}}}, delete: {{enabled: true}}}}\n"
            f"http: {{addr: {REGISTRY_ADDR}}}\n"
        )
        process = self._start([binary, "serve", str(config)], "registry.log")
        write_pid_file(self.state / "registry.pid", process.pid)
        wait_until(registry_ready, f"the local registry listening (log: {self.state}/registry.log)", 10)

    def start_dockerd(self, mirror: bool) -> None:
        binary = shutil.which("dockerd")
        if not binary:
            raise RuntimeError(
                "no Docker Engine is reachable and dockerd is not installed "
                "(run ./gate, which installs Debian's docker.io, or start Docker yourself)"
            )
        # The engine policy answers dockerd's every API call (policy.py), so it starts first; a
        # new one replaces one left running, and revives a dockerd that lost its plugin.
        old = self.started_pid("authz")
        if old:
            os.kill(old, signal.SIGTERM)
            wait_until(lambda: not alive(old), "the old engine policy plugin exiting", 10)
        plugin = self._start([sys.executable, "-m", "checks.services.authz_plugin", "--socket",
                              str(authz_plugin.SOCKET)], "authz.log")  # fmt: skip
        write_pid_file(self.state / "authz.pid", plugin.pid)
        wait_until(authz_plugin.ready, f"the engine policy plugin answering (log: {self.state}/authz.log)", 10)
        if self.started_pid("dockerd"):
            wait_until(reachable, f"dockerd answering (log: {self.state}/dockerd.log)", 60)
            return
        data_root = self.fresh_data_root()
        self._remove_orphan_bridges()
        command = [
            binary,
            "--pidfile", str(self.state / "dockerd.pid.internal"),
            "--data-root", str(data_root),
            # Published ports default to loopback at the engine, whatever a command line says.
            "--ip", "127.0.0.1",
            "--authorization-plugin", authz_plugin.NAME,
        ]  # fmt: skip
        if mirror:
            command += ["--registry-mirror", f"http://{REGISTRY_ADDR}"]
        self.log("starting dockerd" + (" with the local registry as its mirror" if mirror else ""))
        process = self._start(command, "dockerd.log")
        write_pid_file(self.state / "dockerd.pid", process.pid)
        wait_until(reachable, f"dockerd answering (log: {self.state}/dockerd.log)", 60)

    def fresh_data_root(self) -> Path:
        """An empty data root for a dockerd about to start; earlier ones are removed."""
        self.remove_data_roots()
        self.engine_data.mkdir(parents=True, exist_ok=True)
        data_root = self.engine_data / f"docker-{os.getpid()}-{int(time.time())}"
        data_root.mkdir()
        return data_root

    def _remove_orphan_bridges(self) -> None:
        """Delete a docker0 left by an engine that has stopped: dockerd 20.10 adopts an existing
        bridge's address as the network's Gateway, so `docker network inspect bridge` would
        differ between a machine's first run and its later ones."""
        left = [name for name in ("docker0", "docker_gwbridge") if Path("/sys/class/net", name).exists()]
        if left and not _any_dockerd_running():
            self.log(f"removing {' and '.join(left)}, left by a stopped engine, so this engine starts as on a "
                     "fresh machine")  # fmt: skip
            for name in left:
                subprocess.run(["ip", "link", "delete", name], capture_output=True)

    def remove_data_roots(self) -> None:
        """Remove the data roots of engines the gate started (none of them is running)."""
        for old in self.engine_data.iterdir() if self.engine_data.exists() else []:
            _unmount_below(old)
            shutil.rmtree(old, ignore_errors=True)
            if old.exists():
                self.log(f"could not remove the old engine data root {old}; the next start tries again")

    def started_pid(self, name: str) -> int | None:
        return pid_in(self.state / f"{name}.pid")

    def register_user(self) -> None:
        users = self.state / "users"
        users.mkdir(parents=True, exist_ok=True)
        write_pid_file(users / str(os.getpid()), os.getpid())

    def _live_users(self) -> list[int]:
        return live_users(self.state / "users")

    def release(self) -> None:
        """Leave the engine; the last user of an engine the gate started stops it."""
        if not self.state.exists():
            return
        with self.locked():
            (self.state / "users" / str(os.getpid())).unlink(missing_ok=True)
            if self._live_users():
                return
            for name in ("dockerd", "authz", "registry"):  # the plugin answers dockerd until it stops
                pid = self.started_pid(name)
                if pid:
                    self.log(f"stopping the {name} this gate started (pid {pid})")
                    os.kill(pid, signal.SIGTERM)
                    wait_until(lambda p=pid: not alive(p), f"the {name} exiting", 30)
                    if name == "dockerd":
                        self.remove_data_roots()
                (self.state / f"{name}.pid").unlink(missing_ok=True)


def _any_dockerd_running() -> bool:
    for stat in Path("/proc").glob("[0-9]*/comm"):
        with contextlib.suppress(OSError):
            if stat.read_text().strip() == "dockerd":
                return True
    return False


def _unmount_below(directory: Path) -> None:
    """Unmount what a killed dockerd left mounted under its data root (overlays, netns)."""
    mounts = Path("/proc/self/mounts").read_text().splitlines()
    points = [line.split()[1] for line in mounts if line.split()[1].startswith(f"{directory}/")]
    for point in sorted(points, key=len, reverse=True):
        subprocess.run(["umount", "-l", point], capture_output=True)
