"""The gate's pytest configuration, for benchmarks that use its services outside a test run.

checks/plugin.py registers the services (engine, AWS, ...) when pytest is configured, and
unconfiguring it cleans up after the run and leaves the engine, as the end of a gate does.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pytest.config import _prepareconfig

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's checks/, not an installed one
OPTIONS = ["-p", "no:randomly", "-p", "no:cacheprovider", "--junitxml=/dev/null", "-n", "0"]


@contextlib.contextmanager
def gate_config() -> Iterator[pytest.Config]:
    """A configured pytest with this checkout's plugin, whatever the current directory.

    pytest has no public way to configure itself without running a session; this is pytest.main's.
    """
    config = _prepareconfig([*OPTIONS, "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"), str(ROOT)])
    try:
        config._do_configure()
        yield config
    finally:
        config._ensure_unconfigure()


def docker_engine(config: pytest.Config):
    """The engine service (checks/services/engine.py) the plugin registered."""
    return config.pluginmanager.get_plugin("dsp-engine")
