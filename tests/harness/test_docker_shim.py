"""The gate's `docker` shim: labels, loopback publishing and limits, checked with a fake docker."""

import os
import subprocess
from pathlib import Path

import pytest

from checks.services.environment import SHIMS


@pytest.fixture
def docker(tmp_path: Path):
    fake = tmp_path / "bin" / "docker"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n')
    fake.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{SHIMS}:{fake.parent}:/usr/bin:/bin",
        "DSP_RUN_ID": "run1",
        "DSP_SESSION": "sess1",
        "DSP_OWNER_PID": "42",
    }

    def call(*args: str) -> list[str]:
        done = subprocess.run([str(SHIMS / "docker"), *args], env=env, capture_output=True, text=True, check=True)
        return done.stdout.splitlines()

    return call


def test_run_gets_labels_and_limits_and_the_readers_arguments_unchanged(docker):
    argv = docker("container", "run", "--rm", "alpine", "ls", "-l")
    assert argv[:2] == ["container", "run"]
    for label in ("dsp.run=run1", "dsp.session=sess1", "dsp.pid=42"):
        assert label in argv
    assert "--memory" in argv and "--pids-limit" in argv
    assert argv[-4:] == ["--rm", "alpine", "ls", "-l"]


def test_published_ports_bind_to_loopback_but_container_arguments_are_untouched(docker):
    argv = docker("run", "-d", "-p", "8080:80", "--name", "web1", "--publish=443:443", "nginx", "ls", "-p", "1:2")
    assert "127.0.0.1:8080:80" in argv
    assert "--publish=127.0.0.1:443:443" in argv
    assert argv[-4:] == ["nginx", "ls", "-p", "1:2"]


def test_a_container_port_alone_gets_a_free_host_port_on_loopback(docker):
    argv = docker("run", "--publish", "3000", "-p", "53/udp", "api")
    assert "127.0.0.1::3000" in argv
    assert "127.0.0.1::53/udp" in argv


def test_explicit_addresses_and_long_form_publish_specs_are_kept(docker):
    argv = docker("run", "-p", "0.0.0.0:80:80", "--publish", "mode=host,target=80,published=8080", "nginx")
    assert "0.0.0.0:80:80" in argv
    assert "mode=host,target=80,published=8080" in argv


def test_networks_volumes_builds_and_services_are_labelled(docker):
    for args in (
        ["network", "create", "-d", "overlay", "overnet"],
        ["volume", "create", "data"],
        ["image", "build", "--tag", "web:1.0", "."],
        ["build", "-t", "api", "."],
        ["service", "create", "--name", "s", "ubuntu", "sleep", "infinity"],
    ):
        assert "dsp.run=run1" in docker(*args), args


def test_read_only_commands_pass_through_unchanged(docker):
    assert docker("container", "ls", "--all") == ["container", "ls", "--all"]
    assert docker("--log-level", "warn", "image", "ls") == ["--log-level", "warn", "image", "ls"]


@pytest.mark.parametrize("flag", ["--privileged", "--cap-add=SYS_ADMIN", "--network=host", "--pid=host"])
def test_privileged_containers_are_refused(tmp_path, flag):
    fake = tmp_path / "bin" / "docker"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho ran\n")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{SHIMS}:{fake.parent}:/usr/bin:/bin"}
    done = subprocess.run([str(SHIMS / "docker"), "run", flag, "alpine"], env=env, capture_output=True, text=True)
    assert done.returncode == 126
    assert "refuses" in done.stderr and "ran" not in done.stdout
