"""The one way the harness waits for something to happen: poll a condition until it holds."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(condition: Callable[[], T], what: str, timeout: float, interval: float = 0.2) -> T:
    """Return the condition's first truthy value, or raise TimeoutError naming what never happened.

    An exception the condition raises propagates at once: a condition that can tell the wait
    is hopeless (the process it waits for has died) says so instead of waiting out the timeout.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what} did not happen within {timeout:g} s")
        time.sleep(interval)
