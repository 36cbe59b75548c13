"""No runnable snippet names a deprecated Lambda runtime or an image tag past its end of life.

The list is data, with its sources and date: checks/data/end-of-life.yaml."""

from __future__ import annotations

import re
from datetime import date
from importlib import metadata
from pathlib import Path

import yaml

from checks import paths

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

DATA = THIS_SITE.root / "checks" / "data" / "end-of-life.yaml"
RUNNABLE_SUFFIXES = {".sh", ".yaml", ".yml", ".json", ".py", ".js"}
# Identifiers without a digit ("provided", "nodejs") are English words or prefixes elsewhere,
# so they count only where a runtime is being set.
RUNTIME_CONTEXT = r"(?:--runtime[= ]+|\bruntime[\"']?\s*[:=]\s*[\"']?)"


def runnable(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()
                  and (p.suffix in RUNNABLE_SUFFIXES or p.name.startswith("Dockerfile")))


def _past(entries: dict, today: date) -> dict[str, date]:
    return {str(name): when for name, when in entries.items() if when <= today}


def _covers(tag: str, prefix: str) -> bool:
    return tag == prefix or tag.startswith((prefix + ".", prefix + "-"))


def stale_references(root: Path, today: date, data: dict | None = None) -> list[str]:
    """file:line: what is past its end of life, for every runnable file under root."""
    data = data or yaml.safe_load(DATA.read_text())
    runtimes = _past(data["lambda_runtimes"]["deprecated"], today)
    runtime_patterns = {
        name: re.compile((r"(?<![\w./-])" if re.search(r"\d", name) else r"(?i)" + RUNTIME_CONTEXT)
                         + re.escape(name) + r"(?!\.?\w)")
        for name in runtimes
    }
    images = {name: _past(entry["eol"], today) for name, entry in data["images"].items()}
    image_pattern = re.compile(r"(?<![\w./-])(?:docker\.io/)?(?:library/)?(" + "|".join(map(re.escape, images))
                               + r"):(\w(?:[\w.-]*\w)?)")
    suffixes = _past(data["tag_suffixes"]["eol"], today)
    found = []
    for path in runnable(root):
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            where = f"{path.relative_to(root)}:{number}"
            for name, pattern in runtime_patterns.items():
                if pattern.search(line):
                    found.append(f"{where}: Lambda runtime {name} (deprecated {runtimes[name]})")
            for match in image_pattern.finditer(line):
                image, tag = match.groups()
                for prefix, when in images[image].items():
                    if _covers(tag, prefix):
                        found.append(f"{where}: {image}:{tag} (end of life {when})")
                for codename, when in suffixes.items():
                    if re.search(rf"(?:^|-){codename}(?:-|$)", tag):
                        found.append(f"{where}: {image}:{tag} (Debian {codename}, end of life {when})")
    return found


def test_the_list_is_dated_and_sourced():
    data = yaml.safe_load(DATA.read_text())
    assert isinstance(data["as_of"], date)
    sections = [data["lambda_runtimes"], data["tag_suffixes"], data["site_tools"], *data["images"].values()]
    assert all(section["source"].startswith("https://") for section in sections)


def test_no_runnable_snippet_names_something_past_its_end_of_life():
    stale = stale_references(THIS_SITE.root / "snippets", date.today())
    assert not stale, "past end of life (see checks/data/end-of-life.yaml):\n" + "\n".join(stale)


def test_the_check_catches_a_stale_runtime_and_image(tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.20\n")
    (tmp_path / "template.yaml").write_text("Resources:\n  F:\n    Properties:\n      Runtime: python3.8\n")
    (tmp_path / "make.sh").write_text(
        "aws lambda create-function --runtime provided --zip-file fileb://f.zip\n"
        "docker run docker.io/library/node:18-alpine\ndocker run python:3.12-slim-bullseye\n"
    )
    stale = stale_references(tmp_path, date(2026, 12, 1))
    assert stale == [
        "Dockerfile:1: alpine:3.20 (end of life 2026-04-01)",
        "make.sh:1: Lambda runtime provided (deprecated 2024-01-08)",
        "make.sh:2: node:18-alpine (end of life 2025-04-30)",
        "make.sh:3: python:3.12-slim-bullseye (Debian bullseye, end of life 2026-08-31)",
        "template.yaml:4: Lambda runtime python3.8 (deprecated 2024-10-14)",
    ]


def test_current_versions_and_look_alikes_pass(tmp_path):
    (tmp_path / "ok.sh").write_text(
        "docker run alpine:3.23 node:24 nginx:1.28 python:3.13 ubuntu:24.04\n"
        "aws lambda create-function --runtime python3.14\n"
        "/usr/bin/python3.9 -c 'import http'  # provided by the OS\n"
    )
    (tmp_path / "index.js").write_text("import http from 'node:http';\n// python3.100 nodejs180.x\n")
    assert stale_references(tmp_path, date(2026, 12, 1)) == []


def test_an_entry_counts_only_once_its_date_has_passed(tmp_path):
    (tmp_path / "t.yaml").write_text("Runtime: nodejs20.x\n")
    assert stale_references(tmp_path, date(2026, 4, 29)) == []
    assert stale_references(tmp_path, date(2026, 4, 30))


def site_tools_past_end_of_life(today: date, data: dict | None = None) -> list[str]:
    """The installed build tools that are past their end of life, with the version installed."""
    data = data or yaml.safe_load(DATA.read_text())
    return [f"{name} {metadata.version(name)} (end of life {when})"
            for name, when in _past(data["site_tools"]["eol"], today).items()]


def test_the_site_is_not_built_with_a_tool_past_its_end_of_life():
    stale = site_tools_past_end_of_life(date.today())
    assert not stale, ("past end of life; build with Zensical instead (tests/site/test_zensical.py): "
                       + ", ".join(stale))


def test_the_build_tool_check_counts_material_after_its_date():
    assert site_tools_past_end_of_life(date(2027, 5, 4)) == []
    assert site_tools_past_end_of_life(date(2027, 5, 5)) == [
        f"mkdocs-material {metadata.version('mkdocs-material')} (end of life 2027-05-05)"]
