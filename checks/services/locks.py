"""Engine resources two pages could fight over when they run at once (pytest-xdist workers,
or two gate runs on one engine): host ports, container names, the swarm.

A page session takes a lock for each resource its steps name before its first step runs,
all at once and in sorted order (so two pages never wait on each other in a circle), and
holds them until it ends. Pages that share nothing never wait.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from checks.services.progress import Log

WAIT = 900.0

PATTERNS = {
    "port": re.compile(r"(?:^|\s)(?:-p|--publish)[ =](?:[0-9.]+:)?(\d+):\d+"),
    "name": re.compile(r"docker\b[^\n]*?\s--name[ =]([A-Za-z0-9][\w.-]*)"),
    "swarm": re.compile(r"docker\s+swarm\s+init"),
}


def resources_of(texts: list[str]) -> list[str]:
    found: set[str] = set()
    for text in texts:
        for kind, pattern in PATTERNS.items():
            for match in pattern.finditer(text):
                found.add(kind if kind == "swarm" else f"{kind}-{match.group(1)}")
    return sorted(found)


def acquire(steps: list[Path], directory: Path, log: Log, wait: float = WAIT) -> list[FileLock]:
    """Lock what the steps name; returns the locks held (release them with release())."""
    directory.mkdir(parents=True, exist_ok=True)
    held: list[FileLock] = []
    for resource in resources_of([step.read_text(errors="replace") for step in steps]):
        lock = FileLock(directory / resource, is_singleton=False, thread_local=False)
        try:
            lock.acquire(timeout=wait, poll_interval=0.5)
            held.append(lock)
        except Timeout:
            # A page that waited this long is better run than skipped: the clash may never come.
            log(f"gave up waiting for {resource} after {wait:g} s; going on without it")
    return held


def release(held: list[FileLock]) -> None:
    for lock in held:
        lock.release(force=True)


class Locks:
    """The service: a session's locks are taken when it opens and released when it closes."""

    def __init__(self, directory: Path, log: Log) -> None:
        self.directory = directory
        self.log = log
        self.held: dict[str, list[FileLock]] = {}

    def pytest_dsp_session_open(self, session) -> None:
        self.held[session.id] = acquire(session.steps, self.directory, self.log)

    @pytest.hookimpl(wrapper=True)
    def pytest_dsp_session_close(self, session):
        try:
            return (yield)  # every other service cleans up while the session still holds its locks
        finally:
            release(self.held.pop(session.id, []))
