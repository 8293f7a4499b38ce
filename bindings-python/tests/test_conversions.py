"""Values at the border: Python dates, datetimes, enums and containers in; Python types out;
what cannot be read is an InputError, never a crash."""

from __future__ import annotations

import dataclasses
import enum
import json
from datetime import date, datetime, timedelta, timezone

import pytest

import chibo

VN = timezone(timedelta(hours=7))


def test_aware_datetime_enum_and_date_in(world: chibo.Commune) -> None:
    seq = world.add_member(
        actor="vp", at=datetime(2025, 3, 1, 8, 0, tzinfo=VN), member="x1-08", name="Đỗ Văn Bình",
        home={"cell": "xom-1"}, status=chibo.MemberStatus.PROBATIONARY, joined_on=date(2025, 2, 3),
    )
    assert seq == len(world)
    member = {m.id: m for m in world.members()}["x1-08"]
    assert member.status is chibo.MemberStatus.PROBATIONARY
    assert member.joined_on == date(2025, 2, 3) and member.cell == "xom-1"


def test_utc_and_other_offsets_are_kept(world: chibo.Commune) -> None:
    world.issue_directive(actor="dy-bt", at=datetime(2025, 4, 20, 1, 0, tzinfo=timezone.utc),
                          directive="cd-2025-05", month=date(2025, 5, 1), content="Phòng chống bão.")
    event = json.loads(world.journal_text().splitlines()[-1])["event"]
    assert event["at"] in ("2025-04-20T01:00:00Z", "2025-04-20T01:00:00+00:00")
    assert event["action"]["issue_directive"]["month"] == "2025-05"


def test_naive_datetime_is_refused(world: chibo.Commune) -> None:
    with pytest.raises(chibo.InputError, match="time zone"):
        world.issue_directive(actor="dy-bt", at=datetime(2025, 4, 20, 8, 0), directive="d",
                              month="2025-05", content="x")


class Colour(enum.Enum):
    RED = "residential"


@pytest.mark.parametrize(
    "value",
    [b"bytes", object(), {1: "x"}, float("nan"), float("inf"), 10**30, {"a"}, complex(1, 2)],
    ids=["bytes", "object", "int-key", "nan", "inf", "huge-int", "set", "complex"],
)
def test_unreadable_values_are_input_errors(world: chibo.Commune, value: object) -> None:
    with pytest.raises(chibo.InputError):
        world.add_cell(actor="vp", at="2025-03-01T08:00:00+07:00", cell="c", name=value, kind="other")


def test_any_enum_and_tuples_are_read_by_value(world: chibo.Commune) -> None:
    world.add_cell(actor="vp", at="2025-03-01T08:00:00+07:00", cell="xom-9", name="Chi bộ xóm 9", kind=Colour.RED)
    world.appoint_committee(actor="vp", at="2025-03-01T08:01:00+07:00", committee=chibo.CommitteeKind.INSPECTION,
                            members=("dy-ubkt",))
    assert {c.id: c for c in world.cells()}["xom-9"].kind is chibo.CellKind.RESIDENTIAL


def test_deep_nesting_is_refused_not_a_crash(world: chibo.Commune) -> None:
    deep: object = "x"
    for _ in range(10_000):
        deep = [deep]
    # A command is read straight into its types, which refuse the list at its top.
    with pytest.raises(chibo.InputError):
        world.execute({"actor": "vp", "at": "2025-03-01T08:00:00+07:00", "action": deep})
    # A query is read as JSON first, where the depth is bounded.
    with pytest.raises(chibo.InputError, match="nested"):
        world.query({"alerts": {"as_of": deep}})


def test_wrong_argument_kinds_are_type_errors() -> None:
    with pytest.raises(TypeError):
        chibo.Commune.load(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        chibo.Commune().send_notice("vp", "2025-03-01T08:00:00+07:00", "m")  # type: ignore[misc]


def test_records_come_out_as_python_types(march_assigned: chibo.Commune) -> None:
    meeting = {m.id: m for m in march_assigned.meetings()}["m-2025-03"]
    assert meeting.state is chibo.MeetingState.ASSIGNED and meeting.kind is chibo.MeetingKind.REGULAR
    assert meeting.held_at == datetime(2025, 3, 5, 7, 30, tzinfo=VN)
    assert meeting.scheduled_at == datetime(2025, 3, 5, 7, 30, tzinfo=VN)
    assert meeting.place == "Nhà văn hóa xóm 1"
    assert (meeting.present, meeting.counted_base, meeting.yes, meeting.tasks) == (6, 5, 5, 6)
    task = {t.id: t for t in march_assigned.tasks()}["t-03-07"]
    assert task.deadline == date(2025, 3, 31) and task.state is chibo.TaskState.ASSIGNED and task.outcome is None
    row = dataclasses.asdict(meeting)
    assert row["id"] == "m-2025-03" and march_assigned.summary("meetings", "m-2025-03")["present"] == 6
    with pytest.raises(dataclasses.FrozenInstanceError):
        meeting.state = chibo.MeetingState.DRAFT  # type: ignore[misc]


def test_enums_are_their_json_values() -> None:
    assert chibo.MeetingKind.REGULAR == "regular" and str(chibo.Band.GOOD) == "good"
    assert chibo.not_done("mưa") == {"not_done": {"reason": "mưa"}}
    assert chibo.absent_excused("ốm") == {"absent_excused": {"reason": "ốm"}}


def test_unknown_record_kind(world: chibo.Commune) -> None:
    with pytest.raises(chibo.RecordLookupError):
        world.records("directives")
    with pytest.raises(chibo.RecordLookupError):
        world.summary("cells", "xom-1")
