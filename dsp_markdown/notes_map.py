"""The map of the original notes: which page carries each part of them.

The map lives in `notes/map.yaml`, next to the notes (outside docs/, so it is not published
as a file). Each part names a range of lines of the notes and the page that carries it; the
links of those lines that did not stay as they were say what became of them:

    parts:
      - lines: 315-338
        what: "Qwiklab: Intro to S3 (bucket, versions, bucket policy)"
        page: cloud/s3.md
        links:
          https://awseducate.qwiklabs.com/focuses/30?parent=catalog:
            status: retired
            reason: ...

A link of the notes with no entry must appear on its page as it is (status `kept`).
Used by the test tests/site/test_notes_map.py and by the Markdown extension that renders the map on
docs/about/notes-map.md.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from checks import markdown_reader
from checks.paths import Site
from dsp_markdown.mkdocs_site import page_title


def map_file(site: Site) -> Path:
    return site.root / "notes" / "map.yaml"


RETIRED_LABEL = "retired course link"

# What became of a link of the notes, and what its page must then show.
STATUSES = {
    "kept": "the link, as it is",
    "fixed": "the corrected target (`to`)",
    "retired": f"the words “{RETIRED_LABEL}”",
    "gone": "the address (`to`, if given) and that it is no longer online",
    "replaced": "a Mermaid diagram instead of the image, never the image's address",
    "dropped": "nothing: the image or address is left out",
    "template": "the text given in `expect`",
}
NEEDS_REASON = {"fixed", "retired", "gone", "replaced", "dropped", "template"}


@dataclass
class Link:
    target: str
    status: str = "kept"
    reason: str = ""
    to: str = ""
    expect: str = ""

    def must_show(self) -> str | None:
        """Text the page must contain for this link, if any (see `shows`)."""
        if self.status == "kept":
            return self.target
        if self.status == "fixed":
            return self.to
        if self.status == "retired":
            return RETIRED_LABEL
        if self.status == "gone":
            return self.to or None
        if self.status == "template":
            return self.expect
        return None

    def must_not_link(self) -> str | None:
        """A target the page must not use as an image or link (naming it in prose is fine)."""
        return self.target if self.status in ("replaced", "dropped") else None


TRACKING = ("trk", "refid", "sc_channel", "sc_campaign")


def without_tracking(url: str) -> str:
    """url without tracking parameters (`?trk=gs_card`, `utm_*`): the same page for a reader."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key not in TRACKING and not key.startswith("utm_")
    ]
    return urlunsplit(parts._replace(query=urlencode(query, safe=":/")))


def shows(text: str, wanted: str) -> bool:
    """Whether text shows `wanted` (case-insensitive), a URL also without its tracking parameters."""
    text = text.lower()
    return wanted.lower() in text or without_tracking(wanted).lower() in text


@dataclass
class Part:
    first: int
    last: int
    what: str
    page: str
    anchor: str = ""
    links: dict[str, Link] = field(default_factory=dict)

    def covers(self, line: int) -> bool:
        return self.first <= line <= self.last

    @property
    def span(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


@dataclass
class NotesMap:
    notes: Path
    sha256: str
    parts: list[Part]

    def part_for(self, line: int) -> Part | None:
        return next((part for part in self.parts if part.covers(line)), None)


class MapError(Exception):
    pass


def _lines(spec: Any) -> tuple[int, int]:
    text = str(spec)
    match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", text)
    if not match:
        raise MapError(f"lines: {text!r} is not N or N-M")
    first = int(match[1])
    last = int(match[2] or first)
    if last < first:
        raise MapError(f"lines: {text!r} ends before it starts")
    return first, last


def load(site: Site, path: Path | None = None) -> NotesMap:
    path = path or map_file(site)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("parts"), list):
        raise MapError(f"{path}: expected a mapping with a list `parts`")
    notes = Path(os.environ.get("DSP_NOTES") or (site.root / raw["notes"]))
    parts = []
    for index, entry in enumerate(raw["parts"]):
        where = f"{path.name}: parts[{index}]"
        unknown = set(entry) - {"lines", "what", "page", "anchor", "links"}
        if unknown:
            raise MapError(f"{where}: unknown keys {sorted(unknown)}")
        first, last = _lines(entry.get("lines"))
        links = {}
        for target, spec in (entry.get("links") or {}).items():
            spec = spec or {}
            link = Link(target=str(target), **spec)
            if link.status not in STATUSES:
                raise MapError(f"{where}: link {target!r}: unknown status {link.status!r}")
            if link.status in NEEDS_REASON and not link.reason:
                raise MapError(f"{where}: link {target!r} ({link.status}) needs a reason")
            if link.status == "fixed" and not link.to:
                raise MapError(f"{where}: link {target!r} is fixed but has no `to`")
            if link.status == "template" and not link.expect:
                raise MapError(f"{where}: link {target!r} is a template but has no `expect`")
            links[link.target] = link
        parts.append(
            Part(first, last, str(entry.get("what", "")), str(entry["page"]), str(entry.get("anchor", "")), links)
        )
    return NotesMap(notes, str(raw.get("sha256", "")), parts)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- reading the notes -------------------------------------------------------------------

_MARKDOWN_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<target>[^)]*)\)")
_BARE_URL = re.compile(r"https?://[\w{][^\s`)>\]]*")


def fenced_lines(text: str) -> set[int]:
    """1-based numbers of the lines inside fenced code blocks (fences included)."""
    return markdown_reader.code_lines(text, flatten=False)  # the notes are plain Markdown


def links_of(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line, target, is_image) of each link, image and bare URL outside fenced code.

    A link whose text spans lines counts on the line of its target.
    """
    code = fenced_lines(text)
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())

    def line_at(offset: int) -> int:
        low, high = 0, len(starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1

    taken: list[tuple[int, int]] = []
    for match in _MARKDOWN_LINK.finditer(text):
        line = line_at(match.start("target"))
        taken.append(match.span())
        if line not in code:
            yield line, match["target"].strip(), match.group(0).startswith("!")
    for match in _BARE_URL.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        line = line_at(match.start())
        if line not in code:
            yield line, match.group(0).rstrip(".,"), False


def links_to(text: str, target: str) -> bool:
    """Whether Markdown or HTML text uses target as a link or image address."""
    return any(form in text for form in (f"]({target}", f"]( {target}", f'="{target}"', f"<{target}>"))


# --- rendering -----------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _short(target: str, limit: int = 60) -> str:
    """A long address as host/…/last-part, enough to recognise it in a table."""
    if len(target) <= limit or "://" not in target:
        return target
    scheme, rest = target.split("://", 1)
    host, _, path = rest.partition("/")
    last = path.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
    if len(last) > 40:
        last = last[:20] + "…" + last[-12:]
    return f"{scheme}://{host}/…/{last}"


STATUS_LABELS = {
    "fixed": "Fixed",
    "retired": "Retired course link",
    "gone": "No longer online",
    "replaced": "Image redrawn as a diagram",
    "dropped": "Left out",
    "template": "A pattern, not a link",
}


def markdown_table(site: Site, notes_map: NotesMap, from_page: str) -> str:
    """The map as Markdown tables (parts, then changed links), linked from `from_page`."""
    base = Path(from_page).parent

    def link_to(part: Part) -> str:
        target = os.path.relpath(part.page, base or ".") + (f"#{part.anchor}" if part.anchor else "")
        return f"[{_cell(page_title(site, part.page))}]({target})"

    rows = ["| Notes lines | What the notes hold | Page |", "| --- | --- | --- |"]
    for part in notes_map.parts:
        rows.append(f"| {part.span} | {_cell(part.what)} | {link_to(part)} |")
    rows += [
        "",
        "Links of the notes that did not stay as they were:",
        "",
        "| Notes lines | Link in the notes | What became of it | Page |",
        "| --- | --- | --- | --- |",
    ]
    for part in notes_map.parts:
        for link in part.links.values():
            if link.status == "kept":
                continue
            became = f"**{STATUS_LABELS[link.status]}**: {link.reason}"
            if link.to:
                became += f" Now: `{link.to}`" if link.status == "gone" else f" Now: <{link.to}>"
            rows.append(f"| {part.span} | `{_cell(_short(link.target))}` | {_cell(became)} | {link_to(part)} |")
    return "\n".join(rows) + "\n"
