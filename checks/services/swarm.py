"""Swarm features that depend on the engine's kernel, as capabilities for `_page.yml`.

`swarm-vip`: a swarm service's virtual IP (its name resolving to one address that
balances over its tasks) and the routing mesh (`--publish` on a service) are made by the
kernel's IP Virtual Server (IPVS, module `ip_vs`). Without it the service still runs and
`tasks.<service>` names, `--endpoint-mode dnsrr` and `--publish mode=host` work, but
the VIP answers nothing (ping: 100 % loss) and published service ports refuse
connections. The capability is there when the engine's kernel has ip_vs loaded, built
in, or installable as a module (dockerd loads it when a service needs it).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.services.engine import Engine

MODULE = "ip_vs"
CONSEQUENCE = "swarm service virtual IPs and the routing mesh do not work (use tasks.<service> or dnsrr)"


def _read(path: Path) -> str:
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def ipvs_missing(root: Path = Path("/"), release: str | None = None) -> str | None:
    """Why the kernel running under `root` lacks IPVS, or None if it has it."""
    release = release or os.uname().release
    if (root / "sys/module" / MODULE).exists() or (root / "proc/net/ip_vs").exists():
        return None  # loaded (or built in)
    modules = root / "lib/modules" / release
    for index in ("modules.builtin", "modules.dep"):
        if f"/{MODULE}.ko" in _read(modules / index):
            return None  # built in, or a module dockerd can load
    config = _read(root / "proc/config.gz") or _read(root / "boot" / f"config-{release}")
    if "# CONFIG_IP_VS is not set" in config:
        why = "built without IPVS (CONFIG_IP_VS is not set)"
    else:
        why = f"without IPVS ({MODULE} is not loaded, built in, or in /lib/modules/{release})"
    return f"the engine's kernel {release} is {why}: {CONSEQUENCE}"


def engine_ipvs_missing(api) -> str | None:
    """Ask the engine's kernel: this machine's files when the engine runs on it, else a probe."""
    release = api.info().get("KernelVersion", "")
    if release == os.uname().release:
        return ipvs_missing(Path("/"), release)
    # A remote engine or one in a VM (Docker Desktop): its /sys shows its kernel's modules.
    probe = "test -e /sys/module/ip_vs || test -e /proc/net/ip_vs"
    labels = {"dsp.run": os.environ.get("DSP_RUN_ID", "manual"), "dsp.pid": str(os.getpid())}
    try:
        api.containers.run("busybox", ["sh", "-c", probe], remove=True, labels=labels)
    except Exception:
        return f"the engine's kernel {release} has no {MODULE} loaded: {CONSEQUENCE}"
    return None


class SwarmVip:
    """The `swarm-vip` capability: an engine whose kernel has IPVS."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._answer: tuple[str | None] | None = None

    def available(self) -> str | None:
        if self._answer is None:
            self._answer = (self.engine.ensure() or engine_ipvs_missing(self.engine.client()),)
        return self._answer[0]

    def pytest_dsp_capabilities(self):
        return {"swarm-vip": self.available}
