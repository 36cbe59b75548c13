"""YAML read with the line of every key, for errors that point at the offending line.

Used by the pages' `_page.yml` (page_metadata.py) and the site's notes/corrections.yaml
(dsp_markdown/corrections.py): both validate a document with pydantic and name the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from checks.paths import Site


def load(site: Site, path: Path) -> tuple[Any, yaml.Node | None]:
    """The document and its node tree (for `line_of`); malformed YAML is a LayoutError at its line.

    Two equal keys are refused too: YAML would keep the last silently, and the first be lost.
    """
    loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
    try:
        root = loader.get_single_node()
        document = loader.construct_document(root) if root is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise site.error(path, f"malformed YAML: {getattr(error, 'problem', error)}", line) from None
    finally:
        loader.dispose()
    _refuse_duplicate_keys(site, path, root)
    return document, root


def _refuse_duplicate_keys(site: Site, path: Path, node: yaml.Node | None) -> None:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(site, path, item)
    if not isinstance(node, yaml.MappingNode):
        return
    seen: dict[str, int] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        if isinstance(key, yaml.ScalarNode) and key.value in seen:
            raise site.error(path, f"{key.value!r} is given twice (first on line {seen[key.value]})", line)
        if isinstance(key, yaml.ScalarNode):
            seen[key.value] = line
        _refuse_duplicate_keys(site, path, value)


def line_of(root: yaml.Node | None, loc: tuple) -> int | None:
    """The line of the key (or list item) deepest along `loc` (a pydantic error's) that the file has."""
    node, line = root, (root.start_mark.line + 1 if root is not None else None)
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            pair = next(((key, value) for key, value in node.value if key.value == str(part)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
