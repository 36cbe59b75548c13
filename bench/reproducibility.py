"""Does a page's verdict depend on what ran before it? Runs the gate's pages in the ways
issue 13 asks for and records every verdict, with the machine state it started from.

    .venv/bin/python bench/reproducibility.py alone            # each Docker page on its own, on an empty engine
    .venv/bin/python bench/reproducibility.py reverse          # all pages, reverse order
    .venv/bin/python bench/reproducibility.py shuffled --runs 3  # all pages, three random orders (seeds recorded)
    ... --workers 2                                             # reverse/shuffled on two xdist workers

An engine the gate starts itself is empty at each start (a fresh data root); on an
engine that was already running, `alone` runs `docker system prune -af --volumes` before
each page, which is what a reader's engine may look like. Every run is `--no-cache`:
a reused result would say nothing about order.

Results go to bench/reproducibility.json (one entry per mode, the latest run of each).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gate_config import docker_engine, gate_config  # noqa: E402 - bench/, the script's own folder

from checks import model, pages, paths  # noqa: E402
from checks.services import dockerd, session_environment  # noqa: E402

SITE = paths.Site.at(ROOT)

RESULTS = ROOT / "bench" / "reproducibility.json"
GATE = [str(ROOT / "gate"), "--no-cache", "-p", "no:cacheprovider", "-q", "-rfE", "--junitxml=/dev/null"]
SUMMARY = re.compile(r"^=*\s*(?P<counts>(\d+ \w+(, )?)+) in [\d.]+s", re.M)
SEED = re.compile(r"page order: random, seed (\d+)")


def docker_pages() -> list[Path]:
    """Page folders with a shell step that needs the engine."""
    folders = sorted({p.parent for p in SITE.snippets.rglob("*.sh") if model.kind_of(p) == "shell"})
    with gate_config() as config:
        requirements = session_environment.requirements(config)
        return [
            page
            for page in folders
            if any(
                "docker" in requirements.of(step, pages.page_meta(SITE, page).step(step.name).requires)
                for step in pages.steps_of(SITE, page)
                if model.kind_of(step) == "shell"
            )
        ]


def machine_state() -> dict[str, object]:
    return {
        "engine already running": dockerd.reachable(),
        "/var/lib/docker exists": Path("/var/lib/docker").exists(),
        "docker0 exists": Path("/sys/class/net/docker0").exists(),
        "stand-ins in registry": registry_data().exists(),
    }


def registry_data() -> Path:
    with gate_config() as config:
        return docker_engine(config).host.registry_data


def gate(*args: str) -> dict[str, object]:
    started = time.monotonic()
    done = subprocess.run([*GATE, *args], cwd=ROOT, capture_output=True, text=True)
    text = done.stdout + done.stderr
    summary = SUMMARY.search(text)
    seed = SEED.search(text)
    failed = [line.split()[1] for line in text.splitlines() if line.startswith(("FAILED ", "ERROR "))]
    return {
        "args": list(args),
        "exit": done.returncode,
        "summary": summary["counts"] if summary else text.strip().splitlines()[-1:],
        "failed": failed,
        **({"seed": int(seed[1])} if seed else {}),
        "seconds": round(time.monotonic() - started, 1),
    }


def prune_foreign_engine() -> None:
    if dockerd.reachable():
        subprocess.run(["docker", "system", "prune", "-af", "--volumes"], capture_output=True, check=True)


def run_alone() -> list[dict[str, object]]:
    results = []
    for page in docker_pages():
        prune_foreign_engine()
        results.append(gate(SITE.relative(page)))
        print(SITE.relative(page), results[-1]["summary"], flush=True)
    return results


def run_reverse(workers: list[str]) -> list[dict[str, object]]:
    return [gate("snippets", "--page-order=reverse", *workers)]


def run_shuffled(runs: int, workers: list[str]) -> list[dict[str, object]]:
    results = []
    for _ in range(runs):
        results.append(gate("snippets", "--page-order=random", *workers))
        print(results[-1]["seed"] if "seed" in results[-1] else "?", results[-1]["summary"], flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["alone", "reverse", "shuffled"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=0, help="xdist workers for reverse and shuffled (0: serial)")
    options = parser.parse_args()
    workers = ["-n", str(options.workers)] if options.workers else []
    state = machine_state()
    modes = {
        "alone": run_alone,
        "reverse": lambda: run_reverse(workers),
        "shuffled": lambda: run_shuffled(options.runs, workers),
    }
    runs = modes[options.mode]()
    recorded = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    recorded[options.mode] = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
        "machine state at start": state,
        "all passed": all(run["exit"] == 0 for run in runs),
        "runs": runs,
    }
    RESULTS.write_text(json.dumps(recorded, indent=2) + "\n")
    print(f"{options.mode}: {'all passed' if recorded[options.mode]['all passed'] else 'FAILURES'}; see {RESULTS}")
    return 0 if recorded[options.mode]["all passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
