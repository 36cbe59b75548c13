"""The built site, shared by the site tests: built once per run into a temporary directory."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from checks import paths
from dsp_markdown import mkdocs_site

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)


def build_site(destination: Path) -> None:
    """`mkdocs build --strict` into destination; a failure shows mkdocs's own report."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(destination)],
        cwd=THIS_SITE.root, env=env, capture_output=True, text=True, timeout=300,
    )
    if done.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}", pytrace=False)


def _report_dir(where: Path, document: dict | None) -> Path:
    reports = where / "reports"
    reports.mkdir(parents=True)
    if document is not None:
        (reports / "snippets.json").write_text(json.dumps(document))
    return reports


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command[2:4])} failed:\n{done.stdout}{done.stderr}", pytrace=False)


def build_with_mkdocs(where: Path, document: dict | None) -> Path:
    """The site as `mkdocs build --strict` makes it from this report (None: no report)."""
    site = where / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DSP_REPORT_DIR": str(_report_dir(where, document))}
    _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)], THIS_SITE.root, env)
    return site


def build_with_zensical(where: Path, document: dict | None) -> Path:
    """The site as `zensical build --strict` makes it from this report and the same mkdocs.yml.

    Zensical writes its site and its cache inside the folder of its config file and refuses
    a site_dir outside it, so it builds a copy of the sources (the snippets by a symlink:
    pymdownx.snippets finds them from the working directory).
    """
    project = where / "project"
    project.mkdir(parents=True)
    for name in ("docs", "overrides"):
        shutil.copytree(THIS_SITE.root / name, project / name)
    (project / "snippets").symlink_to(THIS_SITE.snippets)
    (project / "mkdocs.yml").write_text((THIS_SITE.root / "mkdocs.yml").read_text(encoding="utf-8") + "\nsite_dir: site\n")
    env = {
        **os.environ,
        "DSP_REPORT_DIR": str(_report_dir(where, document)),
        # The site is this checkout, not the copy: its snippets resolve there (the symlink).
        "DSP_ROOT": str(THIS_SITE.root),
        # dsp_markdown and checks from this checkout, as `python -m mkdocs` in its root finds them
        "PYTHONPATH": os.pathsep.join([str(THIS_SITE.root), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    }
    _run([sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", "mkdocs.yml"], project, env)
    return project / "site"


@pytest.fixture
def build_with_report(tmp_path) -> Callable[..., Path]:
    """build_with_report(document, tool="mkdocs"): the site built by that tool from that report."""
    tools = {"mkdocs": build_with_mkdocs, "zensical": build_with_zensical}
    return lambda document, tool="mkdocs": tools[tool](tmp_path / tool, document)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    build_site(site)
    return site


@pytest.fixture(scope="session")
def nav_urls() -> list[str]:
    """The site-relative URL of every page in the nav, home first."""
    pages = mkdocs_site.nav_pages(mkdocs_site.mkdocs_config(THIS_SITE)["nav"])
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
