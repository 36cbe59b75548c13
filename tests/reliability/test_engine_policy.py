"""The engine policy (checks/services/policy.py): what containers of checks may do, decided at the
engine's API. Where the gate starts the engine, its authorization plugin (authz_plugin.py) refuses
a forbidden request; on an engine it did not start, what a step created is inspected after it.

Fast tests of the rules and of the plugin's server come first; then every probe a review used to
get past the old argv checks runs as a page step through the gate on the real engine.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import docker.errors
import pytest

from checks.services import authz_plugin, policy
from checks.waiting import wait_until
from tests.conftest import REPO, write_site


@pytest.fixture(scope="module")
def session_dir():
    """A directory made as session.py makes a page session's."""
    root = Path(tempfile.mkdtemp(prefix="dsp-unit-page-"))
    for part in policy.SESSION_PARTS:
        (root / part).mkdir()
    yield root
    shutil.rmtree(root, ignore_errors=True)


def create(host_config: dict, **top) -> str | None:
    body = json.dumps({"Image": "alpine", "Labels": {"dsp.session": "s"}, "HostConfig": host_config, **top})
    return authz_plugin.request_refusal("POST", "/v1.41/containers/create?name=web", body.encode())


REFUSED_CONTAINERS = {
    "privileged": ({"Privileged": True}, "privileged container"),
    "cap-add": ({"CapAdd": ["CAP_SYS_ADMIN"]}, "added capabilities"),
    "network host": ({"NetworkMode": "host"}, "host's network namespace"),
    "pid host": ({"PidMode": "host"}, "host's pid namespace"),
    "ipc host": ({"IpcMode": "host"}, "host's ipc namespace"),
    "uts host": ({"UTSMode": "host"}, "host's uts namespace"),
    "bind /": ({"Binds": ["/:/host"]}, "bind mount (-v) of /, outside the page session"),
    "engine socket": ({"Binds": ["/var/run/docker.sock:/var/run/docker.sock"]}, "engine's socket"),
    "mount bind": ({"Mounts": [{"Type": "bind", "Source": "/etc", "Target": "/x"}]}, "of /etc, outside"),
    "mount volume binding": (
        {"Mounts": [{"Type": "volume", "Target": "/x", "VolumeOptions": {"DriverConfig": {
            "Name": "local", "Options": {"type": "none", "o": "bind", "device": "/etc"}}}}]},
        "volume binding of /etc",
    ),
    "device": ({"Devices": [{"PathOnHost": "/dev/zero", "PathInContainer": "/dev/zero"}]}, "host devices"),
    "gpus": ({"DeviceRequests": [{"Count": -1}]}, "host devices"),
    "seccomp": ({"SecurityOpt": ["seccomp=unconfined"]}, "unconfined seccomp"),
    "seccomp legacy colon": ({"SecurityOpt": ["seccomp:unconfined"]}, "unconfined seccomp"),
    "allow-all seccomp profile": ({"SecurityOpt": ['seccomp={"defaultAction": "SCMP_ACT_ALLOW"}']}, "seccomp"),
    "apparmor": ({"SecurityOpt": ["apparmor=unconfined"]}, "unconfined AppArmor"),
    "system paths": ({"MaskedPaths": [], "ReadonlyPaths": []}, "unmasked system paths"),
    "publish 0.0.0.0": ({"PortBindings": {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "18089"}]}}, "on 0.0.0.0"),
    "publish ::": ({"PortBindings": {"80/tcp": [{"HostIp": "::", "HostPort": "18089"}]}}, "published on ::"),
    "publish a real address": ({"PortBindings": {"80/tcp": [{"HostIp": "10.1.2.3", "HostPort": "1"}]}}, "10.1.2.3"),
}


@pytest.mark.parametrize("host_config, reason", REFUSED_CONTAINERS.values(), ids=REFUSED_CONTAINERS.keys())
def test_forbidden_containers_are_refused_with_the_reason(host_config, reason):
    refusal = create(host_config)
    assert refusal and reason in refusal, refusal


def test_the_engines_case_insensitive_and_top_level_host_config_fields_count_too():
    assert "privileged" in create({"privileged": True})
    assert "privileged" in authz_plugin.request_refusal(
        "POST", "/containers/create", b'{"Image": "alpine", "hostconfig": {"Privileged": false, "PRIVILEGED": true}}'
    )
    assert "privileged" in create({}, Privileged=True)  # dockerd reads it when "HostConfig" is absent
    assert "bind mount" in authz_plugin.request_refusal("POST", "/v1.41/containers/cre%61te", b'{"Binds": ["/:/h"]}')


def test_a_create_whose_body_the_engine_did_not_show_is_refused():
    assert authz_plugin.request_refusal("POST", "/v1.41/containers/create", None) == policy.NO_BODY
    assert "not a JSON object" in authz_plugin.request_refusal("POST", "/containers/create", b"[1]")


def test_binds_inside_the_page_session_are_allowed_but_not_through_a_symlink_or_to_a_socket(session_dir):
    work = session_dir / "work"
    assert create({"Binds": [f"{work}:/usr/share/nginx/html:ro", f"{session_dir}/home/auth:/auth"]}) is None
    assert create({"Mounts": [{"Type": "bind", "Source": str(work), "Target": "/usr/share/nginx/html"}]}) is None
    (work / "root").symlink_to("/")
    assert "outside the page session" in create({"Binds": [f"{work}/root:/host"]})
    assert "outside the page session" in create({"Binds": [f"{work}/../../../etc:/x"]})
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(work / "engine.sock"))
    try:
        assert "a socket or device" in create({"Binds": [f"{work}/engine.sock:/s"]})
    finally:
        listener.close()
    lookalike = Path(tempfile.mkdtemp(prefix="dsp-pe-"))  # a dsp- directory that is no session
    try:
        assert "outside the page session" in create({"Binds": [f"{lookalike}:/x"]})
    finally:
        lookalike.rmdir()


def test_what_pages_and_the_gate_itself_need_is_allowed(session_dir):
    assert create({}) is None
    page_run = {
        "Binds": ["data:/data", f"{session_dir}/work:/app"], "NetworkMode": "mynet", "AutoRemove": True,
        "PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "80"}], "443/tcp": [{"HostIp": "127.0.0.1"}]},
        "Memory": 805306368, "PidsLimit": 512, "CapDrop": ["ALL"], "SecurityOpt": ["no-new-privileges"],
        "MaskedPaths": None, "ReadonlyPaths": None, "IpcMode": "private", "PidMode": "container:abc",
    }
    assert create(page_run) is None
    moto_lambda = {"Binds": ["vol1:/var/task:rw", "vol2:/opt:rw"], "Memory": 134217728,
                   "ExtraHosts": ["host.docker.internal:host-gateway"], "LogConfig": {"Type": "json-file"}}
    assert create(moto_lambda) is None
    allowed = [
        ("GET", "/_ping", None), ("GET", "/v1.41/containers/json?all=1&filters=x", None),
        ("POST", "/v1.41/build?t=dsp-standin%2Fnginx%3Abuild&rm=1&forcerm=1", None),
        ("POST", "/v1.41/images/127.0.0.1:5000/library/alpine/push?tag=latest", None),
        ("POST", "/v1.41/images/create?fromImage=alpine&tag=latest", None), ("POST", "/v1.41/auth", None),
        ("POST", "/v1.41/swarm/init", b'{"ListenAddr": "0.0.0.0:2377", "AdvertiseAddr": "127.0.0.1"}'),
        ("POST", "/v1.41/swarm/leave?force=1", None), ("POST", "/v1.41/nodes/n1/update?version=9", b"{}"),
        ("POST", "/v1.41/containers/abc/start", None), ("POST", "/v1.41/containers/abc/exec", b'{"Cmd": ["ls"]}'),
        ("POST", "/v1.41/volumes/create", b'{"Name": "data", "Labels": {"dsp.run": "r"}}'),
        ("POST", "/v1.41/networks/create", b'{"Name": "overnet", "Driver": "overlay", "Attachable": true}'),
        ("DELETE", "/v1.41/containers/abc?force=1&v=1", None), ("DELETE", "/v1.41/images/sha256:ab?force=1", None),
        ("POST", "/v1.41/services/create", json.dumps({"Name": "myservice", "TaskTemplate": {
            "ContainerSpec": {"Image": "ubuntu", "Args": ["sleep", "infinity"]}, "Networks": [{"Target": "overnet"}]},
            "Mode": {"Replicated": {"Replicas": 2}},
            "EndpointSpec": {"Ports": [{"TargetPort": 80, "PublishedPort": 8080, "PublishMode": "host"}]}}).encode()),
    ]
    for method, uri, body in allowed:
        assert authz_plugin.request_refusal(method, uri, body) is None, (method, uri)


def service(container_spec: dict, **spec) -> str | None:
    body = {"Name": "s", "TaskTemplate": {"ContainerSpec": {"Image": "alpine", **container_spec}}, **spec}
    return authz_plugin.request_refusal("POST", "/v1.41/services/create", json.dumps(body).encode())


def test_services_execs_volumes_builds_and_plugins_are_policed_too():
    assert "of /etc, outside" in service({"Mounts": [{"Type": "bind", "Source": "/etc", "Target": "/x"}]})
    assert "added capabilities" in service({"CapabilityAdd": ["CAP_NET_ADMIN"]})
    assert "network namespace" in service({}, TaskTemplate={"ContainerSpec": {}, "Networks": [{"Target": "host"}]})
    assert "routing mesh" in service({}, EndpointSpec={"Ports": [{"TargetPort": 80, "PublishedPort": 8080}]})
    update = json.dumps({"TaskTemplate": {"ContainerSpec": {"CapabilityAdd": ["ALL"]}}}).encode()
    assert "capabilities" in authz_plugin.request_refusal("POST", "/v1.41/services/abc/update?version=3", update)
    assert "privileged exec" in authz_plugin.request_refusal("POST", "/v1.41/containers/c1/exec", b'{"Privileged": true}')
    binding = b'{"Name": "v", "DriverOpts": {"type": "none", "o": "bind", "device": "/"}}'
    assert "volume binding of /" in authz_plugin.request_refusal("POST", "/v1.41/volumes/create", binding)
    device = b'{"Name": "v", "DriverOpts": {"type": "ext4", "device": "/dev/sda1"}}'
    assert "device /dev/sda1" in authz_plugin.request_refusal("POST", "/v1.41/volumes/create", device)
    assert "host's network" in authz_plugin.request_refusal("POST", "/v1.41/build?networkmode=host&t=x", None)
    assert "engine plugin" in authz_plugin.request_refusal("POST", "/v1.41/plugins/pull?remote=vieux/sshfs", b"[]")
    assert "driver macvlan" in authz_plugin.request_refusal("POST", "/networks/create", b'{"Driver": "macvlan"}')
    assert authz_plugin.request_refusal("POST", "/networks/create", b'{"Name": "n", "Driver": "bridge"}') is None
    # The CLI names a service's networks by ID, even the host's: the plugin asks the engine.
    by_id = json.dumps({"TaskTemplate": {"ContainerSpec": {}, "Networks": [{"Target": "n5e6j7"}]}}).encode()
    hosts = {"n5e6j7": {"name": "host", "driver": "host"}, "k2": {"name": "overnet", "driver": "overlay"}}
    assert "network namespace" in authz_plugin.request_refusal("POST", "/services/create", by_id, hosts.get)
    assert authz_plugin.request_refusal("POST", "/services/create", by_id.replace(b"n5e6j7", b"k2"), hosts.get) is None
    assert "API versions before 1.24" in authz_plugin.request_refusal("POST", "/v1.23/containers/c1/start", None)


# --- the plugin's server -----------------------------------------------------------------------


@pytest.fixture
def plugin(tmp_path):
    path = tmp_path / "p.sock"
    process = subprocess.Popen([sys.executable, "-m", "checks.services.authz_plugin", "--socket", str(path)],
                               stderr=subprocess.PIPE, text=True)  # fmt: skip

    def ready() -> bool:
        assert process.poll() is None, "the plugin exited"
        return authz_plugin.ready(path)

    wait_until(ready, "the plugin answering", 10, interval=0.05)
    yield path, process
    process.send_signal(signal.SIGTERM)
    process.wait(10)


def ask(path: Path, method: str, uri: str, body: bytes | None = None) -> dict:
    # As dockerd 20.10 sends it (`RequestUri`, the body base64-encoded).
    payload = {"RequestMethod": method, "RequestUri": uri, "RequestBody": body and base64.b64encode(body).decode()}
    status, answer = authz_plugin.call("/AuthZPlugin.AuthZReq", payload, path=path)
    assert status == 200
    return answer


def test_the_plugin_speaks_dockers_authz_protocol(plugin):
    path, _ = plugin
    assert authz_plugin.call("/Plugin.Activate", path=path) == (200, {"Implements": ["authz"]})
    assert ask(path, "GET", "/v1.41/version") == {"Allow": True}
    refused = ask(path, "POST", "/v1.41/containers/create", b'{"HostConfig": {"Privileged": true}}')
    assert refused["Allow"] is False and refused["Msg"].startswith("the gate's engine policy refuses a privileged")
    assert authz_plugin.call("/AuthZPlugin.AuthZRes", {"RequestUri": "/x"}, path=path) == (200, {"Allow": True})
    assert authz_plugin.call("/Nothing", path=path)[0] == 404


def test_the_plugin_answers_every_request_and_a_broken_one_is_denied_with_the_error(plugin):
    path, process = plugin
    stalled = socket.socket(socket.AF_UNIX)
    stalled.connect(str(path))
    stalled.sendall(b"POST /AuthZPlugin.AuthZReq HTTP/1.1\r\nContent-Length: 100\r\n\r\n{")  # never finished
    answer = ask(path, "POST", "/containers/create", b"{not json")
    assert answer["Allow"] is False and "failed" in answer["Msg"]
    with socket.socket(socket.AF_UNIX) as raw:  # chunked, which Go's client may send
        raw.connect(str(path))
        body = json.dumps({"RequestMethod": "GET", "RequestUri": "/_ping"}).encode()
        raw.sendall(b"POST /AuthZPlugin.AuthZReq HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n")  # fmt: skip
        assert b'{"Allow": true}' in b"".join(iter(lambda: raw.recv(4096), b""))  # one call per connection
    stalled.close()
    process.send_signal(signal.SIGTERM)
    process.wait(10)
    assert not path.exists()


# --- on an engine the gate did not start: the inspector -------------------------------------------

# `docker container inspect` of `docker run -d --privileged -v /:/host alpine sleep 60` on a Docker
# 20.10 engine without the plugin (trimmed): the plugin refuses creating it on the gate's engine.
RECORDED_PRIVILEGED = {
    "Binds": ["/:/host"], "NetworkMode": "default", "PortBindings": {}, "Privileged": True,
    "CapAdd": None, "SecurityOpt": ["label=disable"], "Memory": 805306368, "PidsLimit": 512,
    "Devices": [], "MaskedPaths": None, "ReadonlyPaths": None, "Mounts": None,
}


class FakeObject:
    def __init__(self, id: str, attrs: dict):
        self.id = self.name = id
        self.attrs, self.removed = attrs, False

    def remove(self, **_):
        self.removed = True


class FakeEngine:
    def __init__(self, containers: list[FakeObject]):
        found = {c.id: c for c in containers}
        self.containers = type("C", (), {"list": lambda *_, **__: containers, "get": lambda _, i: found[i]})()
        self.volumes = self.networks = type("V", (), {"list": lambda *_, **__: []})()

    def info(self) -> dict:
        return {"Swarm": {}}


def test_the_inspector_fails_and_removes_a_forbidden_container_on_a_recorded_inspection():
    fine = FakeObject("fine", {"HostConfig": {"PortBindings": {"80/tcp": [{"HostIp": "127.0.0.1"}]}}})
    bad = FakeObject("bad", {"HostConfig": RECORDED_PRIVILEGED})
    reason = policy.inspect_session(FakeEngine([fine, bad]), "s")
    assert reason == f"{policy.REFUSES} a privileged container (--privileged): containers of checks run " \
                     "unprivileged (container bad, now removed)"
    assert bad.removed and not fine.removed
    unpublished = FakeObject("unpublished", {"HostConfig": {"Binds": ["data:/data"], "MaskedPaths": ["/proc/kcore"]}})
    assert policy.inspect_session(FakeEngine([fine, unpublished]), "s") is None
    assert not unpublished.removed


def test_the_inspector_on_the_real_engine_finds_a_port_a_foreign_engine_would_publish_everywhere(docker_engine):
    session = uuid.uuid4().hex[:12]
    docker_engine.images.pull("alpine", tag="latest")  # each engine the gate starts begins empty
    container = docker_engine.containers.create(
        "alpine", ["sleep", "30"], ports={"80/tcp": 18096}, labels={"dsp.session": session, "dsp.run": "policy-test"}
    )
    try:
        reason = policy.inspect_session(docker_engine, session)
        assert reason and "port 80/tcp published on every address" in reason and "now removed" in reason
        assert not docker_engine.containers.list(all=True, filters={"id": container.id})
    finally:
        with contextlib.suppress(docker.errors.NotFound):
            container.remove(force=True)


# --- the probes, as page steps through the gate on the real engine ------------------------------

RUN = 'docker container run --detach --name "probe-$DSP_SESSION" {} alpine sleep 30 > /dev/null\n'
SWARM = "[ \"$(docker info --format '{{.Swarm.LocalNodeState}}')\" = active ] || " \
        "docker swarm init --advertise-addr 127.0.0.1 > /dev/null\n"
ADDRESS = "ADDRESS=$(ip -4 -o addr show scope global | awk '{split($4, a, \"/\"); print a[1]; exit}')\n"
# name: (step, the reason the refusal names, whether only the plugin can catch it)
PROBES = {
    "privileged": (RUN.format("--privileged"), "a privileged container", False),
    "cap-add": (RUN.format("--cap-add SYS_ADMIN"), "added capabilities", False),
    "network-host": (RUN.format("--network host"), "the host's network namespace", False),
    "pid-host": (RUN.format("--pid host"), "the host's pid namespace", False),
    "ipc-host": (RUN.format("--ipc host"), "the host's ipc namespace", False),
    "uts-host": (RUN.format("--uts host"), "the host's uts namespace", False),
    "bind-root": (RUN.format("-v /:/host"), "a bind mount (-v) of /, outside the page session", False),
    "engine-socket": (RUN.format("-v /var/run/docker.sock:/var/run/docker.sock"), "the engine's socket", False),
    "mount-bind": (RUN.format("--mount type=bind,source=/etc,target=/x"), "(--mount type=bind) of /etc", False),
    "mount-volume-opts": (
        RUN.format("--mount type=volume,target=/x,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/etc"),
        "a volume binding of /etc", False,
    ),
    "volume-driver-opts": (
        'docker volume create --opt type=none --opt o=bind --opt device=/etc "probe-$DSP_SESSION" > /dev/null\n',
        "a volume binding of /etc", False,
    ),
    "device": (RUN.format("--device /dev/zero"), "host devices", False),
    "seccomp": (RUN.format("--security-opt seccomp=unconfined"), "unconfined seccomp", False),
    "apparmor": (RUN.format("--security-opt apparmor=unconfined"), "unconfined AppArmor", False),
    "publish-any": (RUN.format("-p 0.0.0.0:18090:80"), "port 80/tcp published on 0.0.0.0", False),
    "publish-ipv6-any": (RUN.format("-p [::]:18091:80"), "port 80/tcp published on ::", False),
    "publish-real-address": (ADDRESS + RUN.format('-p "$ADDRESS:18092:80"'), "published on ", False),
    "exec-privileged": (
        RUN.format("") + 'docker container exec --privileged "probe-$DSP_SESSION" true\n', "a privileged exec", True,
    ),
    "build-host-network": (
        "printf 'FROM alpine\\n' | docker build --network host --tag probe-build - > /dev/null\n",
        "a build on the host's network", True,
    ),
    "service-bind": (
        SWARM + 'docker service create --detach --name "probe-$DSP_SESSION" '
        "--mount type=bind,source=/etc,target=/x alpine sleep 60 > /dev/null\n",
        "of /etc, outside the page session", False,
    ),
    "service-host-network": (  # the CLI sends the host network's ID: the plugin resolves it
        SWARM + 'docker service create --detach --name "probe-$DSP_SESSION" --network host '
        "alpine sleep 60 > /dev/null\n",
        "the host's network namespace (--network host) in a service", False,
    ),
    "network-macvlan": (
        'docker network create --driver macvlan "probe-$DSP_SESSION" > /dev/null\n', "driver macvlan", False,
    ),
    "service-cap-add": (
        SWARM + 'docker service create --detach --name "probe-$DSP_SESSION" --cap-add SYS_ADMIN '
        "alpine sleep 60 > /dev/null\n",
        "added capabilities", False,
    ),
}


def run_site(site: Path, junit: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DSP_ROOT": str(site), "PYTHONPATH": str(REPO)}
    env.pop("DSP_RUN_ID", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", f"--junitxml={junit}", "snippets"],
        cwd=site, env=env, capture_output=True, text=True, timeout=600,
    )


def failures(junit: Path) -> dict[str, str]:
    """Per page, what the gate reported for its failed step (message and output)."""
    found = {}
    for case in ET.parse(junit).iter("testcase"):
        for failure in case.iter("failure"):
            page = case.get("classname", "").split(".")[2]  # snippets.probe.<page>.01-probe.sh
            found[page] = f"{failure.get('message', '')}\n{failure.text or ''}"
    return found


@pytest.fixture(scope="module")
def policed(docker_engine) -> bool:
    """Whether this engine runs the gate's plugin (it does when the gate started it)."""
    return policy.PLUGIN_NAME in (docker_engine.info().get("Plugins", {}).get("Authorization") or [])


@pytest.fixture(scope="module")
def probe_run(docker_engine, tmp_path_factory):
    root = tmp_path_factory.mktemp("probes")
    files = {}
    for name, (step, _, _) in PROBES.items():
        files[f"docs/probe/{name}.md"] = f"# {name}\n"
        files[f"snippets/probe/{name}/01-probe.sh"] = step
    site = write_site(root / "site", files)
    result = run_site(site, root / "junit.xml")
    return result, failures(root / "junit.xml")


@pytest.mark.parametrize("name", PROBES)
def test_each_probe_is_refused_naming_the_reason(probe_run, policed, name):
    result, failed = probe_run
    _, reason, plugin_only = PROBES[name]
    if plugin_only and not policed:
        pytest.skip("only the gate's plugin can refuse this; this engine was not started by the gate")
    assert name in failed, f"{name} was not refused:\n{result.stdout[-3000:]}"
    assert reason in failed[name], failed[name]
    if policed:
        assert "authorization denied by plugin dsp-policy: the gate's engine policy refuses" in failed[name]


PORT_STEPS = {
    "pull-always": "docker run -d --pull always -p 18089:80 --name p1-$DSP_SESSION nginx > /dev/null\n",
    "rm": "docker run -d --rm -p 18087:80 --name p2-$DSP_SESSION nginx > /dev/null\n",
    "name-after": "docker run -d -p 18088:80 --name p3-$DSP_SESSION nginx > /dev/null\n",
    "cluster": "docker run -dp 18086:80 --name p4-$DSP_SESSION nginx > /dev/null\n",
}
BOUND = (
    "for c in p1 p2 p3 p4; do docker container inspect --format "
    "'{{range $p, $b := .NetworkSettings.Ports}}{{range $b}}{{.HostIp}} {{end}}{{end}}' $c-$DSP_SESSION; done\n"
)


def test_a_published_port_binds_127_0_0_1_whatever_options_precede_it(docker_engine, run_gate):
    files = {"docs/sec/page.md": "# P\n"}
    for index, step in enumerate(PORT_STEPS.values(), 1):
        files[f"snippets/sec/page/0{index}-run.sh"] = step
    files["snippets/sec/page/05-bound.sh"] = BOUND
    files["snippets/sec/page/05-bound.out"] = "127.0.0.1 \n" * len(PORT_STEPS)
    result = run_gate(files, env={"DSP_ENGINE_STATE": "/tmp/dsp-engine"}, timeout=300)
    assert result.returncode == 0, result.stdout


def test_the_gates_engine_itself_binds_an_unaddressed_port_to_loopback(docker_engine, policed, run_gate):
    if not policed:
        pytest.skip("an engine the gate did not start binds every address (the shim rewrites -p there)")
    files = {
        "docs/sec/page.md": "# P\n",
        # The shim's rewrite turned off: what remains is dockerd's --ip 127.0.0.1.
        "snippets/sec/page/01-run.sh": "DSP_PUBLISH_LOOPBACK=0 docker run -d -p 18085:80 --name e-$DSP_SESSION "
        "nginx > /dev/null\ndocker container inspect --format '{{(index .HostConfig.PortBindings \"80/tcp\" 0).HostIp}}"
        " {{(index .NetworkSettings.Ports \"80/tcp\" 0).HostIp}}' e-$DSP_SESSION\n",
        "snippets/sec/page/01-run.out": " 127.0.0.1\n",
    }
    result = run_gate(files, env={"DSP_ENGINE_STATE": "/tmp/dsp-engine"}, timeout=300)
    assert result.returncode == 0, result.stdout
