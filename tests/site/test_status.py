"""The site shows what the gate's report says, block by block, and never more."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks import layout, notes_map, report

HELLO = layout.SNIPPETS / "containers" / "hello"


def build_with_report(tmp_path: Path, document: dict | None) -> Path:
    reports, site = tmp_path / "reports", tmp_path / "site"
    reports.mkdir()
    if document is not None:
        (reports / "snippets.json").write_text(json.dumps(document))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DSP_REPORT_DIR": str(reports)}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=layout.ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    if done.returncode != 0:
        pytest.fail(done.stdout + done.stderr, pytrace=False)
    return site


def entry(step: str, status: str, sha: str | None = None, **extra) -> dict:
    path = HELLO / step
    return {
        "snippet": layout.relative(path), "kind": "shell", "status": status, "checked_by": "bash",
        "requires": ["docker"], "sha256": sha or report.fingerprint(path),
        "verified_at": "2026-01-02T03:04:05+00:00", **extra,
    }


def test_without_a_report_nothing_claims_to_be_verified(tmp_path):
    site = build_with_report(tmp_path, None)
    hello = (site / "containers" / "hello" / "index.html").read_text()
    assert "Not yet verified" in hello and "Verified:" not in hello
    status = (site / "about" / "status" / "index.html").read_text()
    assert "this build has no gate report" in status


def test_each_block_shows_its_entry_and_the_status_page_lists_every_page(tmp_path):
    document = {
        "generated": "2026-01-02T03:04:05+00:00", "machine": "Linux x86_64, 2 cores", "ci": True,
        "environment": {"Docker Engine": "99.1.2", "Python": "3.11"},
        "snippets": {
            e["snippet"]: e
            for e in (
                entry("01-pull.sh", "passed"),
                entry("02-run-ls.sh", "passed", sha="0" * 64),
                entry("03-run-detached.sh", "skipped", reason="no engine here"),
            )
        },
    }
    site = build_with_report(tmp_path, document)
    hello = (site / "containers" / "hello" / "index.html").read_text()
    assert "Verified: ran with bash against Docker Engine 99.1.2 on 2026-01-02." in hello
    assert "Not yet verified: this block changed since the gate last ran it." in hello
    assert "Skipped on 2026-01-02: no engine here." in hello
    status = (site / "about" / "status" / "index.html").read_text()
    table = status.split("<table>", 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") - 1 == len(notes_map.nav_pages(notes_map.mkdocs_config()["nav"]))
    assert "containers/hello/" in table and "99.1.2" in status


def test_a_block_run_against_stand_ins_says_so(tmp_path):
    document = {
        "generated": "2026-01-02T03:04:05+00:00", "machine": "Linux x86_64, 2 cores", "ci": False,
        "environment": {"Docker Engine": "20.10.24", "Docker images": report._image_source_text("stand-ins")},
        "snippets": {e["snippet"]: e for e in (entry("01-pull.sh", "passed"),)},
    }
    hello = (build_with_report(tmp_path, document) / "containers" / "hello" / "index.html").read_text()
    assert "Verified: ran with bash against Docker Engine 20.10.24 with stand-in images on 2026-01-02." in hello
