"""Where things live: pages, snippets, their kinds and their per-page metadata.

A page `docs/<section>/<page>.md` owns the snippet folder `snippets/<section>/<page>/`.
Inside it:

* `<step>.<ext>`        a snippet shown on the page (its kind comes from its name);
* `<step>.out`          the expected output of `<step>`, shown on the page as an output block;
* `<step>.check.sh`     a hidden assertion run right after `<step>` in the page session;
* `_page.yml`           metadata: timeouts, requirements, fixtures (see CONTRIBUTING.md).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(os.environ.get("DSP_ROOT") or Path(__file__).resolve().parent.parent).resolve()
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
METADATA_NAME = "_page.yml"
DEFAULT_TIMEOUT = 60.0

# pymdownx.snippets: `--8<-- "path"` on a line, optionally indented, optionally with
# a section (`path:section`) or line range (`path:1:3`).
INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["'])(?P<path>[^"']+?)(?::[\w:-]+)?\1\s*$""")

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
    if name == "Dockerfile" or name.endswith(".Dockerfile") or name.startswith("Dockerfile."):
        return "dockerfile"
    if path.suffix == ".out":
        return "output"
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
    found = []
    for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        match = INCLUDE.match(text)
        if match:
            found.append(((SNIPPETS / match["path"]).resolve(), number))
    return found


@cache
def all_includes() -> dict[Path, list[tuple[Path, int]]]:
    """Every snippet include of the site: target -> [(page, line)]."""
    found: dict[Path, list[tuple[Path, int]]] = {}
    for page in sorted(DOCS.rglob("*.md")):
        for target, line in includes_of(page):
            found.setdefault(target, []).append((page, line))
    return found


@dataclass
class StepMeta:
    timeout: float = DEFAULT_TIMEOUT
    requires: list[str] = field(default_factory=list)
    exit_code: int = 0
    otherwise: str | None = None  # step to run instead when a requirement is missing
    input: str | None = None  # text fed to the step's stdin (else /dev/null)
    tty: bool = False  # run on a pseudo-terminal; `input` is then typed at its prompts
    # `run: false` + `reason:`: a step that cannot run here (it needs a remote machine, systemd,
    # ...) is validated statically with shellcheck instead, and the reason is reported.
    run: bool = True
    reason: str | None = None


@dataclass
class PageMeta:
    path: Path
    timeout: float = DEFAULT_TIMEOUT
    requires: list[str] = field(default_factory=list)
    fixtures: list[str] = field(default_factory=list)
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)

    def step(self, name: str) -> StepMeta:
        raw = {"timeout": self.timeout, **self.steps.get(name, {})}
        raw["requires"] = list(self.requires) + list(raw.get("requires", []))
        return StepMeta(**raw)


PAGE_KEYS = {"timeout", "requires", "fixtures", "steps"}
STEP_KEYS = {"timeout", "requires", "exit_code", "otherwise", "run", "reason", "input", "tty"}


@cache
def page_meta(page_dir: Path) -> PageMeta:
    """Read `_page.yml`; errors name the file and line."""
    path = page_dir / METADATA_NAME
    if not path.exists():
        return PageMeta(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise LayoutError(
            path, f"malformed YAML: {getattr(error, 'problem', error)}", line
        ) from None
    if not isinstance(raw, dict):
        raise LayoutError(path, "must be a mapping")
    unknown = set(raw) - PAGE_KEYS
    if unknown:
        raise LayoutError(path, f"unknown keys {sorted(unknown)}; expected {sorted(PAGE_KEYS)}")
    for name, step in (raw.get("steps") or {}).items():
        if not (page_dir / name).exists():
            raise LayoutError(path, f"steps: {name!r} is not a file in {relative(page_dir)}")
        if not isinstance(step, dict) or set(step) - STEP_KEYS:
            raise LayoutError(path, f"steps: {name!r} takes only {sorted(STEP_KEYS)}")
        fallback = step.get("otherwise")
        if fallback is not None and (fallback == name or not (page_dir / str(fallback)).is_file()):
            raise LayoutError(path, f"steps: {name!r}: otherwise: {fallback!r} is not another step of the page")
        if step.get("run", True) is False and not str(step.get("reason") or "").strip():
            raise LayoutError(path, f"steps: {name!r} has run: false but no reason: say why it cannot run")
    return PageMeta(path, **{key: value for key, value in raw.items() if value is not None})


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


def step_name(path: Path) -> str:
    """The name a step's output, assertion and metadata hang on: the file name less its extension."""
    name = path.name
    for suffix in (".check.sh", ".out"):
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return path.stem if path.suffix else name


def same_step_name(path: Path) -> list[Path]:
    """Other steps of the page with the same step name (e.g. run.sh and run.bash)."""
    if kind_of(path) in ("output", "assertion") or is_metadata(path):
        return []
    return sorted(
        other
        for other in path.parent.iterdir()
        if other != path
        and other.is_file()
        and kind_of(other) not in ("output", "assertion", None)
        and step_name(other) == step_name(path)
    )


def output_of(step: Path) -> Path | None:
    candidate = (
        step.with_name(step.stem + ".out") if step.suffix else step.with_name(step.name + ".out")
    )
    return candidate if candidate.exists() else None


def assertion_of(step: Path) -> Path | None:
    candidate = step.with_name(step.stem + ".check.sh")
    return candidate if candidate.exists() else None
