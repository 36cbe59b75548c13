"""Reuse of earlier results: a snippet whose inputs are unchanged is not run again.

A result is reused only if it passed (or was skipped for a reason that still holds) and
its key is unchanged. The key is what the result depends on:

* what the page's author edits, as checks/depends.py says (for a shell step its whole
  page, for any other snippet the file, its output and its assertion), the same inputs
  the site's "not yet verified" compares;
* the environment: the harness's own code and the versions of the locked packages.

A page's shell steps are reused only all together (checks/collection.py decides it when
the page starts, never while collecting): a step that runs reruns its page's session
from the start. Results live in pytest's cache directory (one entry per item, so xdist
workers never write the same file); `--no-cache` ignores them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import platform
from functools import cache
from pathlib import Path
from typing import Any

from checks import depends, versions
from checks.model import Status
from checks.paths import Site
from checks.services import session_environment

HARNESS = Path(__file__).resolve().parent


@cache  # the harness's code and the installed packages: the same for every run of the process
def environment_key() -> str:
    digest = hashlib.sha256(platform.python_version().encode())
    # Every installed package of the lock: a tool or library upgrade invalidates results.
    for package, installed in versions.locked_versions().items():
        digest.update(f"{package}={installed}".encode())
    for source in sorted(HARNESS.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            digest.update(source.read_bytes())
    return digest.hexdigest()


def key_of(site: Site, snippet: Path, inputs: depends.InputsKeys | None = None) -> str:
    """What a result of `snippet` depends on: its inputs (remembered by `inputs`, the run's
    depends.of_run, if given) and the environment it ran in."""
    key = inputs(snippet) if inputs else depends.inputs_key(site, snippet)
    return hashlib.sha256(f"{environment_key()}\n{key}".encode()).hexdigest()


def entry_name(nodeid: str) -> str:
    """One cache entry per item, the same with or without xdist."""
    return "dsp/results/" + hashlib.sha1(nodeid.encode()).hexdigest()


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
    if entry.get("status") == Status.PASSED:
        return entry
    if entry.get("status") == Status.SKIPPED and entry.get("missing"):
        if still_missing(config, entry["requires"]) == entry["missing"]:
            return entry
    return None


def still_missing(config, requires: list[str]) -> str | None:
    """Why a step needing `requires` would be skipped now (None: it would run, or fail)."""
    try:
        return session_environment.requirements(config).missing(requires)
    except session_environment.SetUpFailed:
        return None


def reusable_together(config, keys: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Earlier results for every item of `keys` (node id -> key), or for none of them."""
    found = {nodeid: reusable(config, nodeid, key) for nodeid, key in keys.items()}
    return {nodeid: entry for nodeid, entry in found.items() if entry} if all(found.values()) else {}


def remember(config, nodeid: str, key: str, outcome) -> None:
    if getattr(config, "cache", None) is None or outcome.status not in (Status.PASSED, Status.SKIPPED):
        return
    # A skip stands for later runs only while the same requirement is missing (not, say,
    # after an earlier step failed); its fallback's result is part of the entry.
    skipped = outcome.status is Status.SKIPPED
    missing = still_missing(config, outcome.requires) if skipped else None
    config.cache.set(
        entry_name(nodeid),
        {
            "key": key,
            **outcome.to_json(),
            "missing": missing,
            "verified_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    )
