"""What `sam build` packages from snippets/modern-web-app/clickstream/template.yaml: the
function's own folder, as made by the deploy step, holding its handler and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cfnlint.decode import decode_str

pytestmark = pytest.mark.exercises(
    "modern-web-app/clickstream/template.yaml",
    "modern-web-app/clickstream/08-sam-deploy.sh",
)

PAGE = Path(__file__).resolve().parents[4] / "snippets" / "modern-web-app" / "clickstream"


def function() -> dict:
    template, errors = decode_str((PAGE / "template.yaml").read_text())
    assert not errors
    return template["Resources"]["StreamProcessorFunction"]["Properties"]


def test_the_code_folder_is_the_functions_own() -> None:
    folder = function()["CodeUri"].rstrip("/")
    assert folder not in ("", ".", "./"), "CodeUri . packages the template's whole directory"
    step = (PAGE / "08-sam-deploy.sh").read_text()
    made = re.findall(r"^mkdir -p (\S+)$", step, re.MULTILINE)
    copied = re.findall(r"^cp (\S+) (\S+?)/?$", step, re.MULTILINE)
    assert made == [folder]
    assert copied == [("streamProcessor.py", folder)]
    assert step.index("mkdir -p") < step.index("sam build")


def test_the_handler_is_in_the_copied_file() -> None:
    module, _, name = function()["Handler"].partition(".")
    assert (PAGE / f"{module}.py").exists()
    assert re.search(rf"^def {name}\(event, context\):", (PAGE / f"{module}.py").read_text(), re.MULTILINE)
