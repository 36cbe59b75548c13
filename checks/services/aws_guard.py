"""The AWS guard: no snippet can ever reach real AWS.

Every page session gets fake credentials, no shared config or credentials file, no
profile, and an HTTP(S) proxy that leads nowhere for any host but loopback, so even a
stray `curl https://...amazonaws.com` fails fast instead of leaving the machine. Before
each step that needs AWS, guard() checks that botocore would resolve every endpoint to
loopback (the gate's moto server); a step that picks its own endpoint, profile or
credentials file is refused before it runs (vet_step).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from urllib.parse import urlparse

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
RUNS_AWS = re.compile(r"^[^#\n]*\baws\s", re.M)


class RealAwsReachable(RuntimeError):
    """Raised (and shown as the step's failure) when a step could reach real AWS."""


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
    strays = {service: url for service, url in resolved.items() if urlparse(url).hostname not in LOOPBACK}
    if strays:
        raise RealAwsReachable(f"botocore would send requests to {strays}")


LOOPBACK = ("127.0.0.1", "localhost", "::1")
PROBE = """
import json, boto3
session = boto3.session.Session()
services = ("s3", "sts", "dynamodb", "lambda", "ec2", "ecr", "ssm", "elasticbeanstalk", "cloudformation")
print(json.dumps({s: session.client(s).meta.endpoint_url for s in services}))
"""


@cache  # a pure function of the AWS settings it is given (where each endpoint resolves)
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
