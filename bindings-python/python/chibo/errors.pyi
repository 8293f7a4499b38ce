# The exception classes of chibo.errors, for type checkers: the classes of the core's kinds are
# made at import from chibo._chibo.ERROR_KINDS, so they are declared here; stubtest (run by
# scripts/test-python) fails if this stub and the module differ, and tests/test_errors.py checks
# that every kind the core exports is declared here.

from typing import Any, Dict, List, Optional, Type

class ChiboError(ValueError):
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
    ) -> None: ...
    def to_dict(self) -> Dict[str, Any]: ...

class RuleError(ChiboError): ...
class RecordLookupError(ChiboError): ...
class PermissionDeniedError(ChiboError): ...
class TransitionError(ChiboError): ...
class OrganisationError(RuleError): ...
class PreparationError(RuleError): ...
class MeetingError(RuleError): ...
class VoteError(RuleError): ...
class AssignmentError(RuleError): ...
class ReportError(RuleError): ...
class InspectionError(RuleError): ...
class RemediationError(RuleError): ...
class InputError(ChiboError): ...
class JournalError(ChiboError): ...

class StoreError(ChiboError, OSError):
    def __new__(cls, *args: Any, **kwargs: Any) -> StoreError: ...

class JournalRecoveredWarning(UserWarning): ...

_BY_KIND: Dict[str, Type[ChiboError]]
_BY_CODE: Dict[str, Type[ChiboError]]
_KIND_CLASSES: List[Type[ChiboError]]

def from_core(
    code: str, kind: str, message_vi: str, message_en: str, fields: Dict[str, Any]
) -> ChiboError: ...

__all__ = [
    "ChiboError",
    "RuleError",
    "RecordLookupError",
    "PermissionDeniedError",
    "TransitionError",
    "OrganisationError",
    "PreparationError",
    "MeetingError",
    "VoteError",
    "AssignmentError",
    "ReportError",
    "InspectionError",
    "RemediationError",
    "InputError",
    "JournalError",
    "StoreError",
    "JournalRecoveredWarning",
]
