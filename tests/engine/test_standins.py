"""What the stand-in images promise: each behaves, for what the pages show, like the
Docker Hub image it replaces (issue 13: an output a page shows from a stand-in is also
right for the real image)."""

from __future__ import annotations

import pytest

from checks.services import dockerd, standins

TAGS = [(name, tag) for name, (_, tags) in standins.IMAGES.items() for tag in tags]
# The upstream images' defaults that pages rely on: command, user, and a shell.
UPSTREAM = {
    "alpine": {"Cmd": ["/bin/sh"], "shell": "/bin/sh"},
    "busybox": {"Cmd": ["sh"], "shell": "/bin/sh"},
    "ubuntu": {"Cmd": ["/bin/bash"], "shell": "/bin/bash"},
    "nginx": {"Cmd": ["nginx", "-g", "daemon off;"], "shell": "/bin/sh"},
    "node": {"Cmd": ["node"], "shell": "/bin/sh"},
}


@pytest.fixture(scope="module")
def pulled(docker_engine):
    if dockerd.image_source() != "stand-ins":
        pytest.skip("this engine pulls the real images: there are no stand-ins to check")
    # Pulled images stay: pages running beside this test (xdist) may be using them, and an
    # engine with stand-ins is the gate's own, whose data root goes when it stops.
    return {(name, tag): docker_engine.images.pull(name, tag=tag) for name, tag in TAGS}


def test_every_tag_is_its_own_image(pulled):
    ids = {key: image.id for key, image in pulled.items()}
    shared = {image_id: [f"{n}:{t}" for (n, t), i in ids.items() if i == image_id] for image_id in ids.values()}
    assert all(len(tags) == 1 for tags in shared.values()), shared


@pytest.mark.parametrize(("name", "tag"), TAGS, ids=[f"{n}:{t}" for n, t in TAGS])
def test_each_stand_in_says_what_it_stands_for(pulled, name, tag):
    labels = pulled[name, tag].attrs["Config"].get("Labels") or {}
    assert labels.get("dsp.standin") == f"{name}:{tag}"
    assert labels.get("dsp.standin.version") == standins.STANDIN_VERSION


@pytest.mark.parametrize(("name", "tag"), TAGS, ids=[f"{n}:{t}" for n, t in TAGS])
def test_default_command_and_user_are_the_upstream_ones(pulled, name, tag):
    config = pulled[name, tag].attrs["Config"]
    if name in UPSTREAM:
        assert config["Cmd"] == UPSTREAM[name]["Cmd"]
    assert config.get("User", "") in ("", "root")


@pytest.mark.parametrize(("name", "tag"), sorted(standins.OS_RELEASE), ids=[f"{n}:{t}" for n, t in sorted(standins.OS_RELEASE)])
def test_os_release_reads_like_upstream(docker_engine, pulled, name, tag):
    printed = docker_engine.containers.run(f"{name}:{tag}", ["cat", "/etc/os-release"], remove=True).decode()
    assert printed == standins.os_release(name, tag)
    fields = dict(line.split("=", 1) for line in printed.splitlines())
    assert fields["ID"] == ("alpine" if name == "alpine" else "ubuntu")


@pytest.mark.parametrize("name", sorted(UPSTREAM))
def test_the_shell_pages_use_is_there(docker_engine, pulled, name):
    tag = standins.IMAGES[name][1][0]
    shell = UPSTREAM[name]["shell"]
    printed = docker_engine.containers.run(f"{name}:{tag}", [shell, "-c", "echo $0; id -u"], remove=True).decode()
    assert printed.split() == [shell, "0"]


def test_single_layer_images_have_one_layer_as_upstream(pulled):
    for name in ("alpine", "busybox", "ubuntu"):
        for tag in standins.IMAGES[name][1]:
            assert len(pulled[name, tag].attrs["RootFS"]["Layers"]) == 1, f"{name}:{tag}"


def test_node_image_has_the_node_user(docker_engine, pulled):
    (tag,) = standins.IMAGES["node"][1]
    printed = docker_engine.containers.run(f"node:{tag}", ["id", "node"], remove=True).decode()
    assert printed.startswith("uid=1000(node) gid=1000(node)")
