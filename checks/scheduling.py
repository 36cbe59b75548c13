"""Parallel runs (pytest-xdist): every page runs whole on one worker.

A page's shell steps share one shell state, so a page split between two workers would
replay its earlier steps on both and fight itself over ports and names. xdist's own
grouping (`--dist loadgroup` and `xdist_group` marks) passes a test's group to the
controller by rewriting the test's node id through a private attribute, which pytest 9.2
no longer reads: grouping then silently stops (pytest-xdist issue 1386).

So the gate schedules through xdist's public hook `pytest_xdist_make_scheduler`, with
xdist's loadscope scheduler, which sends each scope whole to one worker; a scope is a
node id up to its last "::" (a test module or class). It is handed the node ids
rewritten so that each page is one scope:

    snippets/containers/hello/01-pull.sh::shell  ->  snippets/containers/hello::<position>

Tests outside snippets/ are scoped as the `--dist` given says: by module or class for
loadscope, by file for loadfile, each on its own for load, loadgroup and worksteal, except
that the instances of one parametrized test stay together: they usually share a module's
fixture (one run of a gate over probe pages, say), which every worker given some of them
would set up again.
`--dist each` (every worker runs everything, pages whole) is left to xdist.

Scopes go out longest first, by the durations recorded in `.test_durations` (the file
sharding reads), so the run does not end on one worker still busy with a long page that
started last. loadscope's own order (most items first) is what remains without durations.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling

from checks import paths

SPREADING = ("load", "loadscope", "loadfile", "loadgroup", "worksteal")


def page_of_nodeid(site: paths.Site, rootpath: Path, nodeid: str) -> str | None:
    """snippets/<section>/<page> for a node id inside a page folder (or the folder: its clean-up), else None."""
    path = (rootpath / nodeid.split("::", 1)[0]).resolve()
    try:
        parts = path.relative_to(site.snippets).parts
    except ValueError:
        return None
    in_page = len(parts) > 2 or (len(parts) == 2 and path.is_dir())
    return site.relative(site.snippets.joinpath(*parts[:2])) if in_page else None


def scope_of(site: paths.Site, nodeid: str, dist: str, rootpath: Path) -> str:
    """What goes whole to one worker with the test: its page, or what `--dist` groups it with."""
    page = page_of_nodeid(site, rootpath, nodeid)
    if page is not None:
        return page
    if dist == "loadscope":
        return nodeid.rsplit("::", 1)[0]
    if dist == "loadfile":
        return nodeid.split("::", 1)[0]
    test = nodeid.split("[", 1)[0]  # a parameter's id may hold "::" itself
    return test if "::" in test else nodeid


def recorded_durations(config: pytest.Config) -> dict[str, float]:
    """Seconds per node id from pytest-split's durations file; none if it is missing or unreadable."""
    path = Path(config.rootpath, getattr(config.option, "durations_path", None) or ".test_durations")
    try:
        durations = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return durations if isinstance(durations, dict) else {}


class LongestFirst(OrderedDict):
    """loadscope's work queue, handing out the scope with the most recorded seconds first
    (xdist takes each next unit with `popitem(last=False)`)."""

    def __init__(self) -> None:
        super().__init__()
        self.seconds: dict[str, float] = {}

    def popitem(self, last: bool = True):
        if last or not self.seconds:
            return super().popitem(last=last)
        scope = max(self, key=lambda name: self.seconds.get(name, 0.0))
        return scope, self.pop(scope)


class PageScheduling:
    """xdist's loadscope scheduling, in which a page is the scope of each of its items."""

    def __init__(self, config: pytest.Config, log) -> None:
        self.rootpath, self.dist, self.site = config.rootpath, config.getoption("dist"), paths.site_of(config)
        self.loadscope = LoadScopeScheduling(config, log)
        self.loadscope.workqueue = self.queue = LongestFirst()
        self.durations = recorded_durations(config)
        self.collections: dict[object, list[str]] = {}  # worker -> its collection, as collected

    def add_node_collection(self, node, collection: Sequence[str]) -> None:
        self.collections[node] = list(collection)
        scopes = [scope_of(self.site, nodeid, self.dist, self.rootpath) for nodeid in collection]
        self.loadscope.add_node_collection(node, [f"{scope}::{position}" for position, scope in enumerate(scopes)])
        if not self.queue.seconds and self.durations:
            self.queue.seconds = expected_seconds(self.durations, collection, scopes)

    def remove_node(self, node) -> str | None:
        """The test the worker crashed in, by its real node id."""
        crashed = self.loadscope.remove_node(node)
        return None if crashed is None else self.collections[node][int(crashed.rsplit("::", 1)[1])]

    def __getattr__(self, name: str):
        # The rest of xdist's Scheduling protocol works on positions, as loadscope does.
        return getattr(self.loadscope, name)


def expected_seconds(durations: dict[str, float], collection: Sequence[str], scopes: Sequence[str]) -> dict[str, float]:
    """Each scope's recorded seconds; an item not recorded (a new step or test) counts as the
    recorded items' mean."""
    known = [durations[nodeid] for nodeid in collection if nodeid in durations]
    mean = sum(known) / len(known) if known else 0.0
    seconds: dict[str, float] = {}
    for nodeid, scope in zip(collection, scopes, strict=True):
        seconds[scope] = seconds.get(scope, 0.0) + durations.get(nodeid, mean)
    return seconds
