"""Refusals as exceptions: one class per kind of refusal, all under :class:`ChiboError`.

Every refusal of the core keeps its stable ``code`` (``"vote.not_eligible"``), both messages and
its structured ``fields``; the class only says which concern it belongs to, so a script can catch
``VoteError`` or ``PermissionDeniedError`` specifically, or ``ChiboError`` for all. What happened
and broke a rule (a short meeting, a failed vote) is not raised: it is recorded with its defects.

The class of each kind of the core is made here from the kinds the core declares
(``chibo._chibo.ERROR_KINDS``): named as the core's enum (``VoteError``), except the two whose
name is a Python built-in (``RecordLookupError`` for ``lookup.*``, ``PermissionDeniedError`` for
``permission.*``), and under :class:`RuleError` when the kind guards rules of the meeting
(``R-…``). ``errors.pyi`` declares them for type checkers; stubtest checks it against this module.
The tree is in docs/python.md, and docs/errors.md lists every code with its fields.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Type

from ._chibo import ERROR_KINDS


class ChiboError(ValueError):
    """A refusal of chibo: the command or journal was not accepted and nothing changed.

    Attributes:
        code: the stable machine code, e.g. ``"vote.not_eligible"``.
        kind: the concern, e.g. ``"vote"`` (``"store"`` for the file store's own refusals).
        message_vi: what to fix, in Vietnamese.
        message_en: what to fix, in English.
        fields: the structured fields (member, counts, dates…) as a dict.
        index: for a refusal in ``Commune.execute_many``'s outcome, which command of the batch it was.
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


class RuleError(ChiboError):
    """A rule of the meeting's lifecycle is broken; the subclass names the concern."""


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


# The core's names that are Python built-in exceptions (``LookupError``, ``PermissionError``),
# given another name so that ``from chibo.errors import *`` does not shadow the built-ins.
_PYTHON_NAMES = {
    "LookupError": "RecordLookupError",
    "PermissionError": "PermissionDeniedError",
}


def _kind_class(name: str, type_name: str, doc: str, rules: Optional[str]) -> Type[ChiboError]:
    """The exception class of a kind of the core: ``("vote", "VoteError", doc, "R-34, R-36")``
    makes ``VoteError(RuleError)`` documented as ``vote.*: <doc>``."""
    parent: Type[ChiboError] = RuleError if rules else ChiboError
    return type(
        _PYTHON_NAMES.get(type_name, type_name),
        (parent,),
        {"__doc__": f"``{name}.*``: {doc}", "__module__": __name__},
    )


_KIND_CLASSES: List[Type[ChiboError]] = [_kind_class(*kind) for kind in ERROR_KINDS]
globals().update({cls.__name__: cls for cls in _KIND_CLASSES})

_BY_KIND: Dict[str, Type[ChiboError]] = {
    **{kind[0]: cls for kind, cls in zip(ERROR_KINDS, _KIND_CLASSES)},
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
    "RuleError",
    *[cls.__name__ for cls in _KIND_CLASSES],
    "StoreError",
    "JournalRecoveredWarning",
]
