"""Page sessions: order, shared state, timeouts and clear failures, all without an engine."""

pytest_plugins = ["pytester"]

PAGE = """
# Page

```bash
--8<-- "sec/page/b-second.sh"
```

```bash
--8<-- "sec/page/a-first.sh"
```
"""


def test_steps_run_in_page_order_and_share_variables_and_directory(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            # a-first sorts first by name but the page includes it second.
            "snippets/sec/page/b-second.sh": "GREETING=hello\nmkdir -p sub && cd sub\n",
            "snippets/sec/page/a-first.sh": 'echo "$GREETING from $(basename "$PWD")"\n',
            "snippets/sec/page/a-first.out": "hello from sub\n",
        }
    )
    result.assert_outcomes(passed=2)


def test_fixtures_are_copied_into_the_work_directory(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": '# P\n\n```bash\n--8<-- "sec/page/01.sh"\n```\n\n```json\n--8<-- "sec/page/data.json"\n```\n',
            "snippets/sec/page/01.sh": "cat data.json\nls\n",
            "snippets/sec/page/01.out": '{"k": 1}\ndata.json\n',
            "snippets/sec/page/data.json": '{"k": 1}\n',
        }
    )
    result.assert_outcomes(passed=2)


def test_expected_exit_code_and_hidden_assertions(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "echo refused >&2\nexit 3\n",
            "snippets/sec/page/02.sh": "VALUE=41\n",
            "snippets/sec/page/02.check.sh": "test \"$VALUE\" = 42\n",
            "snippets/sec/page/_page.yml": "steps:\n  01.sh:\n    exit_code: 3\n",
        }
    )
    result.stdout.fnmatch_lines(["*snippets/sec/page/02.sh: hidden assertion snippets/sec/page/02.check.sh failed (exit 1)*"])
    result.assert_outcomes(failed=1, passed=1)


def test_sessions_get_a_throwaway_home_and_no_aws_settings_from_the_author(gate_here, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "real-account")
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "printenv | grep -c _PROFILE= || true\ncase $HOME in /tmp/*) echo temp-home;; esac\n",
            "snippets/sec/page/01.out": "0\ntemp-home\n",
        }
    )
    result.assert_outcomes(passed=1)
