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


def test_arrays_multiline_values_attributes_functions_and_directory_are_carried(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    first = (
        'LIST=(one "two words")\ndeclare -A MAP=([key]="a value")\ndeclare -i COUNT=41\n'
        "TEXT=$'line 1\\nline 2'\ngreet() { echo \"hello $1\"; }\ncd sub\n"
    )
    assert run(tmp_path, first).exit_code == 0
    later = run(tmp_path, 'COUNT+=1\necho "${LIST[1]}|${MAP[key]}|$COUNT|$TEXT|$(greet you)|${PWD##*/}"\n')
    assert later.output == "two words|a value|42|line 1\nline 2|hello you|sub\n"


def test_readonly_variables_do_not_break_the_next_step(tmp_path: Path):
    assert run(tmp_path, "readonly FIXED=1\nOTHER=2\n").exit_code == 0
    later = run(tmp_path, 'echo "${FIXED-unset} $OTHER"\n')
    assert later.exit_code == 0 and later.output == "unset 2\n"
