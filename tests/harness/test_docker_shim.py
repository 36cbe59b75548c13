"""The gate's `docker` shim: labels, loopback publishing and limits, checked with a fake docker.

What containers may do is decided at the engine, not here (tests/reliability/test_engine_policy.py)."""

import os
import subprocess
from pathlib import Path

import pytest

from checks.services.session_environment import SHIMS


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


@pytest.mark.parametrize(
    "options",
    [
        ["-d", "--pull", "always"],  # --pull takes a value: `always` is not the image
        ["-d", "--rm"],
        ["--pull=always", "-it", "-e", "A=B", "--name", "x"],
        ["-dit", "--network", "mynet", "-v", "data:/data", "--restart", "no"],
    ],
)
def test_a_port_binds_to_loopback_whatever_options_precede_it(docker, options):
    argv = docker("run", *options, "-p", "18089:80", "--name", "web", "nginx", "nginx", "-p", "1:2")
    assert "127.0.0.1:18089:80" in argv
    assert argv[-4:] == ["nginx", "nginx", "-p", "1:2"]


def test_short_option_clusters_with_a_port(docker):
    assert "127.0.0.1:8080:80" in docker("run", "-dp", "8080:80", "nginx")
    assert "-dp127.0.0.1:8081:80" in docker("run", "-dp8081:80", "nginx")
    assert "-p=127.0.0.1:8082:80" in docker("run", "-p=8082:80", "nginx")
    assert docker("run", "-P", "-d", "nginx")[-3:] == ["-P", "-d", "nginx"]


def test_a_service_publish_is_left_as_written(docker):
    # `service create -p 127.0.0.1:...` is an error ("hostip is not supported"); the engine
    # policy refuses routing-mesh ports and the engine binds mode=host ports to loopback.
    assert docker("service", "create", "-p", "8080:80", "nginx")[-3:] == ["-p", "8080:80", "nginx"]


@pytest.mark.parametrize("flag", ["--privileged", "--cap-add=SYS_ADMIN", "--network=host", "--pid=host"])
def test_privileges_are_passed_to_the_engine_whose_policy_refuses_them(docker, flag):
    argv = docker("run", flag, "alpine")
    assert argv[-2:] == [flag, "alpine"] and "dsp.session=sess1" in argv
