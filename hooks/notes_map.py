"""MkDocs hook: renders checks/notes_map.yaml as a table on the page that asks for it.

A page shows the map where it has the line `<!-- notes-map -->`.
"""

from __future__ import annotations

from checks import notes_map

MARKER = "<!-- notes-map -->"


def on_page_markdown(markdown: str, page, config, files) -> str:
    if MARKER not in markdown:
        return markdown
    table = notes_map.markdown_table(notes_map.load(), page.file.src_uri)
    return markdown.replace(MARKER, table)
