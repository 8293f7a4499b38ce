"""The report tables as pyarrow Tables: one schema each (the core's), the same for an empty
month, a full year and the Nga Trường journal; real types in Arrow and in pandas; periods as a
clerk types them; alerts by period and by cell; the dashboard's columns equal the CSV's."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest

import chibo
from chibo import arrow
from chibo.periods import Period, PeriodError, parse

pa = pytest.importorskip("pyarrow")

PERIODS = ["03/2025", "2025-Q1", 2025, "2026-12"]


def test_every_table_has_the_core_s_schema_whatever_the_data(nga_truong: chibo.Commune, march_assigned: chibo.Commune) -> None:
    assert arrow.TABLES == ["dashboard", "alerts", "meetings", "tasks", "members", "ratings", "scores", "defects"]
    empty = chibo.Commune()
    for name in arrow.TABLES:
        expected = arrow.schema(name)
        names = [c["name"] for c in arrow.describe(name)["columns"]]
        assert expected.names == names
        for commune in (empty, march_assigned, nga_truong):
            for period in PERIODS:
                table = commune.table(name, period)
                assert table.schema.equals(expected, check_metadata=True), (name, period)
        assert empty.table(name, "03/2025").num_rows == 0
    assert nga_truong.table("dashboard", 2025).num_rows == len(nga_truong.dashboard(year=2025)["rows"])
    assert march_assigned.table("tasks", "03/2025").num_rows > 0


def test_types_are_real(nga_truong: chibo.Commune) -> None:
    meetings = nga_truong.table("meetings", 2025)
    assert meetings.schema.field("held_at").type == pa.timestamp("us", tz="+07:00")
    assert meetings.schema.field("state").type == pa.dictionary(pa.int32(), pa.string())
    assert meetings.schema.field("vote_yes").type == pa.int64()
    tasks = nga_truong.table("tasks", 2025)
    assert tasks.schema.field("deadline").type == pa.date32()
    assert all(isinstance(d, date) for d in tasks.column("deadline").to_pylist())
    held = [t for t in meetings.column("held_at").to_pylist() if t is not None]
    assert held and all(t.utcoffset() == timedelta(hours=7) for t in held)
    frame = arrow.to_pandas(nga_truong.table("alerts", 2025))
    assert str(frame["days_overdue"].dtype) == "Int64" and str(frame["kind"].dtype) == "category"
    assert "citation" in frame.columns and frame["citation"].dtype != "float64"
    ratings = nga_truong.to_pandas("ratings", year=2025)
    assert str(ratings["points"].dtype) == "Int64"
    board = nga_truong.to_pandas("dashboard", month="2025-03")
    assert str(board["present"].dtype) == "Int64" and str(board["passed"].dtype) == "boolean"


def test_an_empty_month_has_the_same_columns_as_a_full_one(world: chibo.Commune, nga_truong: chibo.Commune) -> None:
    quiet = world.to_pandas("dashboard", month="2025-01")
    full = nga_truong.to_pandas("dashboard", month="2025-03")
    assert list(quiet.columns) == list(full.columns)
    assert "inspection_inspection" not in full.columns and "attendance_present" not in full.columns


def test_dashboard_columns_are_the_csv_s(nga_truong: chibo.Commune) -> None:
    header = next(csv.reader(io.StringIO(nga_truong.dashboard_csv(year=2025))))
    assert nga_truong.table("dashboard", 2025).column_names == header
    rows = nga_truong.dashboard_rows(year=2025)
    assert list(rows[0]) == header
    records = list(csv.DictReader(io.StringIO(nga_truong.dashboard_csv(year=2025))))
    assert [r["present"] for r in records] == ["" if r["present"] is None else str(r["present"]) for r in rows]


def test_alerts_by_period_and_by_cell(nga_truong: chibo.Commune) -> None:
    year = nga_truong.table("alerts", 2025)
    december = nga_truong.table("alerts", "12/2025")
    quarter = nga_truong.table("alerts", "Q4/2025")
    assert 0 < december.num_rows <= quarter.num_rows
    assert set(december.column("as_of").to_pylist()) == {date(2025, 12, 31)}
    assert {m for m in december.column("month").to_pylist() if m} == {"2025-12"}
    assert {m for m in quarter.column("month").to_pylist() if m} <= {"2025-10", "2025-11", "2025-12"}
    assert year.num_rows == len([a for a in nga_truong.alerts(as_of=date(2025, 12, 31))])
    cell = year.column("cell").to_pylist()[0]
    mine = nga_truong.table("alerts", 2025, cell=cell)
    assert 0 < mine.num_rows < year.num_rows and set(mine.column("cell").to_pylist()) == {cell}


def test_periods_as_typed() -> None:
    assert parse("03/2025") == parse("2025-03") == parse("3/2025") == parse(date(2025, 3, 9)) == Period("month", 2025, 3)
    assert parse("Q1/2025") == parse("2025-Q1") == parse("quý 1/2025") == Period("quarter", 2025, 1)
    assert parse(2025) == parse("2025") == Period("year", 2025)
    for wrong in ["13/2025", "2025-3-1", "31/03/2025", "Q5/2025", "", "tháng ba", datetime(2025, 3, 1)]:
        with pytest.raises(PeriodError, match="03/2025"):
            parse(wrong)  # type: ignore[arg-type]


def test_query_dates_say_what_form_is_expected(world: chibo.Commune) -> None:
    for wrong in ["31/03/2025", "2025-3"]:
        with pytest.raises(chibo.InputError, match="YYYY-MM-DD") as refused:
            world.alerts(as_of=wrong)
        assert "invalid characters" not in str(refused.value) and "command" not in str(refused.value)
    for moment in [datetime(2025, 3, 31, tzinfo=timezone(timedelta(hours=7))), datetime(2025, 3, 31)]:
        with pytest.raises(chibo.InputError, match="not a time") as refused:
            world.alerts(as_of=moment)
        assert "command" not in str(refused.value)
    with pytest.raises(chibo.InputError, match="quarter"):
        world.table_columns("alerts", {"quarter": [2025, 5]})
    with pytest.raises(chibo.InputError, match="the tables are"):
        world.table_columns("dashbord", {"year": 2025})


def test_docs_tables_md_is_the_core_s_schemas() -> None:
    from conftest import ROOT

    written = (ROOT / "docs" / "tables.md").read_text("utf-8")
    assert written == arrow.markdown(), "docs/tables.md is stale: run bindings-python/scripts/gen_tables_doc.py"
