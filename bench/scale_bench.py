"""Scale benchmark: how the gate's per-page costs grow from the site as it is to 10 times its size.

    .venv/bin/python bench/scale_bench.py              # 1x and 10x, in one run
    .venv/bin/python bench/scale_bench.py --factor 20  # 1x and 20x

It writes, in a temporary folder removed afterwards, a synthetic site per size: for every
real page, FACTOR copies in the real page's shape (its steps' names and kinds in its order,
the outputs and hidden assertions they have, a paragraph per step), with cheap contents:
shell steps that echo, and static files a parser accepts. Then, on the same machine in one
run, it measures for each size:

* collection: `pytest --collect-only` of snippets/ (a subprocess: pytest's start included);
* cache keys: checks/depends.py's keys of every step, remembered for the run as the cache asks;
* the report: report.Recorder taking one test report per step and writing snippets.json
  (the environment's versions, a fixed cost of subprocesses, are left out);
* the status injection: dsp_markdown's preprocessor over every page, with that report;
* the Status page: dsp_markdown.pages.status_page;
* the strict site build: `mkdocs build --strict` (a subprocess).

Each figure is the best of --repeat runs; the result is each part's ratio of FACTORx to 1x,
against the target "at most FACTOR" (nothing here is asserted in a test). Results go to
bench/scale.json, a plot to docs/about/scale.svg, and a table into docs/about/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "scale.json"
sys.path.insert(0, str(ROOT))  # this checkout's checks/, not an installed one
PLOT = ROOT / "docs" / "about" / "scale.svg"
PAGE = ROOT / "docs" / "about" / "performance.md"
TABLE_START, TABLE_END = "<!-- scale-bench:start -->", "<!-- scale-bench:end -->"
PARTS = {
    "collection": "collection (pytest --collect-only)",
    "cache_keys": "cache keys (depends.inputs_key)",
    "report": "report (snippets.json)",
    "injection": "status injection (dsp_markdown)",
    "status_page": "Status page",
    "build": "strict site build (mkdocs build --strict)",
}
STATIC = {  # what a cheap static step of each kind holds
    "json": '{"copy": 1}\n',
    "yaml": "copy: 1\n",
    "html": "<!doctype html>\n<html lang=en><title>copy</title><p>copy</p></html>\n",
    "dockerfile": "FROM scratch\n",
    "python": "print('copy')\n",
    "node": "console.log('copy');\n",
}


def real_pages() -> list[Path]:
    return sorted(p for p in (ROOT / "snippets").glob("*/*") if p.is_dir())


def write_site(site: Path, factor: int) -> int:
    """The synthetic site with `factor` copies of every real page; returns how many steps it has."""
    from checks import pages, paths

    real_site = paths.Site.at(ROOT)
    shutil.copytree(ROOT / "overrides", site / "overrides")
    shutil.copytree(ROOT / "docs" / "stylesheets", site / "docs" / "stylesheets")
    (site / "conftest.py").write_text('pytest_plugins = ["checks.plugin"]\n')
    (site / "docs" / "index.md").write_text("# Synthetic site\n\nPages in the shapes of the real ones.\n")
    (site / "docs" / "about").mkdir()
    (site / "docs" / "about" / "status.md").write_text("# Verification status\n\n<!-- dsp:status-table -->\n")
    nav: list = ["index.md"]
    steps = 0
    for copy in range(1, factor + 1):
        section: list = []
        for real in real_pages():
            name = f"{real.parent.name}-{copy}/{real.name}"
            steps += write_page(site, name, pages.steps_of(real_site, real), copy)
            section.append({real.name: f"{name}.md"})
        nav.append({f"Copy {copy}": section})
    nav.append({"About": [{"Verification status": "about/status.md"}]})
    config = (ROOT / "mkdocs.yml").read_text().split("\nwatch:", 1)[0]
    body = (ROOT / "mkdocs.yml").read_text().split("\nvalidation:", 1)[1].split("\nnav:", 1)[0]
    (site / "mkdocs.yml").write_text(f"{config}\nvalidation:{body}\nnav: {json.dumps(nav)}\n")
    return steps


def write_page(site: Path, name: str, real_steps: list[Path], copy: int) -> int:
    """One page in a real page's shape: its steps, outputs and assertions, a paragraph each."""
    from checks import model

    folder = site / "snippets" / name
    folder.mkdir(parents=True)
    text = [f"# {name}\n", "A synthetic page: each step as the real page has it, with cheap contents.\n"]
    fixtures = []
    for number, step in enumerate(real_steps, 1):
        kind = model.kind_of(step)
        target = folder / step.name
        if kind == "image":  # a file the page's steps use, as the real ones are, not a block
            shutil.copyfile(step, target)
            fixtures.append(step.name)
            continue
        if kind == "shell":
            target.write_text(f"echo 'step {number} of copy {copy}'\n")
        else:
            target.write_text(STATIC.get(kind, "copy\n"))
        text += [f"Step {number} does what its block shows.\n", f'```text\n--8<-- "{name}/{step.name}"\n```\n']
        if model.output_of(step):
            output = folder / f"{model.step_name(step)}.out"
            output.write_text(f"step {number} of copy {copy}\n" if kind == "shell" else "copy\n")
            text.append(f'```text\n--8<-- "{name}/{output.name}"\n```\n')
        if model.assertion_of(step):
            (folder / f"{model.step_name(step)}.check.sh").write_text("true\n")
    if fixtures:
        (folder / model.METADATA_NAME).write_text(f"fixtures: {json.dumps(fixtures)}\n")
    page = site / "docs" / f"{name}.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("\n".join(text))
    return len(real_steps)


def inside(repeat: int) -> dict[str, float]:
    """The in-process parts, run in a subprocess whose checks.layout points at the synthetic site."""
    import pytest
    from markdown import Markdown

    from checks import depends, model, paths, report
    from checks import pages as page_files
    from dsp_markdown import extension, pages

    site = paths.Site.located()
    steps = [step for page in sorted(site.snippets.glob("*/*")) for step in page_files.steps_of(site, page)]
    report.environment_versions = lambda used: {"Python": platform.python_version()}
    texts = [page.read_text().split("\n") for page in sorted(site.docs.rglob("*.md"))]
    best: dict[str, float] = {}

    def timed(part: str, work) -> None:
        started = time.perf_counter()
        work()
        best[part] = min(best.get(part, float("inf")), time.perf_counter() - started)

    def record() -> None:
        recorder = report.Recorder(site)
        for step in steps:
            nodeid = f"{site.relative(step)}::{model.kind_of(step)}"
            recorder.pytest_runtest_logreport(
                pytest.TestReport(nodeid, (nodeid, 0, nodeid), {}, "passed", None, "call", [("checked_by", "bash")])
            )
        recorder.write()

    def cache_keys() -> None:
        keys = depends.InputsKeys(site)  # one run's, remembered as the cache (depends.of_run) asks
        for step in steps:
            keys(step)

    for _ in range(repeat):
        report.report_file(site).unlink(missing_ok=True)
        timed("cache_keys", cache_keys)
        timed("report", record)
        extension.BUILD_KEYS.clear()  # each repeat is one build, from nothing remembered
        preprocessor = extension.StatusPreprocessor(Markdown(), site)
        timed("injection", lambda run=preprocessor.run: [run(lines) for lines in texts])
        written = report.load(report.report_file(site))
        # As in a build: the Status page comes after the pages, whose keys the build remembers.
        status = lambda data=written: pages.status_page(site, data, extension.STATUS_PAGE, extension.inputs_of(site))  # noqa: E731
        timed("status_page", status)
    return best


def measure(site: Path, repeat: int) -> dict[str, float]:
    env = {
        **os.environ,
        "DSP_ROOT": str(site),
        "DSP_REPORT_DIR": str(site / "reports"),
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
    }
    env.pop("DSP_RUN_ID", None)
    bin_dir = Path(sys.executable).parent
    collect = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--collect-only", "snippets"]
    build = [str(bin_dir / "mkdocs"), "build", "--strict", "-q", "-d", str(site / "built")]
    figures = {part: min(timed_run(command, site, env) for _ in range(repeat)) for part, command in
               (("collection", collect), ("build", build))}  # fmt: skip
    # After them, so the site's files are not seconds old (paths.RACY_SECONDS), as in a real run.
    figures.update(json.loads(run([sys.executable, __file__, "--inside", str(repeat)], site, env).stdout))
    return figures


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
        raise SystemExit(f"scale benchmark: {' '.join(command[:4])} failed in {cwd}:\n{tail}")
    return done


def timed_run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    run(command, cwd, env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, default=10, help="the larger site's size, in copies of each page")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measurement; the best counts")
    parser.add_argument("--note", default="", help="a remark stored with the results (e.g. a busy machine)")
    parser.add_argument("--inside", type=int, help=argparse.SUPPRESS)  # the in-process parts, in the site
    args = parser.parse_args()
    # A stopped run still removes its temporary site (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("scale benchmark: stopped"))
    if args.inside:
        print(json.dumps(inside(args.inside)))
        return
    sizes: dict[int, dict] = {}
    for factor in (1, args.factor):
        site = Path(tempfile.mkdtemp(prefix=f"dsp-scale-{factor}x-"))
        try:
            steps = write_site(site, factor)
            sizes[factor] = {"pages": factor * len(real_pages()), "steps": steps, "seconds": measure(site, args.repeat)}
        finally:
            shutil.rmtree(site, ignore_errors=True)
        print(f"{factor}x: {sizes[factor]}")
    write(sizes, args.factor, args.note)


def write(sizes: dict[int, dict], factor: int, note: str) -> None:
    small, large = sizes[1], sizes[factor]
    parts = {
        part: {
            "what": what,
            "1x": round(small["seconds"][part], 4),
            f"{factor}x": round(large["seconds"][part], 4),
            "ratio": round(large["seconds"][part] / small["seconds"][part], 2),
            "met": large["seconds"][part] <= factor * small["seconds"][part],
        }
        for part, what in PARTS.items()
    }
    document = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
        "note": note,
        "factor": factor,
        "target": f"each part at most {factor}x its 1x time; collection of the {factor}x site under 10 s",
        "collection_under_10s": large["seconds"]["collection"] < 10,
        "sizes": {f"{n}x": {"pages": s["pages"], "steps": s["steps"]} for n, s in sizes.items()},
        "parts": parts,
    }
    RESULTS.write_text(json.dumps(document, indent=2) + "\n")
    PLOT.write_text(plot(document))
    publish(document)
    for part in parts.values():
        times = f"{part['1x']} s -> {part[f'{factor}x']} s"
        print(f"{'ok ' if part['met'] else 'MISS'} {part['what']}: {part['ratio']}x ({times})")


def plot(document: dict) -> str:
    """A bar per part: its ratio of FACTORx to 1x, with the target line at FACTOR (plain SVG)."""
    factor, parts = document["factor"], list(document["parts"].values())
    width, row, left, top = 720, 34, 300, 48
    height = top + row * len(parts) + 40
    scale = (width - left - 60) / max(factor * 1.2, *(p["ratio"] for p in parts))
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        ' role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">',
        f"<title id='title'>Cost of a {factor}x site against the site as it is, per part of the gate</title>",
        "<desc id='desc'>"
        + "; ".join(f"{p['what']}: {p['ratio']} times" for p in parts)
        + f". Target: at most {factor} times. Measured {document['date'][:10]} on {document['machine']}.</desc>",
        f'<text x="10" y="20" font-weight="bold">{factor}x pages against 1x: how much longer each part takes</text>',
        f'<text x="10" y="38" fill="#555">{document["date"][:10]}, {document["machine"]}</text>',
    ]
    for index, part in enumerate(parts):
        y = top + index * row
        colour = "#3f51b5" if part["met"] else "#c62828"
        lines += [
            f'<text x="{left - 8}" y="{y + 20}" text-anchor="end">{part["what"]}</text>',
            f'<rect x="{left}" y="{y + 6}" width="{part["ratio"] * scale:.1f}" height="20" fill="{colour}"/>',
            f'<text x="{left + part["ratio"] * scale + 6:.1f}" y="{y + 20}">{part["ratio"]}x</text>',
        ]
    target = left + factor * scale
    lines += [
        f'<line x1="{target:.1f}" y1="{top}" x2="{target:.1f}" y2="{height - 30}"'
        ' stroke="#000" stroke-dasharray="4 3"/>',
        f'<text x="{target:.1f}" y="{height - 12}" text-anchor="middle">target: {factor}x</text>',
        "</svg>",
    ]
    return "\n".join(lines) + "\n"


def publish(document: dict) -> None:
    """The table between the markers on the Performance page."""
    factor = document["factor"]
    sizes = document["sizes"]
    rows = [
        f"Measured {document['date'][:10]} on {document['machine']}"
        + (f" ({document['note']})" if document["note"] else "")
        + f": 1x is {sizes['1x']['pages']} pages, {sizes['1x']['steps']} steps; {factor}x is "
        f"{sizes[f'{factor}x']['pages']} pages, {sizes[f'{factor}x']['steps']} steps.",
        "",
        f"| Part | 1x (s) | {factor}x (s) | Ratio | At most {factor}x |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for part in document["parts"].values():
        rows.append(
            f"| {part['what']} | {part['1x']:.3f} | {part[f'{factor}x']:.3f} | {part['ratio']:.2f} | "
            f"{'yes' if part['met'] else '**no**'} |"
        )
    collection = document["parts"]["collection"][f"{factor}x"]
    rows += ["", f"Collection of the {factor}x site: {collection:.1f} s (target: under 10 s)."]
    text = PAGE.read_text()
    before, rest = text.split(TABLE_START, 1)
    after = rest.split(TABLE_END, 1)[1]
    PAGE.write_text(f"{before}{TABLE_START}\n{chr(10).join(rows)}\n{TABLE_END}{after}")


if __name__ == "__main__":
    main()
