"""The site shows what the gate's report says, block by block, and never more."""

from __future__ import annotations

from checks import paths, report
from dsp_markdown import mkdocs_site, pages

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)

HELLO = THIS_SITE.snippets / "containers" / "hello"


def entry(step: str, status: str, sha: str | None = None, **extra) -> dict:
    path = HELLO / step
    return {
        "snippet": THIS_SITE.relative(path), "kind": "shell", "status": status, "checked_by": "bash",
        "requires": ["docker"], "sha256": sha or report.fingerprint(THIS_SITE, path),
        "verified_at": "2026-01-02T03:04:05+00:00", **extra,
    }


def test_without_a_report_nothing_claims_to_be_verified(build_with_report):
    site = build_with_report(None)
    hello = (site / "containers" / "hello" / "index.html").read_text()
    assert "Not yet verified" in hello and "Verified:" not in hello
    status = (site / "about" / "status" / "index.html").read_text()
    assert "this build has no gate report" in status


def test_each_block_shows_its_entry_and_the_status_page_lists_every_page(build_with_report):
    document = {
        "generated": "2026-01-02T03:04:05+00:00", "machine": "Linux x86_64, 2 cores", "ci": True,
        "environment": {"Docker Engine": "99.1.2", "Python": "3.11"},
        "snippets": {
            e["snippet"]: e
            for e in (
                entry("01-pull.sh", "passed"),
                entry("02-run-ls.sh", "passed", sha="0" * 64),
                entry("03-run-detached.sh", "skipped", reason="no engine here"),
            )
        },
    }
    site = build_with_report(document)
    hello = (site / "containers" / "hello" / "index.html").read_text()
    assert "Verified: ran with bash against Docker Engine 99.1.2 on 2026-01-02." in hello
    assert "Not yet verified: this block changed since the gate last ran it." in hello
    assert "Skipped on 2026-01-02: no engine here." in hello
    status = (site / "about" / "status" / "index.html").read_text()
    table = status.split("<table>", 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") - 1 == len(mkdocs_site.nav_pages(mkdocs_site.mkdocs_config(THIS_SITE)["nav"]))
    assert "containers/hello/" in table and "99.1.2" in status
    assert status.count('class="dsp-chart__bar" role="img"') == status.count('class="dsp-chart__row"') > 0


def test_a_block_run_against_stand_ins_says_so(build_with_report):
    document = {
        "generated": "2026-01-02T03:04:05+00:00", "machine": "Linux x86_64, 2 cores", "ci": False,
        "environment": {"Docker Engine": "20.10.24", "Docker images": report._image_source_text("stand-ins")},
        "snippets": {e["snippet"]: e for e in (entry("01-pull.sh", "passed"),)},
    }
    hello = (build_with_report(document) / "containers" / "hello" / "index.html").read_text()
    assert "Verified: ran with bash against Docker Engine 20.10.24 with stand-in images on 2026-01-02." in hello


def test_the_status_page_charts_every_page_with_blocks_and_names_pages_by_title():
    document = {
        "generated": "2026-01-02T03:04:05+00:00", "machine": "Linux x86_64, 2 cores", "ci": False,
        "environment": {"Docker Engine": "99.1.2"},
        "snippets": {
            e["snippet"]: e
            for e in (
                entry("01-pull.sh", "passed"),
                entry("02-run-ls.sh", "passed", checked_by="shellcheck"),
                entry("03-run-detached.sh", "skipped", reason="no engine here"),
                entry("04-stop-start.sh", "failed"),
            )
        },
    }
    text = pages.status_page(THIS_SITE, document, "about/status.md")
    table = [row for row in text.splitlines() if row.startswith("| ")]
    assert table[0] == "| Page | Blocks | Verified | Validated | Skipped | Failed | Not yet verified |"
    assert "| [Hello, Docker](../containers/hello.md) | 8 | 1 | 1 | 1 | 1 | 4 |" in table
    assert "| [Containers](../containers/index.md) | 0 | 0 | 0 | 0 | 0 | 0 |" in table  # a section index, by its title
    assert "| Verification status | 0 | 0 | 0 | 0 | 0 | 0 |" in table  # the page itself, unlinked
    assert any(row.startswith("| [DynamoDB (Cloud)](../cloud/dynamodb.md) |") for row in table)

    bars = [line for line in text.splitlines() if 'class="dsp-chart__row"' in line]
    with_blocks = [row for row in table[2:] if row.split(" | ")[1] != "0"]
    assert len(bars) == len(with_blocks) > 0
    [hello] = [bar for bar in bars if "Hello, Docker" in bar]
    assert 'role="img" aria-label="Hello, Docker: 8 blocks, 1 verified, 1 validated, 1 skipped, 1 failed, ' \
        '4 not yet verified"' in hello
    assert "<script" not in text and "http" not in text.split('<figure class="dsp-chart">', 1)[1]


def test_an_aws_block_names_the_cli_that_ran_and_its_adapter():
    from dsp_markdown import status

    environment = {"moto": "5.2.0", "awscli": "1.46.3", "AWS CLI": "AWS CLI 1.46.3 with the v2 adapter"}
    assert status._against(["aws"], environment) == " against moto 5.2.0 (AWS CLI 1.46.3 with the v2 adapter)"
    assert status._against(["aws"], {"moto": "5.2.0", "awscli": "1.46.3"}) == " against moto 5.2.0 (AWS CLI 1.46.3)"
