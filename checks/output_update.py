"""`--update-outputs`: rewrite a step's `.out` with what the step printed, for the author to review.

Only a step whose output no longer matches its `.out` is rewritten, and the step passes (its
`.out` now holds what it printed). The new text keeps what still matches from the old one:
its lines that match a printed line (with their tokens as written) and its `...` lines,
which go on standing for the lines they cover; every other printed line is written as it
came. The terminal summary shows a unified diff of each rewritten file.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from checks import expected
from checks.paths import Site

OPTION = "update_outputs"
USER_PROPERTY = "output_updated"


def add_option(group) -> None:
    group.addoption(
        "--update-outputs",
        action="store_true",
        dest=OPTION,
        help="rewrite the .out of each shell step whose output differs with what it printed "
        "(implies --no-cache); the summary shows each change",
    )


def enabled(config) -> bool:
    return bool(config.getoption(OPTION, False))


def configure(config) -> None:
    if enabled(config):
        config.option.no_cache = True  # a reused result would leave its .out unchecked


def rewrite(site: Site, out: Path, printed: str) -> str:
    """Write the updated `.out` for `printed`; return the unified diff of the change."""
    old = out.read_text(encoding="utf-8")
    new = updated_text(old, printed)
    out.write_text(new, encoding="utf-8")
    name = site.relative(out)
    return "\n".join(difflib.unified_diff(old.splitlines(), new.splitlines(), name, name, lineterm=""))


def updated_text(old: str, printed: str) -> str:
    """`printed`, with the lines of `old` that still match it, and its `...` lines, kept."""
    shown = old.strip("\n").splitlines()
    lines = expected.normalise(printed).strip("\n").splitlines()
    patterns = [None if _is_ellipsis(line) else re.compile(expected.line_pattern(line)) for line in shown]
    kept = _align(shown, patterns, lines)
    text = "\n".join(kept) + "\n"
    return text if expected.matches(text, printed) else expected.normalise(printed)


def _is_ellipsis(line: str) -> bool:
    return line.strip() == expected.ELLIPSIS


def _align(shown: list[str], patterns: list, lines: list[str]) -> list[str]:
    """The best alignment of the old lines with the printed ones (dynamic programming).

    Scores compare as tuples: old lines kept first, then old lines replaced by a printed one
    (so a changed line takes the place of the old, not of lines a `...` covered), then
    printed lines a `...` covers.
    """
    n, m = len(shown), len(lines)
    best = [[(0, 0, 0)] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            options = []
            if i < n:
                options.append((best[i + 1][j], "drop"))
            if j < m:
                options.append((best[i][j + 1], "print"))
            if i < n and j < m:
                if patterns[i] is None:
                    options.append((_plus(best[i][j + 1], 0, 0, 1), "cover"))
                elif patterns[i].fullmatch(lines[j].strip()):
                    options.append((_plus(best[i + 1][j + 1], 1, 0, 0), "keep"))
                else:
                    options.append((_plus(best[i + 1][j + 1], 0, 1, 0), "replace"))
            if options:
                best[i][j], move[i][j] = max(options, key=lambda option: option[0])
    kept, i, j = [], 0, 0
    while i < n or j < m:
        step = move[i][j]
        if step in ("keep", "drop") and (step == "keep" or patterns[i] is None):
            kept.append(shown[i])
        elif step in ("print", "replace"):
            kept.append(lines[j])
        i += step in ("keep", "drop", "replace")
        j += step in ("keep", "print", "replace", "cover")
    return kept


def _plus(score: tuple[int, int, int], *more: int) -> tuple[int, int, int]:
    return tuple(a + b for a, b in zip(score, more, strict=True))


def summarise(terminalreporter) -> None:
    diffs = [
        value
        for report in terminalreporter.getreports("passed")
        for key, value in report.user_properties
        if key == USER_PROPERTY
    ]
    if not diffs:
        return
    terminalreporter.section(f"outputs updated ({len(diffs)}): review each change")
    for diff in diffs:
        terminalreporter.write_line(diff)
