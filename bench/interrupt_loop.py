"""Interrupt the gate at random points, 20 times, and prove nothing is left behind.

    .venv/bin/python bench/interrupt_loop.py [--runs 20] [--page snippets/containers/hello]

Each run gets its own run id, is sent SIGINT (Ctrl-C) after a random delay, and must end
within a bound; then no container, network or volume labelled with its id may remain.
A last run, not interrupted, must pass. The loop is bounded and stops by itself.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import docker

ROOT = Path(__file__).resolve().parents[1]


def labelled(api: docker.DockerClient, run_id: str) -> list[str]:
    filters = {"label": f"dsp.run={run_id}"}
    return (
        [f"container {c.name}" for c in api.containers.list(all=True, filters=filters)]
        + [f"network {n.name}" for n in api.networks.list(filters=filters)]
        + [f"volume {v.name}" for v in api.volumes.list(filters=filters)]
    )


def gate(page: str, run_id: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "--no-cache", "--junitxml=/dev/null", page],
        cwd=ROOT,
        env={**os.environ, "DSP_RUN_ID": run_id, "DSP_REPORT_DIR": "/tmp/dsp-interrupt-reports"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def interrupted_runs(args: argparse.Namespace, rng: random.Random) -> list[str]:
    """What went wrong in the interrupted runs and the last, uninterrupted one."""
    api = docker.from_env()
    failures = []
    for number in range(1, args.runs + 1):
        run_id = f"interrupt-{uuid.uuid4().hex[:8]}"
        delay = rng.uniform(0.3, args.max_delay)
        process = gate(args.page, run_id)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            failures.append(f"run {number}: did not stop within 120 s of Ctrl-C")
            continue
        left = labelled(api, run_id)
        status = "clean" if not left else f"LEFT {left}"
        print(f"run {number:2d}: Ctrl-C after {delay:4.1f} s, exit {process.returncode}, {status}", flush=True)
        if left:
            failures.append(f"run {number}: {left}")
    final = gate(args.page, f"interrupt-final-{uuid.uuid4().hex[:8]}")
    output, _ = final.communicate(timeout=600)
    print(f"final run: exit {final.returncode}")
    if final.returncode != 0:
        failures.append("the run after the interrupted ones failed:\n" + output[-2000:])
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--page", default="snippets/containers/hello")
    parser.add_argument("--max-delay", type=float, default=8.0, help="latest interrupt, in seconds")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    from gate_config import gate_config  # bench/, the script's own folder

    with gate_config() as config:  # and stay a user of the engine, so the runs share one
        reason = config.pluginmanager.get_plugin("dsp-engine").ensure()
        if reason:
            print(reason)
            return 1
        failures = interrupted_runs(args, rng)
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
