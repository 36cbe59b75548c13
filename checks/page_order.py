"""The order pages run in: as collected, reversed, or shuffled from a seed that is printed.

Pages must not depend on each other; running them in another order is how the gate
shows they do not. Steps inside a page always keep the page's order.

    ./gate --page-order=random                    # a new seed, printed in the header and summary
    ./gate --page-order=random --page-seed=1234   # replays that order
    ./gate --page-order=reverse
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

ORDERS = ("collected", "reverse", "random")
SEED_KEY = "dsp_page_seed"


def add_options(group) -> None:
    group.addoption(
        "--page-order",
        choices=ORDERS,
        default="collected",
        help="order of pages: as collected (default), reverse, or random (a printed seed; see --page-seed)",
    )
    group.addoption(
        "--page-seed",
        type=int,
        default=None,
        help="seed for --page-order=random, to replay the order of an earlier run",
    )


def configure(config: pytest.Config) -> None:
    """The controller picks the seed once; xdist workers receive it (see configure_node)."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        config.option.page_seed = workerinput.get(SEED_KEY)
    elif config.option.page_order == "random" and config.option.page_seed is None:
        config.option.page_seed = random.SystemRandom().randrange(10**6)


def configure_node(node) -> None:
    node.workerinput[SEED_KEY] = node.config.option.page_seed


def describe(config: pytest.Config) -> str | None:
    order = config.option.page_order
    if order == "collected":
        return None
    if order == "reverse":
        return "page order: reverse"
    seed = config.option.page_seed
    return f"page order: random, seed {seed} (replay: --page-order=random --page-seed={seed})"


def arrange(config: pytest.Config, pages: list[Path]) -> list[Path]:
    """The pages, first-collected first, in the order this run asks for."""
    order = config.option.page_order
    if order == "reverse":
        return pages[::-1]
    if order == "random":
        shuffled = sorted(pages)  # independent of collection order, so a seed replays anywhere
        random.Random(config.option.page_seed).shuffle(shuffled)
        return shuffled
    return pages


def arrange_items(config: pytest.Config, items: list[pytest.Item], page_of: Callable[[pytest.Item], Path | None]):
    """Moves whole pages into the order this run asks for: a page's items stay together, in order.

    Items of no page keep their order; those after the first page's items follow the pages.
    """
    if config.option.page_order == "collected":
        return
    pages: dict[Path, list[pytest.Item]] = {}
    for item in items:
        page = page_of(item)
        if page is not None:
            pages.setdefault(page, []).append(item)
    if not pages:
        return
    first = next(index for index, item in enumerate(items) if page_of(item) is not None)
    rest = [item for item in items[first:] if page_of(item) is None]
    items[:] = items[:first] + [item for page in arrange(config, list(pages)) for item in pages[page]] + rest
