"""The built site in a real browser: Debian's Chromium, headless, driven by Playwright.

Every page of the nav loads without console errors and asks nothing of another host;
diagrams render; code blocks have a working copy button; search finds a known page;
the dark-mode toggle works.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checks import paths

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

# Debian's Chromium here; elsewhere (GitHub's Ubuntu runners ship Google Chrome) DSP_CHROMIUM.
CHROMIUM = Path(os.environ.get("DSP_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
COPY_BUTTON = '.md-clipboard, .md-code__button[data-md-type="copy"]'
# Searched for on the home page; the result must lead to this page.
SEARCH = ("Mythical Mysfits", "modern-web-app/")

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the module is skipped below
    PlaywrightTimeout = TimeoutError

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (Debian package chromium)"),
]


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=30_000)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(base_url=site_url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.requests = []
    tab.problems = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda error: tab.problems.append(f"uncaught: {error}"))
    yield tab
    context.close()


def _foreign(requests: list[str], site_url: str) -> list[str]:
    own = urlsplit(site_url).netloc
    return [url for url in requests if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).netloc != own]


# What a page shows once Material's scripts ran: code blocks, copy buttons, diagrams.
# Material renders each `pre.mermaid` into a `div.mermaid` holding the SVG (in a closed
# shadow root, hence the size check rather than a look inside).
INSPECT = """() => ({
    blocks: document.querySelectorAll("div.highlight pre").length,
    buttons: document.querySelectorAll('COPY_BUTTON').length,
    diagrams: Array.from(document.querySelectorAll("div.mermaid"),
                         d => d.getBoundingClientRect().height),
})""".replace("COPY_BUTTON", COPY_BUTTON)


def _diagrams_in(built_site: Path, url: str) -> int:
    return (built_site / url / "index.html").read_text(encoding="utf-8").count('<pre class="mermaid"')


def test_every_page_loads_cleanly_and_locally(page, site_url, nav_urls, built_site):
    problems = []
    for url in nav_urls:
        page.problems.clear()
        response = page.goto(url, wait_until="load")
        if response is None or response.status != 200:
            problems.append(f"/{url}: HTTP {response.status if response else 'no response'}")
        diagrams = _diagrams_in(built_site, url)
        if diagrams:
            try:
                page.wait_for_function(
                    f"document.querySelectorAll('div.mermaid').length >= {diagrams}", timeout=15_000
                )
            except PlaywrightTimeout:
                problems.append(f"/{url}: not all of its {diagrams} Mermaid diagrams rendered")
        shown = page.evaluate(INSPECT)
        if any(height < 20 for height in shown["diagrams"]):
            problems.append(f"/{url}: a Mermaid diagram rendered empty")
        if shown["buttons"] < shown["blocks"]:
            problems.append(f"/{url}: {shown['blocks']} code blocks but {shown['buttons']} copy buttons")
        problems += [f"/{url}: {problem}" for problem in page.problems]
    page.wait_for_load_state("networkidle")
    foreign = _foreign(page.requests, site_url)
    problems += [f"request to another host: {url}" for url in sorted(set(foreign))]
    assert len(page.requests) > len(nav_urls), "no requests were recorded"
    assert not problems, "\n".join(problems)


def test_copy_button_copies_the_snippet(page, browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("containers/hello/", wait_until="networkidle")
    first = page.locator("div.highlight").first
    first.hover()
    first.locator(COPY_BUTTON).click()
    copied = page.evaluate("navigator.clipboard.readText()")
    snippet = (THIS_SITE.snippets / "containers" / "hello" / "01-pull.sh").read_text(encoding="utf-8")
    assert copied.strip() == snippet.strip()
    assert not page.problems, "\n".join(page.problems)


def test_search_finds_a_known_page(page):
    words, target = SEARCH
    page.goto("", wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(words, delay=20)
    result = page.locator(f'.md-search-result__item a[href*="{target}"]').first
    result.wait_for(state="visible", timeout=10_000)
    assert words.split()[0].lower() in result.inner_text().lower()
    assert not page.problems, "\n".join(page.problems)


def test_dark_mode_toggle(page):
    page.goto("", wait_until="networkidle")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(
        f"document.body.getAttribute('data-md-color-scheme') !== {scheme!r}", timeout=5_000
    )
    assert not page.problems, "\n".join(page.problems)


def test_chromium_is_debian_s():
    """The test drives the machine's Chromium, never a browser Playwright downloads."""
    assert shutil.which("chromium") or CHROMIUM.exists()
