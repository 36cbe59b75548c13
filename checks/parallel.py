"""How many xdist workers `-n auto` (the gate's default, see ./gate) starts.

One per core, at most MAX_WORKERS: each worker has its own moto server and page sessions,
while the Docker Engine is one for all, so past a few workers pages mostly wait for it.
None where workers cannot help: one core, a collection only, or a run of a single page
(a page runs whole on one worker, scheduling.py). PYTEST_XDIST_AUTO_NUM_WORKERS, xdist's
own override, still wins.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks import paths

MAX_WORKERS = 4


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def page_named(site: paths.Site, here: Path, arg: str) -> Path | None:
    """The page folder a command-line path is or lies in; None for any other path."""
    path = (here / arg.split("::", 1)[0]).resolve()
    try:
        parts = path.relative_to(site.snippets).parts
    except ValueError:
        return None
    return site.snippets.joinpath(*parts[:2]) if len(parts) >= 2 else None


def named_pages(config: pytest.Config) -> set[Path | None]:
    here, site = Path(config.invocation_params.dir), paths.site_of(config)
    return {page_named(site, here, arg) for arg in config.args} or {None}


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    if config.getoption("collectonly"):
        return 0
    pages = named_pages(config)
    if len(pages) == 1 and None not in pages:
        return 0
    workers = min(cores(), MAX_WORKERS)
    return workers if workers > 1 else 0
