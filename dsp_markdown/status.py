"""What the gate's report says about one snippet, as the sentence under its block.

The report is the only source: with no report, or a snippet changed since it was
checked, the site says "not yet verified", never "verified".
"""

from __future__ import annotations

from pathlib import Path

from checks import depends, report
from checks.paths import Site

# What a block's status can be, in the order the Status page shows them.
OUTCOMES = {
    "verified": "Verified",
    "validated": "Validated",
    "skipped": "Skipped",
    "failed": "Failed",
    "unverified": "Not yet verified",
}


def assess(site: Site, snippet: Path, data: dict | None, inputs: depends.InputsKeys | None = None) -> tuple[str, str]:
    """(outcome, sentence) for one snippet; the outcome is a key of OUTCOMES. `inputs`
    remembers the keys of a page's steps, which share their page's key."""
    key = site.relative(snippet)
    entry = (data or {}).get("snippets", {}).get(key)
    if not entry:
        return "unverified", "Not yet verified: the gate has not run this block."
    if entry.get("sha256") != report.fingerprint(site, snippet, inputs):
        return "unverified", "Not yet verified: this block changed since the gate last ran it."
    when = (entry.get("verified_at") or data.get("generated", ""))[:10]
    tested = _behaviour_of(site, snippet, data, inputs)
    if tested and tested["failed"]:
        return "failed", f"Failed {tested['failed']} of its behaviour tests ({_modules(tested)}) on {when}."
    if entry["status"] == "passed":
        if entry["kind"] == "shell" and entry.get("checked_by") in ("bash", "", None):
            against = _against(entry.get("requires", []), data.get("environment", {}))
            return "verified", f"Verified: ran with bash{against} on {when}."
        checked = f"Validated statically by {entry.get('checked_by') or entry['kind']} on {when}."
        if tested and tested["passed"]:
            checked += f" Exercised by {_count(tested['passed'], 'behaviour test')}: {_modules(tested)}."
        return "validated", checked
    if entry["status"] == "skipped":
        skipped = f"Skipped on {when}: {entry.get('reason', 'no reason recorded')}."
        if tested and tested["passed"]:
            skipped += f" Checked offline by {_count(tested['passed'], 'behaviour test')}: {_modules(tested)}."
        return "skipped", skipped
    return "failed", f"Failed in the gate run of {when}."


def status_of(
    site: Site, snippet: Path, data: dict | None, inputs: depends.InputsKeys | None = None
) -> tuple[str, str]:
    """(css modifier, sentence) for one snippet: a verified and a validated block look alike."""
    outcome, sentence = assess(site, snippet, data, inputs)
    return ("passed" if outcome in ("verified", "validated") else outcome), sentence


def _behaviour_of(site: Site, snippet: Path, data: dict | None, inputs: depends.InputsKeys | None) -> dict | None:
    """The behaviour tests' results for this snippet's current text, if the gate ran them."""
    tested = (data or {}).get("behaviour", {}).get(site.relative(snippet))
    return tested if tested and tested.get("sha256") == report.fingerprint(site, snippet, inputs) else None


def _modules(tested: dict) -> str:
    return ", ".join(tested.get("tests", []))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _against(requires: list[str], environment: dict[str, str]) -> str:
    parts = []
    if "docker" in requires and "Docker Engine" in environment:
        standins = environment.get("Docker images", "").startswith("stand-in")
        parts.append(f"Docker Engine {environment['Docker Engine']}" + (" with stand-in images" if standins else ""))
    if "aws" in requires and "moto" in environment:
        cli = environment.get("AWS CLI") or f"AWS CLI {environment.get('awscli', '?')}"
        parts.append(f"moto {environment['moto']} ({cli})")
    if "kubernetes" in requires and "kubectl" in environment:
        parts.append(f"a Kubernetes cluster (kubectl {environment['kubectl']})")
    return " against " + " and ".join(parts) if parts else ""
