"""The locked Python packages (requirements/*.txt, written by scripts/lock) against what is installed.

The gate's report records every locked package's installed version (`locked_versions`), and
`scripts/setup` checks a virtualenv against its lock after installing:

    python -m checks.versions check requirements/gate.txt    # exit 1 and say why on any difference
    python -m checks.versions extra requirements/gate.txt    # installed packages the lock lacks
    python -m checks.versions stale requirements/gate.txt    # exit 1 if pyproject.toml changed since
    python -m checks.versions digest                         # what scripts/lock records of pyproject.toml

Standard library only: it runs in a virtualenv whose install may have failed half way.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
GATE_LOCK = REQUIREMENTS / "gate.txt"
SITE_LOCK = REQUIREMENTS / "site.txt"

PYPROJECT = ROOT / "pyproject.toml"
DIGEST_LINE = "# Dependencies digest of pyproject.toml: "

# In every virtualenv without being locked: the installer, and this project (installed editable).
UNLOCKED = {"pip", "setuptools", "wheel", "distributed-systems-practice"}

# `name[extras]==version ; marker --hash=...`: name, version and marker.
_PIN = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;\\]+)\s*(?:;\s*(.*?))?\s*(?:--hash|$)"
)


def normalize(name: str) -> str:
    """A distribution's name as PEP 503 compares it (`PyYAML` and `pyyaml` are one)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def entries(lock: Path) -> list[str]:
    """The lock's requirements, one string each, continuation lines joined, comments dropped."""
    joined: list[str] = []
    pending = ""
    for raw in lock.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line and not pending:
            continue
        pending = f"{pending} {line}".strip() if pending else line
        if pending.endswith("\\"):
            pending = pending[:-1].rstrip()
            continue
        if pending:
            joined.append(pending)
        pending = ""
    if pending:
        joined.append(pending)
    return joined


def read_lock(lock: Path) -> dict[str, str]:
    """{normalized name: version} of a lock; entries whose marker excludes this Python are left out."""
    pins: dict[str, str] = {}
    for entry in entries(lock):
        match = _PIN.match(entry)
        if not match:
            raise ValueError(f"{lock}: not an exact pin: {entry.split(' --hash', 1)[0]}")
        name, version, marker = match.groups()
        if marker and not _applies(marker):
            continue
        pins[normalize(name)] = version
    return pins


def _applies(marker: str) -> bool:
    try:
        from packaging.markers import Marker
    except ImportError:  # a half-installed virtualenv: count the entry in
        return True
    return Marker(marker).evaluate()


def requirements_digest(pyproject: Path = PYPROJECT) -> str:
    """A hash of pyproject.toml's dependency lists (not of its comments or tool settings)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = {key: project.get(key) for key in ("requires-python", "dependencies", "optional-dependencies")}
    return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()


def is_stale(lock: Path, pyproject: Path = PYPROJECT) -> bool:
    """Whether pyproject.toml's dependencies changed since scripts/lock wrote the lock."""
    recorded = [line.removeprefix(DIGEST_LINE).strip() for line in lock.read_text(encoding="utf-8").splitlines()
                if line.startswith(DIGEST_LINE)]
    return recorded != [requirements_digest(pyproject)]


def installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _same(locked: str, found: str) -> bool:
    if locked == found:
        return True
    try:
        from packaging.version import InvalidVersion, Version
    except ImportError:
        return False
    try:
        return Version(locked) == Version(found)
    except InvalidVersion:
        return False


def differences(lock: Path) -> list[str]:
    """One line per locked package that is missing or at another version than the lock's."""
    found = []
    for name, version in sorted(read_lock(lock).items()):
        actual = installed(name)
        if actual is None:
            found.append(f"{name}: locked {version}, not installed")
        elif not _same(version, actual):
            found.append(f"{name}: locked {version}, installed {actual}")
    return found


def extras(lock: Path) -> list[str]:
    """Installed distributions that the lock does not name (the installer and this project aside)."""
    locked = set(read_lock(lock))
    names = {normalize(dist.metadata["Name"]) for dist in metadata.distributions() if dist.metadata["Name"]}
    return sorted(names - locked - UNLOCKED)


def locked_versions(lock: Path = GATE_LOCK) -> dict[str, str]:
    """{distribution: installed version} for every package of the gate's lock that is installed.

    Empty where there is no lock file (a copy of the checks without requirements/).
    """
    try:
        pins = read_lock(lock)
    except (OSError, ValueError):
        return {}
    return {name: version for name in sorted(pins) if (version := installed(name)) is not None}


def main(argv: list[str]) -> int:
    if argv == ["digest"]:
        print(requirements_digest())
        return 0
    if len(argv) != 2 or argv[0] not in ("check", "extra", "stale"):
        print("usage: python -m checks.versions check|extra|stale LOCK, or digest", file=sys.stderr)
        return 2
    command, lock = argv[0], Path(argv[1])
    if command == "extra":
        print(" ".join(extras(lock)))
        return 0
    if command == "stale":
        return 1 if is_stale(lock) else 0
    wrong = differences(lock)
    for line in wrong:
        print(f"  {line}", file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
