"""`otherwise:` fallbacks, `$DSP_STEP_OUTPUT` for hidden assertions, and the swarm-vip probe."""

from pathlib import Path

from checks.services import swarm

PAGE = "# P\n"
pytest_plugins = ["pytester"]

MISSING = "no-such-capability"  # unknown to the gate, so never available


def test_a_step_missing_a_capability_is_skipped_and_its_fallback_runs_in_its_place(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-start.sh": "touch log\n",
            "snippets/sec/page/02-original.sh": "echo original >> log\n",
            "snippets/sec/page/03-fallback.sh": "echo fallback >> log\n",
            "snippets/sec/page/04-after.sh": "cat log\n",
            # The fallback ran once, at the original's place, before 04.
            "snippets/sec/page/04-after.out": "fallback\n",
            "snippets/sec/page/_page.yml": f"""
                steps:
                  02-original.sh:
                    requires: [{MISSING}]
                    otherwise: 03-fallback.sh
            """,
        }
    )
    result.assert_outcomes(passed=3, skipped=1)
    result.stdout.fnmatch_lines(
        [f"SKIPPED *snippets/sec/page/02-original.sh: *unknown requirement '{MISSING}'*; ran snippets/sec/page/03-fallback.sh in its place (passed)"]
    )


def test_a_failing_fallback_fails_as_itself_and_stops_the_page(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01-original.sh": "echo original\n",
            "snippets/sec/page/02-fallback.sh": "echo broken >&2; exit 4\n",
            "snippets/sec/page/03-after.sh": "echo after\n",
            "snippets/sec/page/_page.yml": f"""
                steps:
                  01-original.sh:
                    requires: [{MISSING}]
                    otherwise: 02-fallback.sh
            """,
        }
    )
    result.assert_outcomes(failed=1, skipped=2)
    result.stdout.fnmatch_lines(["*snippets/sec/page/02-fallback.sh: exited with 4, expected 0"])
    result.stdout.fnmatch_lines(
        [
            "SKIPPED *snippets/sec/page/01-original.sh: *ran snippets/sec/page/02-fallback.sh in its place (failed)",
            "SKIPPED *snippets/sec/page/03-after.sh: an earlier step of this page failed: snippets/sec/page/02-fallback.sh",
        ]
    )


def test_otherwise_must_name_another_step_of_the_page(gate_here):
    result = gate_here(
        {
            "docs/sec/page.md": PAGE,
            "snippets/sec/page/01.sh": "true\n",
            "snippets/sec/page/_page.yml": "steps:\n  01.sh:\n    otherwise: 02-missing.sh\n",
        }
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/_page.yml:3: steps: '01.sh': otherwise: '02-missing.sh' is not another step of the page"])


def test_a_hidden_assertion_reads_what_its_step_printed(gate_here):
    files = {
        "docs/sec/page.md": PAGE,
        "snippets/sec/page/01.sh": "echo 'nameserver 10.0.0.53'\n",
        "snippets/sec/page/01.check.sh": "! grep -q 127.0.0.11 \"$DSP_STEP_OUTPUT\"\n",
    }
    gate_here(files).assert_outcomes(passed=1)
    files["snippets/sec/page/01.sh"] = "echo 'nameserver 127.0.0.11'\n"
    result = gate_here(files)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snippets/sec/page/01.sh: hidden assertion snippets/sec/page/01.check.sh failed (exit 1)"])


def _kernel(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_ipvs_is_found_loaded_built_in_or_as_a_loadable_module(tmp_path: Path):
    release = "6.1.0-test"
    loaded = _kernel(tmp_path / "loaded", {"sys/module/ip_vs/parameters/conn_tab_bits": "12\n"})
    builtin = _kernel(
        tmp_path / "builtin", {f"lib/modules/{release}/modules.builtin": "kernel/net/netfilter/ipvs/ip_vs.ko\n"}
    )
    module = _kernel(
        tmp_path / "module",
        {f"lib/modules/{release}/modules.dep": "kernel/net/netfilter/ipvs/ip_vs.ko: kernel/lib/libcrc32c.ko\n"},
    )
    for root in (loaded, builtin, module):
        assert swarm.ipvs_missing(root, release) is None, root


def test_a_kernel_without_ipvs_is_reported_with_the_reason_and_the_workaround(tmp_path: Path):
    release = "6.1.0-test"
    configured_out = _kernel(tmp_path / "no", {f"boot/config-{release}": "# CONFIG_IP_VS is not set\n"})
    reason = swarm.ipvs_missing(configured_out, release)
    assert reason and "CONFIG_IP_VS is not set" in reason and "tasks.<service>" in reason
    other_modules = _kernel(
        tmp_path / "none", {f"lib/modules/{release}/modules.dep": "kernel/net/bridge/bridge.ko:\n"}
    )
    reason = swarm.ipvs_missing(other_modules, release)
    assert reason and "ip_vs is not loaded" in reason
