"""A page's shell steps as one script a reader can download, made when the page is built.

The script holds the shell snippets the page includes, in page order, each under a comment
naming its file and the heading it sits under, so it is the page's own commands and
nothing else. It reaches the reader as a `data:` link with a `download` name: a Markdown
extension sees a page's text but not where MkDocs or Zensical will write it, so the script
travels inside the page itself, and both builds show the same link.

Steps the page's checks do not run (`run: false` in `_page.yml`: typed on an instance over
ssh, or an alternative tab) are kept as comments, to be typed by hand where the page says;
a step meant to fail (`exit_code`) runs between `set +e` and `set -e`, so the script goes on.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from pathlib import Path

from markdown.preprocessors import Preprocessor
from markdown_it import MarkdownIt

from checks import markdown_reader, pages
from checks.paths import Site

STEP_NAME = re.compile(r"^\d{2}-[^/]*\.(?:sh|bash)$")  # NN-what.sh; never a .check.sh
STEP_COMMENT = "# --- "
BY_HAND = "# (by hand, as the page shows: this script does not run it)"
MEANT_TO_FAIL = "# (this step fails on purpose, as the page shows: the script carries on)"
_ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
# An AWS CLI command that makes something that can be billed (not one that only reads).
CREATES = re.compile(
    r"^[^#\n]*\baws\s+[\w-]+\s+(?:(?:create|put|run|register|import|allocate|publish|upload)-[\w-]+|mb|cp|sync|deploy"
    r"|batch-write-item)\b",
    re.M,
)


@dataclass(frozen=True)
class Step:
    snippet: Path
    heading: str
    by_hand: bool
    meant_to_fail: bool


def reader_steps(site: Site, text: str) -> list[Step]:
    """The shell steps a page shows in its fences, in page order, with their nearest heading."""
    headings = _headings(text)
    steps: list[Step] = []
    seen: set[Path] = set()
    for block in markdown_reader.code_blocks(text):
        if not block.fenced:
            continue
        for include in block.includes:
            snippet = (site.snippets / include.path).resolve()
            if not STEP_NAME.match(snippet.name) or snippet in seen or not snippet.is_file():
                continue
            seen.add(snippet)
            meta = pages.page_meta(site, snippet.parent).step(snippet.name)
            above = [title for line, title in headings if line < include.line]
            steps.append(Step(snippet, above[-1] if above else "", not meta.run, bool(meta.exit_code)))
    return steps


def _headings(text: str) -> list[tuple[int, str]]:
    """(1-based line, text) of each heading of the page, code blocks excepted."""
    tokens = MarkdownIt("commonmark").parse(markdown_reader.flatten_blocks(text))
    return [
        (token.map[0] + 1, _ATTR_LIST.sub("", tokens[index + 1].content).strip())
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.map
    ]


def page_title(text: str) -> str:
    return next((title for _line, title in _headings(text)), "")


def bills(steps: list[Step]) -> bool:
    """True if a step the script runs creates AWS resources on the reader's account."""
    return any(not step.by_hand and CREATES.search(step.snippet.read_text(encoding="utf-8")) for step in steps)


def script(site: Site, text: str) -> str | None:
    """The page's shell steps as one bash script, or None for a page with none."""
    steps = reader_steps(site, text)
    if not steps:
        return None
    lines = [
        "#!/usr/bin/env bash",
        f'# The commands of the page "{page_title(text)}" (docs/{_page_of(site, steps)}.md) of Distributed Systems',
        "# Practice, one step after another, in the order the page shows them.",
    ]
    if bills(steps):
        lines.append("# It creates AWS resources on your account that may be billed: run the page's clean-up.")
    lines += ["set -euo pipefail", ""]
    for step in steps:
        lines.append(f"{STEP_COMMENT}{step.snippet.name}" + (f" ({step.heading})" if step.heading else ""))
        body = step.snippet.read_text(encoding="utf-8").rstrip("\n").split("\n")
        if step.by_hand:
            lines += [BY_HAND, *(f"# {line}".rstrip() for line in body)]
        elif step.meant_to_fail:
            lines += [MEANT_TO_FAIL, "set +e", *body, "set -e"]
        else:
            lines += body
        lines.append("")
    return "\n".join(lines)


def file_name(site: Site, text: str) -> str:
    """What the download is saved as: `<section>-<page>.sh` (two sections have a DynamoDB page)."""
    return str(_page_of(site, reader_steps(site, text))).replace("/", "-") + ".sh"


def _page_of(site: Site, steps: list[Step]) -> Path:
    return steps[0].snippet.parent.relative_to(site.snippets.resolve())


def download_link(site: Site, text: str) -> str | None:
    """The HTML paragraph that offers the page's script, or None for a page with no shell steps."""
    content = script(site, text)
    if content is None:
        return None
    name = html.escape(file_name(site, text))
    href = "data:text/x-shellscript;base64," + base64.b64encode(content.encode("utf-8")).decode("ascii")
    count = content.count("\n" + STEP_COMMENT)
    return (
        f'<p class="dsp-download"><a href="{href}" download="{name}">Download this page\'s commands</a>'
        f" as one bash script, <code>{name}</code> ({count} step{'s' if count != 1 else ''}, in page order).</p>"
    )


class DownloadPreprocessor(Preprocessor):
    """Appends the download link to a page with shell steps (before pymdownx.snippets reads its includes)."""

    def __init__(self, md, site: Site):
        super().__init__(md)
        self.site = site

    def run(self, lines: list[str]) -> list[str]:
        link = download_link(self.site, "\n".join(lines))
        return lines if link is None else [*lines, "", link, ""]
