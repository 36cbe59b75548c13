"""What a page session runs against: its environment variables and the requirements its steps need.

Services (checks/hookspecs.py) add variables to every session's environment and say which
requirements they meet; this module asks them. A requirement named in `_page.yml` (or implied
by a snippet's text) is met when the service's check answers None; each check is asked once
per run, and only when a step needs it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from checks.session import PageSession

SHIMS = Path(__file__).resolve().parent / "shims"
# The project's virtualenv: sessions run the tools it pins (kubectl, aws, ...), not the
# machine's copies of them.
PROJECT_BIN = Path(sys.executable).parent

# Never inherited by a session: anything that could point a snippet at a real account.
MASKED_PREFIXES = ("AWS_", "KUBECONFIG", "KUBERNETES_SERVICE_", "DOCKER_CONFIG", "GOOGLE_", "AZURE_")


class SetUpFailed(Exception):
    """A requirement this machine has what it takes to meet, whose set-up failed: a harness
    fault, so the steps needing it fail with this message instead of being skipped."""


class Requirements:
    """The requirements the registered services meet, and whether each is met here."""

    def __init__(self, hook) -> None:
        self.hook = hook
        self._checks: dict[str, Callable[[], str | None]] | None = None
        self._answers: dict[str, str | None] = {}

    @property
    def checks(self) -> dict[str, Callable[[], str | None]]:
        if self._checks is None:
            merged: dict[str, Callable[[], str | None]] = {}
            for offered in self.hook.pytest_dsp_capabilities():  # the first service to answer a name wins
                merged = {**offered, **merged}
            self._checks = merged
        return self._checks

    def reason_missing(self, name: str) -> str | None:
        if name not in self._answers:
            check = self.checks.get(name)
            try:
                self._answers[name] = (
                    check()
                    if check is not None
                    else f"unknown requirement {name!r} (known: {', '.join(sorted(self.checks))})"
                )
            except SetUpFailed as failed:  # asked again, it fails again, without a second attempt
                self._answers[name] = failed
        answer = self._answers[name]
        if isinstance(answer, SetUpFailed):
            raise answer
        return answer

    def missing(self, requires: list[str]) -> str | None:
        """The reason a step needing `requires` cannot run here, or None; raises SetUpFailed
        if a requirement should be met here and its set-up failed."""
        return next((reason for name in requires if (reason := self.reason_missing(name))), None)

    def of(self, snippet: Path, declared: list[str]) -> list[str]:
        """What a snippet needs: what `_page.yml` declares, then what its text implies."""
        text = snippet.read_text(encoding="utf-8", errors="replace")
        offered = reversed(self.hook.pytest_dsp_implied_requirements(text=text))  # in registration order
        implied = [name for names in offered for name in names]
        return list(dict.fromkeys(declared + implied))


REQUIREMENTS = pytest.StashKey[Requirements]()


def requirements(config: pytest.Config) -> Requirements:
    if REQUIREMENTS not in config.stash:
        config.stash[REQUIREMENTS] = Requirements(config.hook)
    return config.stash[REQUIREMENTS]


def masked(environ: dict[str, str] | os._Environ) -> dict[str, str]:
    return {k: v for k, v in environ.items() if not k.startswith(MASKED_PREFIXES)}


def for_session(session: PageSession, hook) -> dict[str, str]:
    env = masked(os.environ)
    env.update(
        PATH=os.pathsep.join([str(SHIMS), str(PROJECT_BIN), env.get("PATH", "")]),
        HOME=str(session.home),
        TMPDIR=str(session.tmp),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        TERM="dumb",
        DSP_SESSION=session.id,
        DSP_PAGE=session.page_dir.name,
        DSP_RUN_ID=os.environ.get("DSP_RUN_ID", ""),
        DSP_WORKDIR=str(session.workdir),
    )
    env.pop("PYTEST_CURRENT_TEST", None)
    for provided in reversed(hook.pytest_dsp_session_environment(session=session)):  # in registration order
        env.update(provided)
    return env
