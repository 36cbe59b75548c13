"""Page sessions: a page's shell steps run in page order in one shell state and one work directory.

The work directory is a throwaway copy of the page's fixtures (every file of the page's
snippet folder that is not a step, an output, an assertion or metadata). HOME points at
a throwaway directory too, so `docker login` or `~/.aws` never touch the author's own.

A session belongs to its page's collector (collection.Page), which opens it when the first
step that must run asks for it and closes it when pytest tears the page down.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from checks import expected, model, output_update, pages, paths
from checks.model import Kind, Outcome, Status
from checks.runners import sandbox, shell, static
from checks.services import session_environment


@dataclass
class PageSession:
    """A page's shell session; the services registered with `config` (checks/hookspecs.py) serve it."""

    page_dir: Path
    config: pytest.Config = field(repr=False)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    outcomes: dict[Path, Outcome] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.hook = self.config.hook
        self.site = paths.site_of(self.config)
        self.requirements = session_environment.requirements(self.config)
        self.meta = pages.page_meta(self.site, self.page_dir)
        self.steps = [s for s in pages.steps_of(self.site, self.page_dir) if model.kind_of(s) is Kind.SHELL]
        self.root = Path(tempfile.mkdtemp(prefix=f"dsp-{self.page_dir.name}-"))
        self.workdir, self.state_dir, self.home, self.tmp = (self.root / d for d in ("work", "state", "home", "tmp"))
        for directory in (self.state_dir, self.home, self.tmp):
            directory.mkdir()
        shutil.copytree(self.page_dir, self.workdir, ignore=self._not_fixtures)
        self.env = session_environment.for_session(self, self.hook)
        self.writable = tuple(path for paths in self.hook.pytest_dsp_writable_dirs() for path in paths)
        self.hook.pytest_dsp_session_open(session=self)

    def _not_fixtures(self, directory: str, names: list[str]) -> list[str]:
        return [
            name
            for name in names
            if model.kind_of(Path(directory, name)) in (Kind.SHELL, *model.PART_KINDS) or model.is_metadata(Path(name))
        ]

    def result_of(self, step: Path) -> Outcome:
        """Run the page's steps up to `step` (once each) and return the outcome of `step`."""
        step = step.resolve()
        for earlier in self.steps:
            if earlier not in self.outcomes:
                self.outcomes[earlier] = self._run(earlier)
            if earlier == step:
                break
        return self.outcomes[step]

    def _run(self, step: Path) -> Outcome:
        meta = self.meta.step(step.name)
        if not meta.run:  # cannot run here: validated statically, independent of earlier steps
            return static.check_shell(self.site, step, not_run=meta.reason or "")
        broken = next((s for s, o in self.outcomes.items() if o.failed), None)
        if broken is not None:
            return Outcome(Status.SKIPPED, f"an earlier step of this page failed: {self.site.relative(broken)}")
        refused = self.hook.pytest_dsp_vet_step(step=step)
        if refused:
            return Outcome(Status.FAILED, f"{self.site.relative(step)}: {refused}")
        requires = self.requirements.of(step, meta.requires)
        try:
            missing = self.requirements.missing(requires)
        except session_environment.SetUpFailed as failed:
            return Outcome(Status.FAILED, f"{self.site.relative(step)}: {failed}", requires=requires)
        if missing:
            skipped = Outcome(Status.SKIPPED, missing, requires=requires)
            return self._instead(step, skipped, meta.otherwise) if meta.otherwise else skipped
        try:
            self.hook.pytest_dsp_before_step(session=self, requires=requires)
        except Exception as error:  # e.g. the AWS guard refusing the step
            return Outcome(Status.FAILED, f"{self.site.relative(step)}: {error}")
        result = self._execute(step, meta.timeout, input=meta.input, tty=meta.tty)
        violation = self.hook.pytest_dsp_after_step(session=self)
        if violation:
            return Outcome(Status.FAILED, f"{self.site.relative(step)}: {violation}", result.output, result.duration)
        outcome = self._judge(step, result, meta.exit_code)
        outcome.requires = requires
        assertion = model.assertion_of(step)
        if outcome.status is Status.PASSED and assertion:
            # The assertion can read what the step printed from $DSP_STEP_OUTPUT.
            printed = self.state_dir / "step.output"
            printed.write_text(result.output, encoding="utf-8")
            checked = self._execute(assertion, meta.timeout, extra={"DSP_STEP_OUTPUT": str(printed)})
            if checked.timed_out or checked.exit_code != 0:
                outcome = Outcome(
                    Status.FAILED,
                    f"hidden assertion {self.site.relative(assertion)} failed"
                    + (" (timed out)" if checked.timed_out else f" (exit {checked.exit_code})"),
                    output=checked.output,
                    duration=result.duration,
                )
        return outcome

    def _instead(self, step: Path, skipped: Outcome, name: str) -> Outcome:
        """Run the page's nearest equivalent (`otherwise:`) in place of a step that cannot run here."""
        fallback = (self.page_dir / name).resolve()
        if fallback not in self.outcomes:
            self.outcomes[fallback] = self._run(fallback)
        done = self.outcomes[fallback].status
        skipped.message += f"; ran {self.site.relative(fallback)} in its place ({done})"
        return skipped

    def _execute(
        self,
        script: Path,
        timeout: float,
        *,
        input: str | None = None,
        tty: bool = False,
        extra: dict[str, str] | None = None,
    ) -> shell.ShellResult:
        return shell.run_step(
            script,
            state_dir=self.state_dir,
            workdir=self.workdir,
            env={**self.env, **(extra or {})},
            timeout=timeout,
            input=input,
            tty=tty,
            sandbox_root=self.root,
            writable=self.writable,
        )

    def start(self, argv: list[str], log: Path, **options) -> subprocess.Popen[bytes]:
        """A process that sees what the session's steps see (its sandbox, environment and work
        directory) and outlives them: a server its steps talk to. The caller stops it."""
        with open(log, "wb") as output:
            return subprocess.Popen(
                sandbox.wrap(argv, self.root, self.workdir, self.writable),
                env=self.env,
                cwd=self.workdir,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **options,
            )

    def _judge(self, step: Path, result: shell.ShellResult, exit_code: int) -> Outcome:
        name = self.site.relative(step)
        if result.timed_out:
            return Outcome(
                Status.FAILED,
                f"{name}: timed out after {self.meta.step(step.name).timeout:g} s and was killed "
                "(a command waiting for a TTY or for input, or one that never ends?). "
                f"If it needs longer, set steps.{step.name}.timeout in {model.METADATA_NAME}.",
                result.output,
                result.duration,
            )
        if result.exit_code != exit_code:
            return Outcome(
                Status.FAILED,
                f"{name}: exited with {result.exit_code}, expected {exit_code}",
                result.output,
                result.duration,
            )
        wanted = model.output_of(step)
        if wanted is not None:
            text = wanted.read_text(encoding="utf-8")
            if not expected.matches(text, result.output) and output_update.enabled(self.config):
                diff = output_update.rewrite(self.site, wanted, result.output)
                return Outcome(
                    Status.PASSED,
                    output=result.output,
                    duration=result.duration,
                    checked_by="bash",
                    updated_output=diff,
                )
            if not expected.matches(text, result.output):
                report = expected.mismatch_report(text, result.output, self.site.relative(wanted))
                return Outcome(
                    Status.FAILED,
                    f"{name}: output differs from {self.site.relative(wanted)}\n{report}",
                    result.output,
                    result.duration,
                )
        return Outcome(Status.PASSED, output=result.output, duration=result.duration, checked_by="bash")

    def close(self) -> None:
        try:
            self.hook.pytest_dsp_session_close(session=self)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def run_id() -> str:
    """One id per gate run, shared by pytest-xdist workers through the environment."""
    return os.environ.setdefault("DSP_RUN_ID", uuid.uuid4().hex[:12])
