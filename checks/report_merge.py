"""Merges the reports of a gate run sharded over CI machines into the one the site reads.

    python -m checks.report_merge OUT SHARD_DIR [SHARD_DIR ...]

Each SHARD_DIR holds what one shard wrote (`snippets.json` by checks/report.py's Recorder,
`junit.xml` by pytest). OUT gets one `snippets.json` and one `junit.xml` for the whole run.

A shard that produced no report (it timed out, or its machine died) is not papered over:
its pages have no entries in the merged report, so the site shows their blocks as "not yet
verified", the merged report lists the shard under `incomplete`, the merged JUnit has a
failing test case for it, and the command exits 2. A shard whose tests failed keeps its
failures, and the command exits 1. Exit 0 means every shard reported and nothing failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

PASSED, FAILED, INCOMPLETE = 0, 1, 2
REPORT_NAME, JUNIT_NAME = "snippets.json", "junit.xml"
# When two shards report one snippet (they should not), the worse outcome stands.
WORSE = {"passed": 0, "skipped": 1, "failed": 2}


class ShardError(Exception):
    """A shard's report that cannot be read; names the file."""


def load_shard(shard: Path) -> dict[str, Any] | None:
    """A shard's snippets.json, or None if the shard wrote none."""
    path = shard / REPORT_NAME
    if not path.exists():
        return None
    try:
        document = json.loads(path.read_text())
    except ValueError as error:
        raise ShardError(f"{path}: not a gate report ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("snippets"), dict):
        raise ShardError(f'{path}: not a gate report (no "snippets" object)')
    return document


def merge_reports(shards: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    """One report from the shards' (name -> report, None for a shard that wrote none)."""
    reported = {name: document for name, document in shards.items() if document is not None}
    snippets: dict[str, dict[str, Any]] = {}
    behaviour: dict[str, dict[str, Any]] = {}
    environment: dict[str, str] = {}
    for document in reported.values():
        for path, entry in document["snippets"].items():
            if path not in snippets or WORSE.get(entry["status"], 2) > WORSE.get(snippets[path]["status"], 2):
                snippets[path] = entry
        for path, tested in document.get("behaviour", {}).items():
            _add_behaviour(behaviour, path, tested)
        for name, value in document.get("environment", {}).items():
            seen = environment.get(name)
            environment[name] = value if seen in (None, value) or value in seen.split("; ") else f"{seen}; {value}"
    first = next(iter(reported.values()), {})
    machines = sorted({document.get("machine", "?") for document in reported.values()})
    merged = {
        "generated": max((d.get("generated", "") for d in reported.values()), default=""),
        "started": min((d.get("started", "") for d in reported.values()), default=""),
        "machine": f"{len(shards)} shards of {', '.join(machines) or '?'}",
        "ci": any(d.get("ci") for d in reported.values()),
        "environment": environment,
        "packages": first.get("packages", {}),
        "snippets": dict(sorted(snippets.items())),
        "behaviour": dict(sorted(behaviour.items())),
        "shards": {name: _shard_summary(document) for name, document in shards.items()},
    }
    missing = [name for name, document in shards.items() if document is None]
    if missing:
        merged["incomplete"] = [f"{name}: produced no report; its pages were not run" for name in missing]
    return merged


def _add_behaviour(behaviour: dict[str, dict[str, Any]], path: str, tested: dict[str, Any]) -> None:
    total = behaviour.setdefault(
        path, {"sha256": tested["sha256"], "passed": 0, "failed": 0, "skipped": 0, "tests": []}
    )
    if total["sha256"] != tested["sha256"]:  # shards of one run check one commit: count it failed
        total["failed"] += 1
    for outcome in ("passed", "failed", "skipped"):
        total[outcome] += tested.get(outcome, 0)
    total["tests"] += [module for module in tested.get("tests", []) if module not in total["tests"]]


def _shard_summary(document: dict[str, Any] | None) -> dict[str, Any]:
    if document is None:
        return {"reported": False}
    statuses = [entry["status"] for entry in document["snippets"].values()]
    return {"reported": True, **{status: statuses.count(status) for status in WORSE}}


def merge_junit(shards: dict[str, Path | None]) -> ET.Element:
    """One <testsuites> with every shard's suites; a shard without a report is a failing suite."""
    merged = ET.Element("testsuites", name="pytest tests")
    for name, path in shards.items():
        if path is None or not path.exists():
            merged.append(_missing_suite(name, f"shard {name} produced no report; its pages were not run"))
            continue
        suites = _suites(path)
        for suite in suites:
            suite.set("name", f"{name}: {suite.get('name', 'pytest')}")
            merged.append(suite)
    for count in ("tests", "failures", "errors", "skipped"):
        merged.set(count, str(sum(int(suite.get(count, 0)) for suite in merged)))
    return merged


def _suites(path: Path) -> list[ET.Element]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise ShardError(f"{path}: not JUnit XML ({error})") from None
    return [root] if root.tag == "testsuite" else list(root.iter("testsuite"))


def _missing_suite(name: str, message: str) -> ET.Element:
    suite = ET.Element("testsuite", name=f"{name}: no report", tests="1", failures="0", errors="1", skipped="0")
    case = ET.SubElement(suite, "testcase", classname="report_merge", name=name)
    ET.SubElement(case, "error", message=message).text = message
    return suite


def failed(merged: dict[str, Any], junit: ET.Element) -> bool:
    tested = any(entry.get("failed") for entry in merged["behaviour"].values())
    errors = int(junit.get("failures", 0)) + int(junit.get("errors", 0))
    return tested or errors > 0 or any(entry["status"] == "failed" for entry in merged["snippets"].values())


def merge(out: Path, shard_dirs: list[Path]) -> int:
    names = [shard.name for shard in shard_dirs]
    if len(set(names)) != len(names):
        names = [str(shard) for shard in shard_dirs]
    reports = {name: load_shard(shard) for name, shard in zip(names, shard_dirs, strict=True)}
    merged = merge_reports(reports)
    # A shard without snippets.json counts as missing in JUnit too, even if pytest wrote one.
    junit = merge_junit(
        {name: shard / JUNIT_NAME if reports[name] else None for name, shard in zip(names, shard_dirs, strict=True)}
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / REPORT_NAME).write_text(json.dumps(merged, indent=2) + "\n")
    ET.ElementTree(junit).write(out / JUNIT_NAME, encoding="utf-8", xml_declaration=True)
    for line in merged.get("incomplete", []):
        print(f"report_merge: {line}", file=sys.stderr)
    if merged.get("incomplete"):
        return INCOMPLETE
    if failed(merged, junit):
        print("report_merge: some shards' checks failed", file=sys.stderr)
        return FAILED
    return PASSED


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.report_merge", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the merged snippets.json and junit.xml")
    parser.add_argument("shards", type=Path, nargs="+", help="one folder per shard, as its artifact was downloaded")
    args = parser.parse_args(argv)
    try:
        return merge(args.out, args.shards)
    except ShardError as error:
        print(f"report_merge: {error}", file=sys.stderr)
        return INCOMPLETE


if __name__ == "__main__":
    sys.exit(main())
