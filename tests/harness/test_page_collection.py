"""A page is a collector: its items are its snippets in page order, and it owns its session.

Most of these tests run the gate in this process (pytester) on a tiny site; the one about
xdist runs it in a subprocess (run_gate), since workers are processes anyway.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from checks import collection, depends, paths, report, scheduling, session
from checks.services import engine, session_environment
from dsp_markdown import status
from tests.conftest import write_site

pytest_plugins = ["pytester"]

PAGE = """
# Page

```bash
--8<-- "sec/page/b-second.sh"
```

```bash
--8<-- "sec/page/a-first.sh"
```

```json
--8<-- "sec/page/data.json"
```
"""
SITE = {
    "docs/sec/page.md": PAGE,  # includes b-second.sh first although a-first.sh sorts first
    "snippets/sec/page/b-second.sh": "GREETING=hello\n",
    "snippets/sec/page/a-first.sh": 'echo "$GREETING"\n',
    "snippets/sec/page/a-first.out": "hello\n",
    "snippets/sec/page/data.json": "{}\n",
}


@pytest.fixture
def gate(in_process_site):
    """A tiny site in pytester's directory, for runs in this process (tests/conftest.py)."""
    return in_process_site


@pytest.fixture
def sessions(monkeypatch) -> list[str]:
    """What happens, in order: `open <page>`, `run <item id>`, `close <page>`."""
    events: list[str] = []
    opened, closed = session.PageSession.__post_init__, session.PageSession.close

    def open_page(self):
        events.append(f"open {self.page_dir.name}")
        opened(self)

    def close_page(self):
        events.append(f"close {self.page_dir.name}")
        closed(self)

    monkeypatch.setattr(session.PageSession, "__post_init__", open_page)
    monkeypatch.setattr(session.PageSession, "close", close_page)
    monkeypatch.setattr(collection.SnippetItem, "_check", _logged(collection.SnippetItem._check, events))
    return events


def _logged(check, events: list[str]):
    def run(item):
        events.append(f"run {item.nodeid}")
        return check(item)

    return run


def test_a_page_collects_its_snippets_in_include_order_under_their_paths(gate):
    items, _ = gate(SITE).inline_genitems("snippets")
    assert [item.nodeid for item in items] == [
        "snippets/sec/page/b-second.sh::shell",
        "snippets/sec/page/a-first.sh::shell",
        "snippets/sec/page/data.json::json",
    ]
    pages = {item.page for item in items}
    assert len(pages) == 1 and isinstance(next(iter(pages)), collection.Page)
    assert next(iter(pages)).nodeid == "snippets/sec/page"


PAGES = {
    **{f"docs/s/p{n}.md": f"# P{n}\n" for n in range(4)},
    **{f"snippets/s/p{n}/{step}-step.sh": "true\n" for n in range(4) for step in ("01", "02", "03")},
}


@pytest.mark.parametrize("order", [[], ["--page-order=reverse"], ["--page-order=random", "--page-seed=7"]])
def test_each_page_opens_one_session_and_closes_it_before_the_next_page_starts(gate, sessions, order):
    gate(PAGES).inline_run("snippets", *order).assertoutcome(passed=12)
    pages = [event.split()[1] for event in sessions if event.startswith("open")]
    assert sorted(pages) == ["p0", "p1", "p2", "p3"]
    expected = []
    for page in pages:
        steps = [f"run snippets/s/{page}/{step}-step.sh::shell" for step in ("01", "02", "03")]
        expected += [steps[0], f"open {page}", *steps[1:], f"close {page}"]
    assert sessions == expected
    if order:
        assert pages != ["p0", "p1", "p2", "p3"]


def test_a_run_stopped_by_a_failure_still_closes_the_page_session(gate, sessions):
    files = {**PAGES, "snippets/s/p0/01-step.sh": "exit 1\n"}
    gate(files).inline_run("snippets", "-x").assertoutcome(failed=1)
    assert sessions == ["run snippets/s/p0/01-step.sh::shell", "open p0", "close p0"]


def test_a_page_whose_steps_are_all_reused_opens_no_session(gate, sessions):
    site = gate(PAGES)
    site.inline_run("snippets", "-p", "cacheprovider").assertoutcome(passed=12)
    sessions.clear()
    site.inline_run("snippets", "-p", "cacheprovider").assertoutcome(passed=12)
    assert sessions == []


def test_a_failure_is_located_at_the_include_and_names_the_snippet(gate):
    files = {**SITE, "snippets/sec/page/a-first.sh": "exit 4\n", "snippets/sec/page/data.json": "{\n"}
    reports = gate(files).inline_run("snippets").getreports("pytest_runtest_logreport")
    failed = {rep.nodeid: rep for rep in reports if rep.failed}
    step = failed["snippets/sec/page/a-first.sh::shell"]
    assert step.location == ("docs/sec/page.md", 7, "snippets/sec/page/a-first.sh [shell]")
    assert str(step.longrepr).splitlines()[0] == "docs/sec/page.md:8: snippets/sec/page/a-first.sh: exited with 4, expected 0"
    data = failed["snippets/sec/page/data.json::json"]
    assert data.location[:2] == ("docs/sec/page.md", 11)
    assert str(data.longrepr).startswith("docs/sec/page.md:12: snippets/sec/page/data.json:2: malformed JSON")


DOCKER_PAGE = {"docs/sec/page.md": "# P\n", "snippets/sec/page/01-run.sh": "docker run --rm alpine true\n"}


def test_collect_only_asks_no_service_whether_it_is_available(gate, monkeypatch):
    asked: list[str] = []

    def engine_absent() -> str:
        asked.append("docker")
        return "no engine here"

    class NoEngine:
        @pytest.hookimpl(tryfirst=True)  # answers before the gate's engine: its `docker` check wins
        def pytest_dsp_capabilities(self):
            return {"docker": engine_absent}

    monkeypatch.setattr(engine.Engine, "ensure", lambda self: pytest.fail("Engine.ensure() was called"))
    site = gate(DOCKER_PAGE)
    no_engine = NoEngine()
    site.inline_run("snippets", "-p", "cacheprovider", plugins=[no_engine]).assertoutcome(skipped=1)  # remembered
    asked.clear()
    site.inline_run("snippets", "-p", "cacheprovider", "--collect-only", plugins=[no_engine])
    assert asked == []
    # Whether that skip still stands is asked when the page runs.
    site.inline_run("snippets", "-p", "cacheprovider", plugins=[no_engine]).assertoutcome(skipped=1)
    assert asked == ["docker"]


def test_a_requirement_whose_set_up_failed_fails_the_steps_needing_it_and_is_tried_once(gate):
    tried: list[str] = []

    def image_lost() -> str:
        tried.append("docker")
        raise session_environment.SetUpFailed("the image could not be made: No such image")

    class BrokenEngine:
        @pytest.hookimpl(tryfirst=True)
        def pytest_dsp_capabilities(self):
            return {"docker": image_lost}

    page = {**DOCKER_PAGE, "snippets/sec/page/02-run.sh": "docker run --rm alpine true\n"}
    reports = gate(page).inline_run("snippets", plugins=[BrokenEngine()]).getreports("pytest_runtest_logreport")
    outcomes = {rep.nodeid: rep for rep in reports if rep.when == "call" or rep.skipped}
    first, second = outcomes["snippets/sec/page/01-run.sh::shell"], outcomes["snippets/sec/page/02-run.sh::shell"]
    assert first.failed and "snippets/sec/page/01-run.sh: the image could not be made: No such image" in str(first.longrepr)
    assert second.skipped and "an earlier step of this page failed" in str(second.longrepr)
    assert tried == ["docker"]


# What a result depends on: one function, for the cache and for the site's "verified".

STEPS = {
    "docs/sec/page.md": "# P\n",
    **{f"snippets/sec/page/0{n}-step.sh": f"echo {n}\n" for n in range(1, 6)},
    "snippets/sec/page/05-step.out": "5\n",
    "snippets/sec/page/data.json": "{}\n",
    "docs/sec/other.md": "# O\n",
    "snippets/sec/other/01-step.sh": "true\n",
}


@pytest.fixture
def site(tmp_path) -> paths.Site:
    return paths.Site.at(write_site(tmp_path, STEPS))


@pytest.fixture
def steps(site) -> Path:
    return site.snippets / "sec"


def test_an_edit_to_a_first_step_changes_what_every_later_step_depends_on(site, steps):
    fifth, data, other = steps / "page" / "05-step.sh", steps / "page" / "data.json", steps / "other" / "01-step.sh"
    before = {path: report.fingerprint(site, path) for path in (fifth, data, other)}
    cached = depends_and_cache_keys(site, fifth)
    (steps / "page" / "01-step.sh").write_text("echo one\n")
    assert report.fingerprint(site, fifth) != before[fifth]
    assert depends_and_cache_keys(site, fifth) != cached
    assert report.fingerprint(site, data) == before[data]  # a validated file depends on itself only
    assert report.fingerprint(site, other) == before[other]  # nor does another page change


def depends_and_cache_keys(site: paths.Site, path: Path) -> tuple[str, str]:
    from checks import cache

    return depends.inputs_key(site, path), cache.key_of(site, path)


def test_the_include_order_and_a_steps_output_are_inputs_too(site, steps):
    page, fifth, data = site.docs / "sec" / "page.md", steps / "page" / "05-step.sh", steps / "page" / "data.json"
    before = report.fingerprint(site, fifth), report.fingerprint(site, data)
    (steps / "page" / "05-step.out").write_text("five\n")
    (steps / "page" / "data.out").write_text("{}\n")
    assert report.fingerprint(site, fifth) != before[0] and report.fingerprint(site, data) != before[1]
    shuffled = page.read_text().replace("sec/page/01-step.sh", "sec/page/XX").replace("sec/page/02-step.sh", "sec/page/01-step.sh")
    changed = report.fingerprint(site, fifth)
    page.write_text(shuffled.replace("sec/page/XX", "sec/page/02-step.sh"))
    assert report.fingerprint(site, fifth) != changed


def test_the_site_shows_later_steps_unverified_after_an_edit_to_the_first(site, steps):
    fifth = steps / "page" / "05-step.sh"
    key = site.relative(fifth)
    document = {
        "generated": "2026-01-02T03:04:05+00:00",
        "snippets": {key: {"snippet": key, "kind": "shell", "status": "passed", "checked_by": "bash",
                           "requires": [], "sha256": report.fingerprint(site, fifth), "verified_at": "2026-01-02T03:04:05+00:00"}},
    }
    assert status.status_of(site, fifth, document) == ("passed", "Verified: ran with bash on 2026-01-02.")
    (steps / "page" / "01-step.sh").write_text("echo one\n")
    assert status.status_of(site, fifth, document)[0] == "unverified"


# Parallel runs: a page runs whole on one worker.

TWO_PAGES = {
    **{f"docs/s/{page}.md": "# P\n" for page in ("alpha", "beta")},
    **{
        f"snippets/s/{page}/0{n}-step.sh": 'echo "$DSP_PAGE $PYTEST_XDIST_WORKER $DSP_SESSION" >> "$WORKERS_LOG"\n'
        for page in ("alpha", "beta")
        for n in range(1, 5)
    },
}


@pytest.mark.parametrize("dist", ["load", "loadgroup", "loadscope"])
def test_under_xdist_all_steps_of_a_page_run_on_one_worker_in_one_session(run_gate, tmp_path, dist):
    log = tmp_path / "workers.log"
    # Unsandboxed, so that steps can write the log outside their sessions.
    result = run_gate(TWO_PAGES, "-n", "2", "--dist", dist, env={"WORKERS_LOG": str(log), "DSP_SANDBOX": "0"})
    assert "8 passed" in result.stdout, result.stdout + result.stderr
    ran: dict[str, set[tuple[str, str]]] = {}
    for line in log.read_text().splitlines():
        page, worker, session_id = line.split()
        ran.setdefault(page, set()).add((worker, session_id))
    assert {page: len(places) for page, places in ran.items()} == {"alpha": 1, "beta": 1}, ran


def test_a_crashed_worker_is_reported_at_the_step_it_ran(run_gate, tmp_path):
    once = tmp_path / "crashed-once"
    files = {**TWO_PAGES, "snippets/s/alpha/02-step.sh": f'[ -e {once} ] || {{ touch {once}; kill -9 "$DSP_OWNER_PID"; }}\n'}
    result = run_gate(files, "-n", "2", env={"WORKERS_LOG": str(tmp_path / "workers.log"), "DSP_SANDBOX": "0"})
    assert "crashed while running 'snippets/s/alpha/02-step.sh::shell'" in result.stdout, result.stdout


def test_the_scheduler_scopes_a_page_by_its_folder_and_other_tests_as_dist_says(tmp_path):
    site = paths.Site.at(tmp_path)

    def scope(dist: str, nodeid: str) -> str:
        return scheduling.scope_of(site, nodeid, dist, tmp_path)

    assert scope("load", "snippets/sec/page/01.sh::shell") == "snippets/sec/page"
    assert scope("loadfile", "snippets/sec/page/Dockerfile::dockerfile") == "snippets/sec/page"
    assert scope("load", "snippets/sec/stray.sh::layout") == "snippets/sec/stray.sh::layout"
    assert scope("load", "tests/test_a.py::TestA::test_b") == "tests/test_a.py::TestA::test_b"
    assert scope("load", "tests/test_a.py::test_c[x-1]") == scope("load", "tests/test_a.py::test_c[y::2]")
    assert scope("load", "tests/test_a.py::test_c[x-1]") == "tests/test_a.py::test_c"
    assert scope("loadscope", "tests/test_a.py::TestA::test_b") == "tests/test_a.py::TestA"
    assert scope("loadfile", "tests/test_a.py::TestA::test_b") == "tests/test_a.py"


def test_a_runs_remembered_keys_are_inputs_key_and_follow_every_edit(site, steps):
    root = steps.parent.parent
    for path in root.rglob("*"):  # files nobody touched for an hour, as most are in a run
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    keys = depends.InputsKeys(site)
    fifth, data, other = steps / "page" / "05-step.sh", steps / "page" / "data.json", steps / "other" / "01-step.sh"
    for path in (fifth, data, other, steps / "page"):
        assert keys(path) == keys(path) == depends.inputs_key(site, path)
    before = keys(fifth)
    (steps / "page" / "01-step.sh").write_text("echo one\n")
    assert keys(fifth) == depends.inputs_key(site, fifth) != before
    (steps / "page" / "05-step.out").write_text("five\n")  # a new file of the page
    assert keys(fifth) == depends.inputs_key(site, fifth)
    for text in ('{"a": 1}\n', '{"a": 2}\n'):  # same size, within one clock tick: still seen
        data.write_text(text)
        assert keys(data) == depends.inputs_key(site, data)


class Worker:
    """What xdist's schedulers use of a worker: its id, the items sent, its shutdown."""

    def __init__(self, name: str) -> None:
        self.gateway, self.sent, self.shutting_down = type("Gateway", (), {"id": name})(), [], False

    def send_runtest_some(self, indices: list[int]) -> None:
        self.sent.append(indices)

    def shutdown(self) -> None:
        self.shutting_down = True


def test_scopes_go_out_longest_first_by_recorded_durations_and_a_page_stays_whole(in_process_site):
    pytester = in_process_site({"docs/sec/short.md": "# S\n", "docs/sec/long.md": "# L\n"})
    collection = [
        "snippets/sec/short/01.sh::shell", "snippets/sec/short/02.sh::shell",
        "tests/test_a.py::test_new", "snippets/sec/long/01.sh::shell", "tests/test_a.py::test_slow",
    ]  # fmt: skip
    durations = {collection[0]: 1.0, collection[1]: 1.0, collection[3]: 30.0, collection[4]: 12.0}
    pytester.path.joinpath(".test_durations").write_text(json.dumps(durations))
    config = pytester.parseconfigure("--tx", "popen", "--dist", "load")
    scheduler = scheduling.PageScheduling(config, None)
    worker = Worker("gw0")
    scheduler.add_node(worker)
    scheduler.add_node_collection(worker, collection)
    scheduler.schedule()
    for index in (3, 4, 2):  # each next unit goes out as the worker finishes one
        scheduler.mark_test_complete(worker, index, 0.1)
    # The long page, the slow test, the new test (not recorded: the mean, 11 s), the short page whole.
    assert worker.sent == [[3], [4], [2], [0, 1]]


def test_without_recorded_durations_scopes_keep_loadscopes_order(in_process_site):
    assert scheduling.expected_seconds({}, ["a::1"], ["a"]) == {"a": 0.0}
    queue = scheduling.LongestFirst()
    queue.update({"first": {}, "second": {}})
    assert queue.popitem(last=False)[0] == "first"
    queue.seconds = {"second": 2.0, "third": 1.0}
    queue.update({"third": {}})
    assert [queue.popitem(last=False)[0] for _ in range(2)] == ["second", "third"]
