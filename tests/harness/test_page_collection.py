"""What a snippet's result depends on: one function, for the cache and for the site's "verified"."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import depends, layout, report
from hooks import status
from tests.conftest import write_site

STEPS = {
    "docs/sec/page.md": "# P\n",
    **{f"snippets/sec/page/0{n}-step.sh": f"echo {n}\n" for n in range(1, 6)},
    "snippets/sec/page/05-step.out": "5\n",
    "snippets/sec/page/data.json": "{}\n",
    "docs/sec/other.md": "# O\n",
    "snippets/sec/other/01-step.sh": "true\n",
}


@pytest.fixture
def steps(tmp_path, monkeypatch) -> Path:
    root = write_site(tmp_path.resolve(), STEPS)
    for name, value in {"ROOT": root, "DOCS": root / "docs", "SNIPPETS": root / "snippets"}.items():
        monkeypatch.setattr(layout, name, value)
    return root / "snippets" / "sec"


def test_an_edit_to_a_first_step_changes_what_every_later_step_depends_on(steps):
    fifth, data, other = steps / "page" / "05-step.sh", steps / "page" / "data.json", steps / "other" / "01-step.sh"
    before = {path: report.fingerprint(path) for path in (fifth, data, other)}
    cached = depends_and_cache_keys(fifth)
    (steps / "page" / "01-step.sh").write_text("echo one\n")
    assert report.fingerprint(fifth) != before[fifth]
    assert depends_and_cache_keys(fifth) != cached
    assert report.fingerprint(data) == before[data]  # a validated file depends on itself only
    assert report.fingerprint(other) == before[other]  # nor does another page change


def depends_and_cache_keys(path: Path) -> tuple[str, str]:
    from checks import cache

    return depends.inputs_key(path), cache.key_of(path)


def test_the_include_order_and_a_steps_output_are_inputs_too(steps):
    page, fifth, data = steps.parent.parent / "docs" / "sec" / "page.md", steps / "page" / "05-step.sh", steps / "page" / "data.json"
    before = report.fingerprint(fifth), report.fingerprint(data)
    (steps / "page" / "05-step.out").write_text("five\n")
    (steps / "page" / "data.out").write_text("{}\n")
    assert report.fingerprint(fifth) != before[0] and report.fingerprint(data) != before[1]
    shuffled = page.read_text().replace("sec/page/01-step.sh", "sec/page/XX").replace("sec/page/02-step.sh", "sec/page/01-step.sh")
    changed = report.fingerprint(fifth)
    page.write_text(shuffled.replace("sec/page/XX", "sec/page/02-step.sh"))
    assert report.fingerprint(fifth) != changed


def test_the_site_shows_later_steps_unverified_after_an_edit_to_the_first(steps):
    fifth = steps / "page" / "05-step.sh"
    key = layout.relative(fifth)
    document = {
        "generated": "2026-01-02T03:04:05+00:00",
        "snippets": {key: {"snippet": key, "kind": "shell", "status": "passed", "checked_by": "bash",
                           "requires": [], "sha256": report.fingerprint(fifth), "verified_at": "2026-01-02T03:04:05+00:00"}},
    }
    assert status.status_of(fifth, document) == ("passed", "Verified: ran with bash on 2026-01-02.")
    (steps / "page" / "01-step.sh").write_text("echo one\n")
    assert status.status_of(fifth, document)[0] == "unverified"
