"""Where things live: pages, snippets, their kinds and their per-page metadata.

A page `docs/<section>/<page>.md` owns the snippet folder `snippets/<section>/<page>/`.
Inside it:

* `<step>.<ext>`        a snippet shown on the page (its kind comes from its name);
* `<step>.out`          the expected output of `<step>`, shown on the page as an output block;
* `<step>.check.sh`     a hidden assertion run right after `<step>` in the page session;

  (`<step>` is the step name: see `step_name`, e.g. `Dockerfile.dev` owns `Dockerfile.dev.out`)
* `_page.yml`           metadata: timeouts, requirements, fixtures (see CONTRIBUTING.md).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checks import markdown_reader

if TYPE_CHECKING:
    from checks.page_metadata import PageMeta

ROOT = Path(os.environ.get("DSP_ROOT") or Path(__file__).resolve().parent.parent).resolve()
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
METADATA_NAME = "_page.yml"
DEFAULT_TIMEOUT = 60.0

KINDS: dict[str, str] = {
    ".sh": "shell",
    ".bash": "shell",
    ".py": "python",
    ".js": "node",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".html": "html",
    ".png": "image",
    ".jpg": "image",
}


class LayoutError(Exception):
    """A problem in docs/ or snippets/ that an author must fix; names file and line."""

    def __init__(self, path: Path, message: str, line: int | None = None):
        self.path, self.line = path, line
        where = relative(path) + (f":{line}" if line else "")
        super().__init__(f"{where}: {message}")


def relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def kind_of(path: Path) -> str | None:
    """The kind of a snippet file, which decides its runner; None if unknown."""
    name = path.name
    if name.endswith(".check.sh"):
        return "assertion"
    if path.suffix == ".out":  # before Dockerfile.*: `Dockerfile.out` is the output of `Dockerfile`
        return "output"
    if is_dockerfile(name):
        return "dockerfile"
    return KINDS.get(path.suffix.lower())


def is_metadata(path: Path) -> bool:
    return path.name == METADATA_NAME


def page_dir_of(snippet: Path) -> Path:
    """snippets/<section>/<page>/<step> -> snippets/<section>/<page>."""
    rel = snippet.resolve().relative_to(SNIPPETS)
    if len(rel.parts) < 2:
        raise LayoutError(snippet, "snippets must live in snippets/<section>/<page>/")
    return snippet.resolve().parent


def page_of(page_dir: Path) -> Path:
    """The docs page whose snippets live in page_dir."""
    rel = page_dir.resolve().relative_to(SNIPPETS)
    return DOCS / rel.with_suffix(".md")


def includes_of(page: Path) -> list[tuple[Path, int]]:
    """Snippet files included by a page, in page order, with the line of each include."""
    text = page.read_text(encoding="utf-8")
    return [((SNIPPETS / include.path).resolve(), include.line) for include in markdown_reader.includes(text)]


@cache
def all_includes() -> dict[Path, list[tuple[Path, int]]]:
    """Every snippet include of the site: target -> [(page, line)]."""
    found: dict[Path, list[tuple[Path, int]]] = {}
    for page in sorted(DOCS.rglob("*.md")):
        for target, line in includes_of(page):
            found.setdefault(target, []).append((page, line))
    return found


def included_at(snippet: Path) -> tuple[Path, int] | None:
    """The page and line that show a snippet: its own page's include if it has one, else the first."""
    places = all_includes().get(snippet.resolve(), [])
    own = page_of(snippet.resolve().parent)
    return next((place for place in places if place[0] == own), places[0] if places else None)


@cache
def page_meta(page_dir: Path) -> PageMeta:
    """The page's `_page.yml`, validated (see page_metadata.py); errors name the file and line."""
    from checks import page_metadata  # it builds on this module

    return page_metadata.read(page_dir)


def steps_of(page_dir: Path) -> list[Path]:
    """The page's shown snippets in run order: the page's include order, then the rest by name.

    Outputs, hidden assertions and metadata are parts of a step, not steps.
    """
    page = page_of(page_dir)
    ordered: list[Path] = []
    if page.exists():
        for target, _line in includes_of(page):
            if target.parent == page_dir.resolve() and target not in ordered:
                ordered.append(target)
    rest = sorted(p.resolve() for p in page_dir.iterdir() if p.is_file())
    ordered += [p for p in rest if p not in ordered]
    return [p for p in ordered if kind_of(p) not in ("output", "assertion") and not is_metadata(p)]


def is_dockerfile(name: str) -> bool:
    return name == "Dockerfile" or name.endswith(".Dockerfile") or name.startswith("Dockerfile.")


PARTS = (".check.sh", ".out")  # what hangs on a step: `<step name><part>`


def step_name(path: Path) -> str:
    """The name a step's output and assertion hang on: `<step name>.out`, `<step name>.check.sh`.

    It is the file name less the extension that gives its kind. A Dockerfile's kind is in
    its name, not in an extension, so its whole name is its step name: `Dockerfile.dev`
    and `app.Dockerfile` own `Dockerfile.dev.out` and `app.Dockerfile.out`, and so clash
    neither with `Dockerfile` nor with `app.sh`.
    """
    name = path.name
    for part in PARTS:
        if name.endswith(part):
            return name.removesuffix(part)
    if is_dockerfile(name) or not path.suffix:
        return name
    return path.stem


def is_step(path: Path) -> bool:
    """A file of a known kind that is shown on a page, rather than a part of a step."""
    return path.is_file() and kind_of(path) not in ("output", "assertion", None) and not is_metadata(path)


def steps_named(page_dir: Path, name: str) -> list[Path]:
    return sorted(p for p in page_dir.iterdir() if is_step(p) and step_name(p) == name)


def same_step_name(path: Path) -> list[Path]:
    """Other steps of the page whose output and assertion would be the same files as this one's.

    run.sh and run.bash would both own run.out; Dockerfile and Dockerfile.dev would not.
    """
    if not is_step(path):
        return []
    return [other for other in steps_named(path.parent, step_name(path)) if other != path]


def step_of(part: Path) -> Path | None:
    """The step an output or assertion belongs to, if the page has it."""
    steps = steps_named(part.parent, step_name(part))
    return steps[0] if steps else None


def output_of(step: Path) -> Path | None:
    candidate = step.with_name(step_name(step) + ".out")
    return candidate if candidate.exists() else None


def assertion_of(step: Path) -> Path | None:
    candidate = step.with_name(step_name(step) + ".check.sh")
    return candidate if candidate.exists() else None
