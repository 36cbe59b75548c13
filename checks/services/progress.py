"""Progress lines from services (starting dockerd, building stand-ins) that reach the terminal
even while pytest captures the output of checks."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

Log = Callable[[str], None]


def logger(config, prefix: str) -> Log:
    """A log function writing `[prefix] message` to stderr, past pytest's capture if `config` has it."""
    capture = config.pluginmanager.getplugin("capturemanager") if config is not None else None
    uncaptured = capture.global_and_fixture_disabled if capture is not None else contextlib.nullcontext

    def log(message: str) -> None:
        with uncaptured():
            print(f"[{prefix}] {message}", file=sys.stderr, flush=True)

    return log
