"""Behaviour tests name the snippets they exercise; the report and the status lines show their results."""

from __future__ import annotations

import json

from checks import paths, report
from dsp_markdown import status

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

PAGE = {
    "docs/lab/handler.md": "# Handler\n",
    "snippets/lab/handler/handler.py": "def double(x):\n    return 2 * x\n",
}
BEHAVIOUR = """
import importlib.util

import pytest

pytestmark = pytest.mark.exercises("lab/handler/handler.py")


def handler():
    spec = importlib.util.spec_from_file_location("handler", "snippets/lab/handler/handler.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_doubles():
    assert handler().double(2) == 4


def test_doubles_negative_numbers():
    assert handler().double(-3) == {expected}
"""


def behaviour_of(run_gate, tmp_path, expected: int) -> tuple[dict, str]:
    """Run the gate and the behaviour test; the report's entry for handler.py, and pytest's output."""
    done = run_gate(
        {**PAGE, "tests/snippets/lab/handler/test_handler.py": BEHAVIOUR.replace("{expected}", str(expected))},
        "tests",
    )
    document = json.loads((tmp_path / "site" / "reports" / "snippets.json").read_text())
    return document, done.stdout + done.stderr


def test_the_report_counts_the_behaviour_tests_of_each_snippet(run_gate, tmp_path):
    document, output = behaviour_of(run_gate, tmp_path, expected=-6)
    tested = document["behaviour"]["snippets/lab/handler/handler.py"]
    assert (tested["passed"], tested["failed"], tested["tests"]) == (
        2, 0, ["tests/snippets/lab/handler/test_handler.py"]
    ), output
    assert document["snippets"]["snippets/lab/handler/handler.py"]["status"] == "passed"


def test_a_failing_behaviour_test_is_counted_against_its_snippet(run_gate, tmp_path):
    document, output = behaviour_of(run_gate, tmp_path, expected=6)
    assert document["behaviour"]["snippets/lab/handler/handler.py"]["failed"] == 1, output


def test_a_marker_naming_no_snippet_fails_the_test_naming_its_file(run_gate):
    done = run_gate({**PAGE, "tests/test_typo.py": BEHAVIOUR.replace("lab/handler/handler.py", "lab/handler/hander.py", 1)
                     .replace("{expected}", "-6")}, "tests")
    assert done.returncode == 1
    assert "tests/test_typo.py: @pytest.mark.exercises names lab/handler/hander.py, which is not a file under snippets/" in (
        done.stdout
    )


def entry_for(snippet, **behaviour) -> dict:
    key = THIS_SITE.relative(snippet)
    return {
        "generated": "2026-01-02T03:04:05+00:00",
        "snippets": {key: {"snippet": key, "kind": "python", "status": "passed", "checked_by": "ruff",
                           "sha256": report.fingerprint(THIS_SITE, snippet), "verified_at": "2026-01-02T03:04:05+00:00"}},
        "behaviour": {key: {"sha256": report.fingerprint(THIS_SITE, snippet), "passed": 0, "failed": 0, "skipped": 0,
                            "tests": ["tests/snippets/x/test_x.py"], **behaviour}},
    }


def test_the_status_line_names_the_behaviour_tests_that_passed():
    snippet = THIS_SITE.snippets / "serverless" / "lambda-thumbnail" / "CreateThumbnail.py"
    modifier, sentence = status.status_of(THIS_SITE, snippet, entry_for(snippet, passed=12))
    assert modifier == "passed"
    assert sentence == (
        "Validated statically by ruff on 2026-01-02. Exercised by 12 behaviour tests: tests/snippets/x/test_x.py."
    )


def test_a_failed_behaviour_test_makes_the_block_failed():
    snippet = THIS_SITE.snippets / "serverless" / "lambda-thumbnail" / "CreateThumbnail.py"
    modifier, sentence = status.status_of(THIS_SITE, snippet, entry_for(snippet, passed=11, failed=1))
    assert (modifier, sentence) == (
        "failed", "Failed 1 of its behaviour tests (tests/snippets/x/test_x.py) on 2026-01-02."
    )


def test_behaviour_results_of_an_older_text_are_not_shown():
    snippet = THIS_SITE.snippets / "serverless" / "lambda-thumbnail" / "CreateThumbnail.py"
    document = entry_for(snippet, passed=12)
    next(iter(document["behaviour"].values()))["sha256"] = "0" * 64
    assert status.status_of(THIS_SITE, snippet, document) == ("passed", "Validated statically by ruff on 2026-01-02.")


def test_a_skipped_step_says_which_behaviour_tests_checked_it_offline():
    snippet = THIS_SITE.snippets / "orchestration" / "kubernetes-basics" / "01-get-nodes.sh"
    document = entry_for(snippet, passed=1)
    next(iter(document["snippets"].values())).update(
        kind="shell", status="skipped", reason="no Kubernetes cluster reachable"
    )
    assert status.status_of(THIS_SITE, snippet, document) == (
        "skipped",
        "Skipped on 2026-01-02: no Kubernetes cluster reachable. "
        "Checked offline by 1 behaviour test: tests/snippets/x/test_x.py.",
    )
