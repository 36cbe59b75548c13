"""The benchmarks under bench/ keep working as the harness changes: each imports and answers --help,
and the scale benchmark's generator writes a site the gate collects without an error."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(p.name for p in (REPO / "bench").glob("*.py") if p.name != "gate_config.py")


@pytest.mark.parametrize("script", SCRIPTS)
def test_bench_script_answers_help(script, tmp_path):
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / script), "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_the_bench_configures_the_gate_with_its_services(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    monkeypatch.setenv("DSP_ENGINE_STATE", str(tmp_path / "engine-state"))
    from gate_config import docker_engine, gate_config

    with gate_config() as config:
        assert docker_engine(config) is not None
        assert config.pluginmanager.get_plugin("dsp-aws") is not None


def test_scale_bench_writes_a_site_the_gate_collects(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    import scale_bench

    site = tmp_path / "site"
    steps = scale_bench.write_site(site, 1)
    env = {**os.environ, "DSP_ROOT": str(site), "PYTHONPATH": str(REPO), "DSP_ENGINE_STATE": str(tmp_path / "state")}
    env.pop("DSP_RUN_ID", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--collect-only", "snippets"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    collected = [line for line in done.stdout.splitlines() if line.startswith("snippets/")]
    assert len(collected) >= steps > 0
    assert not [line for line in collected if line.endswith("::layout")]
