"""The ECR stand-in: the login moto hands out, and the host name mapping it adds and removes.

The whole path (docker login and push through Docker Engine) is exercised by the page
docs/cloud/monolith-to-microservices.md; these tests need neither root nor an engine.
"""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.services import aws_guard, ecr


@pytest.fixture
def hosts(tmp_path):
    path = tmp_path / "hosts"
    path.write_text("127.0.0.1 localhost\n::1 localhost ip6-localhost\n")
    return path


def test_the_registry_host_maps_to_loopback_once_and_is_removed_without_touching_other_lines(hosts):
    host = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
    ecr.map_host(hosts, host)
    ecr.map_host(hosts, host)
    lines = hosts.read_text().splitlines()
    assert lines[:2] == ["127.0.0.1 localhost", "::1 localhost ip6-localhost"]
    assert [line for line in lines if host in line] == [f"{ecr.ADDRESS} {host} {ecr.MARK}"]
    ecr.unmap_hosts(hosts)
    assert hosts.read_text() == "127.0.0.1 localhost\n::1 localhost ip6-localhost\n"


def test_the_stand_in_serves_on_loopback_but_not_where_pages_publish_ports():
    address = ipaddress.ip_address(ecr.ADDRESS)
    assert address.is_loopback and str(address) != "127.0.0.1"


def test_the_login_is_the_one_aws_ecr_get_login_password_gives(pytestconfig):
    moto = pytestconfig.pluginmanager.get_plugin("dsp-aws").moto_endpoint()
    env = {"PATH": os.environ["PATH"], **aws_guard.base_environment(None), "AWS_ENDPOINT_URL": moto}
    user, password, host = ecr.registry_login(env)
    assert user == "AWS"
    assert host.endswith(".dkr.ecr.us-east-1.amazonaws.com")
    cli = Path(sys.executable).parent / "aws"
    printed = subprocess.run([str(cli), "ecr", "get-login-password"], env=env, capture_output=True, text=True)
    assert printed.stdout.strip() == password
