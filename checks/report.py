"""The gate's report: the only channel from the gate to the site.

After a run, `reports/snippets.json` holds, per snippet, its status, runner, the tool that
checked it, duration and skip reason, plus the versions of what the run used. The site's
Markdown extension (dsp_markdown/) reads it; JUnit XML is written beside it by pytest (--junitxml).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from checks import depends, paths, versions


def report_file(site: paths.Site) -> Path:
    """reports/snippets.json of the site, or of $DSP_REPORT_DIR (CI's shards write theirs apart)."""
    return Path(os.environ.get("DSP_REPORT_DIR") or site.root / "reports") / "snippets.json"


def _version(command: list[str]) -> str | None:
    if not shutil.which(command[0]) and not Path(command[0]).exists():
        return None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0].strip() if done.returncode == 0 and text else None


def environment_versions(used: set[str]) -> dict[str, str]:
    """Versions of what the checks ran against; only what this run actually used."""
    from importlib.metadata import PackageNotFoundError, version

    bin_dir = Path(sys.executable).parent
    found: dict[str, str | None] = {"Python": platform.python_version()}
    if "docker" in used:
        found["Docker Engine"] = _version(["docker", "version", "--format", "{{.Server.Version}}"])
        found["Docker images"] = _image_source()
    if "aws" in used or "python" in used:
        for package in ("moto", "awscli", "boto3"):
            try:
                found[package] = version(package)
            except PackageNotFoundError:
                found[package] = None
    if "aws" in used:
        from checks.services import aws

        found["AWS CLI"] = aws.cli_description()  # e.g. "AWS CLI 1.46.3 with the v2 adapter"
    if "kubernetes" in used or "yaml" in used:
        kubectl = bin_dir / "kubectl"
        found["kubectl"] = _kubectl(kubectl) if kubectl.exists() else None
    if "node" in used or "aws" in used:
        found["Node.js"] = _version(["node", "--version"])
    return {name: value for name, value in found.items() if value}


def _image_source() -> str | None:
    from checks.services import dockerd  # the site imports this module, without the Docker SDK

    return _image_source_text(dockerd.image_source())


def _image_source_text(source: str | None) -> str | None:
    return {
        "stand-ins": "stand-in images (built from Debian packages, served by a local registry mirror)",
        "registry": "images as published on Docker Hub",
    }.get(source or "")


def _kubectl(kubectl: Path) -> str | None:
    try:
        done = subprocess.run(
            [str(kubectl), "version", "--client", "-o", "json"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    try:
        return json.loads(done.stdout)["clientVersion"]["gitVersion"]
    except (ValueError, KeyError):
        return None


class Recorder:
    """Collects one entry per snippet from test reports (works under pytest-xdist too)."""

    def __init__(self, site: paths.Site) -> None:
        self.site = site
        self.entries: dict[str, dict[str, Any]] = {}
        # Behaviour tests (tests/snippets/...) per snippet they exercise (@pytest.mark.exercises).
        self.behaviour: dict[str, dict[str, Any]] = {}
        self.started = dt.datetime.now(dt.UTC)
        self.inputs = depends.InputsKeys(site)  # a page's steps share its key: read it once

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # pytest-xdist's loadgroup appends "@<group>" to the ids of tests marked xdist_group.
        path, _, kind = report.nodeid.split("@", 1)[0].partition("::")
        exercised = dict(report.user_properties).get("exercises")
        if exercised:
            self._record_behaviour(report, path, exercised)
        if not path.startswith("snippets/"):
            return
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            properties = dict(report.user_properties)
            entry = {
                "snippet": path,
                "sha256": fingerprint(self.site, self.site.root / path, self.inputs),
                "kind": kind,
                "status": report.outcome,
                "checked_by": properties.get("checked_by", ""),
                "requires": properties.get("requires", []),
                "duration": round(report.duration, 3),
                "verified_at": properties.get("verified_at") or dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "reused": bool(properties.get("verified_at")),
            }
            if report.skipped and isinstance(report.longrepr, tuple):
                entry["reason"] = report.longrepr[2].removeprefix("Skipped: ").removeprefix(f"{path}: ")
            elif report.failed:
                entry["reason"] = str(report.longrepr).splitlines()[0][:300] if report.longrepr else ""
            self.entries[path] = entry

    def _record_behaviour(self, report: pytest.TestReport, module: str, snippets: list[str]) -> None:
        """Counts a behaviour test once: its call, or the setup or teardown that failed or skipped it."""
        if report.when != "call" and report.passed:
            return
        for snippet in snippets:
            tested = self.behaviour.setdefault(
                snippet,
                {
                    "sha256": fingerprint(self.site, self.site.root / snippet, self.inputs),
                    "passed": 0,
                    "failed": 0,
                    "skipped": 0,
                    "tests": [],
                },
            )
            tested[report.outcome] += 1
            if module not in tested["tests"]:
                tested["tests"].append(module)

    def write(self) -> Path | None:
        """Merges this run's entries into the report; entries of snippets not run are kept."""
        if not self.entries and not self.behaviour:
            return None
        written = report_file(self.site)
        before = load(written) or {}
        merged = _still_existing(self.site, before.get("snippets", {}))
        merged.update(self.entries)
        behaviour = _still_existing(self.site, before.get("behaviour", {}))
        behaviour.update(self.behaviour)
        used = {kind for entry in self.entries.values() for kind in [entry["kind"], *entry["requires"]]}
        document = {
            "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "started": self.started.isoformat(timespec="seconds"),
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
            "ci": bool(os.environ.get("CI")),
            "environment": environment_versions(used),
            "packages": versions.locked_versions(),
            "snippets": dict(sorted(merged.items())),
            "behaviour": dict(sorted(behaviour.items())),
        }
        written.parent.mkdir(parents=True, exist_ok=True)
        partial = written.with_suffix(".partial")
        partial.write_text(json.dumps(document, indent=2) + "\n")
        partial.replace(written)
        return written


def _still_existing(site: paths.Site, entries: dict[str, Any]) -> dict[str, Any]:
    return {path: entry for path, entry in entries.items() if (site.root / path).exists()}


def fingerprint(site: paths.Site, snippet: Path, inputs: depends.InputsKeys | None = None) -> str:
    """What the snippet's result depends on (checks/depends.py): the site shows a block whose
    fingerprint differs from its report entry's as not yet verified. `inputs` remembers keys
    across calls (one run's or one build's)."""
    return inputs(snippet) if inputs else depends.inputs_key(site, snippet)


def load(path: Path) -> dict[str, Any] | None:
    """The report at `path` (None if there is none or it is not JSON); read-only for callers.

    A site build reads it once per page (MkDocs makes a Markdown per page): parsed again only
    when the file changed, or the build would grow with the square of the pages."""
    try:
        status = path.stat()
    except OSError:
        return None
    return _parsed(str(path), status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=4)
def _parsed(path: str, modified_ns: int, size: int) -> dict[str, Any] | None:
    try:
        return json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None
