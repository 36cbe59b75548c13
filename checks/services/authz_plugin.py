"""The gate's Docker authorization plugin: dockerd asks it before every API call (policy.py decides).

Docker's AuthZ plugin protocol, as HTTP over a unix socket in /run/docker/plugins, where
dockerd started with `--authorization-plugin dsp-policy` finds it:

* POST /Plugin.Activate answers {"Implements": ["authz"]};
* POST /AuthZPlugin.AuthZReq gets the API request (method, URI, base64 body) and answers
  {"Allow": true} or {"Allow": false, "Msg": reason}, which the client prints as
  "authorization denied by plugin dsp-policy: <reason>";
* POST /AuthZPlugin.AuthZRes gets the response as well, and is always allowed.

Every call gets an answer: an error while deciding denies the request with the error, and
one thread per connection keeps a slow client from holding up the others.

    python -m checks.services.authz_plugin --socket /run/docker/plugins/dsp-policy.sock
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import re
import signal
import socket
import socketserver
import sys
import traceback
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from checks.services import policy

NAME = policy.PLUGIN_NAME
SOCKET = Path("/run/docker/plugins") / f"{NAME}.sock"
ENGINE = Path("/var/run/docker.sock")  # the engine the gate starts listens here
CONTENT_TYPE = "application/vnd.docker.plugins.v1+json"


def request_refusal(method: str, uri: str, body: bytes | None, network_of=lambda target: None) -> str | None:
    """Why the engine must refuse this API request (as dockerd shows it to its plugins), or None."""
    if method.upper() != "POST":
        return None
    parts = urlsplit(uri)
    path = re.sub("/+", "/", unquote(parts.path))  # as the engine's router sees it
    versioned = re.fullmatch(r"/v([0-9]+)\.([0-9]+)(/.*)", path)
    path = os.path.normpath(versioned.group(3) if versioned else path)
    old = versioned is not None and (int(versioned.group(1)), int(versioned.group(2))) < (1, 24)

    def parsed(rule) -> str | None:
        document = policy.load(body) if body else None
        if document is None:
            return policy.NO_BODY
        return rule(document) if isinstance(document, dict) else "a request body that is not a JSON object"

    if path == "/containers/create":
        return parsed(policy.create_refusal)
    if re.fullmatch(r"/containers/[^/]+/exec", path):
        return parsed(policy.exec_refusal)
    if re.fullmatch(r"/services/(create|[^/]+/update)", path):
        return parsed(lambda spec: policy.service_refusal(spec, network_of))
    if path == "/volumes/create":
        return parsed(lambda volume: policy.volume_refusal(volume.get("driver"), volume.get("driveropts")))
    if path == "/networks/create":
        return parsed(lambda network: policy.network_refusal(network.get("driver")))
    if path == "/build" and "host" in parse_qs(parts.query).get("networkmode", []):
        return "a build on the host's network (docker build --network host)"
    if re.fullmatch(r"/plugins/(pull|create|[^/]+/upgrade)", path):
        return "installing an engine plugin (plugins run with the engine's privileges)"
    if old and re.fullmatch(r"/containers/[^/]+/start", path):  # which may carry a HostConfig
        return "starting a container with a HostConfig (API versions before 1.24)"
    return None


def engine_network(target: str, engine: Path = ENGINE) -> dict | None:
    """The engine's inspection of a network (folded), asked while dockerd waits for our answer.

    The CLI names a service's networks by ID (even `--network host`), so the ID is resolved;
    the engine asks this plugin about that GET too, which another thread answers."""
    connection = _UnixConnection(engine, timeout=20)
    try:
        connection.request("GET", f"/networks/{quote(target, safe='')}")
        response = connection.getresponse()
        data = response.read()
    finally:
        connection.close()
    return policy.load(data) if response.status == 200 else None


def decide(request: dict) -> dict:
    """The answer to an AuthZReq (dockerd spells the fields RequestMethod, RequestUri, RequestBody)."""
    fields = {key.casefold(): value for key, value in request.items()}
    method, uri, body = (fields.get(f"request{name}") for name in ("method", "uri", "body"))
    body = base64.b64decode(body) if body else None
    reason = request_refusal(str(method or ""), str(uri or ""), body, engine_network)
    if reason is None:
        return {"Allow": True}
    log(f"refused {method} {uri}: {reason}")
    return {"Allow": False, "Msg": f"{policy.REFUSES} {reason}"}


def log(message: str) -> None:
    print(f"[{NAME}] {message}", file=sys.stderr, flush=True)


class Handler(BaseHTTPRequestHandler):
    # HTTP/1.0: one call per connection, so no idle connection is ever closed under dockerd.
    protocol_version = "HTTP/1.0"

    def do_POST(self) -> None:  # noqa: N802 - the name http.server dispatches to
        try:
            status, answer = self.answer()
        except Exception as error:
            log(f"error on {self.path}: {traceback.format_exc()}")
            status, answer = 200, {"Allow": False, "Msg": f"the gate's engine policy failed: {error!r}"}
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def answer(self) -> tuple[int, dict]:
        data = self.body()
        if self.path == "/Plugin.Activate":
            return 200, {"Implements": ["authz"]}
        if self.path == "/AuthZPlugin.AuthZReq":
            return 200, decide(json.loads(data))
        if self.path == "/AuthZPlugin.AuthZRes":
            return 200, {"Allow": True}
        return 404, {"Err": f"{NAME} has no {self.path}"}

    def body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        pass  # a unix socket has no client address to log (the default would raise)


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def serve(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    server = Server(str(path), Handler)
    mine = path.stat().st_ino
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    log(f"answering on {path}")
    try:
        server.serve_forever()
    finally:
        server.server_close()
        if path.exists() and path.stat().st_ino == mine:  # not a successor's socket
            path.unlink()


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: Path, timeout: float):
        super().__init__("localhost", timeout=timeout)
        self.socket_path = str(path)

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.socket_path)


def call(method: str, payload: dict | None = None, path: Path = SOCKET, timeout: float = 5) -> tuple[int, dict]:
    """Call the plugin as dockerd does: (HTTP status, answer)."""
    connection = _UnixConnection(path, timeout)
    try:
        connection.request("POST", method, body=json.dumps(payload or {}), headers={"Content-Type": CONTENT_TYPE})
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        connection.close()


def ready(path: Path = SOCKET) -> bool:
    try:
        return call("/Plugin.Activate", path=path, timeout=1) == (200, {"Implements": ["authz"]})
    except (OSError, ValueError):
        return False


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket", type=Path, default=SOCKET)
    serve(parser.parse_args(argv).socket)


if __name__ == "__main__":
    main()
