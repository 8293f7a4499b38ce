"""Writes docs/tables.md from the core's table schemas (through the installed ``chibo``);
``--check`` compares instead (a test does the same).

    python bindings-python/scripts/gen_tables_doc.py [--check]
"""

from __future__ import annotations

import pathlib
import sys

from chibo import arrow
from schema_files import write_or_check

OUT = pathlib.Path(__file__).resolve().parents[2] / "docs" / "tables.md"

if __name__ == "__main__":
    sys.exit(write_or_check(OUT, arrow.markdown(), "gen_tables_doc.py", sys.argv))
