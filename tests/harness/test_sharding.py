"""Shards (pytest-split, checks/sharding.py) and the default worker count (checks/parallel.py)."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from checks import parallel, paths

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

PAGES = {
    **{f"docs/s/p{n}.md": f"# P{n}\n" for n in range(5)},
    **{f"snippets/s/p{n}/{step}-step.sh": "true\n" for n in range(5) for step in ("01", "02", "03")},
}


def shard_items(run_gate, splits: int, group: int, *args: str) -> list[str]:
    done = run_gate(PAGES, "--collect-only", f"--splits={splits}", f"--group={group}", *args)
    assert done.returncode == 0, done.stdout + done.stderr
    return re.findall(r"^(snippets/\S+)$", done.stdout, re.M)


def page(nodeid: str) -> str:
    return nodeid.rsplit("/", 1)[0]


@pytest.mark.parametrize("order", [[], ["--page-order=random"]])
def test_shards_cover_every_step_once_and_never_split_a_page(run_gate, order):
    shards = [shard_items(run_gate, 3, group, *order) for group in (1, 2, 3)]
    every = [nodeid for shard in shards for nodeid in shard]
    assert sorted(every) == sorted(f"snippets/s/p{n}/{s}-step.sh::shell" for n in range(5) for s in ("01", "02", "03"))
    owners = {page(nodeid): index for index, shard in enumerate(shards) for nodeid in shard}
    for index, shard in enumerate(shards):
        assert all(owners[page(nodeid)] == index for nodeid in shard)
        assert all(shard), "every shard got work"


def test_recorded_durations_are_summed_per_page_to_balance_shards(run_gate, tmp_path):
    # p0's steps take 30 s in all, the others 1 s: p0 alone on one shard, the rest on the other.
    durations = {
        f"snippets/s/p{n}/{s}-step.sh::shell": (10.0 if n == 0 else 0.25) for n in range(5) for s in ("01", "02", "03")
    }
    path = tmp_path / "durations.json"
    path.write_text(json.dumps(durations))
    args = ("--splitting-algorithm=least_duration", f"--durations-path={path}")
    first, second = (shard_items(run_gate, 2, group, *args) for group in (1, 2))
    assert {page(nodeid) for nodeid in first} == {"snippets/s/p0"}
    assert {page(nodeid) for nodeid in second} == {f"snippets/s/p{n}" for n in range(1, 5)}


def options(args: list[str], collectonly: bool = False, here=None):
    return SimpleNamespace(
        args=args,
        invocation_params=SimpleNamespace(dir=here or THIS_SITE.root),
        getoption=lambda name, default=None: collectonly if name == "collectonly" else default,
        stash={paths.SITE: THIS_SITE},
    )


@pytest.mark.parametrize(
    ("cores", "args", "collectonly", "workers"),
    [
        (2, [], False, 2),
        (8, ["snippets", "tests"], False, parallel.MAX_WORKERS),
        (1, [], False, 0),
        (2, [], True, 0),
        (2, ["snippets/containers/hello"], False, 0),
        (2, ["snippets/containers/hello/01-pull.sh::shell", "snippets/containers/hello/02-run-ls.sh"], False, 0),
        (2, ["snippets/containers/hello", "snippets/cloud/s3"], False, 2),
    ],
)
def test_auto_workers_one_a_core_none_where_they_cannot_help(monkeypatch, cores, args, collectonly, workers):
    monkeypatch.delenv("PYTEST_XDIST_AUTO_NUM_WORKERS", raising=False)
    monkeypatch.setattr(parallel, "cores", lambda: cores)
    assert parallel.pytest_xdist_auto_num_workers(options(args, collectonly)) == workers


def test_xdists_own_override_still_wins(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_AUTO_NUM_WORKERS", "3")
    assert parallel.pytest_xdist_auto_num_workers(options([])) is None
