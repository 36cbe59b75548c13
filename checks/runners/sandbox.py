"""Steps run in a sandbox where only their own session is writable.

With bubblewrap (Debian package `bubblewrap`), a step sees the whole file system
read-only except its session directory (work directory, HOME, shell state and TMPDIR),
/dev and /run (the Docker socket). A snippet that writes anywhere else
fails with "Read-only file system" naming the path, instead of changing the machine.
Where bubblewrap cannot run (no user namespaces, e.g. some CI runners), steps run
unsandboxed and the sandbox's own test is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

BASE = ["--ro-bind", "/", "/", "--dev-bind", "/dev", "/dev", "--proc", "/proc", "--bind", "/run", "/run"]


def unavailable() -> str | None:
    """Why steps cannot be sandboxed here, or None."""
    if os.environ.get("DSP_SANDBOX", "auto") == "0":  # a run's setting: asked each time
        return "the sandbox is turned off (DSP_SANDBOX=0)"
    return _bubblewrap_problem()


@cache  # what the machine's bubblewrap can do does not change while the process lives
def _bubblewrap_problem() -> str | None:
    binary = shutil.which("bwrap")
    if not binary:
        return "bubblewrap (bwrap) is not installed"
    probe = subprocess.run([binary, *BASE, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"bubblewrap cannot run here: {probe.stderr.strip()[:200]}"
    return None


def wrap(argv: list[str], root: Path, workdir: Path, writable: Sequence[Path] = ()) -> list[str]:
    """argv, run so that only `root` (the session directory) is writable, and the directories
    outside it that the gate's own shims write to (`writable`, e.g. the engine's build records)."""
    if unavailable():
        return argv
    shared = [arg for path in writable if path.is_dir() for arg in ("--bind", str(path), str(path))]
    return [
        "bwrap", *BASE, *shared,
        "--bind", str(root), str(root),
        "--chdir", str(workdir),
        "--die-with-parent",
        "--", *argv,
    ]  # fmt: skip
