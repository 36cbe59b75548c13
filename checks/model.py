"""What the harness checks and what it found: kinds of snippet files, steps and their parts,
statuses, and a check's Outcome with its JSON form (the cache's entries, the report's results).

A page's snippet folder holds, for each step `<step>` (see `step_name`):

* `<step>.<ext>`        the snippet shown on the page (its kind comes from its name);
* `<step>.out`          its expected output, shown on the page as an output block;
* `<step>.check.sh`     a hidden assertion run right after it in the page session;

and `_page.yml`, the page's metadata: timeouts, requirements, fixtures (see CONTRIBUTING.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

METADATA_NAME = "_page.yml"
DEFAULT_TIMEOUT = 60.0


class Kind(StrEnum):
    """The kind of a snippet file, which decides its runner (its value is the item's name)."""

    SHELL = "shell"
    PYTHON = "python"
    NODE = "node"
    JSON = "json"
    YAML = "yaml"
    HTML = "html"
    IMAGE = "image"
    DOCKERFILE = "dockerfile"
    OUTPUT = "output"  # a part of a step: `<step>.out`
    ASSERTION = "assertion"  # a part of a step: `<step>.check.sh`


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


KINDS: dict[str, Kind] = {
    ".sh": Kind.SHELL,
    ".bash": Kind.SHELL,
    ".py": Kind.PYTHON,
    ".js": Kind.NODE,
    ".json": Kind.JSON,
    ".yaml": Kind.YAML,
    ".yml": Kind.YAML,
    ".html": Kind.HTML,
    ".png": Kind.IMAGE,
    ".jpg": Kind.IMAGE,
}
PART_KINDS = (Kind.OUTPUT, Kind.ASSERTION)
PARTS = (".check.sh", ".out")  # what hangs on a step: `<step name><part>`


def kind_of(path: Path) -> Kind | None:
    """The kind of a snippet file; None if unknown."""
    name = path.name
    if name.endswith(".check.sh"):
        return Kind.ASSERTION
    if path.suffix == ".out":  # before Dockerfile.*: `Dockerfile.out` is the output of `Dockerfile`
        return Kind.OUTPUT
    if is_dockerfile(name):
        return Kind.DOCKERFILE
    return KINDS.get(path.suffix.lower())


def is_dockerfile(name: str) -> bool:
    return name == "Dockerfile" or name.endswith(".Dockerfile") or name.startswith("Dockerfile.")


def is_metadata(path: Path) -> bool:
    return path.name == METADATA_NAME


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
    return path.is_file() and kind_of(path) not in (*PART_KINDS, None) and not is_metadata(path)


def output_of(step: Path) -> Path | None:
    candidate = step.with_name(step_name(step) + ".out")
    return candidate if candidate.exists() else None


def assertion_of(step: Path) -> Path | None:
    candidate = step.with_name(step_name(step) + ".check.sh")
    return candidate if candidate.exists() else None


@dataclass
class Outcome:
    status: Status
    message: str = ""
    output: str = ""
    duration: float = 0.0
    checked_by: str = ""
    requires: list[str] = field(default_factory=list)
    updated_output: str = ""  # with --update-outputs: the diff of the rewritten `.out`

    def __post_init__(self) -> None:
        self.status = Status(self.status)

    @property
    def failed(self) -> bool:
        return self.status is Status.FAILED

    def to_json(self) -> dict[str, Any]:
        """What later runs and the report keep of it (a skip's reason; never the output)."""
        return {
            "status": str(self.status),
            "reason": self.message if self.status is Status.SKIPPED else "",
            "checked_by": self.checked_by,
            "requires": self.requires,
        }

    @classmethod
    def from_json(cls, entry: dict[str, Any]) -> Outcome:
        return cls(
            entry["status"],
            entry.get("reason", ""),
            checked_by=entry.get("checked_by", ""),
            requires=entry.get("requires", []),
        )
