"""Collection: every snippet file is an item named by its path; what cannot be checked is an error."""

pytest_plugins = ["pytester"]


def test_item_ids_are_snippet_paths_with_their_kind(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/data.json": "{}\n",
        },
        "--collect-only",
    )
    result.stdout.fnmatch_lines(["snippets/sec/page/01.sh::shell", "snippets/sec/page/data.json::json"])


def test_metadata_about_a_missing_step_is_an_error(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/_page.yml": "steps:\n  99-gone.sh:\n    timeout: 5\n",
        }
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/_page.yml:2: steps: '99-gone.sh' is not a file*"])


def test_an_output_without_its_step_is_an_error(gate_here):
    result = gate_here({"docs/sec/page.md": "# P\n", "snippets/sec/page/02.out": "x\n"})
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/02.out: belongs to no step*"])


def test_selecting_one_step_still_runs_the_earlier_steps_first(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "X=from-step-one\n",
            "snippets/sec/page/02.sh": 'echo "$X"\n',
            "snippets/sec/page/02.out": "from-step-one\n",
        },
        "-k",
        "02",
    )
    result.assert_outcomes(passed=1, deselected=1)
