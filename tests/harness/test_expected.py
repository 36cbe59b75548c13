from checks import expected


def test_identical_output_matches():
    assert expected.matches("a\nb\n", "a\nb\n")


def test_a_line_of_dots_matches_any_run_of_lines_including_none():
    assert expected.matches("start\n...\nend\n", "start\nx\ny\nend\n")
    assert expected.matches("start\n...\nend\n", "start\nend\n")
    assert not expected.matches("start\n...\nend\n", "start\nx\n")


def test_dots_inside_a_line_match_volatile_values_on_that_line_only():
    assert expected.matches("alpine Up ...\n", "alpine Up 3 seconds\n")
    assert not expected.matches("id ... done\n", "id 1\n2 done\n")


def test_runs_of_blanks_compare_equal():
    assert expected.matches("IMAGE COMMAND\n", "IMAGE     COMMAND   \n")
    assert not expected.matches("IMAGE COMMAND\n", "IMAGECOMMAND\n")


def test_extra_or_missing_lines_do_not_match():
    assert not expected.matches("a\n", "a\nb\n")
    assert not expected.matches("a\nb\n", "a\n")


def test_regex_characters_in_expected_text_are_literal():
    assert expected.matches('"sleep 600" (x)\n', '"sleep 600" (x)\n')
    assert not expected.matches("a.c\n", "abc\n")


def test_mismatch_report_is_a_diff_naming_both_sides():
    report = expected.mismatch_report("a\nb\n", "a\nc\n", "page.out")
    assert "--- page.out" in report and "+++ actual output" in report
    assert "-b" in report and "+c" in report
