"""Benchmarks of the doc-test gate, as ratios against baselines measured in the same run.

    .venv/bin/python bench/gate_bench.py            # (a)-(d)
    .venv/bin/python bench/gate_bench.py --cold     # also (e): provisioning from nothing
    .venv/bin/python bench/gate_bench.py --only-cold  # only (e); the others keep their values and dates
    .venv/bin/python bench/gate_bench.py --maintainer # only (f) and (g): whole gates, ~60 min on 2 cores
    .venv/bin/python bench/gate_bench.py --fresh      # only (h): a fresh clone's set-up plus gate

(f)-(h) time whole gates: run them on a quiet machine (nothing else using the cores or the
Docker Engine), or they measure the neighbours.

(a) the gate's shell steps vs a plain bash script running the same commands in sequence,
    with the same services ready (the floor); the floor's steps must exit as the gate
    expects them to, and any that did not are printed;
(b) a rerun with nothing changed vs the full run;
(c) a rerun after editing one snippet (seconds);
(d) `mkdocs build --strict` of the whole site (seconds);
(e) cold provisioning: engine and stand-in images from nothing (seconds; destroys the
    stand-in cache, which the next run rebuilds);
(f) the whole gate, warm (engine and images ready, nothing reused: --no-cache), as `./gate`
    runs it (parallel by default), in seconds; its detail gives its ratio to the sum of the
    shell steps' floor (as in (a)) and the tests run bare (serial pytest of tests/, no report);
(g) the speed-up of parallel over serial: the whole warm gate with `-n 0` over `-n auto`;
(h) a fresh machine: a clone of this checkout with no .venv, no stand-in images, no
    engine, running `./gate` (set-up, provisioning and the gate), in seconds.

Results go to bench/results.json; the Performance page shows them (dsp_markdown/pages.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gate_config import docker_engine, gate_config  # noqa: E402 - bench/, the script's own folder

from checks import model, paths, session  # noqa: E402
from checks.services import dockerd, standin_builders  # noqa: E402

SITE = paths.Site.at(ROOT)

PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "--junitxml=/dev/null"]
RESULTS = ROOT / "bench" / "results.json"
TARGETS = {"a": 1.15, "b": 0.05, "c": 10.0, "d": 5.0, "e": 300.0, "f": 360.0, "g": 1.6, "h": 600.0}
AT_LEAST = {"g"}  # a speed-up meets its target from above; every other figure from below
WHOLE_GATE = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "--junitxml=/dev/null", "--no-cache"]


def timed(command: list[str], **kwargs) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        kept = Path(tempfile.gettempdir(), f"gate-bench-failure-{int(time.time())}.log")
        kept.write_text(done.stdout + done.stderr)  # a whole gate's failures and diffs, not a tail
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
        raise SystemExit(f"benchmark command failed: {' '.join(command)} (its whole output: {kept})\n{tail}")
    return elapsed


def floor_page_script(page: session.PageSession) -> tuple[Path, dict[str, int]]:
    """A plain bash script running a page's shell steps in sequence, and the exit code each should have.

    The page gets what the gate gives it (work directory with fixtures, environment, moto
    reset, ECR stand-in), set up before the clock starts; then one bash sources each step the
    gate would run, with its hidden assertion, and records its exit code. A step typed at a
    terminal runs under `script`, its input typed ahead.
    """
    lines = ["set -a -o pipefail", f"codes={page.state_dir / 'floor.codes'}"]
    wanted: dict[str, int] = {}
    for step in page.steps:
        meta = page.meta.step(step.name)
        if not meta.run:
            continue
        requires = page.requirements.of(step, meta.requires)
        if page.requirements.missing(requires):
            if not meta.otherwise:
                continue
            step = (page.page_dir / meta.otherwise).resolve()
            meta = page.meta.step(step.name)
            requires = page.requirements.of(step, meta.requires)
        page.hook.pytest_dsp_before_step(session=page, requires=requires)
        printed = '"$DSP_STEP_OUTPUT"'
        if meta.tty:
            command = shlex.quote(f"bash --noprofile --norc -c 'builtin source {step}'")
            lines.append(f"script -qec {command} /dev/null <<< {shlex.quote(meta.input or '')} > {printed} 2>&1")
        else:
            stdin = f"<<< {shlex.quote(meta.input)}" if meta.input else "< /dev/null"
            lines.append(f"builtin source {step} {stdin} > {printed} 2>&1")
        lines.append(f'echo "{step.name} $?" >> "$codes"')
        wanted[step.name] = meta.exit_code
        check = model.assertion_of(step)
        if check:
            lines.append(f"( builtin source {check} ) > /dev/null 2>&1 || echo '{check.name} 1' >> \"$codes\"")
    script = page.state_dir / "floor.sh"
    script.write_text("\n".join(lines) + "\n")
    page.env["DSP_STEP_OUTPUT"] = str(page.state_dir / "step.output")
    return script, wanted


def floor(config: pytest.Config, pages: str) -> tuple[float, list[str]]:
    """Seconds plain bash takes to run the gate's shell steps page by page (the floor), and
    the steps whose exit code differed from the gate's expectation (the floor is only fair if
    it did the same work)."""
    total, unfaithful = 0.0, []
    for page_dir in sorted({p.parent.resolve() for p in (ROOT / pages).rglob("*.sh")}):
        page = session.PageSession(page_dir, config)
        try:
            script, wanted = floor_page_script(page)
            started = time.perf_counter()
            subprocess.run(
                ["bash", "--noprofile", "--norc", str(script)],
                cwd=page.workdir,
                env=page.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            total += time.perf_counter() - started
            codes = page.state_dir / "floor.codes"
            for line in codes.read_text().splitlines() if codes.exists() else []:
                name, code = line.rsplit(" ", 1)
                if int(code) != wanted.get(name, 0):
                    unfaithful.append(f"{SITE.relative(page_dir)}/{name} exited {code}")
        finally:
            page.close()
    return total, unfaithful


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cold", action="store_true", help="also measure cold provisioning (e)")
    parser.add_argument("--pages", default="snippets", help="which snippets to run (default: all)")
    parser.add_argument("--only-cold", action="store_true", help="measure only (e), keeping the other figures")
    parser.add_argument("--maintainer", action="store_true", help="measure only (f) and (g): whole gates")
    parser.add_argument(
        "--store-durations",
        action="store_true",
        help="with --maintainer: the serial gate records .test_durations (for scheduling and shards)",
    )
    parser.add_argument("--fresh", action="store_true", help="measure only (h): a fresh clone's set-up plus gate")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    figures: dict[str, dict] = {}
    if args.maintainer:
        write(maintainer_figures(env, args.store_durations))
        return
    if args.fresh:
        figures["h"] = {"what": "fresh machine: set-up plus gate (s)", "value": fresh_machine(), "detail": "./gate"}
        write(figures)
        return
    if args.only_cold:
        figures["e"] = {"what": "cold provisioning (s)", "value": cold_provisioning(), "detail": "engine + stand-ins"}
        write(figures)
        return

    shell_only = [*PYTEST, "-k", "shell", args.pages]
    with gate_config() as config:
        reason = docker_engine(config).ensure()  # engine and stand-ins ready: (a) compares execution only
        if reason:
            raise SystemExit(reason)
        plain, unfaithful = floor(config, args.pages)
        if unfaithful:
            print("the plain bash floor did not do the gate's work for:\n  " + "\n  ".join(unfaithful))
        full = timed([*shell_only, "--no-cache"], env=env)
    figures["a"] = {
        "what": "full gate (shell steps) / plain bash",
        "value": full / plain,
        "detail": f"{full:.1f} s vs {plain:.1f} s"
        + (f"; {len(unfaithful)} steps of the floor failed" if unfaithful else ""),
    }

    rerun = timed(shell_only, env=env)
    figures["b"] = {
        "what": "no-change rerun / full run",
        "value": rerun / full,
        "detail": f"{rerun:.1f} s vs {full:.1f} s",
    }

    edited = SITE.snippets / "containers" / "hello" / "08-rm.sh"
    original = edited.read_text()
    try:
        edited.write_text(original + "# edited by the benchmark\n")
        one = timed(shell_only, env=env)
    finally:
        edited.write_text(original)
    timed(shell_only, env=env)  # back to the committed text's results
    figures["c"] = {"what": "rerun after editing one snippet (s)", "value": one, "detail": SITE.relative(edited)}

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
    """Record this run's figures; figures it did not measure keep their earlier value and date."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    previous = json.loads(RESULTS.read_text()).get("figures", {}) if RESULTS.exists() else {}
    for key, figure in figures.items():
        met = figure["value"] >= TARGETS[key] if key in AT_LEAST else figure["value"] <= TARGETS[key]
        figure.update(target=TARGETS[key], met=met, measured=now)
    merged = {key: figures.get(key) or previous[key] for key in TARGETS if key in figures or key in previous}
    document = {
        "date": now,
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
        "figures": merged,
    }
    RESULTS.write_text(json.dumps(document, indent=2) + "\n")
    for key, figure in merged.items():
        mark = "ok " if figure["met"] else "MISS"
        when = "" if key in figures else f" [measured {figure.get('measured', 'earlier')}]"
        value = f"{figure['value']:.3f} (target {figure['target']})"
        print(f"({key}) {mark} {figure['what']}: {value} {figure['detail']}{when}")


def maintainer_figures(env: dict[str, str], store_durations: bool = False) -> dict[str, dict]:
    """(f) and (g): what a maintainer waits for, the whole gate, warm, parallel and serial."""
    with gate_config() as config:
        reason = docker_engine(config).ensure()  # warm: the engine and stand-ins are ready before any clock
        if reason:
            raise SystemExit(reason)
        timed([*WHOLE_GATE, "-n", "auto"], env=env)  # once unmeasured: images pulled, page caches warm
        parallel = timed([*WHOLE_GATE, "-n", "auto"], env=env)
        recording = ["--store-durations", "--clean-durations"] if store_durations else []
        serial = timed([*WHOLE_GATE, "-n", "0", *recording], env=env)
        plain, unfaithful = floor(config, "snippets")
    bare = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=/dev/null", "tests"])
    baseline = plain + bare
    return {
        "f": {
            "what": "whole gate, warm (s)",
            "value": parallel,
            "detail": f"{parallel / baseline:.2f}x the floor: shell steps in plain bash {plain:.0f} s"
            f" + tests run bare {bare:.0f} s"
            + (f"; {len(unfaithful)} steps of the floor failed" if unfaithful else ""),
        },
        "g": {
            "what": "parallel over serial speed-up",
            "value": serial / parallel,
            "detail": f"-n 0 {serial:.0f} s vs -n auto {parallel:.0f} s on {os.cpu_count()} cores",
        },
    }


def fresh_machine() -> float:
    """(h): a clone with nothing installed, on an engine with no stand-ins, running ./gate."""
    without_provisioning("(h)")
    clone = Path(tempfile.mkdtemp(prefix="dsp-fresh-"))
    try:
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone / "site")], check=True)
        started = time.perf_counter()
        done = subprocess.run([str(clone / "site" / "gate")], cwd=clone / "site", capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(clone, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit("(h) the fresh gate failed:\n" + "\n".join(done.stdout.splitlines()[-15:]))
    return elapsed


def cold_provisioning() -> float:
    """Engine and stand-ins from nothing: stop the gate's engine, drop images and caches, provision."""
    without_provisioning("(e)")
    with gate_config() as config:
        started = time.perf_counter()
        reason = docker_engine(config).ensure()
        elapsed = time.perf_counter() - started
    if reason:
        raise SystemExit(f"cold provisioning failed: {reason}")
    return elapsed


def without_provisioning(figure: str) -> None:
    """Stop the engine the gate started, and remove the registry's images and the stand-ins' cache."""
    with gate_config() as config:
        host = docker_engine(config).host
        if dockerd.reachable() and not host.started_pid("dockerd"):
            raise SystemExit(f"{figure} needs an engine the gate started itself; this one was already running")
    if dockerd.reachable():  # leaving it stopped the engine unless another gate process still uses it
        raise SystemExit(f"{figure} needs the engine to itself: other gate processes are using it")
    for path in (host.registry_data, standin_builders.CACHE):
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main()
