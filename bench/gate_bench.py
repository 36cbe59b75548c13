"""Benchmarks of the doc-test gate, as ratios against baselines measured in the same run.

    .venv/bin/python bench/gate_bench.py            # (a)-(d)
    .venv/bin/python bench/gate_bench.py --cold     # also (e): provisioning from nothing

(a) the gate's shell steps vs a plain bash script running the same commands in sequence;
(b) a rerun with nothing changed vs the full run;
(c) a rerun after editing one snippet (seconds);
(d) `mkdocs build --strict` of the whole site (seconds);
(e) cold provisioning: engine and stand-in images from nothing (seconds; destroys the
    stand-in cache, which the next run rebuilds).

Results go to bench/results.json; the Performance page shows them (hooks/status.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks import layout  # noqa: E402

PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "--junitxml=/dev/null"]
RESULTS = ROOT / "bench" / "results.json"
TARGETS = {"a": 1.15, "b": 0.05, "c": 10.0, "d": 5.0, "e": 300.0}


def timed(command: list[str], check_exit: bool = True, **kwargs) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - started
    if check_exit and done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{tail}")
    return elapsed


def floor_script(workspace: Path, moto: str) -> Path:
    """The same commands as the gate's shell steps, page by page, in plain bash (the floor).

    Per page: a fresh work directory with its fixtures, an empty moto account, then each
    step the gate would run (with its hidden assertion), in order, in one shell.
    """
    from checks.services import environment

    lines = ["#!/usr/bin/env bash", "set -uo pipefail"]
    for page_dir in sorted({p.parent for p in layout.SNIPPETS.rglob("*.sh")}):
        meta = layout.page_meta(page_dir)
        work = workspace / layout.relative(page_dir)
        shutil.copytree(page_dir, work)
        body = [f"curl -s -X POST {moto}/moto-api/reset > /dev/null", f"cd {work}", f"export HOME={work}"]
        for step in (s for s in layout.steps_of(page_dir) if layout.kind_of(s) == "shell"):
            step_meta = meta.step(step.name)
            requires = environment.requirements_of(step, step_meta.requires)
            if not step_meta.run:
                continue
            if environment.missing_requirements(requires):
                if not step_meta.otherwise:
                    continue
                step = page_dir / step_meta.otherwise
            if step_meta.tty:
                continue  # typed at a terminal by the gate; a plain script cannot (a few seconds)
            stdin = f"<<< {json.dumps(step_meta.input)}" if step_meta.input else "< /dev/null"
            body.append(f"source {step} {stdin} || true")
            check = layout.assertion_of(step)
            if check:
                body.append(f"( source {check} ) || true")
        lines.append("(\n  " + "\n  ".join(line for line in body if line) + "\n)")
    script = workspace / "floor.sh"
    script.write_text("\n".join(lines) + "\n")
    return script


def floor_environment(moto: str) -> dict[str, str]:
    from checks.services import aws, environment

    env = {k: v for k, v in os.environ.items() if not k.startswith(environment.MASKED_PREFIXES)}
    env.update(aws.FAKE_CREDENTIALS)
    env.update(
        AWS_ENDPOINT_URL=moto,
        KUBECONFIG="/dev/null",
        PATH=os.pathsep.join([str(environment.SHIMS), str(Path(sys.executable).parent), env["PATH"]]),
        DSP_RUN_ID=f"bench-floor-{os.getpid()}",
        DSP_OWNER_PID=str(os.getpid()),
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cold", action="store_true", help="also measure cold provisioning (e)")
    parser.add_argument("--pages", default="snippets", help="which snippets to run (default: all)")
    parser.add_argument("--only-cold", action="store_true", help="measure only (e), keeping the other figures")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    figures: dict[str, dict] = {}
    if args.only_cold:
        previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"figures": {}}
        figures = {key: value for key, value in previous["figures"].items() if key != "e"}
        figures["e"] = {"what": "cold provisioning (s)", "value": cold_provisioning(), "detail": "engine + stand-ins"}
        write(figures)
        return

    from checks.services import aws, engine

    reason = engine.ensure()  # engine and stand-ins ready: (a) compares execution, not provisioning
    if reason:
        raise SystemExit(reason)
    moto = aws.moto_endpoint()
    shell_only = [*PYTEST, "-k", "shell", args.pages]

    with tempfile.TemporaryDirectory() as workspace:
        script = floor_script(Path(workspace), moto)
        try:
            floor = timed(["bash", str(script)], env={**env, **floor_environment(moto)}, check_exit=False)
        finally:
            engine.remove_labelled(f"dsp.run=bench-floor-{os.getpid()}")
    full = timed([*shell_only, "--no-cache"], env=env)
    figures["a"] = {"what": "full gate (shell steps) / plain bash", "value": full / floor,
                    "detail": f"{full:.1f} s vs {floor:.1f} s"}

    rerun = timed(shell_only, env=env)
    figures["b"] = {"what": "no-change rerun / full run", "value": rerun / full,
                    "detail": f"{rerun:.1f} s vs {full:.1f} s"}

    edited = layout.SNIPPETS / "containers" / "hello" / "08-rm.sh"
    original = edited.read_text()
    try:
        edited.write_text(original + "# edited by the benchmark\n")
        one = timed(shell_only, env=env)
    finally:
        edited.write_text(original)
    timed(shell_only, env=env)  # back to the committed text's results
    figures["c"] = {"what": "rerun after editing one snippet (s)", "value": one, "detail": layout.relative(edited)}

    build_dir = tempfile.mkdtemp()
    try:
        build = timed([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", build_dir], env=env)
    finally:
        shutil.rmtree(build_dir, ignore_errors=True)
    figures["d"] = {"what": "mkdocs build --strict (s)", "value": build, "detail": "whole site"}

    if args.cold:
        figures["e"] = {"what": "cold provisioning (s)", "value": cold_provisioning(), "detail": "engine + stand-ins"}

    write(figures)


def write(figures: dict[str, dict]) -> None:
    for key, figure in figures.items():
        figure["target"] = TARGETS[key]
        figure["met"] = figure["value"] <= TARGETS[key]
    document = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
        "figures": figures,
    }
    RESULTS.write_text(json.dumps(document, indent=2) + "\n")
    for key, figure in figures.items():
        mark = "ok " if figure["met"] else "MISS"
        print(f"({key}) {mark} {figure['what']}: {figure['value']:.3f} (target {figure['target']}) {figure['detail']}")


def cold_provisioning() -> float:
    """Engine and stand-ins from nothing: stop the gate's engine, drop images and caches, provision."""
    from checks.services import engine, standins

    if engine.reachable() and not (engine.STATE / "dockerd.pid").exists():
        raise SystemExit("(e) needs an engine the gate started itself; this one was already running")
    engine.release()
    for path in (engine.REGISTRY_DATA, standins.CACHE):
        shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    engine.ensure.cache_clear()
    reason = engine.ensure()
    elapsed = time.perf_counter() - started
    engine.release()
    if reason:
        raise SystemExit(f"cold provisioning failed: {reason}")
    return elapsed


if __name__ == "__main__":
    try:
        main()
    finally:
        from checks.services import engine

        engine.release()  # the last user of an engine the gate started stops it
