"""Every snippet include of the site points at a file (the strict build fails too, but names no page)."""

from checks import pages, paths


def missing_includes() -> list[str]:
    return [
        f"{paths.relative(page)}:{line}: includes {paths.relative(target)}, which does not exist"
        for target, places in pages.all_includes().items()
        if not target.exists()
        for page, line in places
    ]


def test_every_include_names_an_existing_snippet():
    assert missing_includes() == []


def test_a_missing_include_is_reported_with_page_and_line(tmp_path, monkeypatch):
    (tmp_path / "docs" / "sec").mkdir(parents=True)
    (tmp_path / "snippets").mkdir()
    (tmp_path / "docs" / "sec" / "page.md").write_text('# P\n\n```bash\n--8<-- "sec/page/gone.sh"\n```\n')
    monkeypatch.setattr(paths, "DOCS", tmp_path / "docs")
    monkeypatch.setattr(paths, "SNIPPETS", tmp_path / "snippets")
    pages.all_includes.cache_clear()
    try:
        assert missing_includes() == [f"{tmp_path}/docs/sec/page.md:4: includes {tmp_path}/snippets/sec/page/gone.sh, which does not exist"]
    finally:
        pages.all_includes.cache_clear()
