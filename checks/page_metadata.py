"""A page's `_page.yml`, read into validated models; every problem names the file and line.

    timeout: 90              # seconds, for every step of the page
    requires: [docker]       # capabilities every step needs
    fixtures: [linux.png]    # files commands use but the page does not show
    steps:
      03-build.sh: {timeout: 300, exit_code: 1}

The rules (see CONTRIBUTING.md "Metadata") live in the models below; their errors are
turned into sentences an author can act on, pointing at the offending key in the file.
"""

from __future__ import annotations

import reprlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from checks import located_yaml, model
from checks.paths import Site


class Settings(BaseModel):
    # strict: YAML already gives numbers, booleans and lists their types, so a value of
    # another type is an author's mistake (`timeout: 5m`, `requires: docker`), not a coercion.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_unset(cls, raw: Any) -> Any:
        # `key:` with nothing after it (e.g. all its entries commented out) keeps the default.
        return {key: value for key, value in raw.items() if value is not None} if isinstance(raw, dict) else raw


class StepMeta(Settings):
    """How one step runs; `PageMeta.step()` gives it with the page's settings merged in."""

    timeout: float = Field(model.DEFAULT_TIMEOUT, gt=0, allow_inf_nan=False)
    requires: list[str] = Field(default_factory=list)
    exit_code: int = Field(0, ge=0, le=255)
    otherwise: str | None = None  # step to run instead when a requirement is missing
    input: str | None = None  # text fed to the step's stdin (else /dev/null)
    tty: bool = False  # run on a pseudo-terminal; `input` is then typed at its prompts
    # `run: false` + `reason:`: a step that cannot run here (it needs a remote machine, systemd,
    # ...) is validated statically with shellcheck instead, and the reason is reported.
    run: bool = True
    reason: str | None = None


class PageMeta(Settings):
    timeout: float = Field(model.DEFAULT_TIMEOUT, gt=0, allow_inf_nan=False)
    requires: list[str] = Field(default_factory=list)
    fixtures: list[str] = Field(default_factory=list)
    steps: dict[str, StepMeta] = Field(default_factory=dict)
    # AWS resources the page leaves on purpose ("s3 bucket images-..."), each with the reason the page shows.
    keeps: dict[str, str] = Field(default_factory=dict)

    def step(self, name: str) -> StepMeta:
        """The settings of step `name`: its own, else the page's; requirements add up."""
        own = self.steps.get(name, StepMeta())
        timeout = own.timeout if "timeout" in own.model_fields_set else self.timeout
        return own.model_copy(update={"timeout": timeout, "requires": [*self.requires, *own.requires]})


# What each key must hold, in the words of an error message.
EXPECTED = {
    "timeout": "a positive number of seconds",
    "requires": "a list of capability names",
    "fixtures": "a list of file names",
    "steps": "a mapping of step file names to their settings",
    "exit_code": "an exit status from 0 to 255",
    "otherwise": "the file name of another step of the page",
    "input": "the text fed to the step's input",
    "tty": "true or false",
    "run": "true or false",
    "reason": "a sentence saying why the step cannot run here",
    "keeps": 'a mapping of resources the page leaves ("s3 bucket NAME") to the reason it keeps each',
}
ITEM_EXPECTED = {"requires": "a capability name", "fixtures": "a file name"}


def read(site: Site, page_dir: Path) -> PageMeta:
    """The page's metadata (defaults if it has no `_page.yml`); a LayoutError if it is wrong."""
    path = page_dir / model.METADATA_NAME
    if not path.exists():
        return PageMeta()
    raw, root = located_yaml.load(site, path)
    try:
        meta = PageMeta.model_validate(raw)
    except ValidationError as invalid:
        first = min(invalid.errors(), key=lambda error: located_yaml.line_of(root, error["loc"]) or 0)
        raise site.error(path, explain(first), located_yaml.line_of(root, first["loc"])) from None
    problem = next(problems_across_files(site, meta, page_dir), None)
    if problem:
        loc, message = problem
        raise site.error(path, message, located_yaml.line_of(root, loc))
    return meta


def explain(error: ErrorDetails) -> str:
    """A pydantic error as a sentence: where it is, what must be there, what is there."""
    loc = error["loc"]
    if error["type"] == "extra_forbidden":
        owner, model = (f"steps: {loc[1]!r}: ", StepMeta) if loc[0] == "steps" else ("", PageMeta)
        allowed = sorted(model.model_fields)
        return f"{owner}unknown key {loc[-1]!r}: {'a step' if owner else 'a page'} takes only {allowed}"
    where, expected = _where_and_expected(loc)
    return f"{where}must be {expected}, got {_describe(error['input'])}"


def _where_and_expected(loc: tuple) -> tuple[str, str]:
    if not loc:
        return "", f"a mapping of page settings ({', '.join(PageMeta.model_fields)})"
    owner, rest = "", loc
    if loc[0] == "steps" and len(loc) >= 2:
        if len(loc) == 2:
            return f"steps: {loc[1]!r}: ", f"a mapping of step settings ({', '.join(StepMeta.model_fields)})"
        if loc[2] == "[key]":
            return "steps: ", "keyed by step file names"
        owner, rest = f"steps: {loc[1]!r}: ", loc[2:]
    key = rest[0]
    if key == "keeps" and len(rest) > 1:
        return f"keeps: {rest[1]!r}: ", "a sentence saying why the page leaves it"
    if len(rest) > 1:
        return f"{owner}{key}: item {rest[1] + 1} ", ITEM_EXPECTED[key]
    return f"{owner}{key}: ", EXPECTED[key]


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list | dict):
        return f"the {'list' if isinstance(value, list) else 'mapping'} {reprlib.repr(value)}"
    return str(value)


def problems_across_files(site: Site, meta: PageMeta, page_dir: Path):
    """What the models cannot see: the names the metadata gives must be files of the page."""
    folder = site.relative(page_dir)
    for index, name in enumerate(meta.fixtures):
        if not _is_file_of(page_dir, name):
            yield ("fixtures", index), f"fixtures: {name!r} is not a file in {folder}"
    for name, step in meta.steps.items():
        if not _is_file_of(page_dir, name):
            yield ("steps", name), f"steps: {name!r} is not a file in {folder}"
        fallback = step.otherwise
        if fallback is not None and (fallback == name or not _is_file_of(page_dir, fallback)):
            yield (
                ("steps", name, "otherwise"),
                f"steps: {name!r}: otherwise: {fallback!r} is not another step of the page",
            )
        if not step.run and not (step.reason or "").strip():
            yield ("steps", name, "run"), f"steps: {name!r} has run: false but no reason: say why it cannot run"
    for resource, reason in meta.keeps.items():
        if not reason.strip():
            yield ("keeps", resource), f"keeps: {resource!r} has no reason: say why the page leaves it"


def _is_file_of(page_dir: Path, name: str) -> bool:
    return Path(name).name == name and (page_dir / name).is_file()
