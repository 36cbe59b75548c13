"""The corrections of the original notes, as data, and the notes that show them on the pages.

`notes/corrections.yaml` lists every change the site makes to what the notes say:

    corrections:
      - id: brctl-legacy
        page: containers/networking-swarm.md     # under docs/
        lines: [180]                             # lines of the notes it changes: N or "N-M"
        change: brctl is deprecated; the page lists the bridges with `ip link`.
        phrase: "`brctl`, from the `bridge-utils` package, is deprecated"

Each correction has its note on its page, an admonition `!!! note "Changed from the original
notes"` whose text contains `phrase` (compared ignoring case and line breaks); every such
note of the site is there for at least one correction. tests/site/test_corrections.py checks
both. A bad entry is a LayoutError naming the file and line. The map of the notes
(docs/about/notes-map.md) lists them all (`markdown_table`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from checks import located_yaml, markdown_reader
from checks.paths import Site
from dsp_markdown.mkdocs_site import page_title
from dsp_markdown.notes_map import _cell


def corrections_file(site: Site) -> Path:
    return site.root / "notes" / "corrections.yaml"


NOTE_TITLE = "Changed from the original notes"
_NOTE_START = re.compile(r'^(?P<indent>\s*)(?:!!!|\?\?\?\+?) note "' + re.escape(NOTE_TITLE) + '"')


def _line_range(raw: Any) -> tuple[int, int]:
    text = str(raw) if isinstance(raw, int | str) and not isinstance(raw, bool) else None
    match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", text or "")
    if not match:
        raise ValueError(f"{raw!r} is not a line (N) or a range of lines (N-M)")
    first, last = int(match[1]), int(match[2] or match[1])
    if not 1 <= first <= last:
        raise ValueError(f"{raw!r} is not a range of lines: it must start at 1 or later and not end before it starts")
    return first, last


LineRange = Annotated[tuple[int, int], BeforeValidator(_line_range)]


class Correction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    page: str = Field(pattern=r"\.md$")
    lines: list[LineRange] = Field(min_length=1)
    change: str = Field(min_length=10)
    phrase: str = Field(min_length=8)

    @property
    def spans(self) -> str:
        return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in self.lines)


class CorrectionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    corrections: list[Correction] = Field(min_length=1)


def load(site: Site, path: Path | None = None) -> list[Correction]:
    """The corrections of `path` (the site's own by default); a LayoutError at the file and line
    of the first bad entry."""
    path, docs = path or corrections_file(site), site.docs
    raw, root = located_yaml.load(site, path)
    try:
        corrections = CorrectionsFile.model_validate(raw).corrections
    except ValidationError as invalid:
        error = min(invalid.errors(), key=lambda error: located_yaml.line_of(root, error["loc"]) or 0)
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]).lstrip(".")
        message = error["msg"].removeprefix("Value error, ")
        raise site.error(path, f"{where}: {message}", located_yaml.line_of(root, error["loc"])) from None
    seen: set[str] = set()
    for index, correction in enumerate(corrections):
        if correction.id in seen:
            line = located_yaml.line_of(root, ("corrections", index, "id"))
            raise site.error(path, f"id {correction.id!r} is given twice", line)
        seen.add(correction.id)
        if not (docs / correction.page).is_file():
            line = located_yaml.line_of(root, ("corrections", index, "page"))
            raise site.error(path, f"{correction.id}: page {correction.page!r} is not a page in docs/", line)
    return corrections


@dataclass(frozen=True)
class Note:
    """A "Changed from the original notes" admonition of a page: its first line and its text."""

    page: str
    line: int
    text: str

    def says(self, phrase: str) -> bool:
        return _flat(phrase) in _flat(self.text)


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


def notes_of(page: str, docs: Path) -> list[Note]:
    """The page's notes: each admonition's body is the lines indented under its title line.

    A title line inside a code block (a page showing how to write a note) is not a note.
    """
    text = (docs / page).read_text(encoding="utf-8")
    rows, code = text.splitlines(), markdown_reader.code_lines(text)
    found = []
    for number, row in enumerate(rows):
        start = _NOTE_START.match(row)
        if not start or number + 1 in code:
            continue
        body = []
        for following in rows[number + 1 :]:
            if following.strip() and len(following) - len(following.lstrip()) <= len(start["indent"]):
                break
            body.append(following)
        found.append(Note(page, number + 1, "\n".join(body)))
    return found


def all_notes(docs: Path) -> list[Note]:
    return [note for page in sorted(docs.rglob("*.md")) for note in notes_of(str(page.relative_to(docs)), docs)]


def markdown_table(site: Site, corrections: list[Correction], from_page: str) -> str:
    """The corrections as a Markdown table, each linked to its page, from `from_page`."""
    base = Path(from_page).parent
    rows = [
        f"Every change the pages make to what the notes say, each explained on its page in a note *{NOTE_TITLE}*:",
        "",
        "| Notes lines | What changed | Page |",
        "| --- | --- | --- |",
    ]
    for correction in corrections:
        target = os.path.relpath(correction.page, base or ".")
        page = f"[{_cell(page_title(site, correction.page))}]({target})"
        rows.append(f"| {correction.spans} | {_cell(correction.change)} | {page} |")
    return "\n".join(rows) + "\n"
