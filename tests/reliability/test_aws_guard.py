"""The AWS guard: no page session can reach real AWS or read the author's ~/.aws.

* The guard refuses an environment that could reach a real endpoint or account.
* A step that picks its own endpoint, profile, credentials file or proxy is refused, never run.
* With every *.amazonaws.com name resolving to a local sink, the `aws` commands of a session
  send nothing there (and a control run without the gate shows the trap does catch requests).
* The gate process's own ~/.aws (poisoned) is never opened, by any process (inotify).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from checks.services import aws_guard as aws

REPO = Path(__file__).resolve().parents[2]

# A resolver that sends every *.amazonaws.com name to the sink, whatever the port asked for.
SITECUSTOMIZE = """
import os, socket
_real = socket.getaddrinfo
_sink = int(os.environ["DSP_TEST_SINK_PORT"])

def _trapped(host, port, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else (host or "")
    if name.rstrip(".").endswith("amazonaws.com"):
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("127.0.0.1", _sink))]
    return _real(host, port, *args, **kwargs)

socket.getaddrinfo = _trapped
"""


class Sink:
    """A loopback TCP server that records every connection (HTTP or TLS alike)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(2)
                with contextlib.suppress(OSError):
                    self.received.append(connection.recv(4096) or b"<connected>")

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def sink() -> Iterator[Sink]:
    trap = Sink()
    yield trap
    trap.close()


@pytest.fixture
def trapped_env(tmp_path: Path, sink: Sink) -> dict[str, str]:
    """Environment whose Python processes resolve *.amazonaws.com to the sink."""
    trap_dir = tmp_path / "trap"
    trap_dir.mkdir()
    (trap_dir / "sitecustomize.py").write_text(SITECUSTOMIZE)
    return {"PYTHONPATH": f"{trap_dir}{os.pathsep}{REPO}", "DSP_TEST_SINK_PORT": str(sink.port)}


def gated_environment(**changes: str | None) -> dict[str, str]:
    """What a session running `aws` gets (endpoint: a loopback port), with changes."""
    env = {"PATH": os.environ["PATH"], **aws.base_environment(None), "AWS_ENDPOINT_URL": "http://127.0.0.1:1"}
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


# --- the guard ------------------------------------------------------------------------------


def test_the_gate_environment_passes_the_guard():
    aws.guard(gated_environment())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"AWS_ENDPOINT_URL": "https://s3.amazonaws.com"}, "AWS_ENDPOINT_URL='https://s3.amazonaws.com' is not loopback"),
        ({"AWS_ENDPOINT_URL": None}, "is not loopback"),
        ({"AWS_ENDPOINT_URL_S3": "https://s3.eu-west-1.amazonaws.com"}, "AWS_ENDPOINT_URL_S3="),
        ({"AWS_PROFILE": "production"}, "an AWS profile is set"),
        ({"AWS_DEFAULT_PROFILE": "production"}, "an AWS profile is set"),
        ({"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE"}, "AWS_ACCESS_KEY_ID is not the fake value"),
        (
            {"AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
            "AWS_SECRET_ACCESS_KEY is not the fake value",
        ),
        ({"AWS_SHARED_CREDENTIALS_FILE": "/root/.aws/credentials"}, "AWS_SHARED_CREDENTIALS_FILE is not the fake"),
        ({"AWS_CONFIG_FILE": None}, "AWS_CONFIG_FILE is not the fake value"),
        ({"HTTPS_PROXY": None}, "HTTPS_PROXY is not the gate's loopback sink"),
        # Every check above passes; only botocore knows this one ignores AWS_ENDPOINT_URL.
        ({"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"}, "botocore would send requests to"),
    ],
    ids=lambda value: next(iter(value)) if isinstance(value, dict) else None,
)
def test_the_guard_refuses_an_environment_that_could_reach_real_aws(changes, message):
    with pytest.raises(aws.RealAwsReachable) as refused:
        aws.guard(gated_environment(**changes))
    assert message in str(refused.value)


# --- steps that choose their own way out ---------------------------------------------------


@pytest.mark.parametrize(
    "snippet",
    [
        "aws s3 ls --endpoint-url https://s3.amazonaws.com",
        "aws s3 ls --profile production",
        "AWS_PROFILE=production aws s3 ls",
        "export AWS_ENDPOINT_URL=https://s3.amazonaws.com",
        "unset AWS_ENDPOINT_URL",
        "export AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true",
        "AWS_SHARED_CREDENTIALS_FILE=~/.aws/credentials aws s3 ls",
        "unset HTTPS_PROXY; aws s3 ls",
        "no_proxy='*' curl https://s3.amazonaws.com",
        "env -i aws s3 ls --no-sign-request",
        "env --ignore-environment PATH=/usr/bin aws s3 ls",
    ],
)
def test_a_step_choosing_its_own_endpoint_profile_or_proxy_is_refused(tmp_path, snippet):
    step = tmp_path / "01.sh"
    step.write_text(snippet + "\n")
    assert aws.vet_step(step) is not None and aws.vet_step(step).startswith("refused:")


@pytest.mark.parametrize(
    "snippet",
    [
        "aws s3 ls",
        'aws ec2 describe-instances --query "Reservations[].Instances[].InstanceId"',
        "printenv HOME",
        "AWS_REGION=eu-west-1 aws s3 ls",
    ],
)
def test_ordinary_steps_are_not_refused(tmp_path, snippet):
    step = tmp_path / "01.sh"
    step.write_text(snippet + "\n")
    assert aws.vet_step(step) is None


def test_a_refused_step_fails_naming_the_file_and_never_runs(run_gate, tmp_path):
    marker = tmp_path / "ran"
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01-list.sh": f"touch {marker}\naws s3 ls --endpoint-url https://s3.amazonaws.com\n",
        }
    )
    assert result.returncode == 1
    assert "snippets/sec/page/01-list.sh: refused: the step contains '--endpoint-url'" in result.stdout
    assert not marker.exists()


# --- nothing reaches *.amazonaws.com -------------------------------------------------------


def test_the_trap_catches_a_request_made_without_the_gate(trapped_env, sink, tmp_path):
    """Control: outside the gate, the same `aws` command does reach the sink."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_MAX_ATTEMPTS": "1",
        **trapped_env,
    }
    aws_cli = Path(sys.executable).parent / "aws"
    subprocess.run([str(aws_cli), "s3", "ls"], env=env, capture_output=True, timeout=60)
    assert sink.received, "the trap did not catch a request to s3.amazonaws.com"


SESSION_STEPS = {
    "docs/sec/page.md": "# P\n",
    "snippets/sec/page/01-aws.sh": (
        "aws s3 mb s3://guard-test-bucket\n"
        "aws s3 ls\n"
        "aws sts get-caller-identity --query Account --output text\n"
        "aws ec2 describe-regions --region eu-west-1 --query 'length(Regions) > `0`'\n"
        "aws s3 rb s3://guard-test-bucket > /dev/null\n"
    ),
    "snippets/sec/page/01-aws.out": "make_bucket: guard-test-bucket\n... guard-test-bucket\n123456789012\ntrue\n",
    # A boto3 client given a real endpoint in code: the proxy sink stops it before any lookup.
    "snippets/sec/page/02-boto3.sh": (
        "AWS_MAX_ATTEMPTS=1 python3 -c 'import boto3; "
        'boto3.client("s3", endpoint_url="https://s3.amazonaws.com").list_buckets()\'\n'
    ),
    "snippets/sec/page/02-boto3.out": "...\n...ProxyConnectionError: Failed to connect to proxy URL: \"http://127.0.0.1:9\"\n",
    "snippets/sec/page/_page.yml": "steps:\n  02-boto3.sh:\n    exit_code: 1\n",
    "snippets/sec/page/03-curl.sh": "curl --silent --show-error --max-time 10 https://s3.amazonaws.com/ || echo refused\n",
    "snippets/sec/page/03-curl.out": "curl: ...\nrefused\n",
    "snippets/sec/page/04-config.sh": "aws configure list\n",
    "snippets/sec/page/04-config.out": (
        "...\n"
        "access_key ****************ting env...\n"
        "secret_key ****************ting env...\n"
        "region us-east-1 env...\n"
    ),
}


class OpenWatch:
    """Records every file opened in a directory, by any process (Linux inotify)."""

    IN_ACCESS, IN_OPEN = 0x1, 0x20

    def __init__(self, directory: Path) -> None:
        self.libc = ctypes.CDLL("libc.so.6", use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK)
        if self.fd < 0 or self.libc.inotify_add_watch(
            self.fd, str(directory).encode(), self.IN_ACCESS | self.IN_OPEN
        ) < 0:
            pytest.skip(f"inotify is unavailable here (errno {ctypes.get_errno()})")

    def opened(self) -> list[str]:
        names: list[str] = []
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return sorted(set(names))
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16 : offset + 16 + length].rstrip(b"\0").decode()
                names.append(name or ".")
                offset += 16 + length

    def close(self) -> None:
        os.close(self.fd)


def test_the_open_watch_sees_botocore_read_aws_files(tmp_path):
    """Control: the watch does see botocore reading ~/.aws when nothing stops it."""
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text("[default]\nregion = eu-west-3\n")
    watch = OpenWatch(tmp_path / ".aws")
    aws_cli = Path(sys.executable).parent / "aws"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    done = subprocess.run([str(aws_cli), "configure", "get", "region"], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "eu-west-3"
    assert "config" in watch.opened()
    watch.close()


def test_sessions_send_nothing_to_amazonaws_and_never_read_the_gates_aws_files(
    run_gate, trapped_env, sink, tmp_path, monkeypatch
):
    home = tmp_path / "gate-home"
    aws_dir = home / ".aws"
    aws_dir.mkdir(parents=True)
    sink_url = f"http://127.0.0.1:{sink.port}"
    (aws_dir / "config").write_text(f"[default]\nregion = eu-west-3\nendpoint_url = {sink_url}\n")
    (aws_dir / "credentials").write_text(
        "[default]\naws_access_key_id = AKIAPOISONEDEXAMPLE0\naws_secret_access_key = poisoned\n"
    )
    watch = OpenWatch(aws_dir)
    monkeypatch.setenv("HOME", str(home))
    # The author's own settings point at the poisoned files and a real-looking account.
    monkeypatch.setenv("AWS_PROFILE", "default")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(aws_dir / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(aws_dir / "credentials"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAPOISONEDEXAMPLE0")
    try:
        result = run_gate(SESSION_STEPS, env=trapped_env, timeout=240)
        opened = watch.opened()
    finally:
        watch.close()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 passed" in result.stdout
    assert sink.received == [], f"requests reached the *.amazonaws.com sink: {sink.received[:3]}"
    assert opened == [], f"the gate's own AWS files were opened: {opened}"
    assert "POISONED" not in result.stdout and "eu-west-3" not in result.stdout
