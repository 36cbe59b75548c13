"""No code typed into a page: every fence is a snippet include, an output block or Mermaid."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import paths, single_source

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)


@pytest.mark.parametrize(
    "page", single_source.pages(THIS_SITE.docs), ids=lambda page: str(page.relative_to(THIS_SITE.docs))
)
def test_page_has_no_inline_code(page: Path):
    found = single_source.inline_blocks(page)
    assert not found, "code typed into the page instead of a snippet include:\n" + "\n".join(
        f"{THIS_SITE.relative(path)}:{line}: ```{info}" for path, line, info in found
    )


def _page(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return page


ALLOWED = '''\
# A page

```bash
--8<-- "containers/hello/01-pull.sh"
```

```text title="Output"
--8<-- "containers/hello/01-pull.out"
```

```mermaid
flowchart LR
    a --> b
```

!!! note "Changed from the original notes"
    Text, and an include:

    ```bash
    --8<-- "containers/hello/05-exec.sh"
    ```

=== "AWS CLI"

    ```bash
    --8<-- "containers/hello/06-inspect.sh"
    ```

Title
===
'''


def test_includes_outputs_and_mermaid_are_allowed(tmp_path):
    assert single_source.inline_blocks(_page(tmp_path, ALLOWED)) == []


@pytest.mark.parametrize(
    ("text", "line", "info"),
    [
        ("# P\n\n```bash\ndocker image ls\n```\n", 3, "bash"),
        ("# P\n\n```\n--8<-- \"a/b/c.sh\"\n```\n", 3, "(snippet include in a fence without a language)"),
        ("# P\n\n```bash\n--8<-- \"a/b/c.sh\"\necho typed\n```\n", 3, "bash"),
        ("# P\n\n```text\nOutput with no title\n```\n", 3, "text"),
        ('# P\n\n```console title="Output"\nStatus: typed\n```\n', 3,
         'console title="Output" (output typed into the page: put it in <step>.out and include it)'),
        ("# P\n\n    docker ps\n", 3, "(indented code block)"),
        ('# P\n\n!!! tip "Try"\n    ```bash\n    docker ps\n    ```\n', 4, "bash"),
        ('# P\n\n=== "boto3"\n\n    ```python\n    import boto3\n    ```\n', 5, "python"),
        ('# P\n\n!!! note\n    ??? info "More"\n        ```yaml\n        a: 1\n        ```\n', 5, "yaml"),
    ],
    ids=["typed-bash", "include-no-language", "include-plus-typed", "untitled-text", "typed-output",
         "indented", "in-admonition", "in-tab", "nested-blocks"],
)
def test_inline_code_is_reported_with_its_line(tmp_path, text, line, info):
    page = _page(tmp_path, text)
    assert single_source.inline_blocks(page) == [(page, line, info)]
