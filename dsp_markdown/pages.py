"""The generated parts of the About pages, as Markdown: the Status page's table, the
Performance page's figures and the map of the notes.

Each takes the page it is shown on (a path under docs/), so its links are relative to it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from checks import layout, notes_map
from dsp_markdown.status import status_of

BENCH_RESULTS = layout.ROOT / "bench" / "results.json"


def status_page(data: dict | None, shown_on: str) -> str:
    """The gate run's summary and the table of every page of the nav."""
    rows = [
        "| Page | Blocks | Verified | Skipped | Failed | Not yet verified |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    base = os.path.dirname(shown_on)
    for page, title in notes_map.nav_pages(notes_map.mkdocs_config()["nav"]).items():
        page_dir = layout.SNIPPETS / Path(page).with_suffix("")
        steps = layout.steps_of(page_dir) if page_dir.is_dir() else []
        counts = {"passed": 0, "skipped": 0, "failed": 0, "unverified": 0}
        for step in steps:
            counts[status_of(step, data)[0]] += 1
        title = title or page
        link = f"[{title}]({os.path.relpath(page, base or '.')})" if page != shown_on else title
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


def performance_page() -> str:
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


def notes_map_page(shown_on: str) -> str:
    return notes_map.markdown_table(notes_map.load(), shown_on)
