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

import json
import re
import socket
import subprocess
import sys
from functools import cache
from urllib.parse import urlparse

from checks.services import environment

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
# What a snippet must never do: choose its own endpoint, profile or credentials file.
FORBIDDEN = re.compile(
    r"--endpoint-url|--profile\b|AWS_PROFILE|AWS_ENDPOINT_URL|AWS_SHARED_CREDENTIALS_FILE|AWS_CONFIG_FILE"
)


class RealAwsReachable(RuntimeError):
    """Raised (and shown as the step's failure) when a step could reach real AWS."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@cache
def moto_endpoint() -> str:
    """One moto server per process, started on first use."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return f"http://127.0.0.1:{port}"


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


def use_moto(session) -> None:
    session.env["AWS_ENDPOINT_URL"] = moto_endpoint()
    guard(session.env)


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
print(json.dumps({s: session.client(s).meta.endpoint_url for s in ("s3", "sts", "dynamodb", "lambda", "ec2", "ecr")}))
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


def _endpoints_resolved_by_botocore(env: dict[str, str]) -> dict[str, str]:
    """Ask botocore, in the session's own environment, where each client would connect."""
    return _probe(frozenset(env.items()))


def vet_step(step) -> str | None:
    """A step that picks its own endpoint, profile or credentials file is refused."""
    text = step.read_text(encoding="utf-8", errors="replace")
    found = forbidden_in(text)
    if found:
        return f"refused: the step sets {found}; the gate alone decides where AWS requests go"
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
