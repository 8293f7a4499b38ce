"""The commune as a Python class: the native ``chibo._chibo.Commune`` (commands given whole,
reports, journals), every command as a keyword method (``actions.Actions``, generated from the
core's schema) and record objects and pandas tables."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Type, TypeVar, Union

from . import _chibo
from .actions import Actions
from .records import Cell, Inspection, Meeting, Member, Remediation, Task
from .reports import Alert, CellRating, DashboardRow, MemberRating
from .tables import flatten, to_pandas

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]

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
        """The dashboard's rows (cell × month) flattened into plain columns
        (``attendance_present``, ``vote_yes``, ``tasks_on_time``…), ready for a table."""
        report = self.dashboard(year=year, month=month)
        return [flatten(row) for row in report["rows"]]

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

    def to_pandas(self, what: str, **report: Any) -> "pandas.DataFrame":
        """A pandas DataFrame (pandas is optional) of a record table (``"cells"``, ``"members"``,
        ``"meetings"``, ``"tasks"``, ``"inspections"``, ``"remediations"``) or of a report's rows:
        ``"dashboard"`` (with ``year=`` or ``month=``), ``"alerts"`` (with ``as_of=``),
        ``"ratings"`` (with ``year=``; one row per member)."""
        readers: Dict[str, Callable[[], Sequence[Mapping[str, Any]]]] = {
            "dashboard": lambda: self.dashboard(**report)["rows"],
            "alerts": lambda: self.alerts(**report),
            "ratings": lambda: self.ratings(**report)["members"],
        }
        reader = readers.get(what)
        return to_pandas(reader() if reader else self.records(what))

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        """A commune in memory pickles as its journal's text (loaded, verified and replayed
        again on unpickling). One kept in a journal file does not: the file is its record."""
        if self.path is not None:
            raise TypeError(
                "a Commune kept in a journal file cannot be pickled: pickle "
                "Commune.load(commune.journal_text()) or send the file"
            )
        return (type(self).load, (self.journal_text(),))


__all__ = ["Commune"]
