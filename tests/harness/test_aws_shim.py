"""The gate's `aws` shim: v2's options adapted for a v1, a v2 run untouched and preferred, with fakes."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from checks.services.session_environment import SHIMS

SHIM = SHIMS / "aws"


def fake_aws(directory: Path, major: int, exit_code: int = 0) -> Path:
    """An `aws` that answers --version as CLI `major` would and otherwise prints its argv."""
    directory.mkdir(parents=True, exist_ok=True)
    fake = directory / "aws"
    fake.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = --version ]; then echo "aws-cli/{major}.0.{exit_code} Python/3.11 Linux"; exit 0; fi\n'
        f'echo "v{major}"; for a in "$@"; do printf "%s\\n" "$a"; done; exit {exit_code}\n'
    )
    fake.chmod(0o755)
    return fake


@pytest.fixture(autouse=True)
def tools(tmp_path: Path) -> Path:
    """What the shim needs besides an aws, and no aws: /usr/bin may hold the machine's own."""
    directory = tmp_path / "tools"
    directory.mkdir()
    for tool in ("bash", "dirname"):
        (directory / tool).symlink_to(shutil.which(tool))
    return directory


def run(path: list[Path], *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    tools = path[0].parent / "tools"  # every directory given is made in tmp_path
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSP_AWS_")}
    env.update(PATH=os.pathsep.join([str(SHIMS), *map(str, path), str(tools)]), **extra)
    return subprocess.run([str(SHIM), *args], env=env, capture_output=True, text=True)


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    return fake_aws(tmp_path / "venv-bin", 1).parent


@pytest.fixture
def v2(tmp_path: Path) -> Path:
    return fake_aws(tmp_path / "usr-local-bin", 2).parent


def test_v1_loses_the_v2_only_options_and_keeps_everything_else(v1):
    done = run([v1], "firehose", "put-record-batch", "--cli-binary-format", "raw-in-base64-out",
               "--no-cli-pager", "--cli-input-json", "file://clicks.json", "--query", "a b")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["v1", "firehose", "put-record-batch", "--cli-input-json",
                                        "file://clicks.json", "--query", "a b"]


def test_the_equals_form_and_the_option_before_the_command_are_removed_too(v1):
    done = run([v1], "--cli-binary-format=raw-in-base64-out", "--no-cli-auto-prompt", "s3", "ls")
    assert done.stdout.splitlines() == ["v1", "s3", "ls"]


def test_values_with_spaces_and_empty_values_survive(v1):
    done = run([v1], "dynamodb", "put-item", "--item", '{"a": {"S": "x y"}}', "--query", "")
    assert done.stdout.splitlines() == ["v1", "dynamodb", "put-item", "--item", '{"a": {"S": "x y"}}', "--query", ""]


def test_a_binary_format_without_its_value_is_left_for_the_cli_to_refuse(v1):
    done = run([v1], "s3", "ls", "--cli-binary-format")
    assert done.stdout.splitlines() == ["v1", "s3", "ls", "--cli-binary-format"]


def test_v2s_base64_default_cannot_be_mimicked_by_v1_and_is_refused(v1):
    done = run([v1], "lambda", "invoke", "--cli-binary-format", "base64", "out.json")
    assert done.returncode == 252
    assert "v1" not in done.stdout and "raw-in-base64-out" in done.stderr


def test_exit_codes_pass_through(tmp_path):
    for major in (1, 2):
        directory = fake_aws(tmp_path / f"v{major}", major, exit_code=254).parent
        assert run([directory], "s3", "ls", "--no-cli-pager").returncode == 254


def test_v2_runs_untouched(v2):
    done = run([v2], "lambda", "invoke", "--cli-binary-format", "raw-in-base64-out", "--no-cli-pager", "o")
    assert done.stdout.splitlines() == ["v2", "lambda", "invoke", "--cli-binary-format", "raw-in-base64-out",
                                        "--no-cli-pager", "o"]


def test_a_v2_later_on_path_wins_over_the_virtualenvs_v1(v1, v2):
    done = run([v1, v2], "s3", "ls", "--no-cli-pager")
    assert done.stdout.splitlines() == ["v2", "s3", "ls", "--no-cli-pager"]
    assert run([v1, v2], DSP_AWS_DESCRIBE="1").stdout.splitlines() == [str(v2 / "aws"), "aws-cli/2.0.0"]


def test_without_a_v2_the_first_v1_runs_and_a_broken_aws_is_skipped(tmp_path, v1):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "aws").write_text("#!/bin/sh\nexit 3\n")
    (broken / "aws").chmod(0o755)
    later_v1 = fake_aws(tmp_path / "later", 1).parent
    assert run([broken, v1, later_v1], DSP_AWS_DESCRIBE="1").stdout.splitlines() == [str(v1 / "aws"),
                                                                                     "aws-cli/1.0.0"]


def test_the_gates_answer_is_used_without_probing(tmp_path, v1, v2):
    done = run([v1, v2], "s3", "ls", "--no-cli-pager", DSP_AWS_REAL=str(v1 / "aws"), DSP_AWS_VERSION="aws-cli/1.9.9")
    assert done.stdout.splitlines() == ["v1", "s3", "ls"]


def test_no_real_aws_is_command_not_found(tmp_path):
    (tmp_path / "empty").mkdir()
    done = run([tmp_path / "empty"], "s3", "ls")
    assert done.returncode == 127 and "no real aws" in done.stderr


def test_the_report_describes_the_cli_that_runs(monkeypatch, tools, v1, v2):
    from checks.services import aws

    for path, expected in (([v1], "AWS CLI 1.0.0 with the v2 adapter"), ([v1, v2], "AWS CLI 2.0.0")):
        monkeypatch.setenv("PATH", os.pathsep.join([*map(str, path), str(tools)]))
        monkeypatch.setattr(aws.session_environment, "PROJECT_BIN", path[0])
        aws.real_cli.cache_clear()
        assert aws.cli_description() == expected
    aws.real_cli.cache_clear()
