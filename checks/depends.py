"""What a snippet's result depends on, in what a page's author edits.

One function answers it for both users: the cache (checks/cache.py) reruns a snippet
whose inputs changed, and the site (dsp_markdown/status.py, through report.fingerprint) shows a
block whose inputs changed since its result as "not yet verified". Were they to disagree,
the site would call a step verified that the gate would rerun, or the other way round.

* A shell step depends on its whole page: every file of the page's snippet folder and
  the order the page includes them in. A later step runs in the shell state and on the
  engine objects the earlier ones left, so an edit to step 01 changes step 05's result.
* Any other snippet is checked on its own: it depends on its text, its expected output
  and its hidden assertion.

The harness and the tools it runs are no input here: the cache adds them
(cache.environment_key), but the site must not call every block unverified after an
edit to the harness.

A run asks for the keys of every step, and a shell step's key reads its whole page:
InputsKeys remembers each answer on its Site (one per run or build) until a file it read
changes (Site.remembered).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from checks import model, pages, paths
from checks.paths import Site


def inputs_key(site: Site, snippet: Path) -> str:
    kind, path = what_it_reads(snippet)
    return page_inputs_key(site, path) if kind == "page" else file_inputs_key(path)


def what_it_reads(snippet: Path) -> tuple[str, Path]:
    """("page", its folder) for a shell step or a page's clean-up item (a folder), else ("file", it)."""
    if snippet.is_dir():  # a page's clean-up item (checks/cleanup_item.py) depends on its whole page
        return "page", snippet.resolve()
    if model.kind_of(snippet) is model.Kind.SHELL:
        return "page", snippet.resolve().parent
    return "file", snippet


def page_inputs_key(site: Site, page_dir: Path) -> str:
    page_dir = page_dir.resolve()
    digest = hashlib.sha256(b"page\n")
    for path in sorted(page_dir.rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(page_dir)}\n".encode())
            digest.update(path.read_bytes())
    steps = pages.steps_of(site, page_dir) if page_dir.is_dir() else []
    order = "\n".join(str(step.relative_to(page_dir)) for step in steps)
    digest.update(f"\ninclude order:\n{order}".encode())
    return digest.hexdigest()


def file_inputs_key(snippet: Path) -> str:
    digest = hashlib.sha256(b"file\n")
    for part in (snippet, model.output_of(snippet), model.assertion_of(snippet)):
        if part is not None and part.exists():
            digest.update(f"{part.name}\n".encode())
            digest.update(part.read_bytes())
    return digest.hexdigest()


class InputsKeys:
    """inputs_key, remembered for a run: an answer stands while the files it read are as they were."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def __call__(self, snippet: Path) -> str:
        kind, path = what_it_reads(snippet)
        if kind == "page":
            read = [*path.rglob("*"), pages.page_of(self.site, path)]
            return self.site.remembered(("inputs key", kind, path), read, lambda: page_inputs_key(self.site, path))
        read = [path, model.output_of(path), model.assertion_of(path)]
        return self.site.remembered(("inputs key", kind, path), read, lambda: file_inputs_key(path))


KEYS = pytest.StashKey[InputsKeys]()


def of_run(config: pytest.Config) -> InputsKeys:
    """The run's remembered keys."""
    if KEYS not in config.stash:
        config.stash[KEYS] = InputsKeys(paths.site_of(config))
    return config.stash[KEYS]
