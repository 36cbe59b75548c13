"""The one reader of the site's Markdown: its code blocks and the snippet files they include.

Includes are read with pymdownx.snippets' own patterns and in its order, so what the gate
checks is what the build shows: `;--8<-- "x"` is escaped (the page shows it as text), a
`--8<--` line opens a block of paths, one per line, that the next `--8<--` line closes, and
`"path:section"` or `"path:1:3"` names the file `path`. Code blocks are markdown-it's
(CommonMark), read after un-indenting admonitions, details and tabs, which CommonMark would
otherwise take for indented code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from pymdownx.snippets import SnippetPreprocessor

_INCLUDE_LINE = SnippetPreprocessor.RE_ALL_SNIPPETS
_BLOCK_PATH = SnippetPreprocessor.RE_SNIPPET
_FILE_PART = SnippetPreprocessor.RE_SNIPPET_FILE

# pymdownx blocks whose body is indented by four spaces: admonitions (`!!!`),
# collapsible details (`???`, `???+`) and content tabs (`===`, `===+`).
_BLOCK_OPENER = re.compile(r"""^(?P<indent>\s*)(?:(?:!!!|\?\?\?\+?)\s+\w|===\+?\s+["'])""")


@dataclass(frozen=True)
class Include:
    path: str  # as the page names it, less a section or line range
    line: int  # 1-based line of the page


@dataclass(frozen=True)
class Block:
    first: int  # 1-based line of its opening fence (its first line, if indented code)
    last: int  # 1-based line of its closing fence (its last line)
    indent: str  # the whitespace before its opening fence, as the page has it
    info: str  # the fence's info string; empty for indented code
    fenced: bool
    content: str
    includes: tuple[Include, ...]
    include_only: bool  # it has lines, and every one that is not blank is part of an include

    @property
    def language(self) -> str:
        return self.info.split(maxsplit=1)[0].lower() if self.info else ""


def _scan(lines: list[str]) -> tuple[list[Include], set[int]]:
    """The includes in lines, and the numbers of every line that is include syntax.

    This is pymdownx.snippets' `parse_snippets` without the reading of files.
    """
    found: list[Include] = []
    syntax: set[int] = set()
    in_block = False
    for number, line in enumerate(lines, 1):
        match = _INCLUDE_LINE.match(line)
        if match:
            if match["escape"]:
                continue
            syntax.add(number)
            if match["block_marker"]:
                in_block = not in_block
                continue
            if in_block:  # pymdownx drops an inline include inside a block
                continue
            path = match["snippet"][1:-1].strip()
        elif in_block:
            syntax.add(number)
            path = _BLOCK_PATH.match(line)["snippet"].strip()
            if not path or path.startswith(";"):  # a blank or commented-out path
                continue
        else:
            continue
        name = _FILE_PART.match(path).group(1).strip()
        if name:
            found.append(Include(name, number))
    return found, syntax


def includes(text: str) -> list[Include]:
    """Every snippet include of a page, in page order."""
    return _scan(text.splitlines())[0]


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


def code_blocks(text: str, *, flatten: bool = True) -> list[Block]:
    """The fenced and indented code blocks of a page, in page order, with their includes.

    `flatten=False` reads the text as plain CommonMark (a file that is not a page of the site).
    """
    rows = text.splitlines()
    found, syntax = _scan(rows)
    blocks = []
    for token in MarkdownIt("commonmark").parse(flatten_blocks(text) if flatten else text):
        if token.type not in ("fence", "code_block") or not token.map:
            continue
        start, end = token.map  # 0-based, end exclusive
        fenced = token.type == "fence"
        body = range(start + 2, start + 2 + token.content.count("\n")) if fenced else range(start + 1, end + 1)
        shown = [number for number in body if number <= len(rows) and rows[number - 1].strip()]
        opening = rows[start] if start < len(rows) else ""
        blocks.append(
            Block(
                first=start + 1,
                last=end,
                indent=opening[: len(opening) - len(opening.lstrip())],
                info=token.info.strip() if fenced else "",
                fenced=fenced,
                content=token.content,
                includes=tuple(include for include in found if include.line in body),
                include_only=bool(shown) and all(number in syntax for number in shown),
            )
        )
    return blocks


def code_lines(text: str, *, flatten: bool = True) -> set[int]:
    """1-based numbers of the lines of code blocks, fences included."""
    return {number for block in code_blocks(text, flatten=flatten) for number in range(block.first, block.last + 1)}
