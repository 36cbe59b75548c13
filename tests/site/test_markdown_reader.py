"""checks/markdown_reader.py reads includes as pymdownx.snippets does, and code blocks as markdown-it does."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from checks import markdown_reader, single_source
from checks.markdown_reader import Include


def paths(text: str) -> list[tuple[str, int]]:
    return [(include.path, include.line) for include in markdown_reader.includes(text)]


def test_an_escaped_include_is_not_an_include():
    assert paths(';--8<-- "a/b/c.sh"\n    ;--8<-- "a/b/d.sh"\n') == []


def test_the_block_form_is_read():
    text = '```bash\n--8<--\na/b/01-one.sh\n\n;a/b/commented-out.sh\na/b/02-two.sh\n--8<--\n```\n'
    assert paths(text) == [("a/b/01-one.sh", 3), ("a/b/02-two.sh", 6)]
    [block] = markdown_reader.code_blocks(text)
    assert block.include_only and block.includes == (Include("a/b/01-one.sh", 3), Include("a/b/02-two.sh", 6))


def test_an_inline_include_inside_a_block_is_dropped_as_pymdownx_drops_it():
    assert paths('--8<--\na/b/one.sh\n--8<-- "a/b/ignored.sh"\n--8<--\n') == [("a/b/one.sh", 2)]


@pytest.mark.parametrize(
    "written", ['"a/b/c.sh:setup"', '"a/b/c.sh:1:3"', '"a/b/c.sh:2"', '"a/b/c.sh:1:3,5:6"', "'a/b/c.sh'"]
)
def test_a_section_or_line_range_names_the_file(written):
    assert paths(f"--8<-- {written}\n") == [("a/b/c.sh", 1)]


def test_what_is_not_an_include():
    text = 'Text --8<-- "a/b/c.sh"\n--8<-- a/b/unquoted.sh\n--8<-- "a/b/trailing.sh" x\n-8<- [start:name]\n'
    assert paths(text) == []


def test_blocks_keep_their_lines_and_indent_inside_admonitions_and_tabs():
    text = (
        '# P\n\n!!! note "N"\n    ```bash\n    --8<-- "a/b/c.sh"\n    ```\n\n'
        '=== "T"\n\n    ```text title="Output"\n    --8<-- "a/b/c.out"\n    ```\n\n    typed\n'
    )
    blocks = markdown_reader.code_blocks(text)
    assert [(b.first, b.last, b.indent, b.language, b.include_only) for b in blocks] == [
        (4, 6, "    ", "bash", True), (10, 12, "    ", "text", True),
    ]
    assert markdown_reader.code_lines(text) == {4, 5, 6, 10, 11, 12}


def test_an_escaped_include_in_a_fence_is_code_typed_into_the_page(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('# P\n\n```bash\n;--8<-- "a/b/c.sh"\n```\n\n```bash\n--8<--\na/b/c.sh\n--8<--\n```\n')
    assert single_source.inline_blocks(page) == [(page, 3, "bash")]


def test_the_reader_names_the_files_pymdownx_includes(tmp_path):
    """The cross-check: every file the reader names is one pymdownx.snippets inserts, and no other."""
    base = tmp_path / "snippets"
    for number in range(1, 7):
        (base / "s").mkdir(parents=True, exist_ok=True)
        (base / "s" / f"f{number}.txt").write_text(f"[start:part]\nBODY-{number}\n[end:part]\n")
    text = (
        '--8<-- "s/f1.txt"\n;--8<-- "s/f2.txt"\n\n```text\n--8<--\ns/f3.txt\n;s/f4.txt\n--8<--\n```\n\n'
        "    --8<-- 's/f5.txt:2:2'\n\n--8<--\n--8<-- \"s/f6.txt\"\n--8<--\n"
    )
    shown = markdown.markdown(text, extensions=["pymdownx.snippets", "pymdownx.superfences"],
                              extension_configs={"pymdownx.snippets": {"base_path": [str(base)]}})
    included = {Path(path).stem for path, _line in paths(text)}
    assert included == {f"f{n}" for n in range(1, 7) if f"BODY-{n}" in shown} == {"f1", "f3", "f5"}
