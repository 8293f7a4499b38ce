"""The keyword methods of ``chibo.Commune`` against the JSON Schema derived from the core's types
(schema/command.schema.json, written by ``cargo test -p chibo-schema``): they are generated from
it (``scripts/gen_actions.py``, checked fresh here), one method per action, taking ``actor``,
``at`` and exactly the payload's fields, required ones without a default and optional ones
defaulting to ``None``. The reports' type hints are generated from schema/reports.schema.json
(``scripts/gen_reports.py``, checked fresh here), and the report objects hold exactly the keys
the schema gives each row."""

from __future__ import annotations

import dataclasses
import inspect
import json
import pathlib
import subprocess
import sys
from typing import Any, Dict, Tuple

import pytest

import chibo

SCHEMA = pathlib.Path(__file__).resolve().parents[2] / "schema" / "command.schema.json"


def _payloads() -> Dict[str, Tuple[set, set]]:
    """Each action's name → (required fields, optional fields), from the schema."""
    schema: Dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    definitions = schema["definitions"]
    out: Dict[str, Tuple[set, set]] = {}
    for variant in definitions["Action"]["oneOf"]:
        ((name, payload),) = variant["properties"].items()
        if "$ref" in payload:
            payload = definitions[payload["$ref"].rsplit("/", 1)[-1]]
        fields = set(payload.get("properties", {}))
        required = set(payload.get("required", []))
        out[name] = (required, fields - required)
    return out


PAYLOADS = _payloads()


def test_the_generated_methods_are_fresh() -> None:
    script = pathlib.Path(__file__).resolve().parents[1] / "scripts" / "gen_actions.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_schema_lists_every_action_the_binding_knows() -> None:
    assert len(PAYLOADS) >= 43
    assert "self_assess" in PAYLOADS and "record_discipline" in PAYLOADS


@pytest.mark.parametrize("action", sorted(PAYLOADS))
def test_each_action_has_a_keyword_method_with_the_payloads_fields(action: str) -> None:
    method = getattr(chibo.Commune, action, None)
    assert method is not None, f"chibo.Commune has no method {action}"
    parameters = inspect.signature(method).parameters
    # A field named after a Python keyword takes a trailing underscore (PEP 8): `from_`.
    taken = {
        name.rstrip("_"): p for name, p in parameters.items() if name not in ("self", "actor", "at")
    }
    required, optional = PAYLOADS[action]
    assert set(taken) == required | optional, (action, set(taken) ^ (required | optional))
    for name in required:
        assert taken[name].default is inspect.Parameter.empty, f"{action}({name}) is required"
    for name in optional:
        assert taken[name].default is None, f"{action}({name}) is optional: default None"


REPORTS = pathlib.Path(__file__).resolve().parents[2] / "schema" / "reports.schema.json"


def test_the_generated_report_types_are_fresh() -> None:
    script = pathlib.Path(__file__).resolve().parents[1] / "scripts" / "gen_reports.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "objects, definition",
    [
        (chibo.reports.Alert, "Alert"),
        (chibo.reports.DashboardRow, "DashboardRow"),
        (chibo.reports.MemberRating, "MemberRating"),
        (chibo.reports.CellRating, "CellRating"),
    ],
)
def test_the_report_objects_have_every_field_the_core_writes(objects: Any, definition: str) -> None:
    # The convenience dataclasses of chibo.reports cannot drift from the core's rows: each has
    # exactly the keys the schema gives the row.
    schema: Dict[str, Any] = json.loads(REPORTS.read_text(encoding="utf-8"))
    keys = set(schema["definitions"][definition]["properties"])
    assert {f.name for f in dataclasses.fields(objects)} == keys
