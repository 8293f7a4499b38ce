"""Refusals as exceptions: one class per kind of refusal, all under :class:`ChiboError`.

Every refusal of the core keeps its stable ``code`` (``"vote.not_eligible"``), both messages and
its structured ``fields``; the class only says which concern it belongs to, so a script can catch
``VoteError`` or ``PermissionDeniedError`` specifically, or ``ChiboError`` for all. What happened
and broke a rule (a short meeting, a failed vote) is not raised: it is recorded with its defects::

    ChiboError(ValueError)
    ├── RecordLookupError        lookup.*        no record with that id, or the id is taken
    ├── PermissionDeniedError    permission.*    the actor may not take this step
    ├── TransitionError          transition.*    a step out of order for the record's state
    ├── RuleError                a rule of the meeting's lifecycle is broken
    │   ├── OrganisationError    organisation.*  (R-10..R-14)
    │   ├── PreparationError     preparation.*   (R-20..R-25)
    │   ├── MeetingError         meeting.*       (R-30..R-33)
    │   ├── VoteError            vote.*          (R-34, R-36: a vote that cannot be counted)
    │   ├── AssignmentError      assignment.*    (R-40, R-41)
    │   ├── ReportError          report.*        (R-50)
    │   ├── InspectionError      inspection.*    (R-60..R-62)
    │   └── RemediationError     remediation.*   (R-62)
    ├── JournalError             journal.*       a journal is damaged, altered or refused
    ├── InputError               input.*         empty, too long or malformed input
    └── StoreError               store.*         the journal file is locked, exists, or failed
                                                 (also an OSError)

docs/errors.md lists every code with its fields.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Type


class ChiboError(ValueError):
    """A refusal of chibo: the command or journal was not accepted and nothing changed.

    Attributes:
        code: the stable machine code, e.g. ``"vote.not_eligible"``.
        kind: the concern, e.g. ``"vote"`` (``"store"`` for the file store's own refusals).
        message_vi: what to fix, in Vietnamese.
        message_en: what to fix, in English.
        fields: the structured fields (member, counts, dates…) as a dict.
        index: for ``Commune.execute_many``, which command of the batch was refused.
    """

    code: str
    kind: str
    message_vi: str
    message_en: str
    fields: Dict[str, Any]
    index: Optional[int]

    def __init__(
        self,
        code: str,
        kind: str,
        message_vi: str,
        message_en: str,
        fields: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(code, kind, message_vi, message_en, fields)
        self.code = code
        self.kind = kind
        self.message_vi = message_vi
        self.message_en = message_en
        self.fields = dict(fields or {})
        self.index = None

    def __str__(self) -> str:
        return f"{self.code}: {self.message_en}"

    def to_dict(self) -> Dict[str, Any]:
        """The refusal as the core serialises it: ``{code, kind, message_vi, message_en, fields}``."""
        return {
            "code": self.code,
            "kind": self.kind,
            "message_vi": self.message_vi,
            "message_en": self.message_en,
            "fields": dict(self.fields),
        }


class RecordLookupError(ChiboError):
    """``lookup.*``: there is no record with that id, or the id is already used."""


class PermissionDeniedError(ChiboError):
    """``permission.*``: the actor may not take this step (docs/authority.md)."""


class TransitionError(ChiboError):
    """``transition.out_of_order``: the step does not apply in the record's current state."""


class RuleError(ChiboError):
    """A rule of the meeting's lifecycle is broken; the subclass names the concern."""


class OrganisationError(RuleError):
    """``organisation.*``: the organisation's rules (R-10..R-14)."""


class PreparationError(RuleError):
    """``preparation.*``: the meeting's preparation (R-20..R-25)."""


class MeetingError(RuleError):
    """``meeting.*``: the meeting as recorded (R-30..R-33)."""


class VoteError(RuleError):
    """``vote.*``: the vote cannot be counted as given (R-34, R-36). A vote that was counted and
    did not pass is not raised: it is recorded (see ``defects`` in the meeting's summary)."""


class AssignmentError(RuleError):
    """``assignment.*``: the task assignment (R-40, R-41)."""


class ReportError(RuleError):
    """``report.*``: reporting on tasks (R-50)."""


class InspectionError(RuleError):
    """``inspection.*``: supervision and inspection (R-60..R-62)."""


class RemediationError(RuleError):
    """``remediation.*``: remedies required by an inspection (R-62)."""


class JournalError(ChiboError):
    """``journal.*``: a journal cannot be read, was altered, or holds an event the rules
    refuse; ``fields["line"]`` names the line."""


class InputError(ChiboError):
    """``input.*``: a value is empty, too long, or not what chibo reads (a naive datetime, an
    unknown field, a wrong type…)."""


class StoreError(ChiboError, OSError):
    """``store.*``: the journal file is open elsewhere (``store.locked``), already exists
    (``store.exists``), could not be read or written (``store.io``), was replaced by another file
    while open (``store.replaced``), was closed (``store.closed``), or could not be read back after
    a failed write (``store.poisoned``). Also an :class:`OSError`, as every file error is."""

    def __new__(cls, *args: Any, **kwargs: Any) -> "StoreError":
        # OSError reads positional arguments as (errno, strerror, filename…): keep ours as they
        # are, and leave errno unset.
        return OSError.__new__(cls)


class JournalRecoveredWarning(UserWarning):
    """Opening a journal file recovered something without losing a record: a torn last line (a
    write cut short by a crash) was saved to ``<journal>.torn-<line>`` and cut, or a missing last
    line feed was added. ``Commune.opened`` says which."""


_BY_KIND = {
    "lookup": RecordLookupError,
    "permission": PermissionDeniedError,
    "transition": TransitionError,
    "organisation": OrganisationError,
    "preparation": PreparationError,
    "meeting": MeetingError,
    "vote": VoteError,
    "assignment": AssignmentError,
    "report": ReportError,
    "inspection": InspectionError,
    "remediation": RemediationError,
    "journal": JournalError,
    "input": InputError,
    "store": StoreError,
}

_BY_CODE: Dict[str, Type[ChiboError]] = {}


def from_core(
    code: str, kind: str, message_vi: str, message_en: str, fields: Dict[str, Any]
) -> ChiboError:
    """The exception for a refusal of the core, of the class of its code or kind (used by the
    native module; a kind this version does not know is a plain :class:`ChiboError`)."""
    cls = _BY_CODE.get(code) or _BY_KIND.get(kind, ChiboError)
    return cls(code, kind, message_vi, message_en, fields)


__all__ = [
    "ChiboError",
    "RecordLookupError",
    "PermissionDeniedError",
    "TransitionError",
    "RuleError",
    "OrganisationError",
    "PreparationError",
    "MeetingError",
    "VoteError",
    "AssignmentError",
    "ReportError",
    "InspectionError",
    "RemediationError",
    "JournalError",
    "InputError",
    "StoreError",
    "JournalRecoveredWarning",
    "from_core",
]
