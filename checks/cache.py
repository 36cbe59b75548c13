"""Reuse of earlier results: a snippet whose inputs are unchanged is not run again.

A result is reused only if it passed and its key is unchanged. The key covers:

* for a shell step, its whole page: every file of the page's snippet folder and the
  page's include order (so any change to any step reruns the page's session from its
  start: later steps depend on the engine objects and shell state of earlier ones);
* for a validated file, the file itself;
* for both, the harness's own code and the versions of the tools and services used.

Results live in pytest's cache directory (one entry per item, so xdist workers never
write the same file); `--no-cache` ignores them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import platform
from functools import cache
from pathlib import Path
from typing import Any

from checks import layout, versions

HARNESS = Path(__file__).resolve().parent


@cache
def environment_key() -> str:
    digest = hashlib.sha256(platform.python_version().encode())
    # Every installed package of the lock: a tool or library upgrade invalidates results.
    for package, installed in versions.locked_versions().items():
        digest.update(f"{package}={installed}".encode())
    for source in sorted(HARNESS.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            digest.update(source.read_bytes())
    return digest.hexdigest()


@cache
def page_key(page_dir: Path) -> str:
    digest = hashlib.sha256(environment_key().encode())
    for path in sorted(page_dir.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(page_dir)).encode())
            digest.update(path.read_bytes())
    digest.update("\n".join(str(step) for step in layout.steps_of(page_dir)).encode())
    return digest.hexdigest()


def file_key(path: Path) -> str:
    digest = hashlib.sha256(environment_key().encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()


def key_for(kind: str, path: Path, page_dir: Path) -> str:
    return page_key(page_dir) if kind == "shell" else file_key(path)


def entry_name(nodeid: str) -> str:
    """One cache entry per item, the same with or without xdist (which appends "@<group>")."""
    return "dsp/results/" + hashlib.sha1(nodeid.split("@", 1)[0].encode()).hexdigest()


def reusable(config, nodeid: str, key: str) -> dict[str, Any] | None:
    """The earlier result of an item, if it may stand for this run.

    A pass stands while the key is unchanged. A skip stands only while the requirement
    that caused it is still missing for the same reason (a cluster may have appeared).
    """
    if config.getoption("no_cache", False) or getattr(config, "cache", None) is None:
        return None
    entry = config.cache.get(entry_name(nodeid), None)
    if not entry or entry.get("key") != key:
        return None
    if entry.get("status") == "passed":
        return entry
    if entry.get("status") == "skipped" and entry.get("missing"):
        from checks.services import environment

        if environment.missing_requirements(entry["requires"]) == entry["missing"]:
            return entry
    return None


def remember(config, nodeid: str, key: str, outcome) -> None:
    if getattr(config, "cache", None) is None or outcome.status not in ("passed", "skipped"):
        return
    from checks.services import environment

    # A skip stands for later runs only while the same requirement is missing (not, say,
    # after an earlier step failed); its fallback's result is part of the entry.
    missing = environment.missing_requirements(outcome.requires) if outcome.status == "skipped" else None
    config.cache.set(
        entry_name(nodeid),
        {
            "key": key,
            "status": outcome.status,
            "reason": outcome.message if outcome.status == "skipped" else "",
            "checked_by": outcome.checked_by,
            "requires": outcome.requires,
            "missing": missing,
            "verified_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    )
