"""The Lambda runtime image for moto: its files pass the linters, its bootstraps run handlers."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys

import docker.errors

from checks import paths
from checks.runners import static
from checks.services import lambda_runtimes

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

FILES = lambda_runtimes.FILES


def test_the_runtime_dockerfile_passes_hadolint_and_builds_on_its_base_argument():
    dockerfile = FILES / "Dockerfile"
    outcome = static.check_dockerfile(THIS_SITE, dockerfile)
    assert outcome.status == "passed", outcome.output
    assert dockerfile.read_text().count("ARG BASE\nFROM ${BASE}\n") == 1


def test_the_entrypoint_passes_shellcheck_and_is_executable():
    entrypoint = FILES / "entrypoint.sh"
    done = subprocess.run([static.tool("shellcheck"), str(entrypoint)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert entrypoint.stat().st_mode & 0o111


def test_every_runtime_the_serverless_pages_use_is_tagged():
    assert {"python3.12", "nodejs24.x"} <= set(lambda_runtimes.RUNTIMES)


def test_a_fresh_engine_pulls_the_runtime_image_from_the_local_registry_instead_of_building_it(docker_engine):
    lambda_runtimes.ensure_images(docker_engine)
    wanted = lambda_runtimes.fingerprint()
    here = docker_engine.images.get(f"{lambda_runtimes.IMAGE}:{lambda_runtimes.RUNTIMES[0]}")
    said: list[str] = []
    lambda_runtimes.keep_in_registry(docker_engine, here, wanted, said.append)
    assert said == []
    # A fresh engine pulls the same image (its id is its config's digest); no tag of the copy stays.
    assert lambda_runtimes.pulled(docker_engine, wanted)
    assert docker_engine.images.get(f"{lambda_runtimes.IMAGE}:{lambda_runtimes.RUNTIMES[-1]}").id == here.id
    assert not docker_engine.images.list(name=lambda_runtimes.REGISTRY_COPY)
    assert not lambda_runtimes.pulled(docker_engine, "0" * 16)


def test_an_engine_the_registry_cannot_serve_builds_the_image_under_every_runtime_tag(docker_engine, monkeypatch, tmp_path):
    # A small image of the same shape, and a registry that is not there: the path a fresh
    # machine takes (nothing to pull), where keeping the copy must not lose the image.
    (tmp_path / "Dockerfile").write_text("ARG BASE\nFROM ${BASE}\nCOPY made-by /made-by\n")
    (tmp_path / "made-by").write_text(f"{__name__} {tmp_path}\n")  # a fingerprint of its own
    image = "dsp-test-lambda-runtime"
    monkeypatch.setattr(lambda_runtimes, "FILES", tmp_path)
    monkeypatch.setattr(lambda_runtimes, "BASE", "busybox:latest")
    monkeypatch.setattr(lambda_runtimes, "_sdk_sources", lambda: [])
    monkeypatch.setattr(lambda_runtimes, "IMAGE", image)
    monkeypatch.setattr(lambda_runtimes, "REGISTRY_COPY", "127.0.0.1:1/dsp/test-lambda-runtime")
    said: list[str] = []
    try:
        lambda_runtimes.ensure_images(docker_engine, said.append)
        made = docker_engine.images.get(f"{image}:{lambda_runtimes.RUNTIMES[0]}")
        assert sorted(made.tags) == sorted(f"{image}:{runtime}" for runtime in lambda_runtimes.RUNTIMES)
        assert made.labels[lambda_runtimes.LABEL] == lambda_runtimes.fingerprint()
        assert said[0].startswith("building the Lambda runtime image")
        assert said[1].startswith("the Lambda runtime image was not kept in the local registry")
    finally:
        for runtime in lambda_runtimes.RUNTIMES:
            with contextlib.suppress(docker.errors.ImageNotFound):
                docker_engine.images.remove(f"{image}:{runtime}")


def _bootstrap(tmp_path, program: list[str], handler: str, event: dict) -> subprocess.CompletedProcess[str]:
    """A bootstrap run on a handler in tmp_path (it stands for /var/task)."""
    script = (FILES / program[-1]).read_text().replace("/var/task", str(tmp_path))
    runner = tmp_path / program[-1]
    runner.write_text(script)
    return subprocess.run(
        [*program[:-1], str(runner), handler, json.dumps(event)], capture_output=True, text=True, timeout=60
    )


def test_the_python_bootstrap_prints_the_result_last_and_fails_on_an_exception(tmp_path):
    (tmp_path / "app.py").write_text(
        "def ok(event, context):\n    print('log line')\n    return {'got': event, 'id': len(context.aws_request_id)}\n"
        "def boom(event, context):\n    raise ValueError('no')\n"
    )
    done = _bootstrap(tmp_path, [sys.executable, "bootstrap.py"], "app.ok", {"a": 1})
    assert done.returncode == 0 and json.loads(done.stdout.splitlines()[-1]) == {"got": {"a": 1}, "id": 36}
    assert "log line" in done.stdout
    failed = _bootstrap(tmp_path, [sys.executable, "bootstrap.py"], "app.boom", {})
    assert failed.returncode == 1
    assert json.loads(failed.stdout.splitlines()[-1]) == {"errorMessage": "no", "errorType": "ValueError"}


def test_the_node_bootstrap_awaits_the_handler_and_prints_the_result_last(tmp_path):
    (tmp_path / "index.js").write_text("exports.handler = async (e) => { console.log('x'); return {e}; };\n")
    done = _bootstrap(tmp_path, ["node", "bootstrap.js"], "index.handler", {"b": 2})
    assert done.returncode == 0 and json.loads(done.stdout.splitlines()[-1]) == {"e": {"b": 2}}
