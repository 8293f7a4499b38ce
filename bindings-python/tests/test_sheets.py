"""Spreadsheets and files: CSV with a byte-order mark and Vietnamese (or English) headers, a
month's workbook read back with openpyxl, Parquet read back with pyarrow."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest

import chibo
from chibo import arrow, sheets

pa = pytest.importorskip("pyarrow")
openpyxl = pytest.importorskip("openpyxl")


def test_csv_has_a_bom_and_the_core_s_headers(nga_truong: chibo.Commune) -> None:
    table = nga_truong.table("dashboard", "03/2025")
    text = sheets.to_csv(table)
    assert text.startswith(sheets.BOM)
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == arrow.headers("dashboard", "vi") and rows[0][0] == "Chi bộ"
    assert len(rows) == table.num_rows + 1
    english = list(csv.reader(io.StringIO(sheets.to_csv(table, "en", bom=False))))
    assert english[0] == arrow.headers("dashboard", "en") and english[1:] == rows[1:]
    times = sheets.to_csv(nga_truong.table("meetings", "03/2025"))
    assert "+07:00" in times
    with pytest.raises(ValueError, match="'vi' or 'en'"):
        sheets.to_csv(table, "fr")


def test_a_month_s_workbook_reads_back(nga_truong: chibo.Commune, tmp_path: Path) -> None:
    path = tmp_path / "bao-cao-03-2025.xlsx"
    counts = sheets.write_report(nga_truong, "03/2025", path)
    book = openpyxl.load_workbook(path)
    titles = [arrow.describe(n)["vi"] for n in arrow.TABLES]
    assert book.sheetnames == ["Thông tin", *titles]
    assert book["Thông tin"]["B1"].value == "Đảng bộ xã Nga Trường"
    for name, title in zip(arrow.TABLES, titles):
        sheet = book[title]
        header = [c.value for c in sheet[1]]
        assert header == arrow.headers(name, "vi"), name
        assert sheet.max_row == counts[name] + 1 or (counts[name] == 0 and sheet.max_row == 1)
    meetings = book["Các cuộc sinh hoạt"]
    held = [c.value for c in meetings["I"][1:]]
    assert held and all(isinstance(v, datetime) for v in held if v is not None)
    table = nga_truong.table("meetings", "03/2025")
    first = table.column("held_at").to_pylist()[0]
    assert held[0] == first.replace(tzinfo=None)  # Vietnam's wall-clock time
    english = tmp_path / "report.xlsx"
    sheets.write_report(nga_truong, "2025-03", english, language="en")
    assert openpyxl.load_workbook(english).sheetnames[1] == "Dashboard"


def test_parquet_reads_back_the_same_table(nga_truong: chibo.Commune, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    for name in arrow.TABLES:
        table = nga_truong.table(name, 2025)
        path = tmp_path / f"{name}.parquet"
        sheets.write_parquet(table, path)
        back = pq.read_table(path)
        assert back.equals(table), name
        assert back.schema.field(0).metadata == table.schema.field(0).metadata
    tasks = pq.read_table(tmp_path / "tasks.parquet").column("deadline").to_pylist()
    assert all(isinstance(d, date) for d in tasks)
