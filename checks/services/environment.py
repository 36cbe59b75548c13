"""What a page session runs against: its environment variables, its requirements, its cleanup.

Services register here: a provider adds variables to every session's environment, a
capability answers whether a requirement named in `_page.yml` (or implied by a
snippet) is met, and a cleaner removes what a session left behind.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.session import PageSession

SHIMS = Path(__file__).resolve().parent / "shims"
# The project's virtualenv: sessions run the tools it pins (kubectl, aws, ...), not the
# machine's copies of them.
PROJECT_BIN = Path(sys.executable).parent

# A capability returns None when available, else the reason it is not.
Capability = Callable[[], "str | None"]
CAPABILITIES: dict[str, Capability] = {}
PROVIDERS: list[Callable[[PageSession], dict[str, str]]] = []
CLEANERS: list[Callable[[PageSession], None]] = []
# Called once a session runs a step needing the capability (e.g. to note the engine's state).
ON_USE: dict[str, Callable[[PageSession], None]] = {}
# A vetter returns why a step must not run at all (it is then failed, never run), or None.
VETTERS: list[Callable[[Path], str | None]] = []
# An after-step check returns why a step that ran must fail after all (e.g. a container it made
# breaks the engine policy where no plugin polices the engine), or None.
AFTER_STEP: list[Callable[[PageSession], str | None]] = []
# A snippet whose text matches the pattern needs the capability even if _page.yml is silent.
IMPLIED: dict[str, re.Pattern[str]] = {"docker": re.compile(r"^[^#\n]*\bdocker\b", re.M)}

# Never inherited by a session: anything that could point a snippet at a real account.
MASKED_PREFIXES = ("AWS_", "KUBECONFIG", "KUBERNETES_SERVICE_", "DOCKER_CONFIG", "GOOGLE_",
                   "AZURE_")


def capability(name: str) -> Callable[[Capability], Capability]:
    def register(check: Capability) -> Capability:
        CAPABILITIES[name] = cache(check)
        return check

    return register


def missing_requirements(requires: list[str]) -> str | None:
    """The reason a step cannot run here, or None."""
    for name in requires:
        check = CAPABILITIES.get(name)
        if check is None:
            return f"unknown requirement {name!r} (known: {', '.join(sorted(CAPABILITIES))})"
        reason = check()
        if reason:
            return reason
    return None


def requirements_of(snippet: Path, declared: list[str]) -> list[str]:
    text = snippet.read_text(encoding="utf-8", errors="replace")
    implied = [name for name, pattern in IMPLIED.items() if pattern.search(text)]
    return list(dict.fromkeys(declared + implied))


def _first_reason(checks, subject) -> str | None:
    return next((reason for check in checks if (reason := check(subject))), None)


def refusal(step: Path) -> str | None:
    return _first_reason(VETTERS, step)


def violation_after_step(session: PageSession) -> str | None:
    return _first_reason(AFTER_STEP, session)


def use(requires: list[str], session: PageSession) -> None:
    for name in requires:
        if name in ON_USE:
            ON_USE[name](session)


def for_session(session: PageSession) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(MASKED_PREFIXES)}
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
    for provide in PROVIDERS:
        env.update(provide(session))
    return env


def clean_session(session: PageSession) -> None:
    for clean in CLEANERS:
        clean(session)
