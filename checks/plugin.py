"""The pytest plugin: every file under snippets/ becomes a test item whose id is its path.

    snippets/containers/hello/02-run.sh::shell
    snippets/containers/beginner-linux/Dockerfile::dockerfile

This module wires pytest's hooks. Each page folder is a collector whose items are its
snippets in page order, and which owns the page's session (collection.py); shell steps
run in page sessions (session.py), other kinds are validated by the tool made for their
format (runners/static.py). Anything that cannot be classified is reported as a failing
item naming the file, and the rest of the run goes on. Pages run in the order
--page-order asks (page_order.py), each whole on one worker under xdist (scheduling.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import collection, hookspecs, model, output_update, page_order, paths, report
from checks.services import aws, ecr, engine, kubernetes, lambda_runtimes, locks, progress, swarm
from checks.session import run_id

# How many workers `-n auto` starts (parallel.py); shards of pytest-split keep pages whole (sharding.py);
# an AWS page ends with its clean-up check (cleanup_item.py).
pytest_plugins = ["checks.parallel", "checks.sharding", "checks.cleanup_item"]


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(hookspecs)


def register_services(config: pytest.Config) -> None:
    """One object per service, implementing the hooks of checks/hookspecs.py."""
    state = engine.state_dir()
    docker_engine = engine.Engine(
        state, progress.logger(config, "engine"), run_id(), controller=not hasattr(config, "workerinput")
    )
    amazon = aws.Aws(progress.logger(config, "aws"))
    services = {
        "dsp-locks": locks.Locks(state / "locks", progress.logger(config, "engine")),
        "dsp-engine": docker_engine,
        "dsp-swarm": swarm.SwarmVip(docker_engine),
        "dsp-aws": amazon,
        "dsp-ecr": ecr.Ecr(docker_engine, amazon),
        "dsp-lambda": lambda_runtimes.LambdaRuntimes(config, docker_engine, amazon),
        "dsp-kubernetes": kubernetes.Kubernetes(),
    }
    for name, service in services.items():
        config.pluginmanager.register(service, name)


def pytest_collect_directory(path: Path, parent):
    if collection.is_page_folder(paths.site_of(parent.config), path):
        return collection.Page.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent):
    """A file under snippets/ outside any page folder (those collect their own files): an error."""
    try:
        file_path.resolve().relative_to(paths.site_of(parent.config).snippets)
    except ValueError:
        return None
    if model.is_metadata(file_path) or file_path.name.startswith("."):
        return None
    return collection.SnippetFile.from_parent(parent, path=file_path)


def pytest_addoption(parser) -> None:
    group = parser.getgroup("snippets", "doc-test gate")
    group.addoption(
        "--no-cache",
        action="store_true",
        dest="no_cache",
        help="run every snippet, ignoring results reused from earlier runs with unchanged inputs",
    )
    group.addoption(
        "--site-root",
        dest="site_root",
        default=None,
        help="the site to check (holding docs/ and snippets/); default: $DSP_ROOT, else pytest's rootdir",
    )
    page_order.add_options(group)
    output_update.add_option(group)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    page_order.configure_node(node)


def pytest_report_header(config) -> str | None:
    return page_order.describe(config)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    output_update.summarise(terminalreporter)
    described = page_order.describe(config)
    if described:
        terminalreporter.write_line(described)


EXERCISES = "exercises"


def pytest_configure(config) -> None:
    site = paths.site_of(config)
    output_update.configure(config)
    config.addinivalue_line(
        "markers",
        f"{EXERCISES}(*snippets): the snippet files (paths under snippets/) a behaviour test exercises; "
        "its results show on their status lines",
    )
    page_order.configure(config)
    register_services(config)
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(report.Recorder(site), "dsp-report")


def pytest_collection_modifyitems(session, config, items) -> None:
    """Whole pages move into this run's order (a page's items come out of it in page order)."""
    page_order.arrange_items(config, items, collection.page_folder_of)


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # before xdist's own schedulers
def pytest_xdist_make_scheduler(config, log):
    from checks import scheduling  # xdist is a gate package, not a site one

    return scheduling.PageScheduling(config, log) if config.getoption("dist") in scheduling.SPREADING else None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    """A behaviour test's report names the snippets it exercises (for report.Recorder)."""
    named = [str(path) for mark in item.iter_markers(EXERCISES) for path in mark.args]
    if not named:
        return
    site = paths.site_of(item.config)
    unknown = [path for path in named if not (site.snippets / path).is_file()]
    if unknown:
        pytest.fail(
            f"{site.relative(item.path)}: @pytest.mark.{EXERCISES} names {', '.join(unknown)}, "
            f"which is not a file under {site.relative(site.snippets)}/",
            pytrace=False,
        )
    item.user_properties.append((EXERCISES, [f"{site.relative(site.snippets)}/{path}" for path in named]))


@pytest.hookimpl(wrapper=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus):
    try:
        return (yield)  # pytest tears down the collectors still set up: pages close their sessions
    finally:
        _finish_run(session.config)


def _finish_run(config: pytest.Config) -> None:
    """The report, before the services clean up after the run (pytest_unconfigure)."""
    recorder = config.pluginmanager.get_plugin("dsp-report")
    written = recorder.write() if recorder else None
    if written:
        progress.logger(config, "engine")(f"report written to {paths.site_of(config).relative(written)}")
