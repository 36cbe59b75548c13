"""Pages and their snippet folders: `docs/<section>/<page>.md` owns `snippets/<section>/<page>/`.

Which snippets a page includes (and at which line), its steps in run order, and its
`_page.yml` (page_metadata.py). What a step and its parts are is model.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from checks import markdown_reader, model
from checks.paths import Site

if TYPE_CHECKING:
    from checks.page_metadata import PageMeta


def page_dir_of(site: Site, snippet: Path) -> Path:
    """snippets/<section>/<page>/<step> -> snippets/<section>/<page>."""
    rel = snippet.resolve().relative_to(site.snippets)
    if len(rel.parts) < 2:
        raise site.error(snippet, "snippets must live in snippets/<section>/<page>/")
    return snippet.resolve().parent


def page_of(site: Site, page_dir: Path) -> Path:
    """The docs page whose snippets live in page_dir."""
    rel = page_dir.resolve().relative_to(site.snippets)
    return site.docs / rel.with_suffix(".md")


def includes_of(site: Site, page: Path) -> list[tuple[Path, int]]:
    """Snippet files included by a page, in page order, with the line of each include."""
    text = page.read_text(encoding="utf-8")
    return [((site.snippets / include.path).resolve(), include.line) for include in markdown_reader.includes(text)]


def all_includes(site: Site) -> dict[Path, list[tuple[Path, int]]]:
    """Every snippet include of the site: target -> [(page, line)] (read once per Site)."""
    if "includes" not in site.memo:
        found: dict[Path, list[tuple[Path, int]]] = {}
        for page in sorted(site.docs.rglob("*.md")):
            for target, line in includes_of(site, page):
                found.setdefault(target, []).append((page, line))
        site.memo["includes"] = found
    return site.memo["includes"]


def included_at(site: Site, snippet: Path) -> tuple[Path, int] | None:
    """The page and line that show a snippet: its own page's include if it has one, else the first."""
    places = all_includes(site).get(snippet.resolve(), [])
    own = page_of(site, snippet.resolve().parent)
    return next((place for place in places if place[0] == own), places[0] if places else None)


def page_meta(site: Site, page_dir: Path) -> PageMeta:
    """The page's `_page.yml`, validated (see page_metadata.py); errors name the file and line.

    Read once per Site; a file that is wrong raises again each time it is asked for.
    """
    from checks import page_metadata  # pydantic: a gate package, and the site imports this module

    key = ("page_meta", page_dir.resolve())
    if key not in site.memo:
        site.memo[key] = page_metadata.read(site, page_dir)
    return site.memo[key]


def steps_of(site: Site, page_dir: Path) -> list[Path]:
    """The page's shown snippets in run order: the page's include order, then the rest by name.

    Outputs, hidden assertions and metadata are parts of a step, not steps.
    """
    page = page_of(site, page_dir)
    ordered: list[Path] = []
    if page.exists():
        for target, _line in includes_of(site, page):
            if target.parent == page_dir.resolve() and target not in ordered:
                ordered.append(target)
    folder = page_dir.resolve()  # once: resolving each file's whole path made collection slow
    rest = sorted(p.resolve() if p.is_symlink() else folder / p.name for p in page_dir.iterdir() if p.is_file())
    ordered += [p for p in rest if p not in ordered]
    return [p for p in ordered if model.kind_of(p) not in model.PART_KINDS and not model.is_metadata(p)]


def steps_named(page_dir: Path, name: str) -> list[Path]:
    # The name first: is_step asks the file system, and a page has many files of other names.
    return sorted(p for p in page_dir.iterdir() if model.step_name(p) == name and model.is_step(p))


def same_step_name(path: Path) -> list[Path]:
    """Other steps of the page whose output and assertion would be the same files as this one's.

    run.sh and run.bash would both own run.out; Dockerfile and Dockerfile.dev would not.
    """
    if not model.is_step(path):
        return []
    return [other for other in steps_named(path.parent, model.step_name(path)) if other != path]


def step_of(part: Path) -> Path | None:
    """The step an output or assertion belongs to, if the page has it."""
    steps = steps_named(part.parent, model.step_name(part))
    return steps[0] if steps else None
