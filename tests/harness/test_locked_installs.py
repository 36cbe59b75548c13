"""The locks in requirements/ (scripts/lock) against pyproject.toml and against what is installed.

scripts/setup installs a lock with `pip install --require-hashes --no-deps`, so a lock must hold
every package its extra needs, each pinned and hashed, and the gate must run on exactly those.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from checks import versions

PROJECT = tomllib.loads(versions.PYPROJECT.read_text(encoding="utf-8"))["project"]
SELF = versions.normalize(PROJECT["name"])
LOCKS = {"site": versions.SITE_LOCK, "gate": versions.GATE_LOCK}
# The gate's heavy tools, which `./serve` must not install.
GATE_ONLY = ("moto", "awscli", "playwright", "boto3", "botocore", "cfn-lint", "docker", "ruff", "pytest-xdist")


def requirements_of(extra: str) -> list[Requirement]:
    """The extra's requirements, with the project's own extras (`...[site]`) spelled out."""
    found = [Requirement(line) for line in PROJECT.get("dependencies", [])]
    for line in PROJECT["optional-dependencies"][extra]:
        requirement = Requirement(line)
        if versions.normalize(requirement.name) == SELF:
            for included in sorted(requirement.extras):
                found += requirements_of(included)
        else:
            found.append(requirement)
    return found


def closure(requirements: list[Requirement]) -> set[str]:
    """Every distribution the requirements need here, followed through installed metadata."""
    seen: dict[str, set[str]] = {}
    todo = [(versions.normalize(r.name), set(r.extras)) for r in requirements if not r.marker or r.marker.evaluate()]
    while todo:
        name, extras = todo.pop()
        if name in seen and extras <= seen[name]:
            continue
        seen[name] = seen.get(name, set()) | extras
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            wanted = {""} | seen[name]
            if requirement.marker and not any(requirement.marker.evaluate({"extra": e}) for e in wanted):
                continue
            todo.append((versions.normalize(requirement.name), set(requirement.extras)))
    return set(seen)


def unmet_ranges(requirements: list[Requirement], pins: dict[str, str]) -> list[str]:
    unmet = []
    for requirement in requirements:
        version = pins.get(versions.normalize(requirement.name))
        if version is None:
            unmet.append(f"{requirement}: not in the lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            unmet.append(f"{requirement}: locked {version}")
    return unmet


def unhashed(lock: Path) -> list[str]:
    return [entry.split(" ", 1)[0] for entry in versions.entries(lock) if "--hash=sha256:" not in entry]


LOCAL = re.compile(r"file:|--(extra-)?index-url|--find-links|-f\s|/opt/|/tmp/|/home/|/root/")


@pytest.mark.parametrize("extra", sorted(LOCKS))
def test_every_range_of_pyproject_is_met_by_the_lock(extra):
    pins = versions.read_lock(LOCKS[extra])
    assert unmet_ranges(requirements_of(extra), pins) == []


def test_the_site_lock_pins_what_the_gate_lock_pins():
    site, gate = versions.read_lock(versions.SITE_LOCK), versions.read_lock(versions.GATE_LOCK)
    assert {name: (version, gate.get(name)) for name, version in site.items() if gate.get(name) != version} == {}


@pytest.mark.parametrize("lock", sorted(LOCKS.values()), ids=lambda p: p.name)
def test_the_lock_was_written_from_the_current_pyproject(lock):
    assert not versions.is_stale(lock), f"pyproject.toml's dependencies changed since {lock.name}: run scripts/lock"


def test_the_installed_versions_are_the_locked_ones():
    assert versions.differences(versions.GATE_LOCK) == []
    assert versions.locked_versions() == versions.read_lock(versions.GATE_LOCK)


@pytest.mark.parametrize("extra", sorted(LOCKS))
def test_each_lock_holds_exactly_what_its_requirements_need(extra):
    needed = closure(requirements_of(extra))
    locked = set(versions.read_lock(LOCKS[extra]))
    assert {"missing": sorted(needed - locked), "not needed": sorted(locked - needed)} == {
        "missing": [],
        "not needed": [],
    }


def test_the_site_lock_holds_no_gate_only_package():
    gate_direct = {versions.normalize(r.name) for r in requirements_of("gate")}
    site_direct = {versions.normalize(r.name) for r in requirements_of("site")}
    site = set(versions.read_lock(versions.SITE_LOCK))
    assert set(GATE_ONLY) <= set(versions.read_lock(versions.GATE_LOCK))  # the list above is still the gate's
    assert sorted(site & set(GATE_ONLY)) == []
    assert sorted(site & (gate_direct - site_direct) - closure(requirements_of("site"))) == []


@pytest.mark.parametrize("lock", sorted(LOCKS.values()), ids=lambda p: p.name)
def test_every_lock_entry_is_pinned_and_hashed_and_names_no_local_path(lock):
    assert versions.entries(lock), f"{lock} holds no requirement"
    assert unhashed(lock) == []
    assert [line for line in lock.read_text().splitlines() if LOCAL.search(line)] == []


# The checks above must be able to fail: each helper on a lock that is wrong in one way.


def test_a_wrong_version_and_a_missing_package_are_found(tmp_path):
    lock = tmp_path / "lock.txt"
    lock.write_text(
        "pytest==0.0.1 \\\n    --hash=sha256:00\n    # via x\n"
        "no-such-package-dsp==1.0 \\\n    --hash=sha256:00\n"
        f"packaging=={metadata.version('packaging')} \\\n    --hash=sha256:00\n"
    )
    assert versions.differences(lock) == [
        "no-such-package-dsp: locked 1.0, not installed",
        f"pytest: locked 0.0.1, installed {metadata.version('pytest')}",
    ]
    assert versions.locked_versions(lock) == {"packaging": metadata.version("packaging"),
                                              "pytest": metadata.version("pytest")}
    assert versions.locked_versions(tmp_path / "absent.txt") == {}


def test_an_unmet_range_an_unhashed_entry_and_a_local_url_are_found(tmp_path):
    lock = tmp_path / "lock.txt"
    lock.write_text("pytest==9.0.0 \\\n    --hash=sha256:00\nmkdocs==1.6.1\n")
    assert unmet_ranges([Requirement("pytest>=8.3,<9"), Requirement("PyYAML>=6")], versions.read_lock(lock)) == [
        "pytest<9,>=8.3: locked 9.0.0",
        "PyYAML>=6: not in the lock",
    ]
    assert unhashed(lock) == ["mkdocs==1.6.1"]
    assert not LOCAL.search(lock.read_text())
    assert LOCAL.search("--find-links /opt/wheels") and LOCAL.search("x @ file:///opt/pypi/files/x.whl")


def test_an_unpinned_entry_is_refused(tmp_path):
    lock = tmp_path / "lock.txt"
    lock.write_text("mkdocs>=1.6 \\\n    --hash=sha256:00\n")
    with pytest.raises(ValueError, match="not an exact pin: mkdocs>=1.6"):
        versions.read_lock(lock)


def test_a_lock_from_other_dependencies_is_stale(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(versions.PYPROJECT.read_text().replace('"mkdocs>=1.6,<1.7"', '"mkdocs>=1.6,<1.8"'))
    assert versions.is_stale(versions.GATE_LOCK, pyproject)


def test_a_closure_follows_extras_and_skips_what_markers_exclude():
    needed = closure([Requirement("moto[server]"), Requirement("pytest; python_version < '3'")])
    assert {"moto", "flask", "boto3", "botocore"} <= needed
    assert "pytest" not in needed
