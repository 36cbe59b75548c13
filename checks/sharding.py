"""Shards across CI machines: pytest-split's `--splits N --group I`, a page never split.

pytest-split balances test items by their recorded durations (`.test_durations`, written
by `pytest --store-durations`). Split by item, a page's later steps could land on another
machine than its first ones, and run there without the shell state and engine objects the
earlier steps leave. So this plugin takes pytest-split's place for the selection, with
pytest-split's options, durations file and algorithms, and hands the algorithm units:
a page (its steps' durations summed), or for tests outside snippets/ a test file, as
scheduling.scope_of groups them for `--dist loadfile`.

Units go to the algorithm sorted by name, so every shard computes the same split whatever
--page-order shuffled; each shard's items keep this run's order.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

SPLIT_PLUGIN = "pytestsplitplugin"  # what pytest-split registers its selection under


@dataclass(frozen=True)
class Unit:
    """What goes whole to one shard; pytest-split's algorithms read only `nodeid`."""

    nodeid: str

    def __str__(self) -> str:
        return self.nodeid


def unit_of(config: pytest.Config, nodeid: str) -> str:
    from checks import paths
    from checks.scheduling import scope_of

    return scope_of(paths.site_of(config), nodeid, "loadfile", config.rootpath)


def unit_durations(config: pytest.Config, durations: dict[str, float], nodeids: list[str]) -> dict[str, float]:
    """Recorded seconds per unit; a unit none of whose items has a duration is left out
    (pytest-split then gives it the average)."""
    summed: dict[str, float] = {}
    for nodeid in nodeids:
        if nodeid in durations:
            unit = unit_of(config, nodeid)
            summed[unit] = summed.get(unit, 0.0) + durations[nodeid]
    return summed


def split(config: pytest.Config, items: list[pytest.Item], durations: dict[str, float]):
    """(selected, deselected) items of this shard: `--group` of `--splits` groups of units."""
    from pytest_split import algorithms

    units = sorted({unit_of(config, item.nodeid) for item in items})
    algorithm = algorithms.Algorithms[config.option.splitting_algorithm].value
    per_unit = unit_durations(config, durations, [item.nodeid for item in items])
    groups = algorithm(config.option.splits, [Unit(unit) for unit in units], per_unit)
    chosen = {unit.nodeid for unit in groups[config.option.group - 1].selected}
    selected = [item for item in items if unit_of(config, item.nodeid) in chosen]
    deselected = [item for item in items if unit_of(config, item.nodeid) not in chosen]
    return selected, deselected, groups[config.option.group - 1].duration


class PageSplit:
    def __init__(self, durations: dict[str, float]) -> None:
        self.durations = durations

    @pytest.hookimpl(trylast=True)  # after page_order has arranged the pages
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        selected, deselected, estimate = split(config, items, self.durations)
        items[:] = selected
        config.hook.pytest_deselected(items=deselected)
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            basis = f"estimated {estimate:.0f} s" if self.durations else "no recorded durations: pages counted alike"
            reporter.write_line(
                f"shard {config.option.group}/{config.option.splits}: {len(selected)} items, whole pages ({basis})"
            )


@pytest.hookimpl(trylast=True)  # after pytest-split registered its own selection
def pytest_configure(config: pytest.Config) -> None:
    theirs = config.pluginmanager.get_plugin(SPLIT_PLUGIN)
    if theirs is None:
        return
    config.pluginmanager.unregister(theirs)
    config.pluginmanager.register(PageSplit(theirs.cached_durations), "dsp-page-split")
