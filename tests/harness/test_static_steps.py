"""Steps that cannot run here (`run: false` + `reason:`) are checked by shellcheck, never run."""

PAGE = '# P\n\n```bash\n--8<-- "sec/page/01-set.sh"\n```\n\n```bash\n--8<-- "sec/page/02-remote.sh"\n```\n'
META = "steps:\n  02-remote.sh:\n    run: false\n    reason: it runs on the instance\n"


def test_a_step_marked_run_false_is_validated_by_shellcheck_and_not_run(run_gate, tmp_path):
    marker = tmp_path / "ran"
    result = run_gate(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "HOST=example.invalid\n",
            # Uses a variable of the earlier step (no SC2154) and would leave a marker if run.
            "snippets/sec/page/02-remote.sh": f'ssh -i mykey.pem ec2-user@"$HOST"\ntouch {marker}\n',
            "snippets/sec/page/_page.yml": META,
        }
    )
    assert result.returncode == 0, result.stdout
    assert "2 passed" in result.stdout
    assert not marker.exists()


def test_shellcheck_findings_fail_a_step_that_is_not_run(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "HOST=example.invalid\n",
            "snippets/sec/page/02-remote.sh": 'if [ -f "$HOST" ]; then echo yes\n',  # no `fi`
            "snippets/sec/page/_page.yml": META,
        }
    )
    assert result.returncode == 1
    assert "snippets/sec/page/02-remote.sh: shellcheck found problems" in result.stdout


def test_run_false_needs_a_reason(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "true\n",
            "snippets/sec/page/02-remote.sh": "true\n",
            "snippets/sec/page/_page.yml": "steps:\n  02-remote.sh:\n    run: false\n",
        }
    )
    assert "has run: false but no reason" in result.stdout


def test_a_step_that_is_not_run_cannot_claim_an_output(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "true\n",
            "snippets/sec/page/02-remote.sh": "uptime\n",
            "snippets/sec/page/02-remote.out": "up 3 days\n",
            "snippets/sec/page/_page.yml": META,
        }
    )
    assert "has an expected output" in result.stdout
