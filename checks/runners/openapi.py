"""Swagger 2.0 and OpenAPI 3.x documents (an API Gateway import, say): openapi-spec-validator.

Each problem is reported at the line of the JSON path it concerns, as far as the text shows it.
"""

from __future__ import annotations

from pathlib import Path

from openapi_spec_validator.shortcuts import get_validator_cls
from openapi_spec_validator.validation.exceptions import ValidatorDetectError

from checks.model import Outcome, Status
from checks.paths import Site

CHECKED_BY = "openapi-spec-validator"


def is_openapi(document: object) -> bool:
    return isinstance(document, dict) and ("swagger" in document or "openapi" in document)


def check_openapi(site: Site, path: Path, document: dict) -> Outcome:
    text = path.read_text(encoding="utf-8")
    try:
        validator = get_validator_cls(document)(document)
        problems = [(list(error.absolute_path), error.message) for error in validator.iter_errors()]
    except ValidatorDetectError:
        version = document.get("openapi", document.get("swagger"))
        problems = [([], f"no validator for version {version!r}")]
    except Exception as error:  # referencing: a $ref to nothing ends the walk with an exception
        problems = [([], str(error).split(" within ")[0])]
    if not problems:
        return Outcome(Status.PASSED, checked_by=CHECKED_BY)
    lines = [
        f"{site.relative(path)}:{line_of(text, where)}: {' > '.join(map(str, where)) or '(document)'}: {message}"
        for where, message in problems
    ]
    return Outcome(
        Status.FAILED,
        f"{lines[0]}{f' (and {len(lines) - 1} more)' if len(lines) > 1 else ''}",
        "\n".join(lines),
        checked_by=CHECKED_BY,
    )


def line_of(text: str, where: list) -> int:
    """The line where the keys of a JSON path appear in order (list indices are skipped)."""
    position = 0
    for key in where:
        if isinstance(key, str) and (found := text.find(f'"{key}"', position)) >= 0:
            position = found
    return text.count("\n", 0, position) + 1
