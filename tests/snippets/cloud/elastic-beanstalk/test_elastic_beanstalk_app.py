"""The Node.js app of docs/cloud/elastic-beanstalk.md, run with node as Elastic Beanstalk runs it.

The platform starts `npm start` (package.json's start script) with PORT set, and sends the
load balancer's health checks to /health (.ebextensions/options.config).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

PAGE = Path(__file__).resolve().parents[4] / "snippets" / "cloud" / "elastic-beanstalk"

pytestmark = [
    pytest.mark.exercises(
        "cloud/elastic-beanstalk/app.js",
        "cloud/elastic-beanstalk/package.json",
        "cloud/elastic-beanstalk/options.config.yaml",
    ),
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def app() -> Iterator[str]:
    """The app started the way package.json says, with the environment options.config sets."""
    start = json.loads((PAGE / "package.json").read_text())["scripts"]["start"].split()
    options = yaml.safe_load((PAGE / "options.config.yaml").read_text())["option_settings"]
    environment = options["aws:elasticbeanstalk:application:environment"]
    port = free_port()
    process = subprocess.Popen(
        start,
        cwd=PAGE,
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", "PORT": str(port), **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == f"Listening on port {port}"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


def get(url: str) -> tuple[int, str, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=10) as response:
        return response.status, response.headers["Content-Type"], response.read().decode()


def test_the_page_names_the_table_configured_outside_the_environment(app):
    status, content_type, body = get(app + "/")
    assert status == 200 and content_type.startswith("text/html")
    assert "<h1>Hello from Elastic Beanstalk</h1>" in body
    assert "Sign-ups go to the table nodejs-tutorial-signups." in body


def test_the_health_check_path_answers_ok(app):
    options = yaml.safe_load((PAGE / "options.config.yaml").read_text())["option_settings"]
    path = options["aws:elasticbeanstalk:application"]["Application Healthcheck URL"]
    assert get(app + path) == (200, "text/plain", "ok\n")
