"""The built site, shared by the site tests: built once per run into a temporary directory."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from checks import layout, notes_map


def build_site(destination: Path) -> None:
    """`mkdocs build --strict` into destination; a failure shows mkdocs's own report."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(destination)],
        cwd=layout.ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    if done.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}", pytrace=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    build_site(site)
    return site


@pytest.fixture(scope="session")
def nav_urls() -> list[str]:
    """The site-relative URL of every page in the nav, home first."""
    pages = notes_map.nav_pages(notes_map.mkdocs_config()["nav"])
    urls = []
    for page in pages:
        stem = page.removesuffix(".md")
        if stem == "index":
            urls.append("")
        elif stem.endswith("/index"):
            urls.append(stem.removesuffix("index"))
        else:
            urls.append(stem + "/")
    return urls


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """The built site served on 127.0.0.1 on a free port, for the length of the run."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
