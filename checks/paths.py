"""Where the site lives: its root, docs/ and snippets/, and errors that name a file and line there.

A Site is configuration, made once per run (pytest_configure, kept in `config.stash`) or per
build (the site's Markdown extension, from MkDocs' docs_dir), and handed to whoever needs it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

# Where the gate looks for the site when neither --site-root nor DSP_ROOT says: this checkout.
CHECKOUT = Path(__file__).resolve().parent.parent
# A file changed within this many seconds of being read may change again with the same
# size and modification time (file systems stamp times at a clock tick): never trusted.
RACY_SECONDS = 2.0

T = TypeVar("T")
Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True, eq=False)
class Site:
    """One site: `root` holds docs/, snippets/, notes/ and reports/."""

    root: Path
    # What once() and remembered() keep: it lives as long as this Site, so a new run or build
    # reads the files afresh.
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

    def once(self, key: Any, compute: Callable[[], T]) -> T:
        """compute(), remembered for as long as this Site lives (a run, a build): for what is
        asked of the whole site, which a stamp of every file would cost as much as reading."""
        if key not in self.memo:
            self.memo[key] = compute()  # an exception is not remembered: asked again, it is raised again
        return self.memo[key]

    def remembered(self, key: Any, files: Iterable[Path | None], compute: Callable[[], T]) -> T:
        """compute(), remembered under `key` while `files` are as they were (which of them
        exist, their sizes and modification times). An answer read from a file changed in
        the last RACY_SECONDS is not remembered. (A folder's time changes with its entries.)"""
        stamp = stamp_of(files)
        known = self.memo.get(key)
        if known is not None and known[0] == stamp:
            return known[1]
        value = compute()
        if max((modified for _, _, modified in stamp), default=0) < (time.time() - RACY_SECONDS) * 1e9:
            self.memo[key] = (stamp, value)
        return value

    def relative(self, path: Path) -> str:
        """A file's name as an author reads it: relative to the site's root where it is inside."""
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)

    def error(self, path: Path, message: str, line: int | None = None) -> LayoutError:
        return LayoutError(path, f"{self.relative(path)}{f':{line}' if line else ''}: {message}", line)


def stamp_of(files: Iterable[Path | None]) -> Stamp:
    """Which files there are, with their sizes and modification times (in ns)."""
    stamps = []
    for path in files:
        try:
            status = os.stat(path) if path is not None else None
        except OSError:
            continue
        if status is not None:
            stamps.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(sorted(stamps))


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
