"""Collection: every snippet file is an item named by its path; what cannot be checked is an error."""


def test_item_ids_are_snippet_paths_with_their_kind(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/data.json": "{}\n",
        },
        "--collect-only",
    )
    assert "snippets/sec/page/01.sh::shell" in result.stdout
    assert "snippets/sec/page/data.json::json" in result.stdout


def test_metadata_about_a_missing_step_is_an_error(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/_page.yml": "steps:\n  99-gone.sh:\n    timeout: 5\n",
        }
    )
    assert "'99-gone.sh' is not a file" in result.stdout


def test_an_output_without_its_step_is_an_error(run_gate):
    result = run_gate({"docs/sec/page.md": "# P\n", "snippets/sec/page/02.out": "x\n"})
    assert "snippets/sec/page/02.out: belongs to no step" in result.stdout


def test_selecting_one_step_still_runs_the_earlier_steps_first(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "X=from-step-one\n",
            "snippets/sec/page/02.sh": 'echo "$X"\n',
            "snippets/sec/page/02.out": "from-step-one\n",
        },
        "-k",
        "02",
    )
    assert "1 passed" in result.stdout, result.stdout
