"""Records as Python objects: one frozen dataclass per kind, built from the rows of
``Commune.records(kind)`` (the core's summary of each record plus its id, names and dates).
Dates arrive as :class:`datetime.date`, times as aware :class:`datetime.datetime`, named values as
the enums of :mod:`chibo.enums`. Dataclasses compare by value, pickle, and convert with
:func:`dataclasses.asdict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Dict, Optional, Tuple

from .enums import (
    CellKind,
    InspectionKind,
    InspectionState,
    MeetingKind,
    MeetingState,
    MemberStatus,
    Outcome,
    RemediationState,
    TaskState,
)

Row = Dict[str, Any]


def _date(text: Optional[str]) -> Optional[date]:
    return None if text is None else date.fromisoformat(text)


def _datetime(text: Optional[str]) -> Optional[datetime]:
    if text is None:
        return None
    # Python 3.10 reads "+07:00" but not "Z".
    return datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)


@dataclass(frozen=True)
class Cell:
    """A cell (chi bộ) and its leadership."""

    id: str
    name: str
    kind: CellKind
    members: Tuple[str, ...]
    secretary: Optional[str]
    deputy: Optional[str]
    committee: Tuple[str, ...]
    followers: Tuple[str, ...]
    cluster: Optional[str]

    @classmethod
    def from_row(cls, row: Row) -> "Cell":
        """From a row of ``Commune.records("cells")``."""
        return cls(
            id=row["id"],
            name=row["name"],
            kind=CellKind(row["kind"]),
            members=tuple(row["members"]),
            secretary=row["secretary"],
            deputy=row["deputy"],
            committee=tuple(row["committee"]),
            followers=tuple(row["followers"]),
            cluster=row["cluster"],
        )


@dataclass(frozen=True)
class Member:
    """A party member (đảng viên)."""

    id: str
    name: str
    status: MemberStatus
    cell: Optional[str]
    exempted: bool
    suspended: bool
    transferred: bool
    active: bool
    joined_on: date
    left_on: Optional[date]

    @classmethod
    def from_row(cls, row: Row) -> "Member":
        """From a row of ``Commune.records("members")``."""
        return cls(
            id=row["id"],
            name=row["name"],
            status=MemberStatus(row["status"]),
            cell=row["cell"],
            exempted=row["exempted"],
            suspended=row["suspended"],
            transferred=row["transferred"],
            active=row["active"],
            joined_on=date.fromisoformat(row["joined_on"]),
            left_on=_date(row["left_on"]),
        )


@dataclass(frozen=True)
class Meeting:
    """A meeting (kỳ sinh hoạt chi bộ) at a glance: its state and, once held, its roll and vote."""

    id: str
    state: MeetingState
    cell: str
    month: str
    kind: MeetingKind
    directive: str
    drafted_at: datetime
    held_at: Optional[datetime]
    revisions: int
    notice_sent: bool
    failed_sittings: int
    defects: Tuple[str, ...]
    members: Optional[int]
    present: Optional[int]
    counted_base: Optional[int]
    yes: Optional[int]
    no: Optional[int]
    abstain: Optional[int]
    minutes: Optional[int]
    admissions: int
    tasks: int
    carried_over: int
    inspections: int
    scheduled_at: Optional[datetime] = None
    place: Optional[str] = None

    @classmethod
    def from_row(cls, row: Row) -> "Meeting":
        """From a row of ``Commune.records("meetings")``."""
        fields = dict(row)
        fields["state"] = MeetingState(row["state"])
        fields["kind"] = MeetingKind(row["kind"])
        fields["drafted_at"] = _datetime(row["drafted_at"])
        fields["held_at"] = _datetime(row["held_at"])
        fields["scheduled_at"] = _datetime(row.get("scheduled_at"))
        fields["defects"] = tuple(row["defects"])
        return cls(**fields)


@dataclass(frozen=True)
class Task:
    """A member's task (nhiệm vụ) from a meeting's assignment."""

    id: str
    state: TaskState
    owner: str
    meeting: str
    outcome: Optional[Outcome]
    cell: str
    content: str
    item: int
    deadline: date
    origin: str
    carried_from: Optional[str]

    @classmethod
    def from_row(cls, row: Row) -> "Task":
        """From a row of ``Commune.records("tasks")``."""
        fields = dict(row)
        fields["state"] = TaskState(row["state"])
        fields["outcome"] = None if row["outcome"] is None else Outcome(row["outcome"])
        fields["deadline"] = date.fromisoformat(row["deadline"])
        return cls(**fields)


@dataclass(frozen=True)
class Inspection:
    """A supervision or inspection (kiểm tra, giám sát) of a cell."""

    id: str
    state: InspectionState
    findings: int
    remediations: int
    referred: bool
    cell: str
    kind: InspectionKind
    meetings: Tuple[str, ...]
    opened_at: datetime
    concluded_at: Optional[datetime]

    @classmethod
    def from_row(cls, row: Row) -> "Inspection":
        """From a row of ``Commune.records("inspections")``."""
        fields = dict(row)
        fields["state"] = InspectionState(row["state"])
        fields["kind"] = InspectionKind(row["kind"])
        fields["meetings"] = tuple(row["meetings"])
        fields["opened_at"] = _datetime(row["opened_at"])
        fields["concluded_at"] = _datetime(row["concluded_at"])
        return cls(**fields)


@dataclass(frozen=True)
class Remediation:
    """A remedy an inspection required (khắc phục), with its deadline."""

    id: str
    state: RemediationState
    inspection: str
    cell: str
    requirement: str
    deadline: date

    @classmethod
    def from_row(cls, row: Row) -> "Remediation":
        """From a row of ``Commune.records("remediations")``."""
        fields = dict(row)
        fields["state"] = RemediationState(row["state"])
        fields["deadline"] = date.fromisoformat(row["deadline"])
        return cls(**fields)


__all__ = ["Cell", "Member", "Meeting", "Task", "Inspection", "Remediation"]
