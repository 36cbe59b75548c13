"""Python-Markdown extension: shows what the gate saw, from its report (reports/snippets.json).

* Under each fenced block that includes a snippet (other than an output), a status line:
  run against what and when, validated statically by which tool, skipped and why, or not
  yet verified (dsp_markdown/status.py words it).
* A marker line (`<!-- dsp:status-table -->`, see `generated`) becomes that page's generated
  Markdown: the Status page's chart and table, the Performance figures, the notes map.
* At the end of a page with shell steps, a link that downloads them as one script
  (dsp_markdown/download.py).

It is a Markdown extension rather than an MkDocs hook because Zensical, which reads this
site's mkdocs.yml too, runs `markdown_extensions` and silently ignores `hooks:`. It runs
before pymdownx.snippets, so it sees the includes as the page writes them.

    markdown_extensions:
      - dsp_markdown.extension:
          docs_dir: docs

The site it reads (snippets, report, notes) is docs_dir's parent, docs_dir being MkDocs'
own setting, relative to the working directory as pymdownx.snippets' base_path is; both
MkDocs and Zensical build from the folder of mkdocs.yml. $DSP_ROOT overrides it.
"""

from __future__ import annotations

import html
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from checks import depends, markdown_reader, model, report
from checks.paths import Site
from dsp_markdown import pages
from dsp_markdown.download import DownloadPreprocessor
from dsp_markdown.status import status_of

# The pages that hold the markers: what a marker becomes links relative to its page.
STATUS_PAGE = "about/status.md"
NOTES_MAP_PAGE = "about/notes-map.md"
SNIPPETS_PRIORITY = 32  # pymdownx.snippets' preprocessor


# A build renders each page with a Markdown (and a Site) of its own, and the Status page asks
# again for the key of every step the pages asked for: one remembered set per site for the
# process (mkdocs serve rebuilds in it too; an answer stands only while its files are unchanged).
BUILD_KEYS: dict[Path, depends.InputsKeys] = {}


def inputs_of(site: Site) -> depends.InputsKeys:
    if site.root not in BUILD_KEYS:
        BUILD_KEYS[site.root] = depends.InputsKeys(site)
    return BUILD_KEYS[site.root]


def generated(site: Site, line: str, data: dict | None) -> str | None:
    """The Markdown a marker line becomes; None for any other line."""
    marker = line.strip()
    if marker == "<!-- dsp:status-table -->":
        return pages.status_page(site, data, STATUS_PAGE, inputs_of(site))
    if marker == "<!-- dsp:performance-table -->":
        return pages.performance_page(site)
    if marker == "<!-- notes-map -->":
        return pages.notes_map_page(site, NOTES_MAP_PAGE)
    return None


def status_lines(site: Site, text: str, data: dict | None) -> dict[int, str]:
    """1-based line of each closing fence that gets a status line -> that line, as HTML."""
    found, inputs = {}, inputs_of(site)
    for block in markdown_reader.code_blocks(text):
        shown = [
            site.snippets / include.path
            for include in block.includes
            if model.kind_of(site.snippets / include.path) != "output"
        ]
        if block.fenced and shown:
            modifier, sentence = status_of(site, shown[0], data, inputs)
            found[block.last] = (
                f'{block.indent}<p class="dsp-status dsp-status--{modifier}">{html.escape(sentence)}</p>'
            )
    return found


class StatusPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, site: Site):
        super().__init__(md)
        self.site = site

    def run(self, lines: list[str]) -> list[str]:
        data = report.load(report.report_file(self.site))
        after = status_lines(self.site, "\n".join(lines), data)
        result: list[str] = []
        for number, line in enumerate(lines, 1):
            replacement = generated(self.site, line, data)
            result += [line] if replacement is None else replacement.split("\n")
            if number in after:
                result += [after[number], ""]
        return result


class StatusExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"docs_dir": ["docs", "MkDocs' docs_dir: the site is its parent folder"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        site = Site.located(default=Path(self.getConfig("docs_dir")).resolve().parent)
        md.preprocessors.register(StatusPreprocessor(md, site), "dsp_status", SNIPPETS_PRIORITY + 2)
        md.preprocessors.register(DownloadPreprocessor(md, site), "dsp_download", SNIPPETS_PRIORITY + 1)


def makeExtension(**kwargs) -> StatusExtension:
    return StatusExtension(**kwargs)
