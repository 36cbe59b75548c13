"""The generated parts of the About pages, as Markdown: the Status page's chart and table,
the Performance page's figures and the map of the notes.

Each takes the page it is shown on (a path under docs/), so its links are relative to it.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

from checks import depends
from checks import pages as page_files
from checks.paths import Site
from dsp_markdown import corrections, mkdocs_site, notes_map
from dsp_markdown.status import OUTCOMES, assess


def nav_pages(site: Site) -> list[tuple[str, str]]:
    """(page, title) for every page of the nav, in nav order.

    A page the nav gives no title (a section index) has its first heading, as the theme
    shows it; a title two pages share gets its section's name.
    """
    found: list[tuple[str, str, str]] = []

    def walk(node: object, title: str, section: str) -> None:
        if isinstance(node, str):
            found.append((node, title or mkdocs_site.page_title(site, node), section))
        elif isinstance(node, list):
            for child in node:
                walk(child, "", section)
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(value, key, key if isinstance(value, list) else section)

    walk(mkdocs_site.mkdocs_config(site)["nav"], "", "")
    titles = [title for _page, title, _section in found]
    return [
        (page, f"{title} ({section})" if titles.count(title) > 1 and section else title)
        for page, title, section in found
    ]


def _counts(site: Site, page: str, data: dict | None, inputs: depends.InputsKeys) -> tuple[int, dict[str, int]]:
    page_dir = site.snippets / Path(page).with_suffix("")
    steps = page_files.steps_of(site, page_dir) if page_dir.is_dir() else []
    counts = dict.fromkeys(OUTCOMES, 0)
    for step in steps:
        counts[assess(site, step, data, inputs)[0]] += 1
    return len(steps), counts


def status_page(site: Site, data: dict | None, shown_on: str, inputs: depends.InputsKeys | None = None) -> str:
    """The gate run's summary, a stacked bar per page and the table of every page of the nav.
    `inputs`: keys the build already knows (the pages rendered before this one asked for them)."""
    inputs = inputs or depends.InputsKeys(site)
    pages = [(page, title, *_counts(site, page, data, inputs)) for page, title in nav_pages(site)]
    rows = [
        "| Page | Blocks | " + " | ".join(OUTCOMES.values()) + " |",
        "| --- | ---: |" + " ---: |" * len(OUTCOMES),
    ]
    base = os.path.dirname(shown_on)
    for page, title, blocks, counts in pages:
        link = f"[{title}]({os.path.relpath(page, base or '.')})" if page != shown_on else title
        rows.append("| " + " | ".join(str(cell) for cell in [link, blocks, *counts.values()]) + " |")
    table = "\n".join(rows)
    chart = _chart([(title, blocks, counts) for _page, title, blocks, counts in pages if blocks])
    if not data:
        return f"**Not yet verified:** this build has no gate report.\n\n{chart}\n\n{table}"
    environment = "\n".join(f"- {name}: {value}" for name, value in data.get("environment", {}).items())
    header = (
        f"Gate run of **{data.get('generated', '?')}** on {data.get('machine', '?')}"
        f"{' (CI)' if data.get('ci') else ''}.\n\nIt ran against:\n\n{environment}\n\n"
    )
    return f"{header}{chart}\n\n{table}"


def _chart(pages: list[tuple[str, int, dict[str, int]]]) -> str:
    """A stacked bar per page, as HTML and CSS only (docs/stylesheets/status.css).

    Bars share one scale, so a page with more blocks has a longer bar; each bar's text
    alternative gives its numbers, and the table under it gives them all again.
    """
    if not pages:
        return ""
    widest = max(blocks for _title, blocks, _counts in pages)
    legend = "".join(
        f'<span class="dsp-chart__key"><span class="dsp-chart__swatch dsp-chart--{outcome}"></span>{label}</span>'
        for outcome, label in OUTCOMES.items()
    )
    lines = [
        '<figure class="dsp-chart">',
        "<figcaption>Code blocks per page, by what the gate did with them (the table below gives the numbers)."
        "</figcaption>",
        f'<div class="dsp-chart__legend" aria-hidden="true">{legend}</div>',
    ]
    for title, blocks, counts in pages:
        said = ", ".join(f"{count} {OUTCOMES[outcome].lower()}" for outcome, count in counts.items() if count)
        parts = "".join(
            f'<span class="dsp-chart__part dsp-chart--{outcome}" style="width: {100 * count / widest:.2f}%"'
            f' title="{count} {OUTCOMES[outcome].lower()}"></span>'
            for outcome, count in counts.items()
            if count
        )
        label = html.escape(title)
        lines.append(
            f'<div class="dsp-chart__row"><span class="dsp-chart__label" title="{label}">{label}</span>'
            f'<span class="dsp-chart__bar" role="img" aria-label="{label}: {blocks} blocks, {said}">{parts}</span>'
            f'<span class="dsp-chart__total" aria-hidden="true">{blocks}</span></div>'
        )
    lines.append("</figure>")
    return "\n".join(lines)


def performance_page(site: Site) -> str:
    try:
        data = json.loads((site.root / "bench" / "results.json").read_text())
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


def notes_map_page(site: Site, shown_on: str) -> str:
    the_map = notes_map.markdown_table(site, notes_map.load(site), shown_on)
    return the_map + "\n" + corrections.markdown_table(site, corrections.load(site), shown_on)
