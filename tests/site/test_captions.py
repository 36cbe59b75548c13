"""Every image has alt text and every Mermaid diagram a caption line in italics under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import paths, single_source

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)


@pytest.mark.parametrize(
    "page", single_source.pages(THIS_SITE.docs), ids=lambda page: str(page.relative_to(THIS_SITE.docs))
)
def test_images_and_diagrams_are_described(page: Path):
    found = single_source.uncaptioned(page)
    assert not found, "\n".join(f"{THIS_SITE.relative(path)}:{line}: {what}" for path, line, what in found)


def test_missing_descriptions_are_reported(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# P\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\nNo caption.\n\n"
        "```mermaid\nflowchart LR\n  c --> d\n```\n*Captioned.*\n\n"
        "![](diagram.svg) and ![A chart](chart.svg)\n\n<img src=\"x.png\">\n",
        encoding="utf-8",
    )
    assert single_source.uncaptioned(page) == [
        (page, 3, "Mermaid diagram without an italic caption line under it"),
        (page, 16, "image diagram.svg without alt text"),
        (page, 18, "<img> without alt text"),
    ]
