"""Report periods as an office clerk types them: a month (``03/2025``, ``3/2025``, ``2025-03``,
a :class:`datetime.date` in it), a quarter (``Q1/2025``, ``2025-Q1``, ``quý 1/2025``) or a year
(``2025``, an ``int``). Anything else raises :class:`PeriodError`, saying in Vietnamese and
English which forms are accepted. This is reading what people type; which months a period
covers, and every figure, is the core's (``chibo::report::table::TablePeriod``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Dict, Union

PeriodLike = Union["Period", str, int, date]

FORMS_VI = "tháng MM/YYYY (03/2025) hoặc YYYY-MM (2025-03), quý Q1/2025 hoặc 2025-Q1, năm YYYY (2025)"
FORMS_EN = "a month MM/YYYY (03/2025) or YYYY-MM (2025-03), a quarter Q1/2025 or 2025-Q1, a year YYYY (2025)"


class PeriodError(ValueError):
    """A period that is not in one of the accepted forms, or a month or quarter that does not
    exist. The message is in Vietnamese, then English."""

    def __init__(self, text: object, problem_vi: str, problem_en: str) -> None:
        self.text = text
        super().__init__(
            f"«{text}»: {problem_vi}; hãy viết {FORMS_VI}. / "
            f"{text!r}: {problem_en}; write {FORMS_EN}."
        )


@dataclass(frozen=True)
class Period:
    """A month, a quarter or a year."""

    kind: str  # "month", "quarter" or "year"
    year: int
    number: int = 0  # the month (1..12) or the quarter (1..4); 0 for a year

    def query(self) -> Dict[str, Any]:
        """The period as the core reads it: ``{"month": "2025-03"}``, ``{"quarter": [2025, 1]}``
        or ``{"year": 2025}``."""
        if self.kind == "month":
            return {"month": f"{self.year:04d}-{self.number:02d}"}
        if self.kind == "quarter":
            return {"quarter": [self.year, self.number]}
        return {"year": self.year}

    def first_month(self) -> str:
        """The period's first month, ``YYYY-MM``."""
        first = {"month": self.number, "quarter": self.number * 3 - 2}.get(self.kind, 1)
        return f"{self.year:04d}-{first:02d}"

    def label(self, language: str = "vi") -> str:
        """``tháng 03/2025``, ``quý 1/2025``, ``năm 2025`` (or ``2025-03``, ``2025-Q1``, ``2025``)."""
        if language == "vi":
            if self.kind == "month":
                return f"tháng {self.number:02d}/{self.year}"
            if self.kind == "quarter":
                return f"quý {self.number}/{self.year}"
            return f"năm {self.year}"
        return str(self)

    def __str__(self) -> str:
        if self.kind == "month":
            return f"{self.year:04d}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year:04d}-Q{self.number}"
        return f"{self.year:04d}"


_MONTH_SLASH = re.compile(r"(\d{1,2})/(\d{4})")
_MONTH_ISO = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(?:q|quý\s*)([1-4])\s*[/-]\s*(\d{4})|(\d{4})\s*-\s*q([1-4])", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")


def _month(text: object, year: int, month: int) -> Period:
    if not 1 <= month <= 12:
        raise PeriodError(text, f"không có tháng {month}", f"there is no month {month}")
    return Period("month", year, month)


def parse(value: PeriodLike) -> Period:
    """The period ``value`` names (see the module's documentation), or :class:`PeriodError`."""
    if isinstance(value, Period):
        return value
    if isinstance(value, bool):
        raise PeriodError(value, "không phải kỳ báo cáo", "is not a period")
    if isinstance(value, int):
        return Period("year", value)
    if isinstance(value, datetime):
        raise PeriodError(
            value, "là một thời điểm, không phải kỳ", "is a time, not a period (give a date or a month)"
        )
    if isinstance(value, date):
        return Period("month", value.year, value.month)
    if not isinstance(value, str):
        raise PeriodError(value, "không phải kỳ báo cáo", f"a {type(value).__name__} is not a period")
    text = value.strip()
    found = _MONTH_SLASH.fullmatch(text)
    if found:
        return _month(value, int(found.group(2)), int(found.group(1)))
    found = _MONTH_ISO.fullmatch(text)
    if found:
        return _month(value, int(found.group(1)), int(found.group(2)))
    found = _QUARTER.fullmatch(text)
    if found:
        if found.group(1):
            return Period("quarter", int(found.group(2)), int(found.group(1)))
        return Period("quarter", int(found.group(3)), int(found.group(4)))
    if _YEAR.fullmatch(text):
        return Period("year", int(text))
    raise PeriodError(value, "không đọc được kỳ báo cáo", "is not a period this reads")


__all__ = ["Period", "PeriodError", "PeriodLike", "parse", "FORMS_VI", "FORMS_EN"]
