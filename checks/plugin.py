"""The pytest plugin: every file under snippets/ becomes a test item whose id is its path.

    snippets/containers/hello/02-run.sh::shell
    snippets/containers/beginner-linux/Dockerfile::dockerfile

Shell steps run in page sessions (see session.py); other kinds are validated by the
tool made for their format (see runners/static.py). Anything that cannot be classified
is reported as a failing item naming the file, and the rest of the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checks import cache, layout, page_order, report, session
from checks.runners import static
from checks.services import aws, ecr, engine, environment, kubernetes  # noqa: F401 - registers services


class SnippetFailure(Exception):
    def __init__(self, outcome: session.Outcome):
        super().__init__(outcome.message)
        self.outcome = outcome


class SnippetItem(pytest.Item):
    def __init__(self, *, kind: str, page_dir: Path, **kwargs):
        super().__init__(**kwargs)
        self.kind, self.page_dir = kind, page_dir
        self.outcome: session.Outcome | None = None

    key: str = ""  # what the result depends on (checks/cache.py), computed once at collection
    reused: dict | None = None  # an earlier result standing for this run

    def runtest(self) -> None:
        if self.reused is not None:
            outcome = session.Outcome(
                self.reused["status"],
                self.reused.get("reason", ""),
                checked_by=self.reused.get("checked_by", ""),
                requires=self.reused.get("requires", []),
            )
            self.user_properties.append(("verified_at", self.reused.get("verified_at", "")))
        elif self.kind == "shell":
            outcome = session.session_for(self.page_dir).result_of(self.path)
        else:
            outcome = static.RUNNERS[self.kind](self.path)
        if self.reused is None:
            cache.remember(self.config, self.nodeid, self.key, outcome)
        self.outcome = outcome
        self.user_properties.append(("checked_by", outcome.checked_by))
        self.user_properties.append(("requires", outcome.requires))
        if outcome.status == "skipped":
            raise pytest.skip.Exception(outcome.message, _use_item_location=True)
        if outcome.failed:
            raise SnippetFailure(outcome)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, SnippetFailure):
            outcome = excinfo.value.outcome
            text = outcome.message
            if outcome.output:
                text += "\n--- output ---\n" + _tail(outcome.output)
            return text
        if isinstance(excinfo.value, layout.LayoutError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, 0, f"{layout.relative(self.path)} [{self.kind}]"


class LayoutErrorItem(pytest.Item):
    """Stands for a file the harness cannot check, so the problem is a failure, not a crash."""

    def __init__(self, *, error: layout.LayoutError, **kwargs):
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
        path = self.path
        kind = layout.kind_of(path)
        try:
            page_dir = layout.page_dir_of(path)
            layout.page_meta(page_dir)
            if kind is None:
                raise layout.LayoutError(
                    path,
                    "no check knows this kind of file "
                    f"(known: Dockerfile, {', '.join(sorted(layout.KINDS))}, .out, .check.sh)",
                )
            twins = layout.same_step_name(path)
            if twins:
                raise layout.LayoutError(
                    path,
                    f"has the same step name as {', '.join(layout.relative(t) for t in twins)}: "
                    "their outputs and metadata would be ambiguous; rename one",
                )
            if kind in ("output", "assertion"):
                if not _step_for(path).exists():
                    raise layout.LayoutError(
                        path, f"belongs to no step ({_step_for(path).name} is missing)"
                    )
                return
            if path.resolve() not in layout.all_includes() and path.name not in layout.page_meta(page_dir).fixtures:
                page = layout.relative(layout.page_of(page_dir))
                target = path.resolve().relative_to(layout.SNIPPETS)
                raise layout.LayoutError(
                    path,
                    f'included by no page: show it in {page} with --8<-- "{target}" '
                    f"or, if only commands use it, list it under fixtures in {layout.METADATA_NAME}",
                )
        except layout.LayoutError as error:
            yield LayoutErrorItem.from_parent(self, name="layout", error=error)
            return
        yield SnippetItem.from_parent(self, name=kind, kind=kind, page_dir=page_dir)


def _step_for(part: Path) -> Path:
    return layout.step_of(part) or part.with_name(layout.step_name(part) + ".sh")


def pytest_collect_file(file_path: Path, parent):
    try:
        file_path.resolve().relative_to(layout.SNIPPETS)
    except ValueError:
        return None
    if layout.is_metadata(file_path) or file_path.name.startswith("."):
        return None
    return SnippetFile.from_parent(parent, path=file_path)


def pytest_addoption(parser) -> None:
    group = parser.getgroup("snippets", "doc-test gate")
    group.addoption(
        "--no-cache",
        action="store_true",
        dest="no_cache",
        help="run every snippet, ignoring results reused from earlier runs with unchanged inputs",
    )
    page_order.add_options(group)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    page_order.configure_node(node)


def pytest_report_header(config) -> str | None:
    return page_order.describe(config)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    described = page_order.describe(config)
    if described:
        terminalreporter.write_line(described)


EXERCISES = "exercises"


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        f"{EXERCISES}(*snippets): the snippet files (paths under snippets/) a behaviour test exercises; "
        "its results show on their status lines",
    )
    session.run_id()
    page_order.configure(config)
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        engine.show_progress = capture.global_and_fixture_disabled
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(report.Recorder(), "dsp-report")


@pytest.hookimpl(tryfirst=True)  # before xdist turns xdist_group marks into scheduling groups
def pytest_collection_modifyitems(session, config, items) -> None:
    """Steps run in page order; a page stays on one xdist worker."""
    snippet_items = [item for item in items if isinstance(item, SnippetItem)]
    collected = list(dict.fromkeys(item.page_dir.resolve() for item in snippet_items))
    order = {page_dir: rank for rank, page_dir in enumerate(page_order.arrange(config, collected))}
    steps = {page_dir: layout.steps_of(page_dir) for page_dir in collected}

    def key(item: SnippetItem) -> tuple[int, int]:
        page_dir, path = item.page_dir.resolve(), item.path.resolve()
        return (order[page_dir], steps[page_dir].index(path) if path in steps[page_dir] else 0)

    _mark_reusable(config, snippet_items)
    positions = {id(item): index for index, item in enumerate(items)}
    for item in snippet_items:
        item.add_marker(pytest.mark.xdist_group(layout.relative(item.page_dir)))
    snippet_items.sort(key=lambda item: (key(item), positions[id(item)]))
    replacement = iter(snippet_items)
    items[:] = [next(replacement) if isinstance(item, SnippetItem) else item for item in items]


def _mark_reusable(config, items: list[SnippetItem]) -> None:
    """Static items are reused one by one; a page's shell steps only all together."""
    pages: dict[Path, list[SnippetItem]] = {}
    for item in items:
        item.key = cache.key_of(item.path)
        item.reused = cache.reusable(config, item.nodeid, item.key)
        if item.kind == "shell":
            pages.setdefault(item.page_dir, []).append(item)
    for steps in pages.values():
        if any(step.reused is None for step in steps):
            for step in steps:
                step.reused = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    """A behaviour test's report names the snippets it exercises (for report.Recorder)."""
    named = [str(path) for mark in item.iter_markers(EXERCISES) for path in mark.args]
    if not named:
        return
    unknown = [path for path in named if not (layout.SNIPPETS / path).is_file()]
    if unknown:
        pytest.fail(
            f"{layout.relative(item.path)}: @pytest.mark.{EXERCISES} names {', '.join(unknown)}, "
            f"which is not a file under {layout.relative(layout.SNIPPETS)}/",
            pytrace=False,
        )
    item.user_properties.append((EXERCISES, [f"{layout.relative(layout.SNIPPETS)}/{path}" for path in named]))


def pytest_runtest_teardown(item, nextitem) -> None:
    if isinstance(item, SnippetItem) and item.kind == "shell":
        if not (isinstance(nextitem, SnippetItem) and nextitem.page_dir == item.page_dir):
            session.close(item.page_dir)


def pytest_sessionfinish(session: pytest.Session, exitstatus) -> None:
    from checks import session as sessions

    sessions.close_all()
    if not hasattr(session.config, "workerinput"):  # the controller, or a run without xdist
        recorder = session.config.pluginmanager.get_plugin("dsp-report")
        written = recorder.write() if recorder else None
        if written:
            engine.log(f"report written to {layout.relative(written)}")
        removed = engine.clean_run(sessions.run_id())
        if removed:
            engine.log(
                f"removed {len(removed)} objects left by this run: {', '.join(removed[:10])}"
            )
    engine.release()
