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


def test_an_unknown_kind_of_file_fails_naming_the_file(run_gate):
    result = run_gate({"docs/sec/page.md": "# P\n", "snippets/sec/page/notes.xyz": "?\n"})
    assert "snippets/sec/page/notes.xyz: no check knows this kind of file" in result.stdout
    assert result.returncode == 1


def test_malformed_page_metadata_names_file_and_line(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/_page.yml": "timeout: 5\nsteps:\n  01.sh: [unclosed\n",
        }
    )
    assert "snippets/sec/page/_page.yml:4: malformed YAML" in result.stdout


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


def test_malformed_json_names_file_and_line(run_gate):
    result = run_gate({"docs/sec/page.md": "# P\n", "snippets/sec/page/p.json": '{\n  "a": 1,\n}\n'})
    assert "snippets/sec/page/p.json:3: malformed JSON" in result.stdout


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


def test_a_snippet_no_page_includes_is_an_error_unless_it_is_a_declared_fixture(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": '# P\n\n```json\n--8<-- "sec/page/shown.json"\n```\n',
            "snippets/sec/page/shown.json": "{}\n",
            "snippets/sec/page/orphan.json": "{}\n",
            "snippets/sec/page/logo.png": "not really a png",
            "snippets/sec/page/_page.yml": "fixtures: [logo.png]\n",
        }
    )
    assert "snippets/sec/page/orphan.json: included by no page" in result.stdout
    assert "snippets/sec/page/logo.png: not a readable image" in result.stdout
    assert "2 failed, 1 passed" in result.stdout


def test_two_steps_with_the_same_name_are_an_error_naming_both(run_gate):
    result = run_gate(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01-run.sh": "true\n",
            "snippets/sec/page/01-run.bash": "true\n",
        }
    )
    assert "snippets/sec/page/01-run.bash: has the same step name as snippets/sec/page/01-run.sh" in result.stdout
