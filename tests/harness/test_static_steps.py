"""Steps that cannot run here (`run: false` + `reason:`) are checked by shellcheck, never run."""

PAGE = '# P\n\n```bash\n--8<-- "sec/page/01-set.sh"\n```\n\n```bash\n--8<-- "sec/page/02-remote.sh"\n```\n'
pytest_plugins = ["pytester"]

META = "steps:\n  02-remote.sh:\n    run: false\n    reason: it runs on the instance\n"


def test_a_step_marked_run_false_is_validated_by_shellcheck_and_not_run(gate_here, tmp_path):
    marker = tmp_path / "ran"
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "HOST=example.invalid\n",
            # Uses a variable of the earlier step (no SC2154) and would leave a marker if run.
            "snippets/sec/page/02-remote.sh": f'ssh -i mykey.pem ec2-user@"$HOST"\ntouch {marker}\n',
            "snippets/sec/page/_page.yml": META,
        }
    )
    result.assert_outcomes(passed=2)
    assert not marker.exists()


def test_shellcheck_findings_fail_a_step_that_is_not_run(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "HOST=example.invalid\n",
            "snippets/sec/page/02-remote.sh": 'if [ -f "$HOST" ]; then echo yes\n',  # no `fi`
            "snippets/sec/page/_page.yml": META,
        }
    )
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*docs/sec/page.md:8: snippets/sec/page/02-remote.sh: shellcheck found problems*"])


def test_run_false_needs_a_reason(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "true\n",
            "snippets/sec/page/02-remote.sh": "true\n",
            "snippets/sec/page/_page.yml": "steps:\n  02-remote.sh:\n    run: false\n",
        }
    )
    result.assert_outcomes(failed=2)  # each file of the page names the bad metadata
    result.stdout.fnmatch_lines(["*snippets/sec/page/_page.yml:3: steps: '02-remote.sh' has run: false but no reason*"])


def test_a_step_that_is_not_run_cannot_claim_an_output(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "true\n",
            "snippets/sec/page/02-remote.sh": "uptime\n",
            "snippets/sec/page/02-remote.out": "up 3 days\n",
            "snippets/sec/page/_page.yml": META,
        }
    )
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        ["*snippets/sec/page/02-remote.sh: has an expected output (snippets/sec/page/02-remote.out) but is not run*"]
    )
