"""Single source: a page's fenced blocks show snippet files, never code typed into the page.

A fence in docs/ may hold only

* snippet includes (`--8<-- "section/page/file"` lines), in a fence with a language;
* an output block: a `text` or `console` fence titled "Output" (`text title="Output"`)
  that includes the step's `.out` file, so the output shown is the output the gate compared;
* a Mermaid diagram (`mermaid`).

Anything else, including an indented code block, is code the gate never sees.
"""

from __future__ import annotations

import re
from pathlib import Path

from checks import markdown_reader

_OUTPUT_TITLE = re.compile(r"""\btitle=(["'])Output\b[^"']*\1""")
_OUTPUT_LANGUAGES = {"text", "console"}


def _is_output_block(info: str) -> bool:
    language = info.split(maxsplit=1)[0] if info else ""
    return language.lower() in _OUTPUT_LANGUAGES and bool(_OUTPUT_TITLE.search(info))


def inline_blocks(page: Path) -> list[tuple[Path, int, str]]:
    """Fenced or indented blocks of `page` that hold code typed into the page.

    Each entry is (page, 1-based line of the fence, the fence's info string or a
    description of the problem).
    """
    found: list[tuple[Path, int, str]] = []
    for block in markdown_reader.code_blocks(page.read_text(encoding="utf-8")):
        if not block.fenced:
            found.append((page, block.first, "(indented code block)"))
            continue
        if block.language == "mermaid":
            continue
        if block.include_only:
            if not block.language:
                found.append((page, block.first, "(snippet include in a fence without a language)"))
            continue
        if _is_output_block(block.info):
            found.append(
                (page, block.first, f"{block.info} (output typed into the page: put it in <step>.out and include it)")
            )
            continue
        found.append((page, block.first, block.info or "(no language)"))
    return found


def pages(docs: Path) -> list[Path]:
    """Every Markdown page of the site, sorted."""
    return sorted(docs.rglob("*.md"))


_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]*)")
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.I)
_CAPTION = re.compile(r"^\s*(\*[^*].*\*|_[^_].*_)\s*$")


def uncaptioned(page: Path) -> list[tuple[Path, int, str]]:
    """Images without alt text and Mermaid diagrams without a caption line.

    A diagram's caption is a line in italics (`*...*`) right under its closing fence.
    """
    text = page.read_text(encoding="utf-8")
    rows = text.splitlines()
    found: list[tuple[Path, int, str]] = []
    blocks = markdown_reader.code_blocks(text)
    in_code = {number - 1 for block in blocks for number in range(block.first, block.last + 1)}
    for block in blocks:
        if block.fenced and block.language == "mermaid":
            after = block.last
            caption = rows[after] if after < len(rows) else ""
            if not _CAPTION.match(caption):
                found.append((page, block.first, "Mermaid diagram without an italic caption line under it"))
    for index, row in enumerate(rows):
        if index in in_code:
            continue
        for match in _IMAGE.finditer(row):
            if not match["alt"].strip():
                found.append((page, index + 1, f"image {match['target']} without alt text"))
        for match in _HTML_IMAGE.finditer(row):
            if not re.search(r"""\balt=(["'])\s*[^"'\s]""", match["attrs"]):
                found.append((page, index + 1, "<img> without alt text"))
    return found
