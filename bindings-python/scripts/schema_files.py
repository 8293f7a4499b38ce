"""What the two generators share: following a schema's ``$ref`` and writing (or, with
``--check``, comparing) a generated file."""

from __future__ import annotations

import pathlib
import sys
from typing import Any, Dict, List


def ref_name(node: Dict[str, Any]) -> str:
    """The definition a node points to (``$ref``, or schemars' ``allOf: [$ref]``), or ``""``."""
    if "allOf" in node and len(node["allOf"]) == 1:
        node = node["allOf"][0]
    return str(node["$ref"]).rsplit("/", 1)[-1] if "$ref" in node else ""


def write_or_check(out: pathlib.Path, text: str, script: str, argv: List[str]) -> int:
    """Writes ``text`` to ``out``; with ``--check`` in ``argv``, returns 1 (saying so) if ``out``
    differs from it instead."""
    if "--check" in argv:
        if out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: run `python scripts/{script}`", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    return 0
