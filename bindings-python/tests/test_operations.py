"""The Python column of docs/operations.md names what ``chibo`` exports: ``Commune()`` the class,
``Commune.f`` and ``commune.f`` its attributes, a bare name a module-level function."""

from __future__ import annotations

import pathlib
import re
from typing import List

import chibo

TABLE = pathlib.Path(__file__).resolve().parents[2] / "docs" / "operations.md"


def _column(index: int) -> List[str]:
    text = TABLE.read_text(encoding="utf-8")
    body = text[text.index("<!-- operations:start -->") : text.index("<!-- operations:end -->")]
    rows = [line for line in body.splitlines() if line.startswith("| ")][1:]
    names: List[str] = []
    for row in rows:
        names.extend(re.findall(r"`([^`]+)`", row.split("|")[index]))
    return names


def test_every_python_name_of_the_operations_table_exists() -> None:
    names = _column(3)
    assert len(names) >= 15, names
    for name in names:
        if name == "Commune()":
            assert callable(chibo.Commune)
        elif "." in name:
            owner, attribute = name.split(".", 1)
            assert owner in ("Commune", "commune"), name
            assert callable(getattr(chibo.Commune, attribute, None)) or hasattr(
                chibo.Commune, attribute
            ), name
        else:
            assert callable(getattr(chibo, name, None)), name
