"""The shell state carried between steps never overrides what the gate puts in a step's environment."""

from __future__ import annotations

import os
from pathlib import Path

from checks.runners import shell


def run(tmp_path: Path, text: str, **env: str) -> shell.ShellResult:
    step = tmp_path / "step.sh"
    step.write_text(text)
    state = tmp_path / "state"
    state.mkdir(exist_ok=True)
    return shell.run_step(
        step, state_dir=state, workdir=tmp_path, env={"PATH": os.environ["PATH"], **env}, timeout=30
    )


def test_environment_of_a_later_step_wins_over_the_saved_state(tmp_path: Path):
    # e.g. AWS_ENDPOINT_URL: the sink for a step without AWS, moto for the next one.
    assert run(tmp_path, "echo first\n", ENDPOINT="sink").exit_code == 0
    later = run(tmp_path, 'echo "$ENDPOINT"\n', ENDPOINT="moto")
    assert later.output == "moto\n"


def test_variables_a_step_sets_or_changes_are_carried(tmp_path: Path):
    assert run(tmp_path, 'NAME=value\nexport CHANGED="by the step"\n', CHANGED="by the gate").exit_code == 0
    later = run(tmp_path, 'echo "$NAME / $CHANGED"\n', CHANGED="by the gate")
    assert later.output == "value / by the step\n"
