"""Run a step on a pseudo-terminal and type its input the way a reader would.

A step marked `tty: true` in `_page.yml` gets a pseudo-terminal (80x24) as stdin, stdout,
stderr and controlling terminal, so `docker container run --interactive --tty ...`,
`docker login` prompts or `read -s` behave as in a terminal window. Its `input:` is
typed one line at a time when the program waits for it: its output has been quiet for
SETTLE seconds and ends in a prompt (text with no newline after it: `root@...:/# `,
`Username: `), or has been quiet for PATIENCE seconds whatever it ends with (a program
that prompts for nothing). Enter is sent as a carriage return, as a keyboard does.
Nothing is typed after the last line: a program still waiting then runs into the
step's timeout, as it would wait for a reader.

The transcript is rendered as a terminal shows it: control sequences (colours, cursor
movement, bracketed paste) are dropped and carriage returns overwrite the line.
"""

from __future__ import annotations

import os
import re
import select
import signal
import time

from ptyprocess import PtyProcess

SETTLE = 0.5
PATIENCE = 2.0
ROWS, COLUMNS = 24, 80

_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: window titles
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS, SOS, PM, APC strings
    r"|\x1b[()*+#][0-9A-Za-z]"  # character sets, line sizes
    r"|\x1b[@-Z\\-_=>]"  # other two-character escapes
)
_INVISIBLE = re.compile(r"[\x00-\x07\x0b\x0c\x0e-\x1f\x7f]")


def render(raw: str) -> str:
    """What a terminal would show for `raw`, as plain text lines."""
    text = _CONTROL.sub("", raw).replace("\r\n", "\n")
    lines = []
    for line in text.split("\n"):
        shown: list[str] = []
        column = 0
        for char in line:
            if char == "\r":
                column = 0
            elif char == "\b":
                column = max(column - 1, 0)
            elif _INVISIBLE.match(char):
                continue
            else:
                if column < len(shown):
                    shown[column] = char
                else:
                    shown.append(char)
                column += 1
        lines.append("".join(shown))
    return "\n".join(lines)


def run(
    argv: list[str],
    *,
    cwd: os.PathLike[str] | str,
    env: dict[str, str],
    timeout: float,
    input_text: str = "",
    settle: float = SETTLE,
    patience: float = PATIENCE,
) -> tuple[int | None, str]:
    """Run argv on a new pseudo-terminal; (exit code or None on timeout, rendered transcript)."""
    # ptyprocess starts argv in a new session whose controlling terminal is the pty: its pid
    # leads the process group that a timeout kills.
    process = PtyProcess.spawn(argv, cwd=str(cwd), env=env, dimensions=(ROWS, COLUMNS))
    lines = input_text.splitlines(keepends=True)
    chunks: list[bytes] = []
    started = last_output = time.monotonic()
    exit_code: int | None = None
    try:
        while time.monotonic() - started <= timeout:
            if select.select([process.fd], [], [], 0.05)[0]:
                data = _read(process.fd)
                if not data:
                    break
                chunks.append(data)
                last_output = time.monotonic()
                continue
            if not process.isalive():
                chunks += _drain(process.fd)
                break
            quiet = time.monotonic() - last_output
            if lines and quiet >= settle and (quiet >= patience or _prompting(chunks)):
                process.write(lines.pop(0).replace("\r\n", "\r").replace("\n", "\r").encode())
                last_output = time.monotonic()
        exit_code = _exit_code(process, max(0.0, timeout - (time.monotonic() - started)) + 0.5)
    finally:
        if exit_code is None:
            _kill_group(process)
        process.close(force=True)
    return exit_code, render(b"".join(chunks).decode("utf-8", "replace"))


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: every holder of the terminal has closed it
        return b""


def _exit_code(process: PtyProcess, seconds: float) -> int | None:
    """The exit code (negative: the signal that ended it), or None if still running after seconds."""
    deadline = time.monotonic() + seconds
    while process.isalive():
        if time.monotonic() > deadline:
            return None
        time.sleep(0.05)
    return process.exitstatus if process.signalstatus is None else -process.signalstatus


def _prompting(chunks: list[bytes]) -> bool:
    """Whether the output ends in a prompt: shown text with no newline after it."""
    recent = b"".join(chunks[-8:])[-2048:].decode("utf-8", "replace")
    shown = render(recent)
    return bool(shown) and not shown.endswith("\n")


def _drain(fd: int) -> list[bytes]:
    """What the exited program wrote last (a descendant may keep the terminal open: stop soon)."""
    chunks = []
    while select.select([fd], [], [], 0.1)[0] and (data := _read(fd)):
        chunks.append(data)
    return chunks


def _kill_group(process: PtyProcess) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill(signal.SIGKILL)
    _exit_code(process, 5)
