"""Pages can run in another order (reverse, or shuffled from a printed seed); a page's own
steps always keep the page's order."""

from __future__ import annotations

import re

import pytest

pytest_plugins = ["pytester"]

PAGES = {
    **{f"docs/s/p{n}.md": f"# P{n}\n" for n in range(6)},
    **{f"snippets/s/p{n}/{step}-step.sh": "true\n" for n in range(6) for step in ("01", "02", "03")},
}


def order_of(result) -> list[str]:
    return [line.split("::")[0] for line in result.stdout.lines if line.startswith("snippets/")]


def pages_of(order: list[str]) -> list[str]:
    return list(dict.fromkeys(path.split("/")[2] for path in order))


def test_collected_order_is_the_default(gate_here):
    assert pages_of(order_of(gate_here(PAGES, "--collect-only"))) == [f"p{n}" for n in range(6)]


def test_reverse_runs_the_last_page_first(gate_here):
    result = gate_here(PAGES, "--collect-only", "--page-order=reverse")
    assert pages_of(order_of(result)) == [f"p{n}" for n in reversed(range(6))]


def test_a_random_order_prints_its_seed_and_the_seed_replays_it(gate_here):
    first = gate_here(PAGES, "--collect-only", "--page-order=random")
    seed = re.search(
        r"page order: random, seed (\d+) \(replay: --page-order=random --page-seed=\1\)", first.stdout.str()
    )
    assert seed, first.stdout.str()
    replayed = gate_here(PAGES, "--collect-only", "--page-order=random", f"--page-seed={seed[1]}")
    assert order_of(replayed) == order_of(first)


def test_seeds_give_different_orders_and_keep_steps_in_page_order(gate_here):
    orders = [order_of(gate_here(PAGES, "--collect-only", "--page-order=random", f"--page-seed={s}")) for s in (1, 2)]
    assert pages_of(orders[0]) != pages_of(orders[1])
    for order in orders:
        for page in pages_of(order):
            steps = [path.rsplit("/", 1)[1] for path in order if f"/{page}/" in path]
            assert steps == ["01-step.sh", "02-step.sh", "03-step.sh"]


def test_an_unknown_order_is_refused_by_name(gate_here):
    result = gate_here(PAGES, "--collect-only", "--page-order=sideways")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--page-order: invalid choice: 'sideways'*"])
