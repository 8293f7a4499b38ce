"""The reports of a real year (the Nga Trường journal): as Python values, as record objects, as
flat rows and as pandas frames; each the core's computation."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

import chibo
from conftest import ROOT


def test_record_tables_match_the_summaries(nga_truong: chibo.Commune) -> None:
    meetings = nga_truong.meetings()
    assert len(meetings) > 200 and all(isinstance(m, chibo.Meeting) for m in meetings)
    for meeting in meetings[:20]:
        summary = nga_truong.summary("meetings", meeting.id)
        assert meeting.state == summary["state"] and meeting.counted_base == summary["counted_base"]
    assert len(nga_truong.cells()) == 16
    members = nga_truong.members()
    assert len(members) > 300 and {m.status for m in members} <= set(chibo.MemberStatus)
    assert all(isinstance(t.deadline, date) for t in nga_truong.tasks())
    assert all(i.state is chibo.InspectionState.CONCLUDED for i in nga_truong.inspections() if i.concluded_at)
    assert len(nga_truong.remediations()) == len(nga_truong.records("remediations"))


def test_dashboard_is_the_core_s(nga_truong: chibo.Commune) -> None:
    dashboard = nga_truong.dashboard(year=2025)
    written = json.loads((ROOT / "target" / "nga_truong" / "dashboard.json").read_text("utf-8"))
    assert dashboard == written
    march = nga_truong.dashboard(month=date(2025, 3, 1))
    assert {row["month"] for row in march["rows"]} == {"2025-03"}
    rows = nga_truong.dashboard_rows(year=2025)
    assert len(rows) == len(dashboard["rows"]) and "present" in rows[0]
    table = list(csv.reader(io.StringIO(nga_truong.dashboard_csv(year=2025))))
    assert len(table) == len(dashboard["rows"]) + 1
    with pytest.raises(chibo.InputError):
        nga_truong.dashboard(year=2025, month="2025-03")


def test_alerts_ratings_minutes(nga_truong: chibo.Commune) -> None:
    alerts = nga_truong.alerts(as_of=date(2025, 12, 31))
    written = json.loads((ROOT / "target" / "nga_truong" / "alerts.json").read_text("utf-8"))
    assert alerts == written
    ratings = nga_truong.ratings(year=2025)
    assert {r["category"] for r in ratings["members"]} - {None} <= set(chibo.Category)
    held = next(m for m in nga_truong.meetings() if m.state is chibo.MeetingState.INSPECTED)
    minutes = nga_truong.minutes(meeting=held.id, language=chibo.Language.EN)
    assert minutes["markdown"] and "<html" in minutes["html"].lower()
    assert "THE CELL RESOLVES:" in minutes["resolution_markdown"]
    assert "<html" in minutes["resolution_html"].lower()
    review = nga_truong.ratings(year=2025, cut_off=date(2025, 12, 20))
    assert review["cut_off"] == "2025-12-20"
    assert {r["standing"] for r in review["members"]} <= {"final", "not_rateable"}
    score = nga_truong.score(meeting=held.id)
    assert score["band"] in set(chibo.Band)
    assert nga_truong.recorded_score(meeting=held.id)


def test_to_pandas(nga_truong: chibo.Commune) -> None:
    pandas = pytest.importorskip("pandas")
    frame = nga_truong.to_pandas("dashboard", year=2025)
    assert isinstance(frame, pandas.DataFrame) and "counted_base" in frame.columns
    assert len(nga_truong.to_pandas("meetings")) == len(nga_truong.meetings())
    assert len(nga_truong.to_pandas("alerts", period="2025")) == len(nga_truong.alerts(as_of="2025-12-31"))
    with pytest.raises(TypeError, match="period"):
        nga_truong.to_pandas("alerts", as_of="2025-12-31")
    assert "tasks_on_time" in nga_truong.to_pandas("ratings", year=2025).columns
    assert list(chibo.to_pandas(chibo.tables.rows(nga_truong.cells())).columns)[:2] == ["id", "name"]


def test_reports_as_objects_and_their_pickling(nga_truong: chibo.Commune) -> None:
    import dataclasses
    import pickle

    alerts = nga_truong.alert_objects(as_of=date(2025, 12, 31))
    assert alerts and all(isinstance(a, chibo.Alert) for a in alerts)
    assert [dataclasses.asdict(a) for a in alerts] == [
        {k: row[k] for k in (f.name for f in dataclasses.fields(chibo.Alert))}
        for row in nga_truong.alerts(as_of=date(2025, 12, 31))
    ]
    rows = nga_truong.dashboard_objects(year=2025)
    assert len(rows) == len(nga_truong.dashboard(year=2025)["rows"])
    assert {r.state for r in rows} - {None} <= set(chibo.MeetingState)
    members, cells = nga_truong.rating_objects(year=2025)
    assert len(cells) == 16 and all(isinstance(m, chibo.MemberRating) for m in members)
    for value in (alerts[0], rows[0], members[0], cells[0], nga_truong.meetings()[0], nga_truong.cells()[0]):
        assert pickle.loads(pickle.dumps(value)) == value
