"""Lambda runtimes for moto, so a page's `aws lambda invoke` really runs its function.

moto runs each invocation as `docker run IMAGE:<runtime> HANDLER EVENT` (docker-lambda's
protocol: the result is the last line the container prints), with AWS_ENDPOINT_URL set to
http://host.docker.internal:MOTO_PORT so the function's SDK calls come back to moto. Here:

* one runtime image, built locally FROM the ubuntu image (the stand-in where Docker Hub is
  unreachable) with Debian's Python 3 and Node.js, the SDK for Python of the gate's own
  environment (Lambda's Python runtimes bundle boto3) and Pillow (standing in for the layer
  a reader adds), tagged once per runtime name pages use; moto finds it through
  MOTO_DOCKER_LAMBDA_IMAGE. Files: standins/lambda/. It stays in the engine, labelled with
  what it was built from, and is rebuilt when that changes. Built, it is also pushed to the
  local registry under that fingerprint, so a fresh engine (a removed /var/lib/docker) pulls
  it in seconds instead of building it again, as the stand-ins are;
* a relay from the engine's bridge gateway (what host.docker.internal resolves to) to moto,
  which listens on loopback only: the functions reach moto, nothing else reaches it.

A step that invokes a function declares `requires: [lambda]` in `_page.yml`; one whose own
containers call moto declares `requires: [moto-bridge]` and finds moto at $DSP_MOTO_BRIDGE_URL.
"""

from __future__ import annotations

import hashlib
import importlib
import ipaddress
import shutil
import socket
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

from checks.services import progress, session_environment
from checks.services.dockerd import REGISTRY_ADDR

IMAGE = "dsp-lambda-runtime"
RUNTIMES = [f"python3.{minor}" for minor in range(9, 14)] + [f"nodejs{major}.x" for major in (18, 20, 22, 24)]
BASE = "ubuntu:24.04"
FILES = Path(__file__).parent / "standins" / "lambda"
SDK = ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3", "six")
LABEL = "dsp.lambda-runtime"
REGISTRY_COPY = f"{REGISTRY_ADDR}/dsp/lambda-runtime"  # tagged with the fingerprint
# A step's containers (a hidden check's, say) reach moto at $DSP_MOTO_BRIDGE_URL when it requires this.
BRIDGE = "moto-bridge"
BRIDGE_VARIABLE = "DSP_MOTO_BRIDGE_URL"


def moto_environment(port: int) -> dict[str, str]:
    """What the moto server needs to run functions: the image and the port to hand them."""
    return {"MOTO_DOCKER_LAMBDA_IMAGE": IMAGE, "MOTO_PORT": str(port)}


def _sdk_sources() -> list[Path]:
    return [Path(importlib.import_module(name).__file__).parent for name in SDK[:-1]] + [
        Path(importlib.import_module("six").__file__)
    ]


def fingerprint() -> str:
    """What the image is built from: its files, its base and the SDK's versions."""
    from importlib.metadata import version

    digest = hashlib.sha256(BASE.encode())
    for path in sorted(FILES.iterdir()):
        digest.update(path.name.encode() + path.read_bytes())
    for name in ("boto3", "botocore", "s3transfer", "jmespath", "python-dateutil", "urllib3", "six"):
        digest.update(f"{name}={version(name)}".encode())
    return digest.hexdigest()[:16]


def ensure_images(api, log=lambda message: None) -> None:
    """The runtime image in this engine under every tag: kept, pulled from the local
    registry, or built (and pushed there), from the same files."""
    import docker.errors

    wanted = fingerprint()
    try:
        image = api.images.get(f"{IMAGE}:{RUNTIMES[-1]}")
        if image.labels.get(LABEL) == wanted and all(f"{IMAGE}:{r}" in image.tags for r in RUNTIMES):
            return
    except docker.errors.ImageNotFound:
        pass
    if not pulled(api, wanted):
        keep_in_registry(api, built(api, wanted, log), wanted, log)


def tag_for_every_runtime(image) -> None:
    for runtime in RUNTIMES:
        image.tag(IMAGE, runtime)


def pulled(api, wanted: str) -> bool:
    """Whether the local registry had the image of this fingerprint: it is then here under
    every runtime tag. False without a registry."""
    import docker.errors

    try:
        image = api.images.pull(REGISTRY_COPY, tag=wanted)
    except docker.errors.APIError:
        return False
    right = image.labels.get(LABEL) == wanted
    if right:
        tag_for_every_runtime(image)
    api.images.remove(f"{REGISTRY_COPY}:{wanted}")  # the runtime tags keep the image
    return right


def built(api, wanted: str, log):
    """The image built from its files and the gate's SDK, tagged for every runtime."""
    log("building the Lambda runtime image for moto (once: later engines pull it from the local registry)")
    with tempfile.TemporaryDirectory(prefix="dsp-lambda-runtime-") as context:
        for path in FILES.iterdir():
            shutil.copy(path, Path(context, path.name))
        for source in _sdk_sources():
            target = Path(context, "python", source.name)
            if source.is_dir():
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                target.parent.mkdir(exist_ok=True)
                shutil.copy(source, target)
        image, _ = api.images.build(
            path=context, buildargs={"BASE": BASE}, labels={LABEL: wanted}, rm=True, forcerm=True
        )
    tag_for_every_runtime(image)
    return image


def keep_in_registry(api, image, wanted: str, log) -> None:
    """Push a copy to the local registry. Best effort: without one (a runner that reaches
    Docker Hub), the next fresh engine builds the image again. The image must already carry
    its runtime tags: removing the copy's tag from an image with no other deletes it."""
    image.tag(REGISTRY_COPY, wanted)
    pushed = api.images.push(REGISTRY_COPY, tag=wanted, stream=True, decode=True)
    errors = [line["error"] for line in pushed if "error" in line]
    api.images.remove(f"{REGISTRY_COPY}:{wanted}")
    if errors:
        log(f"the Lambda runtime image was not kept in the local registry: {errors[0]}")


def bridge_gateway(api) -> str:
    """The engine's default bridge address: its gateway, else the first host of its subnet."""
    (config,) = api.networks.get("bridge").attrs["IPAM"]["Config"][:1]
    return config.get("Gateway") or str(next(ipaddress.ip_network(config["Subnet"]).hosts()))


def _pump(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class LambdaRuntimes:
    """The `lambda` requirement: moto's runtime image in the engine, and the relay to moto."""

    def __init__(self, config, engine, amazon) -> None:
        self.config = config
        self.engine = engine
        self.aws = amazon
        self._relays: dict[int, socket.socket] = {}

    def relay(self, host: str, port: int) -> None:
        """Forward host:port to moto on 127.0.0.1:port, for as long as the gate runs."""
        if port in self._relays:
            return
        server = socket.create_server((host, port), reuse_port=False)
        self._relays[port] = server

        def serve() -> None:
            while True:
                try:
                    client, _ = server.accept()
                except OSError:  # closed at the end of the run
                    return
                upstream = socket.create_connection(("127.0.0.1", port))
                for source, target in ((client, upstream), (upstream, client)):
                    threading.Thread(target=_pump, args=(source, target), daemon=True).start()

        threading.Thread(target=serve, name=f"lambda-relay-{port}", daemon=True).start()

    def bridge_url(self) -> str:
        """moto's address as containers on the default bridge reach it (through the relay)."""
        host, port = bridge_gateway(self.engine.client()), urlparse(self.aws.moto_endpoint()).port
        self.relay(host, port)
        return f"http://{host}:{port}"

    def bridge_available(self) -> str | None:
        missing = session_environment.requirements(self.config).missing(["docker", "aws"])
        if missing:
            return missing
        try:
            self.bridge_url()
        except Exception as error:
            failed = f"moto could not be reached from the engine's bridge: {error}"
            raise session_environment.SetUpFailed(failed) from error
        return None

    def runtimes_available(self) -> str | None:
        missing = self.bridge_available()
        if missing:
            return missing
        try:
            ensure_images(self.engine.client(), progress.logger(self.config, "lambda"))
        except Exception as error:
            failed = f"the Lambda runtime image for moto could not be made: {error}"
            raise session_environment.SetUpFailed(failed) from error
        return None

    # --- hooks (checks/hookspecs.py) ------------------------------------------------------------

    def pytest_dsp_capabilities(self):
        return {"lambda": self.runtimes_available, BRIDGE: self.bridge_available}

    def pytest_dsp_before_step(self, session, requires: list[str]) -> None:
        if BRIDGE in requires or "lambda" in requires:
            session.env[BRIDGE_VARIABLE] = self.bridge_url()

    def pytest_unconfigure(self, config) -> None:
        for server in self._relays.values():
            server.close()
