"""Reports as Python objects: frozen dataclasses over the rows of the core's reports (the same
values as the dicts the report methods return; nested counts stay dicts). Built with
``Commune.alert_objects``, ``Commune.dashboard_objects`` and ``Commune.rating_objects``, or
``from_dict`` on a row."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Dict, List, Mapping, Optional, Tuple, Type, TypeVar

from .enums import Band, Category, MeetingState

Row = Mapping[str, Any]
R = TypeVar("R")


def _known(cls: Type[R], row: Row) -> Dict[str, Any]:
    """The row's values for the dataclass's fields (keys a newer core adds are left out)."""
    return {f.name: row.get(f.name) for f in fields(cls)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Alert:
    """A rule breach or membership alert as of a day, naming its rule and citation."""

    kind: str
    rule: str
    citation: Dict[str, Any]
    cell: Optional[str]
    member: Optional[str]
    meeting: Optional[str]
    task: Optional[str]
    remediation: Optional[str]
    figures: Dict[str, Any]
    message_vi: str
    message_en: str

    @classmethod
    def from_dict(cls, row: Row) -> "Alert":
        """From an element of ``Commune.alerts(...)``."""
        return cls(**_known(cls, row))


@dataclass(frozen=True)
class DashboardRow:
    """One cell in one month of the dashboard: its regular meeting and the month's figures."""

    cell: str
    cell_name: str
    month: str
    meeting: Optional[str]
    state: Optional[MeetingState]
    held: Dict[str, int]
    attendance: Dict[str, Any]
    vote: Optional[Dict[str, Any]]
    tasks: Dict[str, int]
    quality_band: Optional[Band]
    inspections: Tuple[str, ...]
    inspection: Optional[Dict[str, Any]]
    remediations: Dict[str, int]
    defects: int = 0

    @classmethod
    def from_dict(cls, row: Row) -> "DashboardRow":
        """From an element of ``Commune.dashboard(...)["rows"]``."""
        values = _known(cls, row)
        values["state"] = None if row.get("state") is None else MeetingState(row["state"])
        values["quality_band"] = None if row.get("quality_band") is None else Band(row["quality_band"])
        values["inspections"] = tuple(row.get("inspections") or ())
        return cls(**values)


@dataclass(frozen=True)
class MemberRating:
    """A member's annual rating (R-72) with its reasons in Vietnamese and English."""

    member: str
    name: str
    cell: Optional[str]
    standing: str
    general_points: Optional[int]
    tasks: Dict[str, int]
    task_points: Optional[int]
    points: Optional[int]
    category: Optional[Category]
    capped: bool
    reasons: Tuple[Dict[str, str], ...]
    decided: Optional[Category] = None
    disciplined: Optional[str] = None
    review: Optional[Dict[str, Any]] = None
    citations: Tuple[Dict[str, Any], ...] = ()

    @classmethod
    def from_dict(cls, row: Row) -> "MemberRating":
        """From an element of ``Commune.ratings(...)["members"]``: ``category`` is what the
        criteria give, ``decided`` what the commune committee decided (``decide_rating``)."""
        values = _known(cls, row)
        values["category"] = None if row.get("category") is None else Category(row["category"])
        values["decided"] = None if row.get("decided") is None else Category(row["decided"])
        values["reasons"] = tuple(row.get("reasons") or ())
        values["citations"] = tuple(row.get("citations") or ())
        return cls(**values)


@dataclass(frozen=True)
class CellRating:
    """A cell's annual rating (R-72) on its own tasks as a collective (each month's regular
    meeting, each remedy required), with its reasons."""

    cell: str
    name: str
    standing: str
    members: int
    members_with_points: int
    general_points: Optional[int]
    tasks: Dict[str, int]
    task_points: Optional[int]
    points: Optional[int]
    category: Optional[Category]
    member_categories: Dict[str, int]
    capped: Tuple[str, ...]
    reasons: Tuple[Dict[str, str], ...]
    cell_capped: bool = False
    citations: Tuple[Dict[str, Any], ...] = ()

    @classmethod
    def from_dict(cls, row: Row) -> "CellRating":
        """From an element of ``Commune.ratings(...)["cells"]``."""
        values = _known(cls, row)
        values["category"] = None if row.get("category") is None else Category(row["category"])
        values["capped"] = tuple(row.get("capped") or ())
        values["reasons"] = tuple(row.get("reasons") or ())
        values["citations"] = tuple(row.get("citations") or ())
        return cls(**values)


def alerts(rows: List[Row]) -> List[Alert]:
    """Alert objects from ``Commune.alerts(...)``."""
    return [Alert.from_dict(row) for row in rows]


__all__ = ["Alert", "DashboardRow", "MemberRating", "CellRating", "alerts"]
