"""Zensical, Material for MkDocs' successor, builds the site from the same mkdocs.yml and shows
the same status lines, generated tables and page scripts as MkDocs.

Zensical runs `markdown_extensions` but ignores `hooks:` without a word, so all the site
generates must come from dsp_markdown.extension; this test catches what would not.
"""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest

from checks import model, paths, report
from tests.site.test_downloads import downloads

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

pytest.importorskip("zensical", reason="zensical is missing (scripts/setup gate installs it)")

GENERATED = ("about/status/index.html", "about/performance/index.html", "about/notes-map/index.html")


def every_outcome() -> dict:
    """A report giving the site's blocks, in turn, each thing a status line can say."""
    entries = {}
    steps = sorted(p for p in THIS_SITE.snippets.rglob("*") if model.is_step(p))
    for number, step in enumerate(steps):
        key, kind = THIS_SITE.relative(step), model.kind_of(step)
        entry = {
            "snippet": key, "kind": kind, "status": "passed", "checked_by": "bash" if kind == "shell" else "",
            "requires": ["docker", "aws"], "sha256": report.fingerprint(THIS_SITE, step),
            "verified_at": "2026-01-02T03:04:05+00:00",
        }
        match number % 6:
            case 0:
                pass
            case 1:
                entry["checked_by"] = "shellcheck"
            case 2:
                entry.update(status="skipped", reason="no cluster reachable")
            case 3:
                entry["status"] = "failed"
            case 4:
                entry["sha256"] = "0" * 64
            case 5:
                continue  # not in the report
        entries[key] = entry
    return {
        "generated": "2026-01-02T03:04:05+00:00", "machine": "Linux x86_64, 2 cores", "ci": True,
        "environment": {"Docker Engine": "99.1.2", "moto": "5.0.0", "awscli": "1.2.3"}, "snippets": entries,
    }


def _tree(page: Path):
    return html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def status_lines(site: Path) -> dict[str, list[tuple[str, str]]]:
    """Page -> (class, text) of each status line on it, for the pages that have any."""
    found = {}
    for page in sorted(site.rglob("index.html")):
        lines = [
            (element.get("class"), "".join(element.itertext()).strip())
            for element in _tree(page).iter("p")
            if "dsp-status" in (element.get("class") or "").split()
        ]
        if lines:
            found[str(page.relative_to(site))] = lines
    return found


def generated_parts(site: Path, page: str) -> dict[str, list[str]]:
    """The texts of a generated page's table cells and chart bars (their text alternatives)."""
    tree = _tree(site / page)
    cells = ["".join(cell.itertext()).strip() for cell in tree.iter() if cell.tag in ("th", "td")]
    bars = [span.get("aria-label") for span in tree.iter("span") if span.get("class") == "dsp-chart__bar"]
    return {"cells": cells, "bars": bars}


def test_zensical_shows_the_status_lines_and_tables_mkdocs_shows(build_with_report):
    document = every_outcome()
    mkdocs, zensical = build_with_report(document), build_with_report(document, tool="zensical")

    by_mkdocs, by_zensical = status_lines(mkdocs), status_lines(zensical)
    counts = {page: len(lines) for page, lines in by_mkdocs.items()}
    assert {page: len(lines) for page, lines in by_zensical.items()} == counts
    assert by_zensical == by_mkdocs
    said = {text.split(":")[0].split(" on ")[0] for lines in by_mkdocs.values() for _class, text in lines}
    assert {"Verified", "Validated statically by shellcheck", "Skipped", "Failed in the gate run of 2026-01-02.",
            "Not yet verified"} <= said

    for page in GENERATED:
        parts = generated_parts(mkdocs, page)
        assert parts["cells"] or page.endswith("performance/index.html"), f"{page}: nothing generated"
        assert generated_parts(zensical, page) == parts, page

    offered = downloads(mkdocs)
    assert any(offered.values()) and downloads(zensical) == offered  # the pages' scripts, byte for byte
