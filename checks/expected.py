"""Compare what a command printed with the output shown on the page.

The expected text is what a reader sees, with two tolerances for volatile values:

* a line that is only `...` matches any run of lines (also none);
* `...` inside a line matches any characters (ids, timestamps, sizes);

and runs of blanks compare equal to a single blank, so column widths may change.
"""

from __future__ import annotations

import difflib
import re

ELLIPSIS = "..."


def _line_pattern(line: str) -> str:
    parts = [re.escape(part) for part in line.strip().split(ELLIPSIS)]
    pattern = "[^\\n]*?".join(parts)
    return re.sub(r"(\\\s|\\ )+", r"[ \\t]+", pattern)


def pattern_of(expected: str) -> re.Pattern[str]:
    pieces = []
    for line in expected.strip("\n").splitlines():
        if line.strip() == ELLIPSIS:
            pieces.append(r"(?:[^\n]*\n)*?")
        else:
            pieces.append(r"[ \t]*" + _line_pattern(line) + r"[ \t]*\n")
    return re.compile("".join(pieces) + r"\Z", re.DOTALL)


def normalise(actual: str) -> str:
    lines = [line.rstrip() for line in actual.replace("\r\n", "\n").strip("\n").splitlines()]
    return "\n".join(lines) + "\n"


def matches(expected: str, actual: str) -> bool:
    return pattern_of(expected).match(normalise(actual)) is not None


def mismatch_report(expected: str, actual: str, name: str = "expected") -> str:
    """A unified diff of expected vs actual; elided lines are shown as they are written."""
    diff = difflib.unified_diff(
        expected.strip("\n").splitlines(),
        normalise(actual).splitlines(),
        fromfile=name,
        tofile="actual output",
        lineterm="",
    )
    return "\n".join(diff)
