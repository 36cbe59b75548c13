"""Page sessions: order, shared state, timeouts and clear failures, all without an engine."""

PAGE = """
# Page

```bash
--8<-- "sec/page/b-second.sh"
```

```bash
--8<-- "sec/page/a-first.sh"
```
"""


def test_steps_run_in_page_order_and_share_variables_and_directory(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": PAGE,
            # a-first sorts first by name but the page includes it second.
            "snippets/sec/page/b-second.sh": "GREETING=hello\nmkdir -p sub && cd sub\n",
            "snippets/sec/page/a-first.sh": 'echo "$GREETING from $(basename "$PWD")"\n',
            "snippets/sec/page/a-first.out": "hello from sub\n",
        }
    )
    assert result.returncode == 0, result.stdout
    assert "2 passed" in result.stdout


def test_fixtures_are_copied_into_the_work_directory(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": '# P\n\n```bash\n--8<-- "sec/page/01.sh"\n```\n\n```json\n--8<-- "sec/page/data.json"\n```\n',
            "snippets/sec/page/01.sh": "cat data.json\nls\n",
            "snippets/sec/page/01.out": '{"k": 1}\ndata.json\n',
            "snippets/sec/page/data.json": '{"k": 1}\n',
        }
    )
    assert result.returncode == 0, result.stdout


def test_a_failing_command_names_the_snippet_and_shows_stderr_and_later_steps_are_skipped(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": '# P\n\n```bash\n--8<-- "sec/page/01.sh"\n```\n\n```bash\n--8<-- "sec/page/02.sh"\n```\n',
            "snippets/sec/page/01.sh": "ls --bogus-flag /\necho not reached\n",
            "snippets/sec/page/02.sh": "echo later\n",
        }
    )
    assert result.returncode == 1
    assert "snippets/sec/page/01.sh: exited with 2, expected 0" in result.stdout
    assert "unrecognized option" in result.stdout
    assert "not reached" not in result.stdout
    assert "an earlier step of this page failed: snippets/sec/page/01.sh" in result.stdout


def test_a_hanging_command_is_killed_at_its_timeout_and_the_run_goes_on(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "docs/other/page.md": "# Q\n",
            "snippets/sec/page/01.sh": "sleep 999\n",
            "snippets/sec/page/_page.yml": "timeout: 2\n",
            "snippets/other/page/01.sh": "echo fine\n",
        }
    )
    assert "timed out after 2 s and was killed" in result.stdout
    assert "1 failed, 1 passed" in result.stdout


def test_a_command_waiting_for_input_fails_at_once_instead_of_hanging(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "read -r answer\necho \"got $answer\"\n",
        },
        timeout=30,
    )
    assert "exited with 1, expected 0" in result.stdout


def test_an_unbound_variable_is_an_error_naming_file_and_line(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "echo one\necho \"$NOT_SET_ANYWHERE\"\n",
        }
    )
    assert "01.sh: line 2: NOT_SET_ANYWHERE: unbound variable" in result.stdout


def test_output_that_differs_fails_with_a_diff(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "printf 'a\\nB\\n'\n",
            "snippets/sec/page/01.out": "a\nb\n",
        }
    )
    assert "output differs from snippets/sec/page/01.out" in result.stdout
    assert "-b" in result.stdout and "+B" in result.stdout


def test_expected_exit_code_and_hidden_assertions(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "echo refused >&2\nexit 3\n",
            "snippets/sec/page/02.sh": "VALUE=41\n",
            "snippets/sec/page/02.check.sh": "test \"$VALUE\" = 42\n",
            "snippets/sec/page/_page.yml": "steps:\n  01.sh:\n    exit_code: 3\n",
        }
    )
    assert "hidden assertion snippets/sec/page/02.check.sh failed (exit 1)" in result.stdout
    assert "1 failed, 1 passed" in result.stdout


def test_sessions_get_a_throwaway_home_and_no_aws_settings_from_the_author(run_gate, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "real-account")
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "printenv | grep -c _PROFILE= || true\ncase $HOME in /tmp/*) echo temp-home;; esac\n",
            "snippets/sec/page/01.out": "0\ntemp-home\n",
        }
    )
    assert result.returncode == 0, result.stdout
