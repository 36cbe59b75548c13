"""Pages that name the same host port, container name or the swarm never run at once."""

import fcntl
import os

from checks.services import locks


def test_resources_are_found_in_docker_commands():
    text = (
        "docker container run --detach --publish 8080:80 --name web1 nginx\n"
        "docker run -d -p 127.0.0.1:5043:5000 registry:2\n"
        "docker swarm init --advertise-addr 127.0.0.1\n"
        "aws elbv2 create-load-balancer --name mysfits-nlb\n"
    )
    assert locks.resources_of([text]) == ["name-web1", "port-5043", "port-8080", "swarm"]


def test_a_held_resource_makes_the_second_page_wait(tmp_path, monkeypatch):
    monkeypatch.setattr(locks, "LOCKS", tmp_path)
    monkeypatch.setattr(locks, "WAIT", 1.0)
    step = tmp_path / "01.sh"
    step.write_text("docker run -p 8080:80 nginx\n")
    first = locks.acquire([step])
    messages = []
    second = locks.acquire([step], log=messages.append)
    assert messages == ["gave up waiting for port-8080 after 1 s; going on without it"]
    locks.release(first + second)
    handle = os.open(tmp_path / "port-8080", os.O_RDWR)
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again
    os.close(handle)
