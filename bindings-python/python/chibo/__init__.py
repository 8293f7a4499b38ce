"""chibo: the monthly meeting of a Communist Party of Vietnam cell (sinh hoạt chi bộ), from draft to
inspection, checked by chibo's Rust core.

    draft_meeting → Draft → record_meeting → Adopted → assign_tasks → Assigned
                  → close_reporting → Reported → conclude_inspection → Inspected

Quick start::

    import chibo
    commune = chibo.Commune.read("target/nga_truong/journal.jsonl")
    for meeting in commune.meetings()[:3]:
        print(meeting.id, meeting.state, meeting.present, meeting.counted_base)
    frame = commune.to_pandas("dashboard", year=2025)        # pandas is optional

Every command, report and check is the core's: this package converts values and names them.
docs/python.md in the repository is the guide.
"""

from . import batch, enums, errors, periods, records, reports, tables
from ._chibo import (
    CODES,
    BatchOutcome,
    RECORD_KINDS,
    STORE_CODES,
    SUMMARY_KINDS,
    __version__,
    create_key_file,
    generate_secret_key,
    public_key,
    read_key_file,
    repair,
    repair_file,
    sign_command,
    sign_key_proof,
    signing_message,
    verify,
    verify_file,
    verify_signed_seal,
    write_key_file,
)
from .batch import Accepted, Refused
from .commune import Commune
from .enums import (
    Attendance,
    Band,
    Category,
    CellKind,
    CommitteeKind,
    Criterion,
    InspectionKind,
    InspectionState,
    Language,
    MeetingKind,
    MeetingState,
    MemberFlag,
    MemberStatus,
    Outcome,
    RemediationState,
    TaskState,
    absent_excused,
    not_done,
    sent_back,
)
from .errors import *  # the exception classes: ChiboError and one per kind of refusal
from .records import Cell, Inspection, Meeting, Member, Remediation, Task
from .reports import Alert, CellRating, DashboardRow, MemberRating
from .tables import flatten, to_pandas

__all__ = [
    "Commune",
    "BatchOutcome",
    "Accepted",
    "Refused",
    "verify",
    "verify_file",
    "repair",
    "repair_file",
    "verify_signed_seal",
    "generate_secret_key",
    "public_key",
    "sign_command",
    "sign_key_proof",
    "signing_message",
    "create_key_file",
    "write_key_file",
    "read_key_file",
    "CODES",
    "STORE_CODES",
    "SUMMARY_KINDS",
    "RECORD_KINDS",
    "__version__",
    "Cell",
    "Member",
    "Meeting",
    "Task",
    "Inspection",
    "Remediation",
    "Alert",
    "DashboardRow",
    "MemberRating",
    "CellRating",
    "flatten",
    "to_pandas",
    "Attendance",
    "Band",
    "Category",
    "CellKind",
    "CommitteeKind",
    "Criterion",
    "InspectionKind",
    "InspectionState",
    "Language",
    "MeetingKind",
    "MeetingState",
    "MemberFlag",
    "MemberStatus",
    "Outcome",
    "RemediationState",
    "TaskState",
    "absent_excused",
    "not_done",
    "sent_back",
    "batch",
    "enums",
    "errors",
    "records",
    "reports",
    "tables",
    "periods",
]
__all__ += errors.__all__
