"""The engine policy: what checks may ask of a Docker Engine, as rules on its API's request bodies.

One set of rules, two enforcers: for an engine the gate starts, dockerd asks the gate's
authorization plugin (authz_plugin.py) before every API call, so a forbidden container is
never created; on an engine the gate did not start (a CI runner's), the containers, volumes
and services a step's session created (label dsp.session) are inspected after the step, and
a violation fails the step and is removed.

Refused: privileged containers and execs; the host's network, pid, ipc or uts namespace; bind
mounts (-v, --mount, local volumes with o=bind) outside the page session's directory, and the
engine's socket; added capabilities and devices; unconfined seccomp, AppArmor or system paths;
ports published on a non-loopback address; host, macvlan or ipvlan networks; builds on the host's
network; engine plugins.
Rules take bodies parsed by `load` (keys case-folded, as the engine's Go decoder matches JSON
keys case-insensitively: `privileged` is `Privileged`) and return a reason or None.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

# session.py: tempfile.mkdtemp(prefix=f"dsp-{page}-") appends 8 of [a-z0-9_], and the
# session makes work/, state/, home/ and tmp/ in it (which tells it from other dsp- dirs).
SESSION_NAME = re.compile(r"dsp-.+-[a-z0-9_]{8}")
SESSION_PARTS = ("work", "state", "home", "tmp")
TEMP_DIRS = frozenset(os.path.realpath(d) for d in (tempfile.gettempdir(), "/tmp", "/var/tmp"))
ENGINE_SOCKETS = frozenset(os.path.realpath(p) for p in ("/var/run/docker.sock", "/run/docker.sock"))
NAMESPACES = (("networkmode", "network"), ("pidmode", "pid"), ("ipcmode", "ipc"), ("utsmode", "uts"))
HOST_NETWORK_DRIVERS = ("host", "macvlan", "ipvlan")
NO_BODY = "a request whose body the engine hid from its policy (it shows JSON under 1 MB with a Content-Length)"


def load(body: bytes | str) -> Any:
    return json.loads(body, object_pairs_hook=lambda pairs: {k.casefold(): v for k, v in pairs})


def fold(value: Any) -> Any:
    """An SDK attrs dict with keys case-folded like `load`'s."""
    return load(json.dumps(value))


def session_root(real: str) -> str | None:
    """The page session directory holding the resolved path `real`, or None."""
    for candidate in (Path(real), *Path(real).parents):
        if SESSION_NAME.fullmatch(candidate.name) and str(candidate.parent) in TEMP_DIRS:
            return str(candidate) if all((candidate / d).is_dir() for d in SESSION_PARTS) else None
    return None


def bind_refusal(source: str, what: str = "a bind mount") -> str | None:
    # Resolved, so a symlink in the session pointing at / does not count as the session.
    real = os.path.realpath(source)
    if real in ENGINE_SOCKETS:
        return f"the engine's socket {source} as {what}: a container holding it controls the engine"
    if session_root(real) is None:
        return f"{what} of {source}, outside the page session's directory (its work directory, HOME, TMPDIR)"
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return None  # the engine creates a missing source directory
    if stat.S_ISSOCK(mode) or stat.S_ISBLK(mode) or stat.S_ISCHR(mode):
        return f"{what} of {source}, a socket or device"
    return None


def volume_refusal(driver: str | None, options: dict | None) -> str | None:
    """Options of the local volume driver that mount something of the host's."""
    options = options or {}
    if (driver or "local") != "local" or not options:
        return None
    device = str(options.get("device") or "")
    flags = str(options.get("o") or "").split(",")
    if device and ("bind" in flags or "rbind" in flags or options.get("type") == "none"):
        return bind_refusal(device, "a volume binding")
    if device.startswith("/"):
        return f"a volume mounting the host's device {device}"
    return None


def mounts_refusal(mounts: list | None) -> str | None:
    for mount in mounts or []:
        kind = str(mount.get("type") or "").lower()
        config = (mount.get("volumeoptions") or {}).get("driverconfig") or {}
        reason = (
            bind_refusal(str(mount.get("source") or ""), "a bind mount (--mount type=bind)") if kind == "bind"
            else volume_refusal(config.get("name"), config.get("options")) if kind == "volume" else None
        )  # fmt: skip
        if reason:
            return reason
    return None


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def ports_refusal(host_config: dict, loopback_by_default: bool) -> str | None:
    for port, bindings in (host_config.get("portbindings") or {}).items():
        for binding in bindings or []:
            address = str((binding or {}).get("hostip") or "")
            if not address and not loopback_by_default:
                return f"port {port} published on every address (this engine's default): publish on 127.0.0.1"
            if address and not _loopback(address):
                return f"port {port} published on {address}: checks publish ports on 127.0.0.1 only"
    if host_config.get("publishallports") and not loopback_by_default:
        return "every exposed port published on every address (-P): publish on 127.0.0.1"
    return None


def _permissive_seccomp(profile: str) -> bool:
    try:
        return json.loads(profile).get("defaultAction") in ("SCMP_ACT_ALLOW", "SCMP_ACT_LOG")
    except (ValueError, AttributeError):
        return False


def security_refusal(host_config: dict) -> str | None:
    for option in map(str, host_config.get("securityopt") or []):
        key, _, value = option.partition("=" if "=" in option else ":")  # as dockerd splits them
        key, value = key.strip().lower(), value.strip()
        if key == "seccomp" and (value == "unconfined" or _permissive_seccomp(value)):
            return "unconfined seccomp (--security-opt seccomp=unconfined or an allow-all profile)"
        if key == "apparmor" and value == "unconfined":
            return "unconfined AppArmor (--security-opt apparmor=unconfined)"
        if key == "label" and value == "disable":
            return "disabled SELinux labels (--security-opt label=disable)"
        if key == "systempaths" and value == "unconfined":
            return "unmasked system paths (--security-opt systempaths=unconfined)"
    # The CLI sends systempaths=unconfined as empty lists; null means the engine's defaults.
    if host_config.get("maskedpaths") == [] or host_config.get("readonlypaths") == []:
        return "unmasked system paths (--security-opt systempaths=unconfined)"
    return None


def container_refusal(host_config: dict, loopback_by_default: bool = True) -> str | None:
    """A container's HostConfig (folded); `loopback_by_default`: dockerd runs with --ip 127.0.0.1."""
    if host_config.get("privileged"):
        return "a privileged container (--privileged): containers of checks run unprivileged"
    for key, flag in NAMESPACES:
        if str(host_config.get(key) or "").lower() == "host":
            return f"the host's {flag} namespace (--{flag} host): containers of checks get their own"
    if host_config.get("capadd"):
        return f"added capabilities (--cap-add {','.join(map(str, host_config['capadd']))})"
    devices = [str(d.get("pathonhost") or "") for d in host_config.get("devices") or []]
    if devices:
        return f"host devices (--device {','.join(devices)})"
    if host_config.get("devicerequests") or host_config.get("devicecgrouprules"):
        return "host devices (--gpus or --device-cgroup-rule)"
    for spec in host_config.get("binds") or []:
        source = str(spec).split(":", 1)[0]
        reason = bind_refusal(source, "a bind mount (-v)") if source.startswith("/") else None
        if reason:
            return reason
    return (
        mounts_refusal(host_config.get("mounts"))
        or security_refusal(host_config)
        or ports_refusal(host_config, loopback_by_default)
    )


def create_refusal(body: dict) -> str | None:
    # dockerd also reads HostConfig fields at the top level of the body when "HostConfig" is absent.
    return container_refusal(body.get("hostconfig") or {}) or container_refusal(body)


def exec_refusal(body: dict) -> str | None:
    return "a privileged exec (docker exec --privileged)" if body.get("privileged") else None


def network_refusal(driver: str | None) -> str | None:
    if str(driver or "").lower() in HOST_NETWORK_DRIVERS:
        return f"a network of driver {driver}, which puts containers on the host's own network"
    return None


def service_refusal(spec: dict, network_of: Callable[[str], dict | None] = lambda target: None) -> str | None:
    """A swarm service's spec (folded); `network_of` resolves a network ID (folded inspect) or None."""
    task = spec.get("tasktemplate") or {}
    container = task.get("containerspec") or {}
    reason = mounts_refusal(container.get("mounts"))
    if reason:
        return f"{reason} (in a service)"
    if container.get("capabilityadd"):
        return f"added capabilities (--cap-add {','.join(map(str, container['capabilityadd']))}) in a service"
    privileges = container.get("privileges") or {}
    if str((privileges.get("seccomp") or {}).get("mode") or "").lower() == "unconfined":
        return "unconfined seccomp in a service"
    if str((privileges.get("apparmor") or {}).get("mode") or "").lower() == "disabled":
        return "unconfined AppArmor in a service"
    for network in [*(task.get("networks") or []), *(spec.get("networks") or [])]:
        target = str(network.get("target") or "")
        found = {"name": target} if target.lower() == "host" else network_of(target) or {}
        if "host" in (str(found.get("name")).lower(), str(found.get("driver")).lower()):
            return "the host's network namespace (--network host) in a service"
    for port in (spec.get("endpointspec") or {}).get("ports") or []:
        if str(port.get("publishmode") or "ingress").lower() == "ingress":
            return (
                f"service port {port.get('targetport')} published through the routing mesh, on every "
                "address: publish with mode=host"
            )
    return None


# --- on an engine the gate did not start: inspect what each step created ---------------------

PLUGIN_NAME = "dsp-policy"  # the authorization plugin dockerd is started with (authz_plugin.py)
REFUSES = "the gate's engine policy refuses"


def inspect_session(api, session_id: str, approved: set[str] | None = None) -> str | None:
    """Inspect the session's new objects; a violating one is removed and its reason returned.

    `approved` holds the objects an earlier call found fine (they are not inspected again)."""
    import docker.errors

    _approved: set[str] = set() if approved is None else approved

    label = {"label": f"dsp.session={session_id}"}
    for summary in api.containers.list(all=True, filters=label, sparse=True):
        if summary.id in _approved:
            continue
        try:
            container = api.containers.get(summary.id)
        except docker.errors.NotFound:
            continue  # a --rm container that ended
        reason = container_refusal(fold(container.attrs.get("HostConfig") or {}), loopback_by_default=False)
        if reason:
            container.remove(force=True)
            return f"{REFUSES} {reason} (container {container.name}, now removed)"
        _approved.add(summary.id)
    for volume in api.volumes.list(filters=label):
        key = f"{volume.id}@{volume.attrs.get('CreatedAt')}"
        reason = None if key in _approved else volume_refusal(volume.attrs.get("Driver"), volume.attrs.get("Options"))
        if reason:
            volume.remove(force=True)
            return f"{REFUSES} {reason} (volume {volume.name}, now removed)"
        _approved.add(key)
    for network in api.networks.list(filters=label):
        reason = network_refusal(network.attrs.get("Driver"))
        if reason:
            network.remove()
            return f"{REFUSES} {reason} (network {network.name}, now removed)"

    def network_of(target: str) -> dict | None:
        try:
            return fold(api.networks.get(target).attrs)
        except docker.errors.NotFound:
            return None

    if api.info().get("Swarm", {}).get("ControlAvailable"):
        for service in api.services.list(filters=label):
            key = f"{service.id}@{service.attrs.get('Version', {}).get('Index')}"
            reason = None if key in _approved else service_refusal(fold(service.attrs.get("Spec") or {}), network_of)
            if reason:
                service.remove()
                return f"{REFUSES} {reason} (service {service.name}, now removed)"
            _approved.add(key)
    return None
