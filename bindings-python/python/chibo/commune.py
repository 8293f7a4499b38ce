"""The commune as a Python class: the native ``chibo._chibo.Commune`` (commands given whole,
reports, journals), every command as a keyword method (``actions.Actions``, generated from the
core's schema) and record objects and pandas tables."""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Type, TypeVar, Union

from . import _chibo
from .report_types import Alert as AlertRow
from .actions import Actions
from .records import Cell, Inspection, Meeting, Member, Remediation, Task
from .reports import Alert, CellRating, DashboardRow, MemberRating
from .periods import PeriodLike, parse
from .tables import to_pandas

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]
    import pyarrow  # type: ignore[import-untyped,unused-ignore]

Path = Union[str, "os.PathLike[str]"]
C = TypeVar("C", bound="Commune")


class Commune(_chibo.Commune, Actions):
    """A commune party organisation (Đảng bộ xã) and its journal (nhật ký).

    ``Commune()`` starts an empty journal in memory; ``Commune.load(text)`` and
    ``Commune.read(path)`` read one into memory; ``Commune.open``, ``Commune.create`` and
    ``Commune.open_or_create`` keep it in a locked journal file (use ``with`` to close it).
    Commands are methods (``draft_meeting(actor=…, at=…, meeting=…, …)``); a refused command raises
    the :class:`chibo.ChiboError` of its kind and changes nothing. Every rule is the Rust core's.
    """

    @classmethod
    def read(cls: Type[C], path: Path) -> C:
        """Reads a journal file into memory (verified and replayed) without locking or changing
        it: what a reporting script does with a copy of the commune's journal. The file's bytes
        are read as they are, so a damaged byte or a CR LF line ending is a ``JournalError``
        naming the line, as for ``open``."""
        with open(os.fspath(path), "rb") as file:
            return cls.load(file.read())

    def alerts(self, *, as_of: Union[date, str]) -> List[AlertRow]:
        """The alerts as of a day (``date`` or ``"YYYY-MM-DD"``): rule breaches and membership
        alerts, each naming its rule and citation, in Vietnamese and English. A ``datetime`` is
        refused with ``InputError`` saying to give the day (a time is not a day, and its zone
        would make the day ambiguous); for the alerts of a month, quarter or year use
        ``table("alerts", period)``."""
        if isinstance(as_of, datetime):
            from .errors import InputError

            raise InputError(
                "input.malformed",
                "input",
                f"as_of là một ngày, không phải thời điểm: hãy đưa date({as_of.year}, {as_of.month}, {as_of.day}) hoặc \"{as_of:%Y-%m-%d}\" (YYYY-MM-DD)",
                f"as_of is a day, not a time: give date({as_of.year}, {as_of.month}, {as_of.day}) or \"{as_of:%Y-%m-%d}\" (YYYY-MM-DD)",
                {"field": "as_of"},
            )
        return super().alerts(as_of=as_of)

    def cells(self) -> List[Cell]:
        """Every cell, in id order."""
        return [Cell.from_row(row) for row in self.records("cells")]

    def members(self) -> List[Member]:
        """Every member (those who left included: see ``active``), in id order."""
        return [Member.from_row(row) for row in self.records("members")]

    def meetings(self) -> List[Meeting]:
        """Every meeting, in id order."""
        return [Meeting.from_row(row) for row in self.records("meetings")]

    def tasks(self) -> List[Task]:
        """Every task, in id order."""
        return [Task.from_row(row) for row in self.records("tasks")]

    def inspections(self) -> List[Inspection]:
        """Every supervision and inspection, in id order."""
        return [Inspection.from_row(row) for row in self.records("inspections")]

    def remediations(self) -> List[Remediation]:
        """Every remediation, in id order."""
        return [Remediation.from_row(row) for row in self.records("remediations")]

    def dashboard_rows(
        self, *, year: Optional[int] = None, month: Any = None
    ) -> List[Dict[str, Any]]:
        """The dashboard's rows (cell × month) as plain dicts with the columns of the ``dashboard``
        table, which are the CSV's (``regular_held``, ``present``, ``vote_yes``…)."""
        if (year is None) == (month is None):
            self.dashboard(year=year, month=month)  # raises InputError saying what to give
        period: PeriodLike = year if month is None else month  # type: ignore[assignment]
        return self.table_rows("dashboard", period)

    def table_columns_of(self, name: str, period: PeriodLike) -> Dict[str, Any]:
        """Table ``name`` for ``period`` by columns, as the core gives it (``{"table", "names",
        "columns"}``).
        ``period``: ``"03/2025"``, ``"2025-03"``, ``"Q1/2025"``, ``2025``, a ``date``…"""
        return self.table_columns(name, parse(period).query())

    def table_rows(self, name: str, period: PeriodLike) -> List[Dict[str, Any]]:
        """Table ``name`` for ``period`` as a list of dicts (no pyarrow needed), one key per
        column of its schema: every row has every column."""
        raw = self.table_columns_of(name, period)
        names: List[str] = raw["names"]
        return [dict(zip(names, values)) for values in zip(*raw["columns"])]

    def table(self, name: str, period: PeriodLike, *, cell: Optional[str] = None) -> "pyarrow.Table":
        """Report table ``name`` (``chibo.arrow.TABLES``: dashboard, alerts, meetings, tasks,
        members, ratings, scores, defects) for ``period`` as a typed pyarrow Table whose schema
        does not depend on the data; ``cell=`` keeps the rows of one cell."""
        from . import arrow

        table = arrow.from_columns(self.table_columns_of(name, period))
        if cell is not None:
            import pyarrow.compute as pc  # type: ignore[import-untyped,unused-ignore]

            if "cell" not in table.column_names:
                raise ValueError(f"the {name} table has no cell column")
            table = table.filter(pc.equal(table.column("cell").cast("string"), cell))
        return table

    def tables(self, period: PeriodLike) -> Dict[str, "pyarrow.Table"]:
        """Every report table for ``period``, by name, in a workbook's order."""
        from . import arrow

        return {name: self.table(name, period) for name in arrow.TABLES}

    def alert_objects(self, *, as_of: Any) -> List[Alert]:
        """The alerts as of a day (``alerts``) as :class:`chibo.reports.Alert` objects."""
        return [Alert.from_dict(row) for row in self.alerts(as_of=as_of)]

    def dashboard_objects(self, *, year: Optional[int] = None, month: Any = None) -> List[DashboardRow]:
        """The dashboard's rows (``dashboard``) as :class:`chibo.reports.DashboardRow` objects."""
        return [DashboardRow.from_dict(row) for row in self.dashboard(year=year, month=month)["rows"]]

    def rating_objects(
        self, *, year: int, general: Optional[Dict[str, int]] = None
    ) -> Tuple[List[MemberRating], List[CellRating]]:
        """The annual ratings (``ratings``) as member and cell rating objects."""
        report = self.ratings(year=year, general=general)
        return (
            [MemberRating.from_dict(row) for row in report["members"]],
            [CellRating.from_dict(row) for row in report["cells"]],
        )

    def to_pandas(self, what: str, period: Optional[PeriodLike] = None, **report: Any) -> "pandas.DataFrame":
        """A pandas DataFrame (pandas is optional). With a period (``period=``, or ``year=``,
        ``quarter=`` and ``month=`` for the dashboard and ratings) it is a report table
        (:meth:`table`, typed: nullable integers, categories, dates, zoned times); without one,
        a record table (``"cells"``, ``"members"``, ``"meetings"``, ``"tasks"``,
        ``"inspections"``, ``"remediations"``): one row per record, as ``records`` gives it."""
        from . import arrow

        if "as_of" in report:
            raise TypeError(
                "to_pandas() takes a period, not as_of: to_pandas('alerts', period='2025-12') "
                "gives the alerts about December as of its last day; alerts(as_of=…) gives them "
                "as of any day"
            )
        if period is None:
            given = [report.pop(key) for key in ("month", "quarter", "year") if report.get(key) is not None]
            period = given[0] if given else None
        if report:
            raise TypeError(f"to_pandas() got unexpected arguments: {', '.join(report)}")
        if period is None:
            if what not in self_record_kinds():
                raise TypeError(f"to_pandas({what!r}) needs a period, e.g. period='03/2025' or year=2025")
            return to_pandas(self.records(what))
        return arrow.to_pandas(self.table(what, period))

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        """A commune in memory pickles as its journal's text (loaded, verified and replayed
        again on unpickling). One kept in a journal file does not: the file is its record."""
        if self.path is not None:
            raise TypeError(
                "a Commune kept in a journal file cannot be pickled: pickle "
                "Commune.load(commune.journal_text()) or send the file"
            )
        return (type(self).load, (self.journal_text(),))


def self_record_kinds() -> List[str]:
    """The record tables ``records`` builds."""
    return list(_chibo.RECORD_KINDS)


__all__ = ["Commune"]
