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

from markdown_it import MarkdownIt

from checks import layout

# pymdownx blocks whose body is indented by four spaces: admonitions (`!!!`),
# collapsible details (`???`, `???+`) and content tabs (`===`, `===+`).
_BLOCK_OPENER = re.compile(r"""^(?P<indent>\s*)(?:(?:!!!|\?\?\?\+?)\s+\w|===\+?\s+["'])""")
_OUTPUT_TITLE = re.compile(r"""\btitle=(["'])Output\b[^"']*\1""")
_OUTPUT_LANGUAGES = {"text", "console"}


def flatten_blocks(text: str) -> str:
    """Un-indent admonitions, details and tabs so markdown-it sees the fences inside them.

    Line numbers are kept: an opener line becomes blank and its body loses four spaces.
    """
    lines = text.splitlines()
    changed = True
    while changed:
        changed = False
        for index, line in enumerate(lines):
            match = _BLOCK_OPENER.match(line)
            if not match:
                continue
            indent = len(match["indent"].expandtabs(4))
            lines[index] = ""
            changed = True
            for body in range(index + 1, len(lines)):
                current = lines[body].expandtabs(4)
                if not current.strip():
                    continue
                if len(current) - len(current.lstrip()) < indent + 4:
                    break
                lines[body] = current[:indent] + current[indent + 4 :]
            break
    return "\n".join(lines) + "\n"


def _is_include_only(content: str) -> bool:
    rows = [row for row in content.splitlines() if row.strip()]
    return bool(rows) and all(layout.INCLUDE.match(row) for row in rows)


def _is_output_block(info: str) -> bool:
    language = info.split(maxsplit=1)[0] if info else ""
    return language.lower() in _OUTPUT_LANGUAGES and bool(_OUTPUT_TITLE.search(info))


def inline_blocks(page: Path) -> list[tuple[Path, int, str]]:
    """Fenced or indented blocks of `page` that hold code typed into the page.

    Each entry is (page, 1-based line of the fence, the fence's info string or a
    description of the problem).
    """
    text = flatten_blocks(page.read_text(encoding="utf-8"))
    tokens = MarkdownIt("commonmark").parse(text)
    found: list[tuple[Path, int, str]] = []
    for token in tokens:
        line = token.map[0] + 1 if token.map else 0
        if token.type == "code_block":
            found.append((page, line, "(indented code block)"))
            continue
        if token.type != "fence":
            continue
        info = token.info.strip()
        language = info.split(maxsplit=1)[0].lower() if info else ""
        if language == "mermaid":
            continue
        if _is_include_only(token.content):
            if not language:
                found.append((page, line, "(snippet include in a fence without a language)"))
            continue
        if _is_output_block(info):
            found.append((page, line, f"{info} (output typed into the page: put it in <step>.out and include it)"))
            continue
        found.append((page, line, info or "(no language)"))
    return found


def pages(docs: Path = layout.DOCS) -> list[Path]:
    """Every Markdown page of the site, sorted."""
    return sorted(docs.rglob("*.md"))


_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]*)")
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.I)
_CAPTION = re.compile(r"^\s*(\*[^*].*\*|_[^_].*_)\s*$")


def uncaptioned(page: Path) -> list[tuple[Path, int, str]]:
    """Images without alt text and Mermaid diagrams without a caption line.

    A diagram's caption is a line in italics (`*...*`) right under its closing fence.
    """
    text = flatten_blocks(page.read_text(encoding="utf-8"))
    rows = text.splitlines()
    found: list[tuple[Path, int, str]] = []
    tokens = MarkdownIt("commonmark").parse(text)
    in_code: set[int] = set()
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            in_code.update(range(token.map[0], token.map[1]))
        if token.type != "fence" or not token.map:
            continue
        if token.info.strip().split(maxsplit=1)[:1] == ["mermaid"]:
            after = token.map[1]
            caption = rows[after] if after < len(rows) else ""
            if not _CAPTION.match(caption):
                found.append((page, token.map[0] + 1, "Mermaid diagram without an italic caption line under it"))
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
