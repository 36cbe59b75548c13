"""The shim's build records and swarm labels, checked with a fake docker that logs its calls."""

import os
import subprocess
from pathlib import Path

import pytest

from checks.services.session_environment import SHIMS

FAKE = r"""#!/bin/bash
printf '%s\n' "$*" >> "$FAKE_LOG"
case "$1" in
  info) echo node123 ;;
esac
while (( $# )); do
  if [[ $1 == --iidfile && ${FAKE_STATUS:-0} == 0 ]]; then printf 'sha256:feed' > "$2"; fi
  shift
done
exit "${FAKE_STATUS:-0}"
"""


@pytest.fixture
def shim(tmp_path: Path):
    fake = tmp_path / "bin" / "docker"
    fake.parent.mkdir()
    fake.write_text(FAKE)
    fake.chmod(0o755)
    log = tmp_path / "calls"
    env = {
        **os.environ,
        "PATH": f"{SHIMS}:{fake.parent}:/usr/bin:/bin",
        "DSP_RUN_ID": "run1",
        "DSP_SESSION": "sess1",
        "DSP_OWNER_PID": "42",
        "FAKE_LOG": str(log),
    }

    def call(*args: str, **extra: str) -> tuple[int, list[str]]:
        done = subprocess.run([str(SHIMS / "docker"), *args], env={**env, **extra}, capture_output=True, text=True, cwd=tmp_path)
        return done.returncode, log.read_text().splitlines() if log.exists() else []

    return call


def builds(calls: list[str]) -> list[str]:
    return [call for call in calls if call != "buildx version"]  # the shim asks which builder there is


LEGACY_CLIENT = r"""#!/bin/bash
if [[ $1 == --version ]]; then echo "Docker version 20.10.24+dfsg1, build 297e128"; exit 0; fi
printf 'DOCKER_BUILDKIT=%s %s\n' "$DOCKER_BUILDKIT" "$*" >> "$FAKE_LOG"
printf '#1 [internal] load build definition from Dockerfile\n#1 sha256:%s\n#1 DONE 0.0s\n' "$(printf 'a%.0s' {1..64})" >&2
echo "on stdout"
exit "${FAKE_STATUS:-0}"
"""


@pytest.mark.parametrize("status", ["0", "3"])
def test_without_buildx_builds_use_the_20_10_clients_buildkit_without_its_digest_lines(shim, tmp_path: Path, status):
    legacy = tmp_path / "legacy-docker"
    legacy.write_text(LEGACY_CLIENT)
    without_buildx = tmp_path / "client" / "docker"  # a current client lacking the buildx plugin
    without_buildx.parent.mkdir()
    without_buildx.write_text("#!/bin/bash\necho \"docker: unknown command: docker $1\" >&2; exit 1\n")
    for program in (legacy, without_buildx):
        program.chmod(0o755)
    done = subprocess.run(
        [str(SHIMS / "docker"), "build", "-t", "web", "."],
        env={**os.environ, "PATH": f"{SHIMS}:{without_buildx.parent}:/usr/bin:/bin", "DSP_BUILDKIT_CLIENT": str(legacy),
             "FAKE_LOG": str(tmp_path / "calls"), "FAKE_STATUS": status, "DSP_BUILT_IMAGES": str(tmp_path / "built")},
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert done.returncode == int(status)
    assert done.stderr == "#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\n"
    assert done.stdout == "on stdout\n"
    assert (tmp_path / "calls").read_text().startswith("DOCKER_BUILDKIT=1 build --iidfile ")


def test_a_build_is_recorded_instead_of_labelled_so_its_output_has_no_extra_steps(shim, tmp_path: Path):
    record = tmp_path / "built"
    code, calls = shim("image", "build", "--tag", "web:1.0", ".", DSP_BUILT_IMAGES=str(record))
    calls = builds(calls)
    assert code == 0
    assert len(calls) == 1 and "--label" not in calls[0]
    assert calls[0].startswith("image build --iidfile ") and calls[0].endswith("--tag web:1.0 .")
    assert record.read_text() == "sha256:feed\n"


def test_a_failed_build_keeps_its_exit_code_and_records_nothing(shim, tmp_path: Path):
    record = tmp_path / "built"
    code, _ = shim("build", "-t", "api", ".", DSP_BUILT_IMAGES=str(record), FAKE_STATUS="1")
    assert code == 1
    assert not record.exists()


def test_a_readers_own_iidfile_falls_back_to_labels(shim, tmp_path: Path):
    code, calls = shim("build", "--iidfile", "id.txt", ".", DSP_BUILT_IMAGES=str(tmp_path / "built"))
    calls = builds(calls)
    assert code == 0
    assert "dsp.session=sess1" in calls[0] and calls[0].count("--iidfile") == 1


def test_swarm_init_labels_the_node_so_only_its_session_leaves_that_swarm(shim):
    code, calls = shim("swarm", "init", "--advertise-addr", "127.0.0.1")
    assert code == 0
    assert calls[0] == "swarm init --advertise-addr 127.0.0.1"
    assert calls[1].startswith("info --format")
    assert calls[2] == (
        "node update --label-add dsp.run=run1 --label-add dsp.session=sess1 --label-add dsp.pid=42 node123"
    )


def test_a_failed_swarm_init_labels_nothing(shim):
    code, calls = shim("swarm", "init", FAKE_STATUS="1")
    assert code == 1
    assert calls == ["swarm init"]
