"""Engine objects the gate's checks made, found by their labels, and their removal.

Everything a check creates carries the labels dsp.run, dsp.session and dsp.pid (the
`docker` shim adds them, and labels the node of a swarm it creates); images a session
builds are listed in its build record (<state>/built/<owner pid>.<session id>). Sessions
remove their own objects, the run removes the rest, and objects of runs whose process is
dead are swept at the next start.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import docker
import docker.errors

from checks.services.dockerd import alive, state_dir
from checks.services.progress import Log
from checks.waiting import wait_until


def remove_labelled(api: docker.DockerClient, label: str) -> list[str]:
    """Remove every engine object carrying `label` (key=value); returns what was removed."""
    removed: list[str] = []
    filters = {"label": label}
    for service in api.services.list(filters=filters) if swarm_active(api) else []:
        service.remove()
        removed.append(f"service {service.name}")
    for container in api.containers.list(all=True, filters=filters):
        try:
            container.remove(force=True, v=True)
        except docker.errors.APIError as error:
            # Gone already, or being removed by the engine itself (a swarm task whose
            # service was just removed): either way it is going.
            if error.status_code not in (404, 409):
                raise
        removed.append(f"container {container.name}")
    for network in api.networks.list(filters=filters):
        with contextlib.suppress(docker.errors.APIError):
            network.remove()
            removed.append(f"network {network.name}")
    for volume in api.volumes.list(filters=filters):
        with contextlib.suppress(docker.errors.APIError):
            volume.remove(force=True)
            removed.append(f"volume {volume.name}")
    for image in api.images.list(filters=filters):
        with contextlib.suppress(docker.errors.APIError):
            api.images.remove(image.id, force=True)
            removed.append(f"image {image.short_id}")
    note_removal(label, removed)
    return removed


def note_removal(label: str, removed: list[str]) -> None:
    """One line in the engine state's removals.log: what a gate process removed, and for which
    test. Processes sharing one engine remove each other's objects only by mistake; this log
    is where such a mistake shows whose it was."""
    if not removed:
        return
    with contextlib.suppress(OSError):
        with open(state_dir() / "removals.log", "a", encoding="utf-8") as log:
            doing = os.environ.get("PYTEST_CURRENT_TEST", "-")
            log.write(f"{time.strftime('%H:%M:%S')} pid {os.getpid()} ({doing}) {label}: {', '.join(removed)}\n")


def remove_built(api: docker.DockerClient, record: Path) -> list[str]:
    """Remove the images listed in a build record (the shim's), then the record."""
    removed: list[str] = []
    if not record.exists():
        return removed
    for image_id in dict.fromkeys(record.read_text().split()):
        with contextlib.suppress(docker.errors.APIError):
            api.images.remove(image_id, force=True)
            removed.append(f"image {image_id.removeprefix('sha256:')[:12]}")
    record.unlink(missing_ok=True)
    return removed


def swarm_active(api: docker.DockerClient) -> bool:
    return api.info().get("Swarm", {}).get("LocalNodeState") == "active"


def _swarm_labels(api: docker.DockerClient) -> dict[str, str]:
    """Labels of this engine's swarm node (the shim labels the node of a swarm it creates)."""
    state = api.info().get("Swarm", {})
    if state.get("LocalNodeState") != "active" or not state.get("ControlAvailable"):
        return {}
    try:
        return api.nodes.get(state["NodeID"]).attrs.get("Spec", {}).get("Labels") or {}
    except docker.errors.APIError:
        return {}


def leave_swarm_labelled(api: docker.DockerClient, key: str, value: str, log: Log) -> bool:
    """Leave the swarm if the gate created it with label key=value; whether it did."""
    if _swarm_labels(api).get(key) != value:
        return False
    log(f"leaving the swarm created by {key}={value}")
    api.swarm.leave(force=True)
    note_removal(f"{key}={value}", ["swarm"])
    remove_swarm_gateway(api)
    return True


def remove_swarm_gateway(api: docker.DockerClient) -> None:
    """Remove docker_gwbridge, which swarm init creates and leaving the swarm keeps.

    It is free once the ingress sandbox has gone (if the swarm was left right after init,
    the engine may keep that sandbox: then the network stays).
    """

    def nothing_left_to_do() -> bool:
        if swarm_active(api):
            return True
        try:
            gateway = api.networks.get("docker_gwbridge")
            if gateway.attrs.get("Containers"):
                return False
            gateway.remove()
        except docker.errors.APIError:
            pass
        return True

    with contextlib.suppress(TimeoutError):
        wait_until(nothing_left_to_do, "docker_gwbridge freed", 5, interval=0.5)


def sweep_dead_runs(api: docker.DockerClient, built: Path, log: Log) -> None:
    """Objects left by a run whose process died (kill -9, a crashed CI job)."""
    pids: set[int] = set()
    for container in api.containers.list(all=True, filters={"label": "dsp.pid"}):
        pids.add(int(container.labels.get("dsp.pid", "0")))
    for network in api.networks.list(filters={"label": "dsp.pid"}):
        pids.add(int(network.attrs.get("Labels", {}).get("dsp.pid", "0")))
    for volume in api.volumes.list(filters={"label": "dsp.pid"}):
        pids.add(int((volume.attrs.get("Labels") or {}).get("dsp.pid", "0")))
    owner = _swarm_labels(api).get("dsp.pid", "")
    if owner.isdigit():
        pids.add(int(owner))
    records = list(built.glob("*.*")) if built.exists() else []
    pids.update(int(r.name.split(".")[0]) for r in records if r.name.split(".")[0].isdigit())
    for pid in pids:
        if not alive(pid):
            for record in built.glob(f"{pid}.*"):
                remove_built(api, record)
            leave_swarm_labelled(api, "dsp.pid", str(pid), log)
            removed = remove_labelled(api, f"dsp.pid={pid}")
            if removed:
                log(f"removed {len(removed)} objects left by dead run pid {pid}")
