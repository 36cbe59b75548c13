"""`--update-outputs` rewrites the `.out` of a step whose output changed, and only that one."""

from __future__ import annotations

from checks import output_update
from tests.harness.test_page_collection import gate  # noqa: F401 - the tiny-site fixture

pytest_plugins = ["pytester"]

SITE = {
    "docs/sec/page.md": "# Page\n",
    "snippets/sec/page/01-list.sh": "printf 'start\\nx\\ny\\nid 3f4e5d6c7b8a\\nnew end\\n'\n",
    "snippets/sec/page/01-list.out": "start\n...\nid 0a1b2c3d4e5f\nold end\n",
    "snippets/sec/page/02-same.sh": "echo 'Up 3 seconds'\n",
    "snippets/sec/page/02-same.out": "Up About a minute\n",
}


def test_without_the_option_a_changed_output_fails_and_its_file_stays(gate):  # noqa: F811
    site = gate(SITE)
    site.inline_run("snippets").assertoutcome(failed=1, skipped=1)
    assert (site.path / "snippets/sec/page/01-list.out").read_text() == SITE["snippets/sec/page/01-list.out"]


def test_the_option_rewrites_a_changed_output_keeping_what_still_matches(gate):  # noqa: F811
    site = gate(SITE)
    result = site.runpytest_inprocess("snippets", "--update-outputs")
    result.assert_outcomes(passed=2)
    # the `...` and the line whose id is volatile stay as written; the changed line is replaced
    assert (site.path / "snippets/sec/page/01-list.out").read_text() == "start\n...\nid 0a1b2c3d4e5f\nnew end\n"
    assert (site.path / "snippets/sec/page/02-same.out").read_text() == "Up About a minute\n"
    result.stdout.fnmatch_lines(
        ["*outputs updated (1): review each change*", "--- snippets/sec/page/01-list.out", "-old end", "+new end"]
    )
    assert "02-same.out" not in result.stdout.str()
    site.inline_run("snippets").assertoutcome(passed=2)


def test_the_new_text_keeps_dots_that_still_cover_lines_and_writes_the_rest_as_printed():
    old = "Pulling\n...\nStatus: Downloaded newer image for alpine:latest\n"
    printed = (
        "Pulling\nabc: Pull complete\nDigest: sha256:" + "1" * 64 + "\nStatus: Image is up to date for alpine:latest\n"
    )
    assert output_update.updated_text(old, printed) == ("Pulling\n...\nStatus: Image is up to date for alpine:latest\n")
    assert output_update.updated_text("a\nb\n", "a\nc\nb\n") == "a\nc\nb\n"
