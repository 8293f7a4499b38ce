"""Spreadsheets and files of the report tables: CSV with a byte-order mark (so that Excel on
Windows reads the Vietnamese as UTF-8), .xlsx workbooks (openpyxl) and Parquet (pyarrow), with
the core's Vietnamese headers by default and English ones on request (``language="en"``).

Values are written as the tables hold them: codes stay codes (``adopted``), dates are days,
times are Vietnam's time. openpyxl is used for .xlsx because it both writes and reads workbooks
(the tests read every workbook back with it) and is pure Python: one dependency, not two."""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Union


if TYPE_CHECKING:  # pragma: no cover
    import pyarrow  # type: ignore[import-untyped,unused-ignore]

Path = Union[str, "os.PathLike[str]"]
VIETNAM = timezone(timedelta(hours=7))
BOM = "\ufeff"


def _meta(metadata: Any, language: str, fallback: str) -> str:
    value = (metadata or {}).get(language.encode())
    return fallback if value is None else str(value.decode("utf-8"))


def headers(table: "pyarrow.Table", language: str = "vi") -> List[str]:
    """The table's column headers in ``language``, from its fields' metadata (the core's
    headers; a column without them keeps its name)."""
    if language not in ("vi", "en"):
        raise ValueError(f"language is 'vi' or 'en', not {language!r}")
    return [_meta(f.metadata, language, f.name) for f in table.schema]


def title(table: "pyarrow.Table", language: str = "vi") -> str:
    """The table's title in ``language`` (its schema's metadata), else its name."""
    return _meta(table.schema.metadata, language, _meta(table.schema.metadata, "table", "table"))


def _text(value: Any) -> str:
    """A value as CSV text: empty for none, ``true``/``false``, ISO dates, times with +07:00."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.astimezone(VIETNAM).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def to_csv(table: "pyarrow.Table", language: str = "vi", *, bom: bool = True) -> str:
    """A report table as CSV text (RFC 4180, CRLF), headers in ``language``, starting with a
    byte-order mark unless ``bom=False``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers(table, language))
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    for row in zip(*columns):
        writer.writerow([_text(v) for v in row])
    return (BOM if bom else "") + out.getvalue()


def write_csv(table: "pyarrow.Table", path: Path, language: str = "vi") -> None:
    """Writes :func:`to_csv` (with its byte-order mark) to ``path`` as UTF-8."""
    with open(os.fspath(path), "w", encoding="utf-8", newline="") as file:
        file.write(to_csv(table, language))


def write_parquet(table: "pyarrow.Table", path: Path) -> None:
    """Writes a report table as Parquet (its schema, types and headers kept)."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    pq.write_table(table, os.fspath(path))


def _cell(value: Any) -> Any:
    """A value as openpyxl writes it: times in Vietnam's time without a zone (Excel has none)."""
    if isinstance(value, datetime):
        return value.astimezone(VIETNAM).replace(tzinfo=None)
    return value


def _sheet_title(text: str, taken: Iterable[str]) -> str:
    title = "".join(" " if ch in "[]:*?/\\" else ch for ch in text)[:31]
    base, n = title, 2
    while title in taken:
        suffix = f" {n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    return title


def write_xlsx(
    tables: Mapping[str, "pyarrow.Table"],
    path: Path,
    language: str = "vi",
    *,
    about: Optional[List[List[Any]]] = None,
) -> None:
    """Writes report tables to one .xlsx workbook, a sheet per table titled in ``language``,
    headers in bold, the header row frozen, dates and times as Excel dates. ``about`` rows, when
    given, make a first sheet (the commune, the period…)."""
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    if about:
        sheet = book.create_sheet("Thông tin" if language == "vi" else "About")
        for row in about:
            sheet.append(row)
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    for table in tables.values():
        sheet = book.create_sheet(_sheet_title(title(table, language), book.sheetnames))
        sheet.freeze_panes = "A2"
        header = []
        for text in headers(table, language):
            cell = WriteOnlyCell(sheet, value=text)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        formats = [
            "dd/mm/yyyy hh:mm" if pa.types.is_timestamp(f.type) else "dd/mm/yyyy" if pa.types.is_date(f.type) else None
            for f in table.schema
        ]
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
        for values in zip(*columns):
            cells = []
            for number_format, value in zip(formats, values):
                cell = WriteOnlyCell(sheet, value=_cell(value))
                if number_format and value is not None:
                    cell.number_format = number_format
                cells.append(cell)
            sheet.append(cells)
    book.save(os.fspath(path))


def write_report(commune: Any, period: Any, path: Path, language: str = "vi") -> Dict[str, int]:
    """One workbook of a commune's report for a period (every table, a sheet each, after a sheet
    naming the commune and the period); returns the rows written per table."""
    from .periods import parse

    chosen = parse(period)
    tables = commune.tables(chosen)
    board = commune.dashboard(year=chosen.year)
    seq, digest = commune.head
    about = [
        ["Đảng bộ" if language == "vi" else "Commune", board["commune_name"], board["commune"]],
        ["Kỳ báo cáo" if language == "vi" else "Period", chosen.label(language)],
    ]
    about.append(["Nhật ký (số, mã băm)" if language == "vi" else "Journal (seq, hash)", seq, digest])
    write_xlsx(tables, path, language, about=about)
    return {name: t.num_rows for name, t in tables.items()}


__all__ = ["headers", "title", "to_csv", "write_csv", "write_parquet", "write_xlsx", "write_report", "BOM"]
