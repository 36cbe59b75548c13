"""The map of the notes (notes/map.yaml): every part of the notes lands on a page.

* every non-blank line of the notes falls in exactly one part;
* every mapped page exists and is in the nav;
* every link of the notes shows on its page as the map says (kept, fixed, retired, ...).
"""

from __future__ import annotations

import pytest

from checks import paths
from dsp_markdown import mkdocs_site, notes_map

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

MAP = notes_map.load(THIS_SITE)
NOTES = MAP.notes
if not NOTES.is_file():
    pytest.skip(
        f"the original notes are not here ({NOTES}); set DSP_NOTES to their path",
        allow_module_level=True,
    )
TEXT = NOTES.read_text(encoding="utf-8")
LINES = TEXT.splitlines()
LINKS = list(notes_map.links_of(TEXT))


def test_map_is_for_these_notes():
    assert notes_map.digest(NOTES) == MAP.sha256, (
        f"{NOTES} changed since {THIS_SITE.relative(notes_map.map_file(THIS_SITE))} was written: review the "
        f"map's line ranges and links, then set sha256 to {notes_map.digest(NOTES)}"
    )


def test_parts_are_in_order_and_within_the_notes():
    problems = []
    for before, after in zip(MAP.parts, MAP.parts[1:], strict=False):
        if after.first <= before.last:
            problems.append(f"lines {after.span} overlap or precede lines {before.span}")
    for part in MAP.parts:
        if part.last > len(LINES):
            problems.append(f"lines {part.span}: the notes have only {len(LINES)} lines")
    assert not problems, "\n".join(problems)


def test_every_line_of_the_notes_is_mapped():
    unmapped = [
        f"{number}: {text.strip()[:70]}"
        for number, text in enumerate(LINES, 1)
        if text.strip() and MAP.part_for(number) is None
    ]
    assert not unmapped, (
        f"lines of the notes no part of {THIS_SITE.relative(notes_map.map_file(THIS_SITE))} covers:\n"
        + "\n".join(unmapped)
    )


def test_every_mapped_page_exists_and_is_in_the_nav():
    in_nav = mkdocs_site.nav_pages(mkdocs_site.mkdocs_config(THIS_SITE)["nav"])
    problems = []
    for page in sorted({part.page for part in MAP.parts}):
        if not (THIS_SITE.docs / page).is_file():
            problems.append(f"{page}: no such page in docs/")
        elif page not in in_nav:
            problems.append(f"{page}: not in the nav of mkdocs.yml")
    assert not problems, "\n".join(problems)


def test_every_listed_link_is_in_its_part_of_the_notes():
    found = {(line, target) for line, target, _image in LINKS}
    stale = [
        f"lines {part.span}: {target!r} is not a link of these lines"
        for part in MAP.parts
        for target in part.links
        if not any(part.covers(line) and t == target for line, t in found)
    ]
    assert not stale, "\n".join(stale)


def _link_cases():
    for line, target, image in LINKS:
        part = MAP.part_for(line)
        link = (part.links.get(target) if part else None) or notes_map.Link(target)
        yield pytest.param(line, target, image, part, link, id=f"line{line}-{part.page if part else 'unmapped'}")


@pytest.mark.parametrize(("line", "target", "image", "part", "link"), list(_link_cases()))
def test_link_shows_on_its_page_as_mapped(line, target, image, part, link):
    assert part is not None, f"notes line {line}: {target} is in no part of the map"
    page = THIS_SITE.docs / part.page
    assert page.is_file(), f"notes line {line}: {part.page} does not exist"
    if image and link.status == "kept":
        pytest.fail(
            f"notes line {line}: image {target} must not be hot-linked or left dangling; "
            "mark it `replaced` (with a Mermaid diagram on the page) or `dropped`, with a reason"
        )
    shown = mkdocs_site.page_text(THIS_SITE, part.page)
    wanted = link.must_show()
    if wanted:
        assert notes_map.shows(shown, wanted), (
            f"notes line {line}: {part.page} should show {wanted!r} ({link.status}: {notes_map.STATUSES[link.status]})"
        )
    unwanted = link.must_not_link()
    if unwanted:
        hides = not notes_map.links_to(shown, unwanted)
        assert hides, f"notes line {line}: {part.page} still links or shows {unwanted}"
    if link.status == "replaced":
        drawn = "```mermaid" in shown
        assert drawn, f"notes line {line}: the image is marked replaced, but {part.page} has no Mermaid diagram"


def test_tracking_parameters_do_not_count():
    assert notes_map.without_tracking("https://a.example/p/?trk=gs_card") == "https://a.example/p/"
    assert notes_map.without_tracking("https://a.example/d.html?refid=gs_card") == "https://a.example/d.html"
    youtube = "https://www.youtube.com/watch?v=RYDHUTHLf8U&t=0s&list=PLBm&index=23"
    assert notes_map.without_tracking(youtube) == youtube
    assert notes_map.shows("see [it](https://a.example/p/)", "https://a.example/p/?trk=gs_card")
    assert not notes_map.shows("see [it](https://a.example/q/)", "https://a.example/p/?trk=gs_card")
