"""Pid files of the processes the gate starts (engine, policy plugin, registries) and of the
gate processes using them: a pid names its process only while that process runs.

pid_max is 32768 on the gate's machines and their state outlives a reboot, so a recorded pid
can later be another process: it must be neither waited for as the engine nor stopped.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from checks.services import dockerd
from checks.waiting import wait_until


def test_a_pid_file_names_its_process_while_it_runs(tmp_path):
    recorded = tmp_path / "dockerd.pid"
    dockerd.write_pid_file(recorded, os.getpid())
    assert dockerd.pid_in(recorded) == os.getpid()


def test_a_pid_now_held_by_another_process_names_nothing(tmp_path):
    recorded = tmp_path / "dockerd.pid"
    recorded.write_text(f"{os.getpid()} {int(dockerd.started_at(os.getpid())) - 1}\n")  # another start
    assert dockerd.pid_in(recorded) is None


def test_an_ended_process_an_older_file_or_no_file_names_nothing(tmp_path):
    ended = subprocess.Popen(["true"])
    ended.wait()
    dockerd.write_pid_file(tmp_path / "ended.pid", ended.pid)
    (tmp_path / "older.pid").write_text(f"{os.getpid()}\n")  # a pid alone: whose it is cannot be told
    for name in ("ended.pid", "older.pid", "absent.pid"):
        assert dockerd.pid_in(tmp_path / name) is None, name


def test_only_running_users_count_and_the_others_are_removed(tmp_path):
    users = tmp_path / "users"
    users.mkdir()
    dockerd.write_pid_file(users / str(os.getpid()), os.getpid())
    # pid 1 with another start: a user file of a gate that ran before a reboot
    (users / "1").write_text(f"1 {int(dockerd.started_at(1)) + 1}\n")
    assert dockerd.live_users(users) == [os.getpid()]
    assert sorted(path.name for path in users.iterdir()) == [str(os.getpid())]


def test_an_exited_process_its_parent_has_not_reaped_is_not_alive():
    # Started by a shell that never waits: when it exits it stays a zombie of that shell.
    parent = subprocess.Popen(["bash", "-c", "sleep 0.1 & echo $!; exec sleep 30"], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        wait_until(lambda: not dockerd.alive(child), "the unreaped child counted as ended", 10)
        assert Path(f"/proc/{child}/stat").exists()  # still there, as a zombie
    finally:
        parent.kill()
        parent.wait()
