"""The built site loads nothing from another host: no fonts, scripts, styles or images.

A fast check of the HTML and CSS mkdocs wrote; the browser test (test_browser.py) then
records every request a real browser makes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from checks import paths
from dsp_markdown import corrections, notes_map

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

# Attributes through which a browser fetches something on its own.
FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
}
# <link> relations that are navigation or metadata, not fetched with the page.
NOT_FETCHED_LINKS = {"canonical", "alternate", "author", "license", "next", "prev", "search"}
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])(?P<url>[^"')\s]+)""")


def is_external(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname not in ("127.0.0.1", "localhost")


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[int, str, str]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        line = self.getpos()[0]
        if tag == "script" and values.get("src"):
            self.scripts.append(values["src"])
        if tag == "link":
            relations = set((values.get("rel") or "").lower().split())
            if relations and not relations <= NOT_FETCHED_LINKS and values.get("href"):
                self.urls.append((line, "link", values["href"]))
        for attribute in FETCHING.get(tag, ()):
            for url in (values.get(attribute) or "").split(","):
                url = url.strip().split(" ")[0]
                if url:
                    self.urls.append((line, tag, url))


def _parse(page: Path) -> _Fetches:
    parser = _Fetches()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_html_fetches_nothing_from_another_host(built_site):
    problems = []
    for page in sorted(built_site.rglob("*.html")):
        for line, tag, url in _parse(page).urls:
            if is_external(url):
                problems.append(f"{page.relative_to(built_site)}:{line}: <{tag}> loads {url}")
    assert not problems, "\n".join(problems)


def test_css_fetches_nothing_from_another_host(built_site):
    problems = []
    for sheet in sorted(built_site.rglob("*.css")):
        for match in CSS_URL.finditer(sheet.read_text(encoding="utf-8", errors="replace")):
            if is_external(match["url"]):
                problems.append(f"{sheet.relative_to(built_site)}: {match['url']}")
    assert not problems, "\n".join(problems)


def test_pages_with_diagrams_ship_mermaid(built_site):
    """Material fetches Mermaid from a CDN unless the page already loaded it."""
    missing = []
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'class="mermaid"' not in text:
            continue
        scripts = _parse(page).scripts
        if not any(src.endswith("mermaid.min.js") and not is_external(src) for src in scripts):
            missing.append(str(page.relative_to(built_site)))
    assert not missing, "pages with a diagram but no local mermaid.min.js:\n" + "\n".join(missing)


def test_external_detection():
    assert is_external("https://fonts.googleapis.com/css?family=Roboto")
    assert is_external("//unpkg.com/mermaid@11/dist/mermaid.min.js")
    assert not is_external("assets/javascripts/bundle.js")
    assert not is_external("../assets/stylesheets/main.css")
    assert not is_external("data:image/svg+xml;base64,AAAA")


def test_notes_map_is_rendered(built_site):
    page = (built_site / "about" / "notes-map" / "index.html").read_text(encoding="utf-8")
    rows = page.count("<tr>") - 3  # the header rows of the three tables
    the_map = notes_map.load(THIS_SITE)
    changed = sum(link.status != "kept" for part in the_map.parts for link in part.links.values())
    assert rows == len(the_map.parts) + changed + len(corrections.load(THIS_SITE)), (
        "about/notes-map.md should show a row per part and per changed link of notes/map.yaml, "
        "and per correction of notes/corrections.yaml (does it still hold the <!-- notes-map --> marker?)"
    )
