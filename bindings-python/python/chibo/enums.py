"""The core's named values as Python enums (``str`` enums: each member *is* its JSON value, so
``MeetingKind.REGULAR == "regular"`` and either may be passed to a command).

Names follow the glossary (shared/domain/GLOSSARY.md); values are the core's snake_case codes.
"""

from __future__ import annotations

from enum import Enum
from typing import Dict


class _Value(str, Enum):
    """A ``str`` enum that prints as its value."""

    def __str__(self) -> str:
        return str(self.value)


class CellKind(_Value):
    """The kind of a cell (chi bộ)."""

    RESIDENTIAL = "residential"  #: thôn, xóm, tổ dân phố
    AGENCY = "agency"  #: cơ quan
    SCHOOL = "school"  #: trường học
    ENTERPRISE = "enterprise"
    ARMED_FORCES = "armed_forces"
    OTHER = "other"


class MemberStatus(_Value):
    """A member's status: official (chính thức) or probationary (dự bị)."""

    OFFICIAL = "official"
    PROBATIONARY = "probationary"


class MemberFlag(_Value):
    """A flag set on a member with ``set_member_flag``."""

    EXEMPTED = "exempted"  #: miễn sinh hoạt
    SUSPENDED = "suspended"
    TRANSFERRED = "transferred"


class CommitteeKind(_Value):
    """One of the commune's committees."""

    EXECUTIVE = "executive"  #: Ban chấp hành
    STANDING = "standing"  #: Ban thường vụ
    INSPECTION = "inspection"  #: Ủy ban kiểm tra


class MeetingKind(_Value):
    """The kind of a meeting (kỳ sinh hoạt)."""

    REGULAR = "regular"  #: thường kỳ
    THEMATIC = "thematic"  #: chuyên đề
    COMBINED = "combined"


class MeetingState(_Value):
    """Where a meeting is in its lifecycle: draft → adopted → assigned → reported → inspected."""

    DRAFT = "draft"  #: dự thảo
    ADOPTED = "adopted"  #: nghị quyết thông qua
    ASSIGNED = "assigned"  #: phân công nhiệm vụ
    REPORTED = "reported"  #: báo cáo kết quả
    INSPECTED = "inspected"  #: kiểm tra, giám sát


class TaskState(_Value):
    """Where a task is."""

    ASSIGNED = "assigned"
    DONE = "done"
    UNFINISHED = "unfinished"
    CANCELLED = "cancelled"
    CARRIED_OVER = "carried_over"  #: chuyển sang nhiệm vụ của kỳ sau (R-41)


class Outcome(_Value):
    """A task's reported outcome. ``not_done`` needs a reason: pass ``not_done(reason)``."""

    EXCEEDED = "exceeded"
    ON_TIME = "on_time"
    LATE = "late"
    NOT_DONE = "not_done"


class Attendance(_Value):
    """A member's attendance on the roll. An excused absence needs its reason: pass
    ``absent_excused(reason)``."""

    PRESENT = "present"
    ABSENT_EXCUSED = "absent_excused"
    ABSENT_UNEXCUSED = "absent_unexcused"


class InspectionKind(_Value):
    """The kind of a supervision or inspection (kiểm tra, giám sát)."""

    REGULAR_SUPERVISION = "regular_supervision"
    THEMATIC_SUPERVISION = "thematic_supervision"
    FORMAL_INSPECTION = "formal_inspection"


class Criterion(_Value):
    """What an inspection's finding is about (R-61)."""

    RESOLUTION_EACH_MEETING = "resolution_each_meeting"
    EVERY_MEMBER_ASSIGNED = "every_member_assigned"
    ABSENCES = "absences"
    MINUTES_BOOK = "minutes_book"
    MEMBER_IMPLEMENTATION = "member_implementation"
    MASS_ORGANISATIONS = "mass_organisations"
    OTHER = "other"


class InspectionState(_Value):
    """Open, or concluded by its notice of results."""

    OPEN = "open"
    CONCLUDED = "concluded"


class RemediationState(_Value):
    """Where a remediation (khắc phục) is."""

    OPEN = "open"
    REMEDIED = "remedied"
    VERIFIED = "verified"
    OVERDUE = "overdue"


class Band(_Value):
    """A meeting's quality band (xếp loại chất lượng sinh hoạt)."""

    GOOD = "good"  #: Tốt
    FAIR = "fair"  #: Khá
    AVERAGE = "average"  #: Trung bình
    WEAK = "weak"  #: Yếu


class Category(_Value):
    """An annual rating's category (đánh giá, xếp loại đảng viên)."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"


class Language(_Value):
    """The language of minutes and messages."""

    VI = "vi"
    EN = "en"


def not_done(reason: str) -> Dict[str, Dict[str, str]]:
    """The outcome of a task not done, with its reason (R-50)."""
    return {"not_done": {"reason": reason}}


def sent_back(reason: str) -> Dict[str, Dict[str, str]]:
    """The assessment of a report sent back to its owner, with the reason (R-51)."""
    return {"sent_back": {"reason": reason}}


def absent_excused(reason: str) -> Dict[str, Dict[str, str]]:
    """An excused absence on the roll, with its reason (R-33)."""
    return {"absent_excused": {"reason": reason}}


__all__ = [
    "CellKind",
    "MemberStatus",
    "MemberFlag",
    "CommitteeKind",
    "MeetingKind",
    "MeetingState",
    "TaskState",
    "Outcome",
    "Attendance",
    "InspectionKind",
    "Criterion",
    "InspectionState",
    "RemediationState",
    "Band",
    "Category",
    "Language",
    "not_done",
    "sent_back",
    "absent_excused",
]
