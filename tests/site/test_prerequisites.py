"""Every Docker, AWS and Kubernetes page sends its reader to the prerequisites first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks import markdown_reader, paths

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

PREREQUISITES = THIS_SITE.docs / "about" / "prerequisites.md"
SECTIONS = ("containers", "cloud", "modern-web-app", "serverless", "orchestration")
LINE = "**Before you start:** see the [prerequisites]({link})."


def tutorial_pages() -> list[Path]:
    """The pages of those sections; a section index only if it holds commands."""
    pages = sorted(page for section in SECTIONS for page in (THIS_SITE.docs / section).glob("*.md"))
    return [
        page for page in pages if page.name != "index.md" or markdown_reader.includes(page.read_text(encoding="utf-8"))
    ]


def link_line(page: Path) -> str:
    return LINE.format(link=os.path.relpath(PREREQUISITES, page.parent))


def links_prerequisites_near_its_top(text: str, line: str) -> bool:
    """The line is there, on its own, before the page's first section (its first `## ` heading)."""
    return line in text.split("\n## ", 1)[0].split("\n")


@pytest.mark.parametrize("page", tutorial_pages(), ids=lambda page: str(page.relative_to(THIS_SITE.docs)))
def test_the_page_links_the_prerequisites_near_its_top(page: Path):
    assert links_prerequisites_near_its_top(page.read_text(encoding="utf-8"), link_line(page)), (
        f"{THIS_SITE.relative(page)}: put `{link_line(page)}` on its own line under the title"
    )


def test_every_section_is_covered_and_a_missing_link_is_caught():
    assert PREREQUISITES.is_file()
    assert {page.parent.name for page in tutorial_pages()} == set(SECTIONS)
    line = link_line(THIS_SITE.docs / "cloud" / "x.md")
    assert line == "**Before you start:** see the [prerequisites](../about/prerequisites.md)."
    assert links_prerequisites_near_its_top(f"# A page\n\n{line}\n\nIntro.\n\n## First\n", line)
    assert not links_prerequisites_near_its_top(f"# A page\n\nIntro.\n\n## First\n\n{line}\n", line)  # too late
    assert not links_prerequisites_near_its_top(f"# A page\n\nSee {line}\n", line)  # not on its own line
