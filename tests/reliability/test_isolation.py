"""Isolation and security: containers are unprivileged and limited, ports bind to loopback,
and no secret is committed in snippets/ or docs/. (No request for AWS leaves the machine and
~/.aws is never read: see test_aws_guard.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOOK = Path(sys.executable).parent / "detect-secrets-hook"


def test_containers_started_by_checks_are_unprivileged_limited_and_published_on_loopback(docker_engine, run_gate):
    inspect = (
        "docker container inspect --format "
        "'{{.HostConfig.Privileged}} {{.HostConfig.Memory}} {{.HostConfig.PidsLimit}} "
        '{{(index (index .HostConfig.PortBindings "80/tcp") 0).HostIp}}\' "iso-$DSP_SESSION"\n'
    )
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01-run.sh": 'docker container run --detach --publish 8097:80 --name "iso-$DSP_SESSION" nginx > /dev/null\n',
            "snippets/sec/page/02-inspect.sh": inspect,
            "snippets/sec/page/02-inspect.out": "false 805306368 512 127.0.0.1\n",
        },
        env={"DSP_ENGINE_STATE": "/tmp/dsp-engine"},
    )
    assert result.returncode == 0, result.stdout


def scan(files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(HOOK), "--baseline", str(REPO / ".secrets.baseline"), *map(str, files)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )


def test_no_secrets_in_snippets_or_docs_beyond_the_audited_baseline():
    files = [p.relative_to(REPO) for top in ("snippets", "docs") for p in (REPO / top).rglob("*") if p.is_file()]
    result = scan(files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_secrets_scan_catches_a_committed_key(tmp_path):
    leaked = tmp_path / "leak.sh"
    leaked.write_text('export AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEYx9"\n')
    result = scan([leaked])
    assert result.returncode != 0
    assert "Secret" in result.stdout
