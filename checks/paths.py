"""Where the site lives: its root, docs/ and snippets/, and errors that name a file and line there.

A Site is configuration, made once per run (pytest_configure, kept in `config.stash`) or per
build (the site's Markdown extension, from MkDocs' docs_dir), and handed to whoever needs it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# Where the gate looks for the site when neither --site-root nor DSP_ROOT says: this checkout.
CHECKOUT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, eq=False)
class Site:
    """One site: `root` holds docs/, snippets/, notes/ and reports/."""

    root: Path
    # What a run or a build reads from the site once (the includes, the pages' metadata); it
    # lives as long as this Site, so a new run or build reads the files afresh.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def at(cls, root: Path | str) -> Site:
        return cls(Path(root).resolve())

    @classmethod
    def located(cls, given: Path | str | None = None, default: Path = CHECKOUT) -> Site:
        """The site `given` (--site-root), else $DSP_ROOT (the documented override), else `default`."""
        return cls.at(given or os.environ.get("DSP_ROOT") or default)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def snippets(self) -> Path:
        return self.root / "snippets"

    def relative(self, path: Path) -> str:
        """A file's name as an author reads it: relative to the site's root where it is inside."""
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)

    def error(self, path: Path, message: str, line: int | None = None) -> LayoutError:
        return LayoutError(path, f"{self.relative(path)}{f':{line}' if line else ''}: {message}", line)


class LayoutError(Exception):
    """A problem in docs/ or snippets/ that an author must fix; names file and line (Site.error)."""

    def __init__(self, path: Path, located: str, line: int | None = None):
        self.path, self.line = path, line
        super().__init__(located)


SITE = pytest.StashKey[Site]()


def site_of(config: pytest.Config) -> Site:
    """The site this run checks: --site-root, else $DSP_ROOT, else pytest's rootdir.

    Made at its first use, which can come before pytest_configure (xdist counts its workers
    in pytest_cmdline_main), and kept in the run's stash.
    """
    if SITE not in config.stash:
        config.stash[SITE] = Site.located(config.getoption("site_root", None), default=config.rootpath)
    return config.stash[SITE]
