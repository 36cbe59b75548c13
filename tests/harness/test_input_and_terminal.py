"""Per-step `input:` and `tty:`: stdin text, a pseudo-terminal and typed lines, without an engine."""

import os
from pathlib import Path

from checks.runners import terminal

pytest_plugins = ["pytester"]

PAGE = "# P\n"


def test_render_drops_control_sequences_and_applies_carriage_returns():
    raw = "\x1b[?2004hroot@c0ffee:/# ls\r\n\x1b[1;32mgreen\x1b[0m\r\n50%\r100%\r\n\x1b]0;title\x07done\x00"
    assert terminal.render(raw) == "root@c0ffee:/# ls\ngreen\n100%\ndone"


def test_render_overwrites_only_as_far_as_the_new_text_goes():
    assert terminal.render("Downloading 10 MB\rDone") == "Doneloading 10 MB"
    assert terminal.render("abc\bd") == "abd"


def test_lines_are_typed_at_prompts_and_hidden_input_is_not_echoed():
    script = 'read -p "Name: " name; read -s -p "Secret: " secret; echo; echo "$name has ${#secret} letters"'
    code, text = terminal.run(
        ["bash", "-c", script], cwd=".", env=dict(os.environ), timeout=20, input_text="Ada\nhunter2\n"
    )
    assert code == 0
    assert text.splitlines() == ["Name: Ada", "Secret: ", "Ada has 7 letters"]


def test_the_terminal_is_the_controlling_one_with_a_window_size():
    code, text = terminal.run(
        ["bash", "-c", "test -t 0 && test -t 1 && echo tty; stty size; exec 3</dev/tty && echo ctty"],
        cwd=".",
        env=dict(os.environ),
        timeout=20,
    )
    assert code == 0
    assert text.split() == ["tty", str(terminal.ROWS), str(terminal.COLUMNS), "ctty"]


def test_exit_codes_are_kept_and_a_waiting_program_is_killed_at_the_timeout():
    code, _ = terminal.run(["bash", "-c", "exit 3"], cwd=".", env=dict(os.environ), timeout=10)
    assert code == 3
    code, text = terminal.run(
        ["bash", "-c", 'read -p "More? " x'], cwd=".", env=dict(os.environ), timeout=1.5
    )
    assert code is None and text == "More? "


def test_input_feeds_stdin_and_steps_without_it_read_dev_null(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-piped.sh": "sort\n",
            "snippets/sec/page/01-piped.out": "apple\nbanana\n",
            "snippets/sec/page/02-nothing.sh": "cat; test -t 0 || echo no terminal\n",
            "snippets/sec/page/02-nothing.out": "no terminal\n",
            "snippets/sec/page/_page.yml": "steps:\n  01-piped.sh:\n    input: |\n      banana\n      apple\n",
        }
    )
    result.assert_outcomes(passed=2)


def test_a_tty_step_gets_a_terminal_its_input_typed_and_the_session_state(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-set.sh": "GREETING=hello\n",
            "snippets/sec/page/02-ask.sh": 'read -p "Name: " name\necho "$GREETING $name"\nANSWER=$name\n',
            "snippets/sec/page/02-ask.out": "Name: Ada\nhello Ada\n",
            "snippets/sec/page/03-after.sh": 'echo "$ANSWER"; test -t 0 || echo "no terminal again"\n',
            "snippets/sec/page/03-after.out": "Ada\nno terminal again\n",
            "snippets/sec/page/_page.yml": "steps:\n  02-ask.sh:\n    tty: true\n    input: \"Ada\\n\"\n",
        }
    )
    result.assert_outcomes(passed=3)


def test_a_tty_step_waiting_for_more_input_times_out_with_a_clear_failure(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-ask.sh": 'read -p "First: " a\nread -p "Second: " b\n',
            "snippets/sec/page/_page.yml": "steps:\n  01-ask.sh:\n    tty: true\n    timeout: 3\n    input: \"one\\n\"\n",
        }
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/01-ask.sh: timed out after 3 s*", "--- output ---", "First: one", "Second:*"])


def test_unknown_step_keys_are_still_layout_errors(gate_here, tmp_path: Path):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/_page.yml": "steps:\n  01.sh:\n    terminal: true\n",
        }
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/_page.yml:3: steps: '01.sh': unknown key 'terminal': a step takes only *'tty'*"])
