"""The hooks a service implements: what a page session asks of the engine, AWS, Kubernetes...

checks/plugin.py declares them (pytest_addhooks) and registers one object per service at
configure time (config.pluginmanager.register); a page session calls them through
`config.hook`. A service implements only the hooks it needs. Their names start with
`pytest_` because pytest takes only such methods of a plugin as hook implementations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from checks.session import PageSession

hookspec = pytest.hookspec


@hookspec
def pytest_dsp_capabilities() -> Mapping[str, Callable[[], str | None]]:
    """The requirements (names `_page.yml` may list) this service meets: each check returns None
    when it is met here, else the reason it is not. Checks are asked only when a step needs them."""


@hookspec
def pytest_dsp_implied_requirements(text: str) -> list[str]:
    """Requirements a snippet's text implies even if `_page.yml` is silent (it runs `docker`...)."""


@hookspec
def pytest_dsp_writable_dirs() -> list[Path]:
    """Directories outside the session that the service's shims write to from inside the sandbox."""


@hookspec
def pytest_dsp_session_environment(session: PageSession) -> Mapping[str, str]:
    """Variables this service adds to every page session's environment."""


@hookspec(firstresult=True)
def pytest_dsp_vet_step(step: Path) -> str | None:
    """Why a step must not run at all (it is then failed, never run), or None."""


@hookspec
def pytest_dsp_before_step(session: PageSession, requires: list[str]) -> None:
    """A step needing `requires` is about to run (all met): get ready for it. An exception
    (e.g. the AWS guard refusing) fails the step with its message."""


@hookspec(firstresult=True)
def pytest_dsp_after_step(session: PageSession) -> str | None:
    """Why a step that ran must fail after all (e.g. a container it made breaks the engine
    policy where no plugin polices the engine), or None."""


@hookspec
def pytest_dsp_session_close(session: PageSession) -> None:
    """The page session ends: remove what it left behind."""


@hookspec
def pytest_dsp_session_open(session: PageSession) -> None:
    """A page session opens, before its first step (e.g. take the locks its steps need)."""


@hookspec
def pytest_dsp_page_final_items(page: pytest.Collector) -> list[pytest.Item]:
    """Items a page collects after its snippets (e.g. the AWS page's clean-up check)."""
