"""The ECR stand-in's host name: a login right after the name is mapped finds it.

Docker Engine (Go) keeps what it read of /etc/hosts for 5 seconds, so a name mapped just
after the engine looked up any other name is not found at once (2026-12-02: a page's
`docker login` to the stand-in failed "no such host" while another page pulled).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from checks.services import ecr

HOSTS = Path("/etc/hosts")


@pytest.fixture
def unmapped_host(docker_engine, pytestconfig):
    if os.geteuid() != 0 or not os.access(HOSTS, os.W_OK):
        pytest.skip(f"mapping a host name needs root and a writable {HOSTS}")
    host = f"dsp-test-{uuid.uuid4().hex[:8]}.dkr.ecr.us-east-1.amazonaws.com"
    line = f"{ecr.ADDRESS} {host} # dsp test of tests/engine/test_ecr_host.py"
    # Under the engine's lock, as the ECR stand-in edits the file: a page on another worker
    # may be mapping its registry's name meanwhile, and neither edit may lose the other.
    engine = pytestconfig.pluginmanager.get_plugin("dsp-engine")
    yield host, line, engine
    with engine.locked():
        kept = [text for text in HOSTS.read_text().splitlines() if text != line]
        with open(HOSTS, "w") as file:  # in place, as ecr.py writes it: /etc/hosts may be a bind mount
            file.write("\n".join(kept) + "\n")


def test_a_name_mapped_just_after_the_engine_read_the_hosts_file_is_waited_for(docker_engine, unmapped_host):
    host, line, engine = unmapped_host
    assert not ecr.engine_resolves(docker_engine, host)  # the engine has just read the file
    with engine.locked(), open(HOSTS, "a") as file:
        file.write(line + "\n")
    ecr.until_the_engine_resolves(docker_engine, host, HOSTS)
    assert ecr.engine_resolves(docker_engine, host)
