"""Shared fixtures for the harness's own tests: tiny sites made in a temp dir."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def write_site(root: Path, files: dict[str, str]) -> Path:
    """Writes docs/ and snippets/ files (dedented) under root.

    A page given with no include at all gets one include per file of its snippet folder
    (in name order), so tests about running need not spell out the page.
    """
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    for page, text in files.items():
        if page.startswith("docs/") and "--8<--" not in text:
            folder = page.removeprefix("docs/").removesuffix(".md")
            shown = sorted(
                name.removeprefix("snippets/")
                for name in files
                if name.startswith(f"snippets/{folder}/") and not name.endswith((".out", ".check.sh", "_page.yml"))
            )
            blocks = "".join(f'\n```text\n--8<-- "{target}"\n```\n' for target in shown)
            (root / page).write_text(text + blocks)
    (root / "conftest.py").write_text('pytest_plugins = ["checks.plugin"]\n')
    return root


@pytest.fixture
def in_process_site(request, monkeypatch, tmp_path) -> Callable[[dict[str, str]], pytest.Pytester]:
    """make(files) -> pytester: a tiny site in pytester's directory, for runs of the gate in this
    process (`inline_run`, `runpytest`; the test module asks for `pytest_plugins = ["pytester"]`).

    Its pytest.ini makes the site pytest's rootdir, so the run checks it (paths.site_of). It has
    an engine state of its own (so no run here leaves or stops the engine of the gate running
    these tests) and a run id of its own (so no run here removes that gate's engine objects).
    """
    pytester: pytest.Pytester = request.getfixturevalue("pytester")
    for overriding in ("DSP_ROOT", "DSP_REPORT_DIR", "PYTEST_ADDOPTS"):
        monkeypatch.delenv(overriding, raising=False)
    monkeypatch.setenv("DSP_ENGINE_STATE", str(tmp_path / "engine-state"))
    monkeypatch.setenv("DSP_RUN_ID", uuid.uuid4().hex[:12])
    pytester.makeini("[pytest]\n")

    def make(files: dict[str, str]) -> pytest.Pytester:
        write_site(pytester.path, files)
        return pytester

    return make


@pytest.fixture
def gate_here(in_process_site) -> Callable[..., pytest.RunResult]:
    """gate_here(files, *args): the gate run in this process (pytester) on a tiny site; no engine needed."""

    def run(files: dict[str, str], *args: str) -> pytest.RunResult:
        return in_process_site(files).runpytest("-p", "no:cacheprovider", "-q", "-rs", "snippets", *args)

    return run


def gate_in(
    folder: Path, files: dict[str, str], *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The gate (pytest with the plugin) run in a new process on a tiny site written in folder/site."""
    site = write_site(folder / "site", files)
    extra = env or {}
    env = {
        **os.environ,
        "DSP_ROOT": str(site),
        "PYTHONPATH": str(REPO),
        "DSP_ENGINE_STATE": str(folder / "engine-state"),
        **extra,  # e.g. a PYTHONPATH with a sitecustomize that traps requests
    }
    env.pop("DSP_RUN_ID", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rs", "snippets", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def run_gate(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """run_gate(files, *args): the gate on a tiny site in tmp_path (gate_in); no engine needed."""

    def run(files: dict[str, str], *args: str, **options) -> subprocess.CompletedProcess[str]:
        return gate_in(tmp_path, files, *args, **options)

    return run


@pytest.fixture(scope="session")
def docker_engine(pytestconfig):
    """The gate's engine (started if needed); tests are skipped with the reason if impossible."""
    engine = pytestconfig.pluginmanager.get_plugin("dsp-engine")
    reason = engine.ensure()
    if reason:
        pytest.skip(reason)
    return engine.client()
