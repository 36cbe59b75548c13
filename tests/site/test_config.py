"""mkdocs.yml holds each key once (YAML silently keeps only the last of duplicates)."""

from __future__ import annotations

import yaml

from checks import paths
from dsp_markdown import mkdocs_site

THIS_SITE = paths.Site.located()  # the site in this checkout (or $DSP_ROOT)


class _StrictLoader(mkdocs_site._MkDocsLoader):
    pass


def _no_duplicates(loader, node, deep=False):
    seen: dict[object, int] = {}
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise AssertionError(
                f"mkdocs.yml:{key_node.start_mark.line + 1}: key {key!r} repeats the one on line "
                f"{seen[key]}; merge them (YAML keeps only the last)"
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def test_mkdocs_yml_has_no_duplicate_keys():
    yaml.load((THIS_SITE.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506


def test_the_site_relies_on_no_mkdocs_hook():
    """Zensical ignores `hooks:` without a word, so what the site generates is a Markdown extension."""
    config = mkdocs_site.mkdocs_config(THIS_SITE)
    assert "hooks" not in config, "move it into dsp_markdown/: Zensical would build the site without it"
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert "dsp_markdown.extension" in names
