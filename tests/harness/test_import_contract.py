"""The harness keeps its layers (pyproject.toml's [tool.importlinter]): no import cycles between
them, and no module importing from a layer above its own."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_the_harness_imports_keep_the_declared_layers():
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"lint-imports found broken contracts:\n{done.stdout}{done.stderr}"
    assert "0 broken" in done.stdout, done.stdout
