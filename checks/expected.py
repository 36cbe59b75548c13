"""Compare what a command printed with the output shown on the page.

The expected text is what a real run printed, as a reader sees it. Tolerated:

* volatile tokens by class (checks/volatile.py): an id, digest, timestamp, age, duration,
  size, IP address and port, or AWS account id in the expected text matches any token of
  the same class in its place, and never a token of another class or other text;
* runs of blanks compare equal to a single blank, so column widths may change;
* a line that is only `...` matches any run of lines (also none): for output whose number
  of lines really varies (pull progress, package lists);
* `...` inside a line matches any characters on that line, where no class fits.

Everything else is literal: a different image name, a missing line or an extra one fails.
"""

from __future__ import annotations

import difflib
import re

from checks import volatile

ELLIPSIS = "..."


def _literal(text: str) -> str:
    return re.sub(r"(\\\s|\\ )+", r"[ \\t]+", re.escape(text))


def line_pattern(line: str) -> str:
    parts = [volatile.pattern_of_text(part, _literal) for part in line.strip().split(ELLIPSIS)]
    return "[^\\n]*?".join(parts)


def pattern_of(expected: str) -> re.Pattern[str]:
    pieces = []
    for line in expected.strip("\n").splitlines():
        if line.strip() == ELLIPSIS:
            pieces.append(r"(?:[^\n]*\n)*?")
        else:
            pieces.append(r"[ \t]*" + line_pattern(line) + r"[ \t]*\n")
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
