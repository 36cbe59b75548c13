"""The collection tree: a page is a collector, and its snippets are its items, in page order.

    snippets/containers/hello                      Page (a pytest.Directory)
    snippets/containers/hello/01-pull.sh           SnippetFile
    snippets/containers/hello/01-pull.sh::shell    SnippetItem

A page's shell session (session.py) lives on its Page node. pytest sets a collector up
before the first of its items runs and tears it down as soon as the next item is outside
it, so the session is closed when the page is done, also after a failure, a Ctrl-C or
`-x`, and whatever order the pages run in (page_order.py moves whole pages).

A file pytest cannot check becomes a LayoutErrorItem naming it, so the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checks import cache, depends, model, output_update, pages, paths, session
from checks.model import Kind, Status
from checks.runners import static


def is_page_folder(site: paths.Site, path: Path) -> bool:
    """snippets/<section>/<page>/ (or a folder inside one, a page of its own)."""
    try:
        return len(path.resolve().relative_to(site.snippets).parts) >= 2
    except ValueError:
        return False


def files_in_page_order(site: paths.Site, page_dir: Path) -> list[Path]:
    """The page's steps as the page includes them, then the outputs and assertions they own."""
    steps = pages.steps_of(site, page_dir)
    parts = sorted(p.resolve() for p in page_dir.iterdir() if model.kind_of(p) in model.PART_KINDS)
    return [path for path in steps + parts if path.is_file() and not path.name.startswith(".")]


def page_folder_of(item: pytest.Item) -> Path | None:
    """The page folder an item belongs to (the outermost one, for a folder inside a page)."""
    return next((node.path for node in item.listchain() if isinstance(node, Page)), None)


class Page(pytest.Directory):
    """snippets/<section>/<page>/: its snippets in page order, and the page's shell session."""

    shell: session.PageSession | None = None
    key: str = ""  # what the page's shell steps depend on (cache.key_of)
    reused: dict[str, dict[str, Any]]  # earlier results standing for this run's shell steps, by node id

    def collect(self) -> Iterator[pytest.Collector]:
        for path in files_in_page_order(paths.site_of(self.config), self.path):
            if not self._ignored(path):
                yield SnippetFile.from_parent(self, path=path)
        for folder in sorted(p for p in self.path.iterdir() if p.is_dir()):
            if not self._ignored(folder):
                collector = self.ihook.pytest_collect_directory(path=folder, parent=self)
                if collector is not None:
                    yield collector
        for items in self.ihook.pytest_dsp_page_final_items(page=self):
            yield from items

    def _ignored(self, path: Path) -> bool:
        if self.session.isinitpath(path, with_parents=path.is_dir()):
            return False
        return bool(self.ihook.pytest_ignore_collect(collection_path=path, config=self.config))

    def setup(self) -> None:
        """When the page starts (never while collecting): which earlier results stand for its steps.

        Shell steps are reused all together or not at all: a step that runs replays the
        page's earlier steps in a new session, and later steps need the state it leaves.
        """
        shell = [
            item
            for item in self.session.items
            if isinstance(item, SnippetItem) and item.page is self and item.kind is Kind.SHELL
        ]
        self.key = cache.key_of(paths.site_of(self.config), shell[0].path, depends.of_run(self.config)) if shell else ""
        together = shell + [item for item in self.session.items if item.parent is self and item.name == "clean-up"]
        self.reused = cache.reusable_together(self.config, {item.nodeid: self.key for item in together})

    def shell_session(self) -> session.PageSession:
        """The page's session, opened when the first step that must run asks for it."""
        if self.shell is None:
            self.shell = session.PageSession(self.path, self.config)
        return self.shell

    def teardown(self) -> None:
        shell, self.shell = self.shell, None
        if shell is not None:
            shell.close()


class SnippetFailure(Exception):
    def __init__(self, outcome: model.Outcome):
        super().__init__(outcome.message)
        self.outcome = outcome


class SnippetItem(pytest.Item):
    def __init__(self, *, kind: Kind, **kwargs):
        super().__init__(**kwargs)
        self.kind = kind
        self.outcome: model.Outcome | None = None

    @property
    def page(self) -> Page:
        return self.parent.parent

    @property
    def site(self) -> paths.Site:
        return paths.site_of(self.config)

    def runtest(self) -> None:
        inputs = depends.of_run(self.config)
        key = self.page.key if self.kind is Kind.SHELL else cache.key_of(self.site, self.path, inputs)
        earlier = self._earlier_result(key)
        if earlier is not None:
            outcome = model.Outcome.from_json(earlier)
            self.user_properties.append(("verified_at", earlier.get("verified_at", "")))
        else:
            outcome = self._check()
            cache.remember(self.config, self.nodeid, key, outcome)
        self.outcome = outcome
        self.user_properties.append(("checked_by", outcome.checked_by))
        self.user_properties.append(("requires", outcome.requires))
        if outcome.updated_output:
            self.user_properties.append((output_update.USER_PROPERTY, outcome.updated_output))
        if outcome.status is Status.SKIPPED:  # reported at the page line that shows the snippet
            raise pytest.skip.Exception(f"{self.site.relative(self.path)}: {outcome.message}", _use_item_location=True)
        if outcome.failed:
            raise SnippetFailure(outcome)

    def _earlier_result(self, key: str) -> dict[str, Any] | None:
        """An earlier result standing for this run: a page decides for its shell steps together."""
        if self.kind is Kind.SHELL:
            return self.page.reused.get(self.nodeid)
        return cache.reusable(self.config, self.nodeid, key)

    def _check(self) -> model.Outcome:
        if self.kind is Kind.SHELL:
            return self.page.shell_session().result_of(self.path)
        return static.RUNNERS[self.kind](self.site, self.path)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, SnippetFailure):
            outcome = excinfo.value.outcome
            text = self.located(outcome.message)
            if outcome.output:
                text += "\n--- output ---\n" + _tail(outcome.output)
            return text
        if isinstance(excinfo.value, paths.LayoutError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def located(self, message: str) -> str:
        """The message, after the page line that shows the snippet, and naming the snippet."""
        snippet = self.site.relative(self.path)
        if not message.startswith(snippet):
            message = f"{snippet}: {message}"
        shown = pages.included_at(self.site, self.path)
        return f"{self.site.relative(shown[0])}:{shown[1]}: {message}" if shown else message

    def reportinfo(self):
        """Where a reader sees the snippet: the include's page and line (a fixture: the file itself)."""
        page, line = pages.included_at(self.site, self.path) or (self.path, 1)
        return page, line - 1, f"{self.site.relative(self.path)} [{self.kind}]"


class LayoutErrorItem(pytest.Item):
    """Stands for a file the harness cannot check, so the problem is a failure, not a crash."""

    def __init__(self, *, error: paths.LayoutError, **kwargs):
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        raise self.error

    def repr_failure(self, excinfo, style=None):
        return str(excinfo.value)

    def reportinfo(self):
        return self.path, (self.error.line or 1) - 1, str(self.error)


def _tail(text: str, lines: int = 60) -> str:
    rows = text.rstrip().splitlines()
    return "\n".join((["..."] if len(rows) > lines else []) + rows[-lines:])


class SnippetFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        try:
            kind = self._checked_kind()
        except paths.LayoutError as error:
            yield LayoutErrorItem.from_parent(self, name="layout", error=error)
            return
        if kind is not None:
            yield SnippetItem.from_parent(self, name=str(kind), kind=kind)

    def _checked_kind(self) -> Kind | None:
        """The file's kind if it is a step to check, None for a part of a step; LayoutError if neither."""
        path, site = self.path, paths.site_of(self.config)
        kind = model.kind_of(path)
        page_dir = pages.page_dir_of(site, path)
        pages.page_meta(site, page_dir)
        if kind is None:
            raise site.error(
                path,
                "no check knows this kind of file "
                f"(known: Dockerfile, {', '.join(sorted(model.KINDS))}, .out, .check.sh)",
            )
        twins = pages.same_step_name(site, path)
        if twins:
            raise site.error(
                path,
                f"has the same step name as {', '.join(site.relative(t) for t in twins)}: "
                "their outputs and metadata would be ambiguous; rename one",
            )
        if kind in model.PART_KINDS:
            if not _step_for(site, path).exists():
                raise site.error(path, f"belongs to no step ({_step_for(site, path).name} is missing)")
            return None
        if path.resolve() not in pages.all_includes(site) and path.name not in pages.page_meta(site, page_dir).fixtures:
            page = site.relative(pages.page_of(site, page_dir))
            target = path.resolve().relative_to(site.snippets)
            raise site.error(
                path,
                f'included by no page: show it in {page} with --8<-- "{target}" '
                f"or, if only commands use it, list it under fixtures in {model.METADATA_NAME}",
            )
        return kind


def _step_for(site: paths.Site, part: Path) -> Path:
    return pages.step_of(site, part) or part.with_name(model.step_name(part) + ".sh")
