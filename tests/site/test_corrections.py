"""Every correction of the notes is visible (notes/corrections.yaml, dsp_markdown/corrections.py).

* each correction names lines that exist in the notes, and a page that exists;
* each correction's page has a "Changed from the original notes" note that says its phrase;
* every such note on the site belongs to a correction: no note goes unrecorded;
* every link the notes map marks as changed (fixed, gone, redrawn, dropped) has its correction;
* a bad entry is reported with the file and line.
"""

from __future__ import annotations

import pytest

from checks import paths
from dsp_markdown import corrections, notes_map

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

CORRECTIONS = corrections.load(THIS_SITE)
NOTES = notes_map.load(THIS_SITE).notes
NOTE_LINES = NOTES.read_text(encoding="utf-8").splitlines() if NOTES.is_file() else []
SITE_NOTES = corrections.all_notes(THIS_SITE.docs)


@pytest.mark.parametrize("correction", CORRECTIONS, ids=lambda correction: correction.id)
def test_correction_changes_lines_of_the_notes(correction):
    if not NOTE_LINES:
        pytest.skip(f"the original notes are not here ({NOTES}); set DSP_NOTES to their path")
    for first, last in correction.lines:
        assert last <= len(NOTE_LINES), f"{correction.id}: line {last}: the notes have only {len(NOTE_LINES)} lines"
        text = "".join(NOTE_LINES[first - 1 : last]).strip()
        assert text, f"{correction.id}: lines {first}-{last} of the notes are blank"


@pytest.mark.parametrize("correction", CORRECTIONS, ids=lambda correction: correction.id)
def test_correction_has_its_note_on_its_page(correction):
    on_page = [note for note in SITE_NOTES if note.page == correction.page]
    saying = [note for note in on_page if note.says(correction.phrase)]
    assert saying, (
        f"{correction.id} (notes lines {correction.spans}): no note "
        f'"{corrections.NOTE_TITLE}" on docs/{correction.page} says {correction.phrase!r} '
        f"({len(on_page)} notes on that page)"
    )
    assert len(saying) == 1, (
        f"{correction.id}: {correction.phrase!r} is in {len(saying)} notes of docs/{correction.page} "
        f"(lines {', '.join(str(note.line) for note in saying)}): make the phrase tell them apart"
    )


def test_every_note_on_the_site_is_recorded():
    unrecorded = [
        f"docs/{note.page}:{note.line}: {' '.join(note.text.split())[:90]}"
        for note in SITE_NOTES
        if not any(c.page == note.page and note.says(c.phrase) for c in CORRECTIONS)
    ]
    assert not unrecorded, (
        f"notes with no entry in {THIS_SITE.relative(corrections.corrections_file(THIS_SITE))} (add one with the "
        "notes' lines it changes and a phrase of the note):\n" + "\n".join(unrecorded)
    )


# What became of a link of the notes that a reader must be told about in a note.
LINK_CHANGES = {"fixed", "gone", "replaced", "dropped"}


def test_every_changed_link_of_the_notes_has_its_correction():
    """A link the notes map marks as changed (an image redrawn, a target fixed) is a correction too."""
    if not NOTE_LINES:
        pytest.skip(f"the original notes are not here ({NOTES}); set DSP_NOTES to their path")
    links = list(notes_map.links_of("\n".join(NOTE_LINES)))
    uncorrected = []
    for part in notes_map.load(THIS_SITE).parts:
        for link in part.links.values():
            if link.status not in LINK_CHANGES:
                continue
            lines = [line for line, target, _image in links if target == link.target]
            corrected = any(
                c.page == part.page and any(first <= line <= last for first, last in c.lines for line in lines)
                for c in CORRECTIONS
            )
            if not corrected:
                uncorrected.append(f"notes lines {lines or part.span} ({link.status}, {part.page}): {link.target}")
    assert not uncorrected, "changed links of the notes with no correction on their page:\n" + "\n".join(uncorrected)


def test_notes_are_read_with_their_indented_body(tmp_path):
    (tmp_path / "p.md").write_text(
        "# P\n\n"
        '!!! note "Changed from the original notes"\n    The notes said A.\n\n    Still the note.\n'
        "After it.\n\n"
        '=== "Tab"\n\n    !!! note "Changed from the original notes"\n        In a tab, B.\n    Tab text.\n'
        '\n```markdown\n!!! note "Changed from the original notes"\n    An example, not a note.\n```\n'
    )
    found = corrections.notes_of("p.md", tmp_path)
    assert [(note.line, note.says("still the NOTE"), note.says("after it")) for note in found] == [
        (3, True, False),
        (11, False, False),
    ]
    assert found[1].says("in a tab, b.") and not found[1].says("Tab text")


GOOD = "  - id: a-b\n    page: p.md\n    lines: [3, 5-7]\n    change: What changed, said.\n    phrase: a phrase here\n"


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        (GOOD.replace("[3, 5-7]", "[3, 7-5]"), 4, "not end before it starts"),
        (GOOD.replace("[3, 5-7]", "[three]"), 4, "is not a line (N) or a range of lines"),
        (GOOD.replace("[3, 5-7]", "[]"), 4, "at least 1 item"),
        (GOOD.replace("    phrase: a phrase here\n", ""), 2, "phrase: Field required"),
        (GOOD + "    colour: red\n", 7, "colour: Extra inputs are not permitted"),
        (GOOD.replace("page: p.md", "page: q.md"), 3, "page 'q.md' is not a page in docs/"),
        (GOOD.replace("id: a-b", "id: A B"), 2, "id: String should match pattern"),
        (GOOD + GOOD, 7, "id 'a-b' is given twice"),
        (GOOD.replace("lines: [3, 5-7]", "lines: [3]\n    lines: [4]"), 5, "'lines' is given twice"),
    ],
)
def test_a_bad_entry_names_the_file_and_line(tmp_path, entry, line, message):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "p.md").write_text("# P\n")
    data = tmp_path / "corrections.yaml"
    data.write_text("corrections:\n" + entry)
    with pytest.raises(paths.LayoutError) as raised:
        corrections.load(paths.Site.at(tmp_path), data)
    assert (raised.value.path, raised.value.line) == (data, line)
    assert message in str(raised.value)
