"""The report tables as Apache Arrow tables (pyarrow), typed from the core's table schemas
(``TABLE_SCHEMAS``, from ``chibo::report::table``): the same columns whatever the data, in the
same order, with their Vietnamese and English headers in each field's metadata.

Types: ``text`` → string, ``code`` → dictionary<int32, string> (a pandas category), ``int`` →
int64 (nullable), ``bool`` → bool, ``date`` → date32, ``timestamp`` → timestamp[us, +07:00],
``month`` → string ``YYYY-MM``. pyarrow is needed (``pip install chibo[arrow]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional

from ._chibo import TABLE_SCHEMAS

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]
    import pyarrow  # type: ignore[import-untyped,unused-ignore]

#: The tables' names, in a workbook's order.
TABLES: List[str] = [schema["name"] for schema in TABLE_SCHEMAS]
ZONE = "+07:00"


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as missing:  # pragma: no cover - exercised only without pyarrow
        raise ImportError("chibo's tables need pyarrow, which is optional: pip install pyarrow") from missing
    return pyarrow


def describe(name: str) -> Dict[str, Any]:
    """The core's description of table ``name``: ``name``, ``vi``, ``en``, ``row`` and
    ``columns`` (each with ``name``, ``type``, ``nullable``, ``vi``, ``en``)."""
    for schema in TABLE_SCHEMAS:
        if schema["name"] == name:
            return dict(schema)
    raise KeyError(f"no table named {name!r}: the tables are {', '.join(TABLES)}")


def arrow_type(kind: str) -> Any:
    """The Arrow type of a column type of the core."""
    pa = _pyarrow()
    return {
        "text": pa.string(),
        "code": pa.dictionary(pa.int32(), pa.string()),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz=ZONE),
        "month": pa.string(),
    }[kind]


def schema(name: str) -> "pyarrow.Schema":
    """The Arrow schema of table ``name``: typed fields, nullability, and each field's headers
    as metadata (``vi``, ``en``); the table's titles in the schema's metadata."""
    pa = _pyarrow()
    described = describe(name)
    fields = [
        pa.field(
            c["name"],
            arrow_type(c["type"]),
            nullable=c["nullable"],
            metadata={"vi": c["vi"], "en": c["en"]},
        )
        for c in described["columns"]
    ]
    return pa.schema(fields, metadata={"table": name, "vi": described["vi"], "en": described["en"]})


def _array(values: List[Any], kind: str) -> Any:
    pa = _pyarrow()
    if kind == "code":
        return pa.array(values, pa.string()).dictionary_encode()
    if kind in ("date", "timestamp"):
        return pa.array(values, pa.string()).cast(arrow_type(kind))
    return pa.array(values, arrow_type(kind))


def from_columns(raw: Mapping[str, Any]) -> "pyarrow.Table":
    """An Arrow table from the native ``table_columns`` result, typed by its schema."""
    pa = _pyarrow()
    name = raw["table"]
    target = schema(name)
    described = describe(name)["columns"]
    if raw["names"] != [c["name"] for c in described]:
        raise ValueError(f"the {name} table's columns are not its schema's: {raw['names']}")
    arrays = [_array(values, c["type"]) for values, c in zip(raw["columns"], described)]
    return pa.Table.from_arrays(arrays, schema=target)


def empty(name: str) -> "pyarrow.Table":
    """Table ``name`` with no rows (its schema all the same)."""
    return schema(name).empty_table()


def headers(name: str, language: str = "vi") -> List[str]:
    """The column headers of table ``name`` in ``language`` (``vi`` or ``en``)."""
    if language not in ("vi", "en"):
        raise ValueError(f"language is 'vi' or 'en', not {language!r}")
    return [c[language] for c in describe(name)["columns"]]


def concat(tables: List["pyarrow.Table"], name: Optional[str] = None) -> "pyarrow.Table":
    """Tables of one schema end to end (the dictionaries unified), or the empty table ``name``
    when there are none."""
    pa = _pyarrow()
    if not tables:
        if name is None:
            raise ValueError("concat() of no tables needs the table's name")
        return empty(name)
    return pa.concat_tables(tables, promote_options="none").unify_dictionaries()


def to_pandas(table: "pyarrow.Table") -> "pandas.DataFrame":
    """A pandas DataFrame of an Arrow table with pandas' nullable integers and booleans (an
    empty count stays ``<NA>``, not a float), categories for codes, and zoned timestamps."""
    pa = _pyarrow()
    import pandas

    mapping = {pa.int64(): pandas.Int64Dtype(), pa.bool_(): pandas.BooleanDtype()}
    return table.to_pandas(types_mapper=mapping.get)


ARROW_NAMES = {
    "text": "string",
    "code": "dictionary<int32, string> (pandas: category)",
    "int": "int64 (pandas: Int64)",
    "bool": "bool (pandas: boolean)",
    "date": "date32",
    "timestamp": "timestamp[us, +07:00]",
    "month": "string `YYYY-MM`",
}


def markdown() -> str:
    """docs/tables.md: every table's columns, as the core describes them (written by
    ``bindings-python/scripts/gen_tables_doc.py``; a test checks the file is current)."""
    out = [
        "# Report tables",
        "",
        "Generated from the core's table schemas (`chibo::report::table`) by",
        "`bindings-python/scripts/gen_tables_doc.py`; do not edit by hand. Every table has these",
        "columns, in this order, whatever the data (an empty month has them too, with no rows). The",
        "headers are those of the spreadsheets: Vietnamese by default, English on request.",
        "",
    ]
    for name in TABLES:
        d = describe(name)
        out += [f"## `{name}`: {d['vi']} ({d['en']})", "", f"One row: {d['row']}.", ""]
        out += ["| column | type (Arrow) | may be empty | tiếng Việt | English |", "|---|---|---|---|---|"]
        for c in d["columns"]:
            empty = "yes" if c["nullable"] else ""
            out.append(f"| `{c['name']}` | {ARROW_NAMES[c['type']]} | {empty} | {c['vi']} | {c['en']} |")
        out.append("")
    return "\n".join(out)


__all__ = ["markdown", "TABLES", "ZONE", "describe", "arrow_type", "schema", "from_columns", "empty", "headers", "concat", "to_pandas"]
