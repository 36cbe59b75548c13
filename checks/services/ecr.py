"""A stand-in for Amazon ECR's registry, so `docker login` and `docker push` to an ECR URI work.

moto answers ECR's API (create-repository, get-login-password) but serves no registry. For a
step that requires `ecr-push`, the gate:

* maps the registry host name moto hands out (ACCOUNT.dkr.ecr.REGION.amazonaws.com) to
  127.0.0.2 in /etc/hosts: a loopback address, so nothing pushed can leave the machine, and
  not 127.0.0.1, where pages publish their ports;
* serves Debian's docker-registry on 127.0.0.2:80 with htpasswd auth: user `AWS` and, as
  password, the token `aws ecr get-login-password` prints (moto's), so a wrong password is
  refused as ECR would refuse it.

Docker Engine treats registries whose address is in 127.0.0.0/8 as insecure by default
(InsecureRegistryCIDRs): after https on 443 is refused it talks plain HTTP to port 80. No
daemon flag is needed, so an engine that already runs is used as it is, as long as it keeps
that default and reads this machine's /etc/hosts.

The registry is shared by the gate processes that use it (ref-counted, like the engine): the
last one to leave stops it, removes the host name and deletes what was pushed.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from checks.services import aws_guard, dockerd
from checks.waiting import wait_until

ADDRESS = "127.0.0.2"
PORT = 80
MARK = "# dsp-ecr: the gate's stand-in for Amazon ECR, removed when the gate ends"

TOKEN = """
import json, boto3
data = boto3.client("ecr").get_authorization_token()["authorizationData"][0]
print(json.dumps({"token": data["authorizationToken"], "endpoint": data["proxyEndpoint"]}))
"""


def registry_login(env: dict[str, str]) -> tuple[str, str, str]:
    """(user, password, registry host) as moto hands them out, asked in a session's environment."""
    return _login(aws_guard.settings_of(env))  # moto's token depends on account and region only


@cache  # a pure function of the AWS settings it is given: moto's endpoint, account and region
def _login(aws_settings: frozenset[tuple[str, str]]) -> tuple[str, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", TOKEN], env=dict(aws_settings), capture_output=True, text=True, timeout=60
    )
    if done.returncode != 0:
        raise RuntimeError(f"could not get an ECR token from moto: {done.stderr.strip()[-300:]}")
    answer = json.loads(done.stdout)
    user, password = base64.b64decode(answer["token"]).decode().split(":", 1)
    return user, password, urlparse(answer["endpoint"]).hostname or ""


def _listening() -> bool:
    try:
        with socket.create_connection((ADDRESS, PORT), timeout=1):
            return True
    except OSError:
        return False


def _write_hosts(hosts: Path, lines: list[str]) -> None:
    # In place (not a rename): /etc/hosts is often a bind mount.
    with open(hosts, "w") as file:
        file.write("\n".join(lines) + "\n")


def map_host(hosts: Path, host: str) -> None:
    entry = f"{ADDRESS} {host} {MARK}"
    lines = hosts.read_text().splitlines()
    if entry not in lines:
        _write_hosts(hosts, [line for line in lines if not line.endswith(MARK)] + [entry])


def engine_resolves(api, host: str) -> bool:
    """Whether the engine finds `host`: it asks the registry there about an image (any answer
    but "no such host" will do, a refusal included)."""
    import docker.errors

    try:
        api.api.inspect_distribution(f"{host}/dsp/resolves")
    except docker.errors.APIError as error:
        return "no such host" not in str(error)
    return True


def until_the_engine_resolves(api, host: str, hosts: Path) -> None:
    """Wait until the engine finds a name just mapped in `hosts`. The engine (Go) keeps what it
    read of the file for 5 s: after a lookup it made just before (a pull by another page, say),
    a login at once would fail with "no such host"."""
    wait_until(lambda: engine_resolves(api, host), f"the engine resolving {host} as {hosts} maps it", 30)


def unmap_hosts(hosts: Path) -> None:
    lines = hosts.read_text().splitlines()
    kept = [line for line in lines if not line.endswith(MARK)]
    if kept != lines:
        _write_hosts(hosts, kept)


class Ecr:
    """The `ecr-push` requirement: the stand-in registry, shared by the gate processes using it."""

    def __init__(self, engine, aws) -> None:
        self.engine = engine
        self.aws = aws
        self.state = engine.state / "ecr"
        self.hosts = Path(os.environ.get("DSP_HOSTS_FILE", "/etc/hosts"))
        self.sessions: set[str] = set()  # sessions of this process using the registry

    def _registry_pid(self) -> int | None:
        return dockerd.pid_in(self.state / "registry.pid")

    def _start_registry(self, user: str, password: str) -> None:
        binary = shutil.which("docker-registry")
        if not binary:
            raise RuntimeError("docker-registry is not installed (Debian package docker-registry)")
        state = self.state
        state.mkdir(parents=True, exist_ok=True)
        htpasswd = subprocess.run(
            ["htpasswd", "-Bbn", user, password], capture_output=True, text=True, check=True
        ).stdout
        (state / "htpasswd").write_text(htpasswd)
        config = state / "registry.yml"
        config.write_text(
            "version: 0.1\n"
            "log: {level: warn}\n"
            f"storage: {{filesystem: {{rootdirectory: {state / 'data'}}}, delete: {{enabled: true}}}}\n"
            f'http: {{addr: "{ADDRESS}:{PORT}"}}\n'
            f"auth: {{htpasswd: {{realm: ecr-stand-in, path: {state / 'htpasswd'}}}}}\n"
        )
        with open(state / "registry.log", "ab") as log:
            process = subprocess.Popen(
                [binary, "serve", str(config)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C on the gate must not kill it before cleanup
            )
        dockerd.write_pid_file(state / "registry.pid", process.pid)
        wait_until(_listening, "the ECR stand-in registry listening", 10)

    def use(self, session) -> None:
        """Before a step needing `ecr-push`: moto, the registry and the host name are ready."""
        if session.env.get("AWS_ENDPOINT_URL") != self.aws.moto_endpoint():
            self.aws.use_moto(session)  # the `aws` requirement may come after this one
        user, password, host = registry_login(session.env)
        with self.engine.locked():
            users = self.state / "users"
            users.mkdir(parents=True, exist_ok=True)
            dockerd.write_pid_file(users / str(os.getpid()), os.getpid())
            identity = f"{user}:{password}@{host}"
            if self._registry_pid() and (self.state / "identity").read_text() != identity:
                self._stop_registry()
            if not self._registry_pid():
                self._start_registry(user, password)
                (self.state / "identity").write_text(identity)
            map_host(self.hosts, host)
        self.sessions.add(session.id)
        until_the_engine_resolves(dockerd.client(), host, self.hosts)

    def _stop_registry(self) -> None:
        pid = self._registry_pid()
        if pid:
            os.kill(pid, signal.SIGTERM)
            wait_until(lambda: not dockerd.alive(pid), "the ECR stand-in registry exiting", 30)
        for name in ("registry.pid", "identity", "htpasswd", "registry.yml"):
            (self.state / name).unlink(missing_ok=True)
        shutil.rmtree(self.state / "data", ignore_errors=True)

    def clean_session(self, session) -> None:
        """The last session of the last process using the registry stops it and unmaps the host."""
        if session.id not in self.sessions:
            return
        self.sessions.discard(session.id)
        if self.sessions:
            return
        with self.engine.locked():
            users = self.state / "users"
            (users / str(os.getpid())).unlink(missing_ok=True)
            if dockerd.live_users(users):
                return
            self._stop_registry()
            unmap_hosts(self.hosts)

    def available(self) -> str | None:
        why = "pushing to the ECR stand-in"
        if os.geteuid() != 0:
            return f"{why} needs root (it serves on port {PORT} and maps a host name in {self.hosts})"
        if not os.access(self.hosts, os.W_OK):
            return f"{why} needs to map the registry host name in {self.hosts}, which is not writable"
        for tool in ("docker-registry", "htpasswd"):
            if not shutil.which(tool):
                return f"{why} needs {tool} (Debian packages docker-registry, apache2-utils)"
        reason = self.engine.ensure()
        if reason:
            return reason
        api = dockerd.client()
        if not api.api.base_url.startswith("http+docker://localhost"):
            return f"{why} needs a Docker Engine on this machine (it reads this machine's {self.hosts})"
        cidrs = api.info().get("RegistryConfig", {}).get("InsecureRegistryCIDRs") or []
        if not any(ipaddress.ip_address(ADDRESS) in ipaddress.ip_network(c) for c in cidrs):
            return (
                f"{why} needs a Docker Engine that treats {ADDRESS} as an insecure registry "
                f"(its insecure registry CIDRs are {cidrs}; the default includes 127.0.0.0/8)"
            )
        if _listening() and not self._registry_pid():
            return f"{why} needs {ADDRESS}:{PORT}, which something else is using"
        return None

    # --- hooks (checks/hookspecs.py) ------------------------------------------------------------

    def pytest_dsp_capabilities(self):
        return {"ecr-push": self.available}

    def pytest_dsp_before_step(self, session, requires: list[str]) -> None:
        if "ecr-push" in requires:
            self.use(session)

    def pytest_dsp_session_close(self, session) -> None:
        self.clean_session(session)
