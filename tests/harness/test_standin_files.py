"""The stand-ins' Dockerfiles and scripts are linted like readers' snippets: hadolint, shellcheck."""

import subprocess

import pytest

from checks import paths
from checks.runners import static
from checks.services import standin_builders

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

DOCKERFILES = sorted(standin_builders.FILES.glob("*.Dockerfile"))


def test_every_builder_with_a_dockerfile_has_its_file():
    named = {path.name.removesuffix(".Dockerfile") for path in DOCKERFILES}
    assert named == {"nginx", "node", "registry", "httpd"}


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda path: path.name)
def test_a_standin_dockerfile_passes_hadolint_and_builds_on_its_base_argument(dockerfile):
    outcome = static.check_dockerfile(THIS_SITE, dockerfile)
    assert outcome.status == "passed", outcome.output
    assert dockerfile.read_text().count("ARG BASE\nFROM ${BASE}\n") == 1


def test_the_registry_entrypoint_passes_shellcheck():
    entrypoint = standin_builders.FILES / "registry-entrypoint.sh"
    done = subprocess.run([static.tool("shellcheck"), str(entrypoint)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert entrypoint.stat().st_mode & 0o111
