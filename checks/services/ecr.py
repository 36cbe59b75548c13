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

from checks.services import aws, engine, environment
from checks.waiting import wait_until

ADDRESS = "127.0.0.2"
PORT = 80
HOSTS = Path(os.environ.get("DSP_HOSTS_FILE", "/etc/hosts"))
MARK = "# dsp-ecr: the gate's stand-in for Amazon ECR, removed when the gate ends"
STATE = engine.STATE / "ecr"

TOKEN = """
import json, boto3
data = boto3.client("ecr").get_authorization_token()["authorizationData"][0]
print(json.dumps({"token": data["authorizationToken"], "endpoint": data["proxyEndpoint"]}))
"""

_sessions: set[str] = set()  # sessions of this process using the registry


def registry_login(env: dict[str, str]) -> tuple[str, str, str]:
    """(user, password, registry host) as moto hands them out, asked in a session's environment."""
    return _login(aws.settings_of(env))  # moto's token depends on account and region only


@cache
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


def _registry_pid() -> int | None:
    path = STATE / "registry.pid"
    if not path.exists():
        return None
    pid = int(path.read_text().strip() or 0)
    return pid if pid and engine.alive(pid) else None


def _hosts_lines() -> list[str]:
    return HOSTS.read_text().splitlines()


def _write_hosts(lines: list[str]) -> None:
    # In place (not a rename): /etc/hosts is often a bind mount.
    with open(HOSTS, "w") as hosts:
        hosts.write("\n".join(lines) + "\n")


def _map_host(host: str) -> None:
    entry = f"{ADDRESS} {host} {MARK}"
    lines = _hosts_lines()
    if entry not in lines:
        _write_hosts([line for line in lines if not line.endswith(MARK)] + [entry])


def _unmap_hosts() -> None:
    lines = _hosts_lines()
    kept = [line for line in lines if not line.endswith(MARK)]
    if kept != lines:
        _write_hosts(kept)


def _start_registry(user: str, password: str) -> None:
    binary = shutil.which("docker-registry")
    if not binary:
        raise RuntimeError("docker-registry is not installed (Debian package docker-registry)")
    STATE.mkdir(parents=True, exist_ok=True)
    htpasswd = subprocess.run(
        ["htpasswd", "-Bbn", user, password], capture_output=True, text=True, check=True
    ).stdout
    (STATE / "htpasswd").write_text(htpasswd)
    config = STATE / "registry.yml"
    config.write_text(
        "version: 0.1\n"
        "log: {level: warn}\n"
        f"storage: {{filesystem: {{rootdirectory: {STATE / 'data'}}}, delete: {{enabled: true}}}}\n"
        f'http: {{addr: "{ADDRESS}:{PORT}"}}\n'
        f"auth: {{htpasswd: {{realm: ecr-stand-in, path: {STATE / 'htpasswd'}}}}}\n"
    )
    with open(STATE / "registry.log", "ab") as log:
        process = subprocess.Popen(
            [binary, "serve", str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C on the gate must not kill it before cleanup
        )
    (STATE / "registry.pid").write_text(str(process.pid))
    wait_until(_listening, "the ECR stand-in registry listening", 10)


def use(session) -> None:
    """Before a step needing `ecr-push`: moto, the registry and the host name are ready."""
    if session.env.get("AWS_ENDPOINT_URL") != aws.moto_endpoint():
        aws.use_moto(session)  # the `aws` requirement may come after this one
    user, password, host = registry_login(session.env)
    with engine.locked():
        users = STATE / "users"
        users.mkdir(parents=True, exist_ok=True)
        (users / str(os.getpid())).touch()
        identity = f"{user}:{password}@{host}"
        if _registry_pid() and (STATE / "identity").read_text() != identity:
            _stop_registry()
        if not _registry_pid():
            _start_registry(user, password)
            (STATE / "identity").write_text(identity)
        _map_host(host)
    _sessions.add(session.id)


def _stop_registry() -> None:
    pid = _registry_pid()
    if pid:
        os.kill(pid, signal.SIGTERM)
        wait_until(lambda: not engine.alive(pid), "the ECR stand-in registry exiting", 30)
    for name in ("registry.pid", "identity", "htpasswd", "registry.yml"):
        (STATE / name).unlink(missing_ok=True)
    shutil.rmtree(STATE / "data", ignore_errors=True)


def clean_session(session) -> None:
    """The last session of the last process using the registry stops it and unmaps the host."""
    if session.id not in _sessions:
        return
    _sessions.discard(session.id)
    if _sessions:
        return
    with engine.locked():
        users = STATE / "users"
        (users / str(os.getpid())).unlink(missing_ok=True)
        live = [p for p in users.iterdir() if engine.alive(int(p.name))] if users.exists() else []
        for entry in set(users.iterdir() if users.exists() else []) - set(live):
            entry.unlink(missing_ok=True)
        if live:
            return
        _stop_registry()
        _unmap_hosts()


@environment.capability("ecr-push")
def _available() -> str | None:
    why = "pushing to the ECR stand-in"
    if os.geteuid() != 0:
        return f"{why} needs root (it serves on port {PORT} and maps a host name in {HOSTS})"
    if not os.access(HOSTS, os.W_OK):
        return f"{why} needs to map the registry host name in {HOSTS}, which is not writable"
    for tool in ("docker-registry", "htpasswd"):
        if not shutil.which(tool):
            return f"{why} needs {tool} (Debian packages docker-registry, apache2-utils)"
    reason = engine.ensure()
    if reason:
        return reason
    api = engine.client()
    if not api.api.base_url.startswith("http+docker://localhost"):
        return f"{why} needs a Docker Engine on this machine (it reads this machine's {HOSTS})"
    cidrs = api.info().get("RegistryConfig", {}).get("InsecureRegistryCIDRs") or []
    if not any(ipaddress.ip_address(ADDRESS) in ipaddress.ip_network(c) for c in cidrs):
        return (
            f"{why} needs a Docker Engine that treats {ADDRESS} as an insecure registry "
            f"(its insecure registry CIDRs are {cidrs}; the default includes 127.0.0.0/8)"
        )
    if _listening() and not _registry_pid():
        return f"{why} needs {ADDRESS}:{PORT}, which something else is using"
    return None


environment.ON_USE["ecr-push"] = use
environment.CLEANERS.append(clean_session)
