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
    resolved = snippet.resolve()
    if len(resolved.relative_to(site.snippets).parts) < 2:
        raise site.error(snippet, "snippets must live in snippets/<section>/<page>/")
    return resolved.parent


def page_of(site: Site, page_dir: Path) -> Path:
    """The docs page whose snippets live in page_dir."""
    rel = page_dir.resolve().relative_to(site.snippets)
    return site.docs / rel.with_suffix(".md")


def includes_of(site: Site, page: Path) -> list[tuple[Path, int]]:
    """Snippet files included by a page, in page order, with the line of each include
    (read again only when the page changes: a run asks for them once per step)."""

    def read() -> list[tuple[Path, int]]:
        text = page.read_text(encoding="utf-8")
        return [((site.snippets / include.path).resolve(), include.line) for include in markdown_reader.includes(text)]

    return list(site.remembered(("includes of", page), [page], read))


def all_includes(site: Site) -> dict[Path, list[tuple[Path, int]]]:
    """Every snippet include of the site: target -> [(page, line)] (read once per Site)."""

    def read() -> dict[Path, list[tuple[Path, int]]]:
        found: dict[Path, list[tuple[Path, int]]] = {}
        for page in sorted(site.docs.rglob("*.md")):
            for target, line in includes_of(site, page):
                found.setdefault(target, []).append((page, line))
        return found

    return site.once("includes", read)


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

    return site.once(("page_meta", page_dir.resolve()), lambda: page_metadata.read(site, page_dir))


def steps_of(site: Site, page_dir: Path) -> list[Path]:
    """The page's shown snippets in run order: the page's include order, then the rest by name.

    Outputs, hidden assertions and metadata are parts of a step, not steps. Listed again
    only when the folder's entries or the page change: a run asks once per step.
    """
    page = page_of(site, page_dir)
    return list(site.remembered(("steps of", page_dir), [page_dir, page], lambda: _steps_of(site, page_dir, page)))


def _steps_of(site: Site, page_dir: Path, page: Path) -> list[Path]:
    ordered: list[Path] = []
    folder = page_dir.resolve()  # once: resolving each file's whole path made collection slow
    if page.exists():
        for target, _line in includes_of(site, page):
            if target.parent == folder and target not in ordered:
                ordered.append(target)
    rest = sorted(p.resolve() if p.is_symlink() else folder / p.name for p in page_dir.iterdir() if p.is_file())
    ordered += [p for p in rest if p not in ordered]
    return [p for p in ordered if model.kind_of(p) not in model.PART_KINDS and not model.is_metadata(p)]


def steps_named(site: Site, page_dir: Path, name: str) -> list[Path]:
    """The steps of a folder with this step name (listed once while the folder is unchanged)."""
    by_name = site.remembered(("by step name", page_dir), [page_dir], lambda: _by_step_name(page_dir))
    # is_step asks the file system: only of the few files with the name.
    return [path for path in by_name.get(name, []) if model.is_step(path)]


def _by_step_name(page_dir: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in sorted(page_dir.iterdir()):
        found.setdefault(model.step_name(path), []).append(path)
    return found


def same_step_name(site: Site, path: Path) -> list[Path]:
    """Other steps of the page whose output and assertion would be the same files as this one's.

    run.sh and run.bash would both own run.out; Dockerfile and Dockerfile.dev would not.
    """
    if not model.is_step(path):
        return []
    return [other for other in steps_named(site, path.parent, model.step_name(path)) if other != path]


def step_of(site: Site, part: Path) -> Path | None:
    """The step an output or assertion belongs to, if the page has it."""
    steps = steps_named(site, part.parent, model.step_name(part))
    return steps[0] if steps else None
