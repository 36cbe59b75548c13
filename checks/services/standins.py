"""Hermetic stand-ins for the Docker Hub images the pages use, built from Debian packages.

Used only where Docker Hub is unreachable. Each image is built once, pushed to the
local registry (dockerd's mirror) as `library/<name>:<tag>` and then removed from the
engine, so a page's `docker image pull alpine` is a real pull. Later runs find the
images in the registry and build nothing.

Every tag is its own image, as upstream: `alpine:3.23` and `alpine:latest` differ (in
/etc/os-release and in their labels), so nothing a page shows depends on two tags
sharing an image ID. Each image carries the label `dsp.standin=<name>:<tag>` and the
stand-in generation (STANDIN_VERSION); an image of an older generation is rebuilt.

* alpine, busybox: Debian's busybox with the glibc it links against, every applet
  linked, laid out like Alpine's root (the pages show `ls -l` of it);
* ubuntu: `debootstrap --variant=minbase bookworm` (bash, apt);
* nginx: ubuntu plus Debian's nginx, configured like the official image;
* registry: busybox plus Debian's docker-registry (Distribution 2.8, the program of the
  official image; registry:3 runs Distribution 3, whose API and environment settings the page
  uses unchanged), with the official image's config, entrypoint, port and volume;
* httpd: busybox plus Apache's `htpasswd` on the official image's PATH (its server is
  busybox httpd), which is what pages use the image for.

The Dockerfiles and the files they copy are in standins/ (NAME.Dockerfile, built with the
base image as build argument BASE), linted by tests/harness/test_standin_files.py.
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import docker

from checks.services.dockerd import REGISTRY_ADDR
from checks.services.standin_builders import BUILDERS, NODE_MAJOR, ROOTFS, build_from_rootfs

# Raised whenever what a stand-in holds changes, so registries filled earlier are refilled.
STANDIN_VERSION = "5"

# name -> (builder, tags). Every tag a page uses must be listed: others still fail offline.
IMAGES: dict[str, tuple[str, list[str]]] = {
    "busybox": ("busybox", ["latest"]),
    "alpine": ("busybox", ["latest", "3.23"]),
    "ubuntu": ("debootstrap", ["latest", "24.04"]),
    "nginx": ("nginx", ["latest", "1.28"]),
    "registry": ("registry", ["3"]),
    "httpd": ("httpd", ["2"]),
    "node": ("node", [f"{NODE_MAJOR}-bookworm-slim"]),
}


# The upstream images' /etc/os-release, field for field as they print it, for what pages
# show of it. A tag whose upstream release moves (latest) names no point release.
UBUNTU_RELEASE = """\
PRETTY_NAME="Ubuntu {pretty}"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
UBUNTU_CODENAME=noble
"""
ALPINE_RELEASE = """\
NAME="Alpine Linux"
ID=alpine
VERSION_ID={version}
PRETTY_NAME="Alpine Linux {pretty}"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
"""
OS_RELEASE: dict[tuple[str, str], str] = {
    ("alpine", "3.23"): ALPINE_RELEASE.format(version="3.23.0", pretty="v3.23"),
    ("alpine", "latest"): ALPINE_RELEASE.format(version="edge", pretty="(stand-in for alpine:latest)"),
    ("ubuntu", "24.04"): UBUNTU_RELEASE.format(pretty="24.04 LTS"),
    ("ubuntu", "latest"): UBUNTU_RELEASE.format(pretty="LTS (stand-in for ubuntu:latest)"),
}


# The default command of the upstream images made from one root file system.
UPSTREAM_CMD: dict[str, list[str]] = {"alpine": ["/bin/sh"], "busybox": ["sh"], "ubuntu": ["/bin/bash"]}


def os_release(name: str, tag: str) -> str | None:
    return OS_RELEASE.get((name, tag))


def identity(name: str, tag: str) -> dict[str, str]:
    """The labels that make each stand-in tag its own image, and say what it stands for."""
    return {"dsp.standin": f"{name}:{tag}", "dsp.standin.version": STANDIN_VERSION}


def in_registry(name: str, tag: str) -> bool:
    """Whether the registry holds this tag's stand-in, of the current generation."""
    try:
        manifest = _registry_json(
            f"library/{name}/manifests/{tag}", "application/vnd.docker.distribution.manifest.v2+json"
        )
        config = _registry_json(f"library/{name}/blobs/{manifest['config']['digest']}")
    except (OSError, ValueError, KeyError):
        return False
    labels = (config.get("config") or {}).get("Labels") or {}
    return all(labels.get(key) == value for key, value in identity(name, tag).items())


def _registry_json(path: str, accept: str = "application/json") -> dict:
    request = urllib.request.Request(f"http://{REGISTRY_ADDR}/v2/{path}", headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def ensure(api: docker.DockerClient, log: Callable[[str], None]) -> None:
    missing = [(n, t) for n, (_, tags) in IMAGES.items() for t in tags if not in_registry(n, t)]
    if not missing:
        return
    log(f"building stand-in images {', '.join(f'{n}:{t}' for n, t in missing)} (once; reused later)")
    built: dict[str, str] = {}
    for name, tag in missing:
        builder = IMAGES[name][0]
        if builder not in built:
            started = time.monotonic()
            built[builder] = BUILDERS[builder](api, built, log)
            log(f"  {builder} image built in {time.monotonic() - started:.0f} s")
        _push(api, _own_image(api, built, name, tag), name, tag, log)
    for image in sorted(set(built.values()), reverse=True):
        api.images.remove(image, force=True)


def _own_image(api: docker.DockerClient, built: dict[str, str], name: str, tag: str) -> str:
    """The builder's image made this tag's own: its os-release (in the same single layer
    where the upstream image has one) and its identity labels."""
    builder = IMAGES[name][0]
    release = os_release(name, tag)
    source = built[builder]
    if builder in ROOTFS:
        rootfs, cmd = ROOTFS[builder]
        with tempfile.TemporaryDirectory() as scratch:
            tar = Path(scratch, "rootfs.tar")
            shutil.copy(rootfs, tar)
            if release is not None:
                _replace_in_tar(tar, "usr/lib/os-release", release)
            source = build_from_rootfs(api, tar, UPSTREAM_CMD.get(name, cmd), f"dsp-standin/{name}:{tag}-rootfs")
        built[f"{name}:{tag} rootfs"] = source
    elif release is not None:
        raise RuntimeError(f"stand-in {name}:{tag}: an os-release needs a root file system builder")
    own = f"dsp-standin/{name}:{tag}"
    _load_labelled(api, source, identity(name, tag), own)
    built[f"{name}:{tag}"] = own
    return own


def _load_labelled(api: docker.DockerClient, source: str, labels: dict[str, str], tag: str) -> None:
    """Load a copy of `source` whose config carries `labels`. A Dockerfile LABEL would add a
    history entry that the upstream image does not have (pages show `docker history`)."""
    saved = io.BytesIO(b"".join(api.images.get(source).save(named=False)))
    copy = io.BytesIO()
    with tarfile.open(fileobj=saved) as original, tarfile.open(fileobj=copy, mode="w") as changed:
        manifest = json.load(original.extractfile("manifest.json"))
        config = json.load(original.extractfile(manifest[0]["Config"]))
        config["config"]["Labels"] = {**(config["config"].get("Labels") or {}), **labels}
        config_bytes = json.dumps(config).encode()
        manifest[0]["Config"] = "config.json"
        manifest[0]["RepoTags"] = [tag]
        for member in original.getmembers():
            if member.name not in ("manifest.json", "repositories") and not member.name.endswith(".json"):
                changed.addfile(member, original.extractfile(member) if member.isfile() else None)
        for member_name, data in (("config.json", config_bytes), ("manifest.json", json.dumps(manifest).encode())):
            info = tarfile.TarInfo(member_name)
            info.size = len(data)
            changed.addfile(info, io.BytesIO(data))
    api.images.load(copy.getvalue())


def _replace_in_tar(tar: Path, member: str, text: str) -> None:
    """Append `member` (a later entry wins when the layer is unpacked) and the
    /etc/os-release link to it, as on Debian, Ubuntu and Alpine."""
    data = text.encode()
    with tarfile.open(tar, "a") as archive:
        info = tarfile.TarInfo(f"./{member}")
        info.size, info.mode, info.mtime = len(data), 0o644, 0
        archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("./etc/os-release")
        link.type, link.linkname, link.mtime = tarfile.SYMTYPE, f"../{member}", 0
        archive.addfile(link)


def _push(api: docker.DockerClient, image_id: str, name: str, tag: str, log) -> None:
    repository = f"{REGISTRY_ADDR}/library/{name}"
    api.images.get(image_id).tag(repository, tag)
    for line in api.images.push(repository, tag=tag, stream=True, decode=True):
        if "error" in line:
            raise RuntimeError(f"pushing stand-in {name}:{tag}: {line['error']}")
    api.images.remove(f"{repository}:{tag}")
    log(f"  pushed stand-in {name}:{tag}")
