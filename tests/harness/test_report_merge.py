"""Merging the reports of a sharded gate run (checks/report_merge.py) into the one the site reads."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from checks import paths, report_merge
from tests.conftest import REPO

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)


def entry(path: str, status: str = "passed", **extra) -> dict:
    return {
        "snippet": path,
        "sha256": f"sha-{path}",
        "kind": "shell",
        "status": status,
        "checked_by": "bash",
        "requires": [],
        "duration": 1.0,
        "verified_at": "2026-12-01T10:00:00+00:00",
        "reused": False,
        **extra,
    }


def write_shard(folder: Path, entries: list[dict], *, failures: int = 0, behaviour: dict | None = None) -> Path:
    folder.mkdir(parents=True)
    document = {
        "generated": "2026-12-01T10:05:00+00:00",
        "started": "2026-12-01T10:00:00+00:00",
        "machine": "Linux x86_64, 4 cores",
        "ci": True,
        "environment": {"Python": "3.11.7"},
        "packages": {"pytest": "9.2.0"},
        "snippets": {item["snippet"]: item for item in entries},
        "behaviour": behaviour or {},
    }
    (folder / "snippets.json").write_text(json.dumps(document))
    cases = "".join(
        f'<testcase classname="x" name="{item["snippet"]}">'
        + ("<failure message='boom'/>" if item["status"] == "failed" else "")
        + "</testcase>"
        for item in entries
    )
    (folder / "junit.xml").write_text(
        f'<?xml version="1.0"?><testsuites><testsuite name="pytest" tests="{len(entries)}" '
        f'failures="{failures}" errors="0" skipped="0">{cases}</testsuite></testsuites>'
    )
    return folder


def merged(out: Path) -> tuple[dict, ET.Element]:
    return json.loads((out / "snippets.json").read_text()), ET.parse(out / "junit.xml").getroot()


def test_two_good_shards_make_one_report_with_every_page(tmp_path):
    one = write_shard(tmp_path / "shard-1", [entry("snippets/a/p/01.sh"), entry("snippets/a/p/02.sh")])
    two = write_shard(
        tmp_path / "shard-2",
        [entry("snippets/b/q/01.sh")],
        behaviour={"snippets/b/q/01.sh": {"sha256": "s", "passed": 2, "failed": 0, "skipped": 0, "tests": ["t.py"]}},
    )
    assert report_merge.merge(tmp_path / "out", [one, two]) == report_merge.PASSED
    document, junit = merged(tmp_path / "out")
    assert list(document["snippets"]) == ["snippets/a/p/01.sh", "snippets/a/p/02.sh", "snippets/b/q/01.sh"]
    assert document["behaviour"]["snippets/b/q/01.sh"]["passed"] == 2
    assert document["machine"] == "2 shards of Linux x86_64, 4 cores" and document["ci"] is True
    assert "incomplete" not in document
    assert document["shards"]["shard-1"] == {"reported": True, "passed": 2, "skipped": 0, "failed": 0}
    assert junit.get("tests") == "3" and junit.get("failures") == "0"
    assert [suite.get("name") for suite in junit] == ["shard-1: pytest", "shard-2: pytest"]


def test_a_failed_shard_keeps_its_failures_and_the_merge_fails(tmp_path):
    one = write_shard(tmp_path / "shard-1", [entry("snippets/a/p/01.sh")])
    two = write_shard(tmp_path / "shard-2", [entry("snippets/b/q/01.sh", "failed", reason="exit 1")], failures=1)
    assert report_merge.merge(tmp_path / "out", [one, two]) == report_merge.FAILED
    document, junit = merged(tmp_path / "out")
    assert document["snippets"]["snippets/b/q/01.sh"]["status"] == "failed"
    assert document["snippets"]["snippets/b/q/01.sh"]["reason"] == "exit 1"
    assert junit.get("failures") == "1" and junit.find(".//failure") is not None


def test_a_shard_that_wrote_no_report_leaves_its_pages_unverified_and_the_run_incomplete(tmp_path):
    one = write_shard(tmp_path / "shard-1", [entry("snippets/a/p/01.sh")])
    timed_out = tmp_path / "shard-2"
    timed_out.mkdir()  # its artifact: nothing, or a junit.xml pytest never finished
    assert report_merge.merge(tmp_path / "out", [one, timed_out]) == report_merge.INCOMPLETE
    document, junit = merged(tmp_path / "out")
    assert list(document["snippets"]) == ["snippets/a/p/01.sh"]  # nothing claimed for shard-2's pages
    assert document["incomplete"] == ["shard-2: produced no report; its pages were not run"]
    assert document["shards"]["shard-2"] == {"reported": False}
    assert junit.get("errors") == "1"
    assert "shard-2" in junit.find(".//error").get("message")


def test_the_site_shows_a_missing_shards_blocks_as_not_yet_verified(tmp_path):
    from dsp_markdown import status

    snippet = REPO / "snippets" / "containers" / "hello" / "01-pull.sh"
    document = report_merge.merge_reports({"shard-1": None})
    assert status.assess(THIS_SITE, snippet, document)[0] == "unverified"


def test_a_shard_counted_twice_keeps_the_worse_outcome(tmp_path):
    one = write_shard(tmp_path / "one" / "shard", [entry("snippets/a/p/01.sh", "failed")])
    two = write_shard(tmp_path / "two" / "shard", [entry("snippets/a/p/01.sh")])
    report_merge.merge(tmp_path / "out", [one, two])
    document, _ = merged(tmp_path / "out")
    assert document["snippets"]["snippets/a/p/01.sh"]["status"] == "failed"
    assert set(document["shards"]) == {str(one), str(two)}  # same folder names: named by path


def test_a_broken_report_is_named_with_its_file_not_a_traceback(tmp_path):
    shard = tmp_path / "shard-1"
    shard.mkdir()
    (shard / "snippets.json").write_text("{ not json")
    done = subprocess.run(
        [sys.executable, "-m", "checks.report_merge", str(tmp_path / "out"), str(shard)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == report_merge.INCOMPLETE
    assert f"{shard / 'snippets.json'}: not a gate report" in done.stderr
    assert "Traceback" not in done.stderr
