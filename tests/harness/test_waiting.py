"""wait_until (the harness) and `eventually` (hidden assertions) wait for something to happen."""

import itertools
import subprocess

import pytest

from checks.services.session_environment import SHIMS
from checks.waiting import wait_until


def test_wait_until_returns_the_first_truthy_value():
    answers = iter([None, "", "ready"])
    assert wait_until(lambda: next(answers), "the answer", 5, interval=0) == "ready"


def test_wait_until_names_what_did_not_happen():
    tries = itertools.count()
    with pytest.raises(TimeoutError, match=r"^the registry listening did not happen within 0.3 s$"):
        wait_until(lambda: next(tries) < 0, "the registry listening", 0.3, interval=0.05)


def eventually(tmp_path, *command):
    return subprocess.run([SHIMS / "eventually", *command], cwd=tmp_path, capture_output=True, text=True)


def test_eventually_retries_until_the_command_succeeds(tmp_path):
    done = eventually(tmp_path, "10", "bash", "-c", "echo try >> tries; (( $(wc -l < tries) == 3 )) && echo up")
    assert (done.returncode, done.stdout) == (0, "up\n")
    assert (tmp_path / "tries").read_text() == "try\n" * 3


def test_eventually_fails_with_the_last_output(tmp_path):
    done = eventually(tmp_path, "1", "bash", "-c", "echo connection refused; exit 7")
    assert done.returncode == 1
    assert done.stderr == "connection refused\neventually: `bash -c echo connection refused; exit 7` did not succeed within 1 s\n"
