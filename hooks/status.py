"""MkDocs hook: shows what the gate saw, from its report (reports/snippets.json).

* Under each code block included from snippets/, a status line: run against what and
  when, validated statically by which tool, skipped and why, or not yet verified.
* On the status page, the marker <!-- dsp:status-table --> becomes a table of every page.

The report is the only source: with no report, or a snippet changed since it was
checked, the site says "not yet verified", never "verified".
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from checks import layout, markdown_reader, report

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S
)
MARKER = "<!-- dsp:status-table -->"
PERFORMANCE_MARKER = "<!-- dsp:performance-table -->"
BENCH_RESULTS = layout.ROOT / "bench" / "results.json"
STATUS_PAGE = "about/status.md"

_pages: list[tuple[str, str]] = []  # (src path, title) in nav order


def _report() -> dict | None:
    return report.load()


def status_of(snippet: Path, data: dict | None) -> tuple[str, str]:
    """(css modifier, sentence) for one snippet."""
    key = layout.relative(snippet)
    entry = (data or {}).get("snippets", {}).get(key)
    if not entry:
        return "unverified", "Not yet verified: the gate has not run this block."
    if entry.get("sha256") != report.fingerprint(snippet):
        return "unverified", "Not yet verified: this block changed since the gate last ran it."
    when = (entry.get("verified_at") or data.get("generated", ""))[:10]
    tested = _behaviour_of(snippet, data)
    if tested and tested["failed"]:
        return "failed", f"Failed {tested['failed']} of its behaviour tests ({_modules(tested)}) on {when}."
    if entry["status"] == "passed":
        if entry["kind"] == "shell" and entry.get("checked_by") in ("bash", "", None):
            against = _against(entry.get("requires", []), data.get("environment", {}))
            return "passed", f"Verified: ran with bash{against} on {when}."
        checked = f"Validated statically by {entry.get('checked_by') or entry['kind']} on {when}."
        if tested and tested["passed"]:
            checked += f" Exercised by {_count(tested['passed'], 'behaviour test')}: {_modules(tested)}."
        return "passed", checked
    if entry["status"] == "skipped":
        skipped = f"Skipped on {when}: {entry.get('reason', 'no reason recorded')}."
        if tested and tested["passed"]:
            skipped += f" Checked offline by {_count(tested['passed'], 'behaviour test')}: {_modules(tested)}."
        return "skipped", skipped
    return "failed", f"Failed in the gate run of {when}."


def _behaviour_of(snippet: Path, data: dict | None) -> dict | None:
    """The behaviour tests' results for this snippet's current text, if the gate ran them."""
    tested = (data or {}).get("behaviour", {}).get(layout.relative(snippet))
    return tested if tested and tested.get("sha256") == report.fingerprint(snippet) else None


def _modules(tested: dict) -> str:
    return ", ".join(tested.get("tests", []))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _against(requires: list[str], environment: dict[str, str]) -> str:
    parts = []
    if "docker" in requires and "Docker Engine" in environment:
        standins = environment.get("Docker images", "").startswith("stand-in")
        parts.append(f"Docker Engine {environment['Docker Engine']}" + (" with stand-in images" if standins else ""))
    if "aws" in requires and "moto" in environment:
        parts.append(f"moto {environment['moto']} (AWS CLI {environment.get('awscli', '?')})")
    if "kubernetes" in requires and "kubectl" in environment:
        parts.append(f"a Kubernetes cluster (kubectl {environment['kubectl']})")
    return " against " + " and ".join(parts) if parts else ""


def _annotate(markdown: str, data: dict | None) -> str:
    def add_status(match: re.Match[str]) -> str:
        body = match["body"]
        included = [layout.SNIPPETS / include.path for include in markdown_reader.includes(body)]
        shown = [p for p in included if layout.kind_of(p) != "output"]
        if not shown:
            return match.group(0)
        modifier, sentence = status_of(shown[0], data)
        indent = match["indent"]
        return (
            f'{match.group(0)}\n{indent}<p class="dsp-status dsp-status--{modifier}">'
            f"{html.escape(sentence)}</p>\n"
        )

    return FENCE.sub(add_status, markdown)


def _table(data: dict | None) -> str:
    rows = [
        "| Page | Blocks | Verified | Skipped | Failed | Not yet verified |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for src, title in _pages:
        page_dir = layout.SNIPPETS / Path(src).with_suffix("")
        steps = layout.steps_of(page_dir) if page_dir.is_dir() else []
        counts = {"passed": 0, "skipped": 0, "failed": 0, "unverified": 0}
        for step in steps:
            counts[status_of(step, data)[0]] += 1
        link = f"[{title}](../{src})" if src != STATUS_PAGE else title
        cells = [link, len(steps), counts["passed"], counts["skipped"], counts["failed"], counts["unverified"]]
        rows.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    if not data:
        return "**Not yet verified:** this build has no gate report.\n\n" + "\n".join(rows)
    environment = "\n".join(f"- {name}: {value}" for name, value in data.get("environment", {}).items())
    header = (
        f"Gate run of **{data.get('generated', '?')}** on {data.get('machine', '?')}"
        f"{' (CI)' if data.get('ci') else ''}.\n\nIt ran against:\n\n{environment}\n\n"
    )
    return header + "\n".join(rows)


def _performance() -> str:
    try:
        data = json.loads(BENCH_RESULTS.read_text())
    except (OSError, ValueError):
        return "**No benchmark results yet:** run `.venv/bin/python bench/gate_bench.py`."
    rows = [
        "| | Measure | Result | Target | Met | Detail | Measured |",
        "| --- | --- | ---: | ---: | --- | --- | --- |",
    ]
    for key, figure in data["figures"].items():
        value = f"{figure['value']:.2f}" + (" s" if "(s)" in figure["what"] else "")
        rows.append(
            f"| ({key}) | {figure['what'].replace(' (s)', '')} | {value} | {figure['target']} | "
            f"{'yes' if figure['met'] else '**no**'} | {figure['detail']} | "
            f"{figure.get('measured', data['date'])[:10]} |"
        )
    return f"Measured on {data['machine']}; latest run {data['date'][:10]}.\n\n" + "\n".join(rows)


def on_nav(nav, config, files):
    _pages.clear()
    for page in nav.pages:
        _pages.append((page.file.src_uri, page.title or page.file.src_uri))
    return nav


def on_page_markdown(markdown, page, config, files):
    data = _report()
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, _table(data))
    if PERFORMANCE_MARKER in markdown:
        markdown = markdown.replace(PERFORMANCE_MARKER, _performance())
    return _annotate(markdown, data)
