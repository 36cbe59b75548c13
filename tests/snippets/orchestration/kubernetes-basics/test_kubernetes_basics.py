"""Behaviour tests of docs/orchestration/kubernetes-basics.md's snippets.

* No snippet anywhere on the site runs `kubectl exec` without `--`, a form the pinned
  kubectl rejects (proved here, offline).
* The manifests shown on the page are what `kubectl create ... --dry-run=client` generates
  (the generated YAML is the `.out` the gate compares byte for byte with kubectl's output),
  and that generated YAML is itself valid for the pinned Kubernetes version.
* Every kubectl command of the steps that need a cluster is one the pinned kubectl accepts:
  offline, each fails only when it contacts the (closed) server, never on its own arguments,
  so a flag or form a new kubectl drops fails here before the live run on a cluster.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from checks import model, pages, paths
from checks.runners import static
from checks.services import kubernetes

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

pytestmark = pytest.mark.exercises(
    "orchestration/kubernetes-basics/deployment.yaml", "orchestration/kubernetes-basics/service.yaml"
)

PAGE_DIR = THIS_SITE.snippets / "orchestration" / "kubernetes-basics"
PAGE = THIS_SITE.docs / "orchestration" / "kubernetes-basics.md"
SEPARATORS = {";", "&&", "||", "|", "&", "(", ")", "\n", "|&", ";;"}


def kubectl_exec_commands(text: str) -> list[list[str]]:
    """Every `kubectl exec` command line in shell text, as words (continuations joined)."""
    text = text.replace("\\\n", " ")
    commands = []
    for line in text.splitlines():
        if not re.search(r"\bkubectl\b.*\bexec\b", line):
            continue
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        try:
            words = list(lexer)
        except ValueError:  # unbalanced quotes: judge the raw words
            words = line.split()
        current: list[str] = []
        for word in words + [";"]:
            if word in SEPARATORS:
                if current:
                    commands.append(current)
                current = []
            else:
                current.append(word)
    return [c for c in commands if _is_kubectl_exec(c)]


def _is_kubectl_exec(words: list[str]) -> bool:
    for index, word in enumerate(words):
        if Path(word).name == "kubectl":
            operands = [w for w in words[index + 1 :] if not w.startswith("-")]
            return bool(operands) and operands[0] == "exec"
    return False


def lacks_double_dash(command: list[str]) -> bool:
    """True for `kubectl exec POD CMD` (rejected); help and `-- CMD` forms are fine."""
    return "--" not in command and not {"-h", "--help"} & set(command)


def site_snippets() -> list[Path]:
    return sorted(
        p
        for p in THIS_SITE.snippets.rglob("*")
        if p.is_file() and model.kind_of(p) not in ("image",) and not p.name.startswith(".")
    )


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("kubectl exec -ti $POD_NAME bash", True),  # the notes' form
        ('kubectl exec "$POD_NAME" env', True),
        ("POD=x; kubectl exec -it \\\n  $POD sh && echo done", True),
        ('kubectl exec -ti "$POD_NAME" -- bash', False),
        ('kubectl --namespace demo exec "$POD_NAME" -- curl -s localhost:8080', False),
        ('kubectl exec "$POD_NAME" -- bash -c "a; b"', False),
        ("kubectl exec --help", False),
        ("docker container exec abc sh", False),
        ("echo kubectl executes; kubectl get pods", False),
    ],
)
def test_the_scanner_tells_the_rejected_form_from_the_accepted_one(line, flagged):
    found = [c for c in kubectl_exec_commands(line) if lacks_double_dash(c)]
    assert bool(found) is flagged, kubectl_exec_commands(line)


def test_no_snippet_on_the_site_runs_kubectl_exec_without_double_dash():
    offenders = []
    for path in site_snippets():
        text = path.read_text(encoding="utf-8", errors="replace")
        for command in kubectl_exec_commands(text):
            if lacks_double_dash(command):
                offenders.append(f"{THIS_SITE.relative(path)}: {shlex.join(command)}")
    assert not offenders, "kubectl rejects `exec POD COMMAND`; use `exec POD -- COMMAND`:\n" + "\n".join(offenders)


def test_the_page_does_run_kubectl_exec_in_the_accepted_form():
    """The scan above is not vacuous: the page's own exec commands are found and pass it."""
    found = [
        c for p in site_snippets() if p.parent == PAGE_DIR for c in kubectl_exec_commands(p.read_text(encoding="utf-8"))
    ]
    assert len(found) >= 2
    assert not [c for c in found if lacks_double_dash(c)]


CLOSED_SERVER = "127.0.0.1:9"


def _offline_kubeconfig(tmp_path: Path) -> Path:
    # A kubeconfig naming a closed port: no request can reach anything, even by accident.
    config = tmp_path / "kubeconfig"
    config.write_text(
        f"apiVersion: v1\nkind: Config\nclusters: [{{name: c, cluster: {{server: 'http://{CLOSED_SERVER}'}}}}]\n"
        "users: [{name: u, user: {}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\n"
        "current-context: c\n"
    )
    return config


def _offline_kubectl(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return kubernetes.run(list(args), str(_offline_kubeconfig(tmp_path)), timeout=30)


def test_the_pinned_kubectl_rejects_exec_without_double_dash_offline(tmp_path):
    rejected = _offline_kubectl(tmp_path, "exec", "-ti", "kubernetes-bootcamp-abc", "bash")
    assert rejected.returncode == 1
    message = rejected.stderr.splitlines()[0]
    assert message == ("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead")
    # The page quotes kubectl's message word for word.
    assert message in PAGE.read_text(encoding="utf-8")

    accepted = _offline_kubectl(tmp_path, "exec", "-ti", "kubernetes-bootcamp-abc", "--", "bash")
    assert accepted.returncode != 0  # no cluster: it fails, but only when contacting the server
    assert "not supported" not in accepted.stderr
    assert "127.0.0.1:9" in accepted.stderr


def _load(name: str) -> dict:
    (document,) = [d for d in yaml.safe_load_all((PAGE_DIR / name).read_text()) if d]
    return document


def _without_empty(value):
    """The dry-run's output minus the empty placeholders kubectl prints (`{}`)."""
    if isinstance(value, dict):
        cleaned = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in ({}, None)}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value


def test_deployment_yaml_is_what_kubectl_create_deployment_generates():
    generated = _load("02-create-deployment-dry-run.out")
    assert "..." not in (PAGE_DIR / "02-create-deployment-dry-run.out").read_text()
    assert _without_empty(generated) == _load("deployment.yaml")


def test_service_yaml_selects_the_deployments_pods_like_kubectl_create_service():
    generated = _load("10-create-service-dry-run.out")
    shown = _load("service.yaml")
    deployment = _load("deployment.yaml")
    assert shown["spec"]["type"] == generated["spec"]["type"] == "NodePort"
    assert shown["spec"]["selector"] == generated["spec"]["selector"]
    assert shown["spec"]["selector"] == deployment["spec"]["template"]["metadata"]["labels"]
    # kubectl names the port after its numbers; the manifest leaves a single port unnamed.
    ports = [{k: v for k, v in p.items() if k != "name"} for p in generated["spec"]["ports"]]
    assert ports == shown["spec"]["ports"]
    assert shown["metadata"] == generated["metadata"]


@pytest.mark.parametrize("name", ["02-create-deployment-dry-run.out", "10-create-service-dry-run.out"])
def test_the_yaml_kubectl_generates_is_valid_for_the_pinned_kubernetes(tmp_path, name):
    manifest = tmp_path / "generated.yaml"
    manifest.write_text((PAGE_DIR / name).read_text())
    outcome = static.check_yaml(THIS_SITE, manifest)
    assert outcome.status == "passed", outcome.output
    assert outcome.checked_by == f"kubernetes-validate (Kubernetes {static.KUBERNETES_VERSION})"


def test_the_manifest_validator_catches_a_broken_deployment(tmp_path):
    """The yaml runner's check can fail: a port given as a string is rejected."""
    broken = tmp_path / "deployment.yaml"
    broken.write_text(
        (PAGE_DIR / "deployment.yaml").read_text().replace("containerPort: 8080", 'containerPort: "8080"')
    )
    assert static.check_yaml(THIS_SITE, broken).status == "failed"


def test_every_step_that_needs_a_cluster_says_so():
    """Steps that only use kubectl client-side run everywhere; every other kubectl step must
    declare `requires: [kubernetes]`, so it is skipped with the reason instead of failing."""
    meta = pages.page_meta(THIS_SITE, PAGE_DIR)
    for step in pages.steps_of(THIS_SITE, PAGE_DIR):
        if model.kind_of(step) != "shell":
            continue
        text = step.read_text()
        client_side = "--dry-run=client" in text or "--local" in text
        needs = "kubernetes" in meta.step(step.name).requires
        assert client_side != needs, f"{step.name}: client-side={client_side}, requires={needs}"


# Runs steps in one shell with `kubectl` wrapped: each call runs the pinned kubectl and, if it
# fails without naming the server (it stopped at its own arguments), is logged. Variables the
# steps read from the cluster get stand-in values; curl (to the node port) is not run.
OFFLINE_DRIVER = r"""
log=$1; shift
kubectl() {
  local err
  err=$(command kubectl "$@" 2>&1 >/dev/null </dev/null) && return 0
  [[ $err == *"$CLOSED_SERVER"* ]] || printf '%s\n' "kubectl $* -> ${err//$'\n'/ | }" >> "$log"
  printf '%s\n' "$*" >> "$log.calls"
}
curl() { :; }
for step in "$@"; do
  builtin source "$step"
  POD_NAME=${POD_NAME:-kubernetes-bootcamp-5c69669756-abcde} NODE_PORT=${NODE_PORT:-31000}
  NODE_IP=${NODE_IP:-192.0.2.10}
done
"""


def _run_offline(tmp_path: Path, steps: list[Path]) -> tuple[list[str], list[str]]:
    """(kubectl calls rejected before reaching the server, all kubectl calls that failed) for the steps."""
    work = tmp_path / "work"
    work.mkdir()
    for manifest in PAGE_DIR.glob("*.yaml"):
        (work / manifest.name).write_text(manifest.read_text())
    driver, log = tmp_path / "driver.bash", tmp_path / "rejected.log"
    driver.write_text(OFFLINE_DRIVER)
    env = {
        "PATH": f"{Path(kubernetes.kubectl()).parent}:/usr/bin:/bin",
        "KUBECONFIG": str(_offline_kubeconfig(tmp_path)),
        "CLOSED_SERVER": CLOSED_SERVER,
        "HOME": str(tmp_path),
    }
    subprocess.run(
        ["bash", "--noprofile", "--norc", str(driver), str(log), *map(str, steps)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    calls = Path(f"{log}.calls")
    return (
        log.read_text().splitlines() if log.exists() else [],
        calls.read_text().splitlines() if calls.exists() else [],
    )


def _live_steps() -> list[Path]:
    meta = pages.page_meta(THIS_SITE, PAGE_DIR)
    return [
        step
        for step in pages.steps_of(THIS_SITE, PAGE_DIR)
        if model.kind_of(step) == "shell" and "kubernetes" in meta.step(step.name).requires
    ]


@pytest.mark.exercises(*(f"orchestration/kubernetes-basics/{step.name}" for step in _live_steps()))
def test_the_pinned_kubectl_accepts_every_command_of_the_live_steps_offline(tmp_path):
    live = _live_steps()
    rejected, failed_at_server = _run_offline(tmp_path, live)
    assert rejected == []
    # The check saw the page's commands: every live step's kubectl calls reached the server.
    assert len(failed_at_server) >= len(live) and any(c.startswith("exec ") for c in failed_at_server)


@pytest.mark.parametrize(
    "command, refusal",
    [
        ('kubectl exec -ti "$POD_NAME" bash', "is not supported anymore"),
        ("kubectl get pods --show-lables", "unknown flag: --show-lables"),
        ("kubectl rollout statuss deployments/kubernetes-bootcamp", "unknown command"),
        ("kubectl run bootcamp --image=bootcamp --generator=run-pod/v1", "unknown flag: --generator"),
    ],
)
def test_the_offline_check_catches_a_form_kubectl_rejects(tmp_path, command, refusal):
    step = tmp_path / "step.sh"
    step.write_text(command + "\n")
    rejected, _ = _run_offline(tmp_path, [step])
    assert len(rejected) == 1 and refusal in rejected[0]
