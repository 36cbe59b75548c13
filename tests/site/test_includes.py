"""Every snippet include of the site points at a file (the strict build fails too, but names no page)."""

from checks import pages, paths

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)


def missing_includes(site: paths.Site) -> list[str]:
    return [
        f"{site.relative(page)}:{line}: includes {site.relative(target)}, which does not exist"
        for target, places in pages.all_includes(site).items()
        if not target.exists()
        for page, line in places
    ]


def test_every_include_names_an_existing_snippet():
    assert missing_includes(THIS_SITE) == []


def test_a_missing_include_is_reported_with_page_and_line(tmp_path):
    (tmp_path / "docs" / "sec").mkdir(parents=True)
    (tmp_path / "snippets").mkdir()
    (tmp_path / "docs" / "sec" / "page.md").write_text('# P\n\n```bash\n--8<-- "sec/page/gone.sh"\n```\n')
    site = paths.Site.at(tmp_path)
    assert missing_includes(site) == ["docs/sec/page.md:4: includes snippets/sec/page/gone.sh, which does not exist"]
