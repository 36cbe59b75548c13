"""Steps can write only inside their session: a write anywhere else fails, naming the path."""

import pytest

from checks.runners import sandbox

needs_sandbox = pytest.mark.skipif(bool(sandbox.unavailable()), reason=str(sandbox.unavailable()))


@needs_sandbox
def test_a_step_writing_outside_its_work_directory_fails_naming_the_path(run_gate, tmp_path):
    outside = tmp_path / "outside.txt"
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": f"echo inside > inside.txt\necho x > {outside}\n",
        }
    )
    assert f"{outside}: Read-only file system" in result.stdout
    assert not outside.exists()


@needs_sandbox
def test_the_work_directory_home_and_tmpdir_stay_writable(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": 'echo a > here.txt\necho b > "$HOME/.rc"\nmktemp > /dev/null\ncat here.txt "$HOME/.rc"\n',
            "snippets/sec/page/01.out": "a\nb\n",
        }
    )
    assert result.returncode == 0, result.stdout
