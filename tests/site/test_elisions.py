"""At most a quarter of the `.out` files use `...`: a page shows what a real run printed.

`...` is for output whose number of lines or wording really varies (pull progress, package
lists, a random choice); everything else volatile is tolerated by token class
(checks/volatile.py), so the reader sees the real thing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from checks import expected, paths

SHARE = 0.25
SITE = paths.Site.located()


def outputs(root: Path) -> list[Path]:
    return sorted(root.rglob("*.out"))


def elided(root: Path) -> list[Path]:
    return [out for out in outputs(root) if expected.ELLIPSIS in out.read_text(encoding="utf-8")]


def by_page(files: list[Path], root: Path) -> str:
    pages = Counter(str(out.parent.relative_to(root)) for out in files)
    return ", ".join(f"{page} {count}" for page, count in pages.most_common())


def test_at_most_a_quarter_of_the_outputs_are_elided():
    every, with_dots = outputs(SITE.snippets), elided(SITE.snippets)
    limit = int(len(every) * SHARE)
    assert len(with_dots) <= limit, (
        f"{len(with_dots)} of {len(every)} .out files contain '...' (at most {limit}): "
        f"{by_page(with_dots, SITE.snippets)}"
    )


def test_an_ellipsis_anywhere_in_a_file_counts(tmp_path):
    page = tmp_path / "containers" / "page"
    page.mkdir(parents=True)
    (page / "01-a.out").write_text("exact output\n")
    (page / "02-b.out").write_text("...\n")
    (page / "03-c.out").write_text("Status: ... alpine\n")
    assert [out.name for out in elided(tmp_path)] == ["02-b.out", "03-c.out"]
    assert by_page(elided(tmp_path), tmp_path) == "containers/page 2"
