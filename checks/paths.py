"""Where the site lives: its root, docs/ and snippets/, and errors that name a file and line there."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("DSP_ROOT") or Path(__file__).resolve().parent.parent).resolve()
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"


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
