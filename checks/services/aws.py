"""AWS for the gate: moto, and a guard that no snippet can ever reach real AWS.

Every page session gets fake credentials, no shared config or credentials file, no
profile, and an HTTP(S) proxy that leads nowhere for any host but loopback, so even a
stray `curl https://...amazonaws.com` fails fast instead of leaving the machine.
A step that needs AWS (it runs `aws`, or `_page.yml` says `requires: [aws]`) gets
AWS_ENDPOINT_URL pointing at one moto server started for the run; before each such step
the guard checks that botocore would resolve every endpoint to that server, and refuses
to run the step otherwise.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import re
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
from urllib.parse import urlparse

from checks.services import aws_inventory, environment, lambda_runtimes

FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_PAGER": "",
}
# A closed port on loopback: whatever is sent there is refused at once.
SINK = "http://127.0.0.1:9"
LOOPBACK_HOSTS = "localhost,127.0.0.1,::1,.localhost"
# What a snippet must never do: choose its own endpoint, profile or credentials file, change
# the proxy that keeps requests on the machine, or run a command with an emptied environment
# (which drops AWS_ENDPOINT_URL and the proxy at once).
FORBIDDEN = re.compile(
    r"--endpoint-url|--profile\b|AWS_PROFILE|AWS_DEFAULT_PROFILE|AWS_ENDPOINT_URL"
    r"|AWS_SHARED_CREDENTIALS_FILE|AWS_CONFIG_FILE|AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"
    r"|\b(?:HTTPS?|NO|ALL)_PROXY\b|\b(?:https?|no|all)_proxy\b"
    r"|\benv\s+(?:-[a-zA-Z]*i\b|--ignore-environment)|\bexec\s+-[a-zA-Z]*c\b"
)
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")


class RealAwsReachable(RuntimeError):
    """Raised (and shown as the step's failure) when a step could reach real AWS."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_moto: dict[str, object] = {}  # the running server: {"process": Popen, "endpoint": url}


def moto_endpoint() -> str:
    """The gate process's moto server; a server that died (killed mid-run) is replaced."""
    process = _moto.get("process")
    if process is not None and process.poll() is None:
        return str(_moto["endpoint"])
    if process is not None:
        print("[aws] the moto server died; starting a new one (its state is lost)", file=sys.stderr)
        _sessions_reset.clear()
    _moto["endpoint"] = _start_moto()
    return str(_moto["endpoint"])


def _start_moto() -> str:
    """One moto server per gate process, started on first use and stopped when it exits.

    moto runs in a process of its own with an environment of its own (fake credentials,
    no config files, a throwaway HOME), so the gate's own AWS settings and ~/.aws can
    neither reach nor disturb it. MOTO_* and DOCKER_HOST pass through (Lambda containers).
    """
    port = free_port()
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
    with open(home / "moto.log", "wb") as log:
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
    _moto["process"] = server
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"moto server exited: {(home / 'moto.log').read_text()[-500:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    _stop(server, home)
    raise RuntimeError("moto server did not start within 30 s")


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the gate process dies, even by kill -9 (Linux)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _stop(server: subprocess.Popen[bytes], home: Path) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    shutil.rmtree(home, ignore_errors=True)


def base_environment(session) -> dict[str, str]:
    """Every session: fake credentials, no way out but loopback, AWS pointed at the sink."""
    return {
        **FAKE_CREDENTIALS,
        "AWS_ENDPOINT_URL": SINK,
        "HTTP_PROXY": SINK,
        "HTTPS_PROXY": SINK,
        "http_proxy": SINK,
        "https_proxy": SINK,
        "NO_PROXY": LOOPBACK_HOSTS,
        "no_proxy": LOOPBACK_HOSTS,
    }


_sessions_reset: set[str] = set()


def use_moto(session) -> None:
    """Point the session at moto; each page starts from an empty account, as a reader's would."""
    endpoint = moto_endpoint()
    session.env["AWS_ENDPOINT_URL"] = endpoint
    real, version = real_cli()
    if real:
        session.env.update(DSP_AWS_REAL=real, DSP_AWS_VERSION=version)
    guard(session.env)
    if session.id not in _sessions_reset:
        request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")
        with urllib.request.urlopen(request, timeout=300):  # a reset reloads IAM's managed policies: slow under load
            pass
        _sessions_reset.add(session.id)
        aws_inventory.note_baseline(session)  # inventory: what the page's clean-up is judged against


@cache
def real_cli() -> tuple[str, str]:
    """The real `aws` the shim runs for sessions (shims/aws says which), and its aws-cli/X.Y.Z."""
    path = os.pathsep.join([str(environment.SHIMS), str(environment.PROJECT_BIN), os.environ.get("PATH", "")])
    # As masked as a session's: `aws --version` must not read the author's ~/.aws either.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DSP_AWS_", *environment.MASKED_PREFIXES))}
    with tempfile.TemporaryDirectory(prefix="dsp-aws-probe-") as home:
        env.update(PATH=path, HOME=home, DSP_AWS_DESCRIBE="1")
        done = subprocess.run([str(environment.SHIMS / "aws")], env=env, capture_output=True, text=True, timeout=120)
    real, _, version = done.stdout.strip().partition("\n")
    return (real, version) if done.returncode == 0 else ("", "")


def cli_description() -> str:
    """For the report: "AWS CLI 1.46.3 with the v2 adapter", or "AWS CLI 2.31.0" where v2 runs."""
    number = real_cli()[1].removeprefix("aws-cli/")
    if not number:
        return "no AWS CLI found"
    return f"AWS CLI {number} with the v2 adapter" if number.startswith("1.") else f"AWS CLI {number}"


def guard(env: dict[str, str]) -> None:
    """Refuse unless every AWS endpoint botocore would use for this environment is loopback."""
    endpoint = urlparse(env.get("AWS_ENDPOINT_URL", ""))
    if endpoint.hostname not in LOOPBACK:
        raise RealAwsReachable(f"AWS_ENDPOINT_URL={env.get('AWS_ENDPOINT_URL')!r} is not loopback")
    for name, value in FAKE_CREDENTIALS.items():
        if env.get(name) != value:
            raise RealAwsReachable(f"{name} is not the fake value the gate sets")
    if "AWS_PROFILE" in env or "AWS_DEFAULT_PROFILE" in env:
        raise RealAwsReachable("an AWS profile is set")
    for name, value in env.items():
        if name.startswith("AWS_ENDPOINT_URL_") and urlparse(value).hostname not in LOOPBACK:
            raise RealAwsReachable(f"{name}={value!r} is not loopback")
    for name in PROXY_VARIABLES:
        if env.get(name) != SINK:
            raise RealAwsReachable(f"{name} is not the gate's loopback sink {SINK}")
    resolved = _endpoints_resolved_by_botocore(env)
    strays = {
        service: url for service, url in resolved.items() if urlparse(url).hostname not in LOOPBACK
    }
    if strays:
        raise RealAwsReachable(f"botocore would send requests to {strays}")


LOOPBACK = ("127.0.0.1", "localhost", "::1")
PROBE = """
import json, boto3
session = boto3.session.Session()
services = ("s3", "sts", "dynamodb", "lambda", "ec2", "ecr", "ssm", "elasticbeanstalk", "cloudformation")
print(json.dumps({s: session.client(s).meta.endpoint_url for s in services}))
"""


@cache
def _probe(frozen_env: frozenset[tuple[str, str]]) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=dict(frozen_env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        raise RealAwsReachable(f"could not check the AWS endpoints: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def settings_of(env: dict[str, str]) -> frozenset[tuple[str, str]]:
    """What decides how an AWS client behaves in `env`: its AWS_* and proxy variables and PATH.

    The config and credentials files are /dev/null (guard() checks it), so whatever HOME is,
    ~/.aws plays no part: answers asked in these settings are shared by every session with
    the same ones.
    """
    relevant = {
        name: value
        for name, value in env.items()
        if name.startswith("AWS_") or name.lower().endswith("_proxy") or name == "PATH"
    }
    return frozenset({**relevant, "HOME": "/nonexistent"}.items())


def _endpoints_resolved_by_botocore(env: dict[str, str]) -> dict[str, str]:
    """Ask botocore, in the session's own AWS settings, where each client would connect."""
    return _probe(settings_of(env))


def vet_step(step) -> str | None:
    """A step that picks its own endpoint, profile or credentials file is refused."""
    text = step.read_text(encoding="utf-8", errors="replace")
    found = forbidden_in(text)
    if found:
        return (
            f"refused: the step contains {found!r}; the gate alone decides where AWS requests go "
            "(no endpoint, profile, credentials file, proxy or emptied environment of its own)"
        )
    return None


def forbidden_in(text: str) -> str | None:
    match = FORBIDDEN.search(text)
    return match.group(0) if match else None


@environment.capability("aws")
def _moto_available() -> str | None:
    try:
        moto_endpoint()
    except Exception as error:
        return f"moto server could not start: {error}"
    return None


environment.PROVIDERS.append(base_environment)
environment.VETTERS.append(vet_step)
environment.ON_USE["aws"] = use_moto
environment.IMPLIED["aws"] = re.compile(r"^[^#\n]*\baws\s", re.M)
