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
