"""Whatever happens to a run (pass, failure, Ctrl-C), nothing it labelled stays in the engine."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from checks.waiting import wait_until
from tests.conftest import REPO, write_site

PAGE_FILES = {
    "docs/sec/page.md": "# P\n",
    "snippets/sec/page/01-run.sh": (
        "docker network create dsp-test-net-$DSP_SESSION > /dev/null\n"
        "docker volume create dsp-test-vol-$DSP_SESSION > /dev/null\n"
        "docker container run --detach --network dsp-test-net-$DSP_SESSION alpine sleep 300 > /dev/null\n"
    ),
}


def gate(site: Path, run_id: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DSP_ROOT": str(site), "PYTHONPATH": str(REPO), "DSP_RUN_ID": run_id}
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "snippets"],
        cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def labelled(api, run_id: str) -> list[str]:
    filters = {"label": f"dsp.run={run_id}"}
    return (
        [c.name for c in api.containers.list(all=True, filters=filters)]
        + [n.name for n in api.networks.list(filters=filters)]
        + [v.name for v in api.volumes.list(filters=filters)]
    )


@pytest.mark.parametrize("ending", ["passes", "fails", "interrupted"])
def test_nothing_labelled_by_the_run_remains(docker_engine, tmp_path, ending):
    files = dict(PAGE_FILES)
    if ending == "fails":
        files["snippets/sec/page/02-fail.sh"] = "docker container run alpine ls --bogus\n"
    if ending == "interrupted":
        files["snippets/sec/page/02-hang.sh"] = "sleep 120\n"
    site = write_site(tmp_path / "site", files)
    run_id = f"test-{uuid.uuid4().hex[:8]}"
    process = gate(site, run_id)
    if ending == "interrupted":
        wait_until(lambda: labelled(docker_engine, run_id), "the step's objects created", 60)
        time.sleep(1)
        process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=120)
    expected_code = {"passes": 0, "fails": 1, "interrupted": 2}[ending]
    assert process.returncode == expected_code, output
    assert labelled(docker_engine, run_id) == []
