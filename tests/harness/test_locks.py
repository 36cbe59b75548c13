"""Pages that name the same host port, container name or the swarm never run at once."""

import subprocess
import sys
import time

from filelock import FileLock

from checks.services import locks


def test_resources_are_found_in_docker_commands():
    text = (
        "docker container run --detach --publish 8080:80 --name web1 nginx\n"
        "docker run -d -p 127.0.0.1:5043:5000 registry:2\n"
        "docker swarm init --advertise-addr 127.0.0.1\n"
        "aws elbv2 create-load-balancer --name mysfits-nlb\n"
    )
    assert locks.resources_of([text]) == ["name-web1", "port-5043", "port-8080", "swarm"]


def test_a_held_resource_makes_the_second_page_wait(tmp_path):
    step = tmp_path / "01.sh"
    step.write_text("docker run -p 8080:80 nginx\n")
    first = locks.acquire([step], tmp_path, must_not_give_up, wait=1.0)
    messages = []
    second = locks.acquire([step], tmp_path, messages.append, wait=1.0)
    assert messages == ["gave up waiting for port-8080 after 1 s; going on without it"]
    locks.release(first + second)
    FileLock(tmp_path / "port-8080").acquire(timeout=0)  # free again


HOLDER = """
import sys, time
from filelock import FileLock
with FileLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_in_another_process(path, seconds):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline() == "held\n"
    return holder


def test_a_page_in_another_process_waits_until_the_resource_is_released(tmp_path):
    step = tmp_path / "01.sh"
    step.write_text("docker swarm init\n")
    holder = hold_in_another_process(tmp_path / "swarm", 1.5)
    started = time.monotonic()
    held = locks.acquire([step], tmp_path, must_not_give_up)
    waited = time.monotonic() - started
    locks.release(held)
    holder.wait()
    assert len(held) == 1 and waited > 0.5


def test_a_page_in_another_process_times_out_naming_the_resource(tmp_path):
    step = tmp_path / "01.sh"
    step.write_text("docker run --name web1 nginx\n")
    holder = hold_in_another_process(tmp_path / "name-web1", 3)
    messages = []
    assert locks.acquire([step], tmp_path, messages.append, wait=0.5) == []
    holder.kill()
    assert messages == ["gave up waiting for name-web1 after 0.5 s; going on without it"]


def must_not_give_up(message):
    raise AssertionError(message)
