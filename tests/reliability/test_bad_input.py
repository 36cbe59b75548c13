"""Bad input: each problem gets a clear error naming the file (and line), and the run goes on.

Covered here: an include of a missing snippet, a code block with no check, a snippet of
unknown kind, malformed YAML or JSON metadata, metadata of the wrong type, a broken OpenAPI
document, an unbound variable, a command waiting for a TTY or for stdin, a command that
never ends, output that differs from the expected, a snippet writing outside its work
directory, two snippets with the same id, malformed HTML.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from checks import model, pages, paths, single_source
from checks.runners import openapi, sandbox, static

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parents[2]


MINIMAL_CONFIG = """\
site_name: t
theme: {name: material, font: false}
markdown_extensions:
  - pymdownx.snippets: {base_path: [snippets], check_paths: true}
  - pymdownx.superfences
nav: [page.md]
"""


def build(tmp_path: Path, page: str, snippets: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A strict mkdocs build of a one-page site with the project's snippet settings."""
    assert "check_paths: true" in (REPO / "mkdocs.yml").read_text()
    (tmp_path / "mkdocs.yml").write_text(MINIMAL_CONFIG)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(textwrap.dedent(page))
    for name, text in snippets.items():
        path = tmp_path / "snippets" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def test_an_include_of_a_missing_snippet_fails_the_build_naming_the_snippet(tmp_path):
    result = build(tmp_path, '# P\n\n```bash\n--8<-- "sec/page/gone.sh"\n```\n', {"sec/page/there.sh": "true\n"})
    assert result.returncode != 0
    assert "sec/page/gone.sh" in result.stdout + result.stderr


def test_a_code_block_typed_into_a_page_is_reported_with_file_and_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('# P\n\nText.\n\n```bash\ndocker ps\n```\n\n```bash\n--8<-- "a/b/c.sh"\n```\n')
    assert single_source.inline_blocks(page) == [(page, 5, "bash")]


def test_a_failing_command_names_the_snippet_and_shows_stderr_and_later_steps_are_skipped(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": '# P\n\n```bash\n--8<-- "sec/page/01.sh"\n```\n\n```bash\n--8<-- "sec/page/02.sh"\n```\n',
            "snippets/sec/page/01.sh": "ls --bogus-flag /\necho not reached\n",
            "snippets/sec/page/02.sh": "echo later\n",
        }
    )
    result.assert_outcomes(failed=1, skipped=1)
    result.stdout.fnmatch_lines(
        ["docs/sec/page.md:4: snippets/sec/page/01.sh: exited with 2, expected 0", "--- output ---", "*unrecognized option*"]
    )
    result.stdout.no_fnmatch_line("*not reached*")
    result.stdout.fnmatch_lines(["SKIPPED *snippets/sec/page/02.sh: an earlier step of this page failed: snippets/sec/page/01.sh"])


def test_a_hanging_command_is_killed_at_its_timeout_and_the_run_goes_on(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "docs/other/page.md": "# Q\n",
            "snippets/sec/page/01.sh": "sleep 999\n",
            "snippets/sec/page/_page.yml": "timeout: 2\n",
            "snippets/other/page/01.sh": "echo fine\n",
        }
    )
    result.stdout.fnmatch_lines(["*snippets/sec/page/01.sh: timed out after 2 s and was killed*"])
    result.assert_outcomes(failed=1, passed=1)


@pytest.mark.timeout(60)
def test_a_command_waiting_for_input_fails_at_once_instead_of_hanging(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "read -r answer\necho \"got $answer\"\n",
        },
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/01.sh: exited with 1, expected 0"])


def test_an_unbound_variable_is_an_error_naming_file_and_line(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "echo one\necho \"$NOT_SET_ANYWHERE\"\n",
        }
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*01.sh: line 2: NOT_SET_ANYWHERE: unbound variable"])


def test_output_that_differs_fails_with_a_diff(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "printf 'a\\nB\\n'\n",
            "snippets/sec/page/01.out": "a\nb\n",
        }
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/01.sh: output differs from snippets/sec/page/01.out"])
    result.stdout.re_match_lines([r"^\s*-b$", r"^\s*\+B$"])


def test_an_unknown_kind_of_file_fails_naming_the_file(gate_here):
    result = gate_here({"docs/sec/page.md": "# P\n", "snippets/sec/page/notes.xyz": "?\n"})
    result.stdout.fnmatch_lines(["*snippets/sec/page/notes.xyz: no check knows this kind of file*"])
    result.assert_outcomes(failed=1)


def test_malformed_page_metadata_names_file_and_line(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/_page.yml": "timeout: 5\nsteps:\n  01.sh: [unclosed\n",
        }
    )
    result.stdout.fnmatch_lines(["*snippets/sec/page/_page.yml:4: malformed YAML*"])
    result.assert_outcomes(failed=1)  # the page's one step, at the metadata's line


def page_folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "snippets" / "sec" / "page"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


@pytest.mark.parametrize(
    ("metadata", "line", "message"),
    [
        ("timeout: 60\nrequires: docker\n", 2, "requires: must be a list of capability names, got the string 'docker'"),
        ("# seconds\n\ntimeout: 5m\n", 3, "timeout: must be a positive number of seconds, got the string '5m'"),
        ("timeout: 60\nsteps: [01.sh]\n", 2, "steps: must be a mapping of step file names to their settings, got the list ['01.sh']"),
        ("fixtures: logo.png\n", 1, "fixtures: must be a list of file names, got the string 'logo.png'"),
        ("steps:\n  01.sh:\n    exit_code: 1\n    timeout: 0\n", 4, "steps: '01.sh': timeout: must be a positive number of seconds, got 0"),
        ("steps:\n  01.sh:\n    requires:\n      - docker\n      - 5\n", 5, "steps: '01.sh': requires: item 2 must be a capability name, got 5"),
        ("steps:\n  01.sh:\n    tty: 'yes'\n", 3, "steps: '01.sh': tty: must be true or false, got the string 'yes'"),
        ("timeout: 5\nretries: 3\n", 2, "unknown key 'retries': a page takes only ['fixtures', 'keeps', 'requires', 'steps', 'timeout']"),
        ("steps:\n  01.sh:\n    terminal: true\n", 3, "steps: '01.sh': unknown key 'terminal': a step takes only"),
        ("steps:\n  01.sh:\n    timeout: 5\n    otherwise: 01.sh\n", 4, "steps: '01.sh': otherwise: '01.sh' is not another step of the page"),
        ("timeout: 5\nsteps:\n  01.sh: {run: false}\n", 3, "steps: '01.sh' has run: false but no reason"),
        ("steps:\n  01.sh: {}\n  02.sh: {}\n", 3, "steps: '02.sh' is not a file in"),
        ("fixtures:\n  - logo.png\n  - logo.svg\n", 3, "fixtures: 'logo.svg' is not a file in"),
        ("steps:\n  01.sh: {timeout: 5}\n  01.sh: {timeout: 9}\n", 3, "'01.sh' is given twice (first on line 2)"),
    ],
)
def test_page_metadata_of_the_wrong_shape_names_file_line_and_key(tmp_path, metadata, line, message):
    folder = page_folder(tmp_path, {"01.sh": "true\n", "logo.png": "", "_page.yml": metadata})
    with pytest.raises(paths.LayoutError) as raised:
        pages.page_meta(paths.Site.at(tmp_path), folder)
    assert raised.value.line == line
    assert str(raised.value).startswith(f"snippets/sec/page/_page.yml:{line}: ")
    assert message in str(raised.value)
    assert "pydantic" not in str(raised.value) and "\n" not in str(raised.value)


def test_page_metadata_keeps_lists_as_lists_and_merges_page_and_step_settings(tmp_path):
    metadata = "timeout: 30\nrequires: [docker]\nfixtures: [logo.png]\nsteps:\n  01.sh: {requires: [swarm-vip]}\n  02.sh: {timeout: 5}\n"
    folder = page_folder(tmp_path, {"01.sh": "", "02.sh": "", "logo.png": "", "_page.yml": metadata})
    meta = pages.page_meta(paths.Site.at(tmp_path), folder)
    assert meta.fixtures == ["logo.png"] and "logo" not in meta.fixtures
    assert (meta.step("01.sh").requires, meta.step("01.sh").timeout) == (["docker", "swarm-vip"], 30)
    assert (meta.step("02.sh").requires, meta.step("02.sh").timeout) == (["docker"], 5)


def test_page_metadata_of_the_wrong_type_fails_the_run_naming_file_and_line(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/_page.yml": "# Metadata\nrequires: docker\n",
        }
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/_page.yml:2: requires: must be a list of capability names, got the string 'docker'"])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_malformed_json_names_file_and_line(gate_here):
    result = gate_here({"docs/sec/page.md": "# P\n", "snippets/sec/page/p.json": '{\n  "a": 1,\n}\n'})
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/p.json:3: malformed JSON*"])


BROKEN_SWAGGER = """\
{
  "swagger": "2.0",
  "info": {"version": "1.0"},
  "paths": {
    "/mysfits": {
      "get": {
        "responses": {"200": {"schema": {"type": "object"}}}
      }
    }
  }
}
"""


def test_a_broken_openapi_document_fails_naming_file_line_and_json_path(gate_here):
    result = gate_here({"docs/sec/page.md": "# P\n", "snippets/sec/page/api.json": BROKEN_SWAGGER})
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*snippets/sec/page/api.json:3: info: 'title' is a required property*",
            "*snippets/sec/page/api.json:7: paths > /mysfits > get > responses > 200: *",
        ]
    )


def test_a_dangling_reference_in_an_openapi_document_names_it(tmp_path):
    spec = tmp_path / "api.json"
    spec.write_text(
        '{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": '
        '{"200": {"description": "d", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Gone"}}}}}}}}}'
    )
    outcome = static.check_json(paths.Site.at(tmp_path), spec)
    assert (outcome.status, outcome.checked_by) == ("failed", "openapi-spec-validator")
    assert outcome.message == "api.json:1: (document): '/components/schemas/Gone' does not exist"


def test_the_sites_openapi_documents_are_valid():
    for spec in (REPO / "snippets").rglob("*.json"):
        document = json.loads(spec.read_text())
        if openapi.is_openapi(document):
            outcome = static.check_json(THIS_SITE, spec)
            assert outcome.status == "passed", outcome.output


def test_a_snippet_no_page_includes_is_an_error_unless_it_is_a_declared_fixture(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": '# P\n\n```json\n--8<-- "sec/page/shown.json"\n```\n',
            "snippets/sec/page/shown.json": "{}\n",
            "snippets/sec/page/orphan.json": "{}\n",
            "snippets/sec/page/logo.png": "not really a png",
            "snippets/sec/page/_page.yml": "fixtures: [logo.png]\n",
        }
    )
    result.stdout.fnmatch_lines(
        ["*snippets/sec/page/logo.png: not a readable image*", "*snippets/sec/page/orphan.json: included by no page*"]
    )
    result.assert_outcomes(failed=2, passed=1)


def test_two_steps_with_the_same_name_are_an_error_naming_both(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01-run.sh": "true\n",
            "snippets/sec/page/01-run.bash": "true\n",
        }
    )
    result.stdout.fnmatch_lines(["*snippets/sec/page/01-run.bash: has the same step name as snippets/sec/page/01-run.sh*"])


@pytest.mark.parametrize("names", [("Dockerfile", "Dockerfile.dev"), ("app.sh", "app.Dockerfile")])
def test_steps_whose_outputs_are_different_files_do_not_clash(tmp_path, names):
    folder = page_folder(tmp_path, dict.fromkeys(names, ""))
    assert [pages.same_step_name(paths.Site.at(tmp_path), folder / name) for name in names] == [[], []]
    outputs = {model.step_name(folder / name) + ".out" for name in names}
    assert len(outputs) == 2


def test_a_dockerfile_variant_owns_its_own_output_and_assertion(tmp_path):
    folder = page_folder(tmp_path, {"Dockerfile": "", "Dockerfile.dev": "", "Dockerfile.dev.out": "", "Dockerfile.check.sh": ""})
    assert model.output_of(folder / "Dockerfile.dev") == folder / "Dockerfile.dev.out"
    assert model.output_of(folder / "Dockerfile") is None
    assert model.assertion_of(folder / "Dockerfile") == folder / "Dockerfile.check.sh"
    assert pages.step_of(paths.Site.at(tmp_path), folder / "Dockerfile.dev.out") == folder / "Dockerfile.dev"
    assert model.kind_of(folder / "Dockerfile.out") == "output"


def test_steps_that_would_share_an_output_still_clash(tmp_path):
    folder = page_folder(tmp_path, {"run.sh": "", "run.bash": "", "run.out": ""})
    assert pages.same_step_name(paths.Site.at(tmp_path), folder / "run.sh") == [folder / "run.bash"]
    assert pages.same_step_name(paths.Site.at(tmp_path), folder / "run.out") == []


def test_valid_html5_that_omits_optional_end_tags_passes(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<!DOCTYPE html>\n<title>t</title>\n<p>one<p>two\n<ul><li>a<li>b</ul>\n")
    outcome = static.check_html(paths.Site.at(tmp_path), page)
    assert outcome.status == "passed", outcome.output


@pytest.mark.parametrize(
    ("markup", "line"),
    [
        ("<!DOCTYPE html>\n<title>t</title>\n<div><span></div>\n", 3),
        ("<!DOCTYPE html>\n<title>t</title>\n<p>a</p>\n</p>\n", 4),
        ('<!DOCTYPE html>\n<title>t</title>\n<a href="/x>link</a>\n', 4),
        ("<title>no doctype: quirks mode</title>\n", 1),
    ],
)
def test_broken_html_fails_naming_file_and_line(tmp_path, markup, line):
    page = tmp_path / "index.html"
    page.write_text(markup)
    outcome = static.check_html(paths.Site.at(tmp_path), page)
    assert outcome.status == "failed"
    assert outcome.message.startswith(f"index.html:{line}: malformed HTML: ")


needs_sandbox = pytest.mark.skipif(bool(sandbox.unavailable()), reason=str(sandbox.unavailable()))


@needs_sandbox
def test_a_step_writing_outside_its_work_directory_fails_naming_the_path(gate_here, tmp_path):
    outside = tmp_path / "outside.txt"
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": f"echo inside > inside.txt\necho x > {outside}\n",
        }
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"*{outside}: Read-only file system*"])
    assert not outside.exists()


@needs_sandbox
def test_the_work_directory_home_and_tmpdir_stay_writable(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": "# P\n",
            "snippets/sec/page/01.sh": 'echo a > here.txt\necho b > "$HOME/.rc"\nmktemp > /dev/null\ncat here.txt "$HOME/.rc"\n',
            "snippets/sec/page/01.out": "a\nb\n",
        }
    )
    result.assert_outcomes(passed=1)
