"""Run shell snippets with bash, one process per step, carrying the shell state between steps.

Each step starts a fresh `bash` that first restores the state the previous step left
(variables, functions, working directory), then sources the snippet with
`set -euo pipefail`, then saves its state for the next step. A fresh process per step
means a hanging command can be killed with its whole process group without losing
the page's state.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from checks.runners import sandbox, terminal

WRAPPER = r"""
__dsp_snippet=$1 __dsp_state_out=$3
# What the gate put in the environment: carried over only if a step changes it, so that
# the environment of each step (e.g. an endpoint set for that step) is not overridden.
declare -A __dsp_inherited
for __dsp_name in $(compgen -e); do __dsp_inherited[$__dsp_name]=${!__dsp_name@A}; done
__dsp_save() {
  local __dsp_rc=$?
  set +eu +o pipefail
  {
    local __dsp_name __dsp_decl __dsp_attrs
    for __dsp_name in $(compgen -v); do
      case $__dsp_name in
        BASH*|EUID|PPID|UID|SHELLOPTS|GROUPS|FUNCNAME|LINENO|RANDOM|SRANDOM|SECONDS|EPOCH*|\
        PIPESTATUS|_|DIRSTACK|HIST*|OLDPWD|PWD|SHLVL|COLUMNS|LINES|OPTIND|OPTARG|OPTERR|\
        __dsp*|HOSTNAME|HOSTTYPE|MACHTYPE|OSTYPE|IFS|PS4|COMP_WORDBREAKS|MAILCHECK) continue ;;
      esac
      __dsp_attrs=${!__dsp_name@a}
      [[ $__dsp_attrs == *r* ]] && continue
      # ${name@A} declares a scalar without a subshell; arrays need declare -p.
      if [[ $__dsp_attrs == *[aA]* ]]; then
        __dsp_decl=$(declare -p "$__dsp_name" 2>/dev/null) || continue
      else
        __dsp_decl=${!__dsp_name@A}
      fi
      [[ -z $__dsp_decl || ${__dsp_inherited[$__dsp_name]-} == "$__dsp_decl" ]] && continue
      printf '%s\n' "$__dsp_decl"
    done
    declare -f
    printf 'builtin cd -- %q\n' "$PWD"
  } > "$__dsp_state_out"
  exit "$__dsp_rc"
}
if [[ -f $2 ]]; then builtin source "$2"; fi
trap __dsp_save EXIT
set -euo pipefail
builtin source "$__dsp_snippet"
"""


@dataclass
class ShellResult:
    exit_code: int | None  # None when the step was killed by its timeout
    output: str
    duration: float

    @property
    def timed_out(self) -> bool:
        return self.exit_code is None


def write_wrapper(state_dir: Path) -> Path:
    wrapper = state_dir / "wrapper.bash"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    return wrapper


def run_step(
    snippet: Path,
    *,
    state_dir: Path,
    workdir: Path,
    env: dict[str, str],
    timeout: float,
    input: str | None = None,
    tty: bool = False,
    sandbox_root: Path | None = None,
    writable: tuple[Path, ...] = (),
) -> ShellResult:
    """Run one snippet in the page's shell state; stdout and stderr interleaved as a reader sees them.

    `input` is fed to the step's stdin (otherwise /dev/null); with `tty` the step runs on a
    pseudo-terminal and `input` is typed at its prompts (see terminal.py).
    """
    wrapper = state_dir / "wrapper.bash"
    if not wrapper.exists():
        write_wrapper(state_dir)
    state_in, state_out = state_dir / "state.bash", state_dir / "state.next.bash"
    started = time.monotonic()
    argv = ["bash", "--noprofile", "--norc", str(wrapper), str(snippet), str(state_in), str(state_out)]
    if sandbox_root is not None:
        argv = sandbox.wrap(argv, sandbox_root, workdir, writable)
    if tty:
        exit_code, text = terminal.run(argv, cwd=workdir, env=env, timeout=timeout, input_text=input or "")
        if state_out.exists():
            state_out.replace(state_in)
        return ShellResult(exit_code, text, time.monotonic() - started)
    process = subprocess.Popen(
        argv,
        cwd=workdir,
        env=env,
        stdin=subprocess.DEVNULL if input is None else subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(None if input is None else input.encode(), timeout=timeout)
        exit_code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        _kill_group(process)
        output, _ = process.communicate()
        exit_code = None
    finally:
        if process.poll() is None:  # interrupted (Ctrl-C) while the step ran
            _kill_group(process)
    if state_out.exists():
        state_out.replace(state_in)
    return ShellResult(exit_code, output.decode("utf-8", "replace"), time.monotonic() - started)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()
