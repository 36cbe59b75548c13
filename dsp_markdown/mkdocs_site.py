"""The site as files: mkdocs.yml and its nav, a page's title, and the text a reader sees.

Used by the site's extension (dsp_markdown/pages.py, notes_map.py) and by tests/site.
"""

from __future__ import annotations

from typing import Any

import yaml

from checks import pages
from checks.paths import Site


def nav_pages(nav: Any) -> dict[str, str]:
    """Page path -> title for every page in an mkdocs `nav` (a title may be empty)."""
    found: dict[str, str] = {}

    def walk(node: Any, title: str = "") -> None:
        if isinstance(node, str):
            found[node] = title
        elif isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(value, key)

    walk(nav)
    return found


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its Python tags (`!!python/name:...`, `!ENV`)."""


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_MkDocsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def mkdocs_config(site: Site) -> dict[str, Any]:
    path = site.root / "mkdocs.yml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_MkDocsLoader)  # noqa: S506


def page_text(site: Site, page: str) -> str:
    """A page's Markdown together with the snippet files it includes: what a reader sees."""
    path = site.docs / page
    text = path.read_text(encoding="utf-8")
    shown = [text]
    for snippet, _line in pages.includes_of(site, path):
        if snippet.is_file():
            shown.append(snippet.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(shown)


def page_title(site: Site, page: str) -> str:
    """The first level-1 heading of a page, or its path."""
    path = site.docs / page
    if path.is_file():
        for row in path.read_text(encoding="utf-8").splitlines():
            if row.startswith("# "):
                return row[2:].strip()
    return page
