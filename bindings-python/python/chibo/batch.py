"""The outcome of one command of a batch (``Commune.execute_many``): accepted, with its record, or
refused, with the exception ``execute`` would have raised. ``chibo.BatchOutcome`` holds them, one
per command tried, in batch order."""

from __future__ import annotations

from typing import NamedTuple

from .errors import ChiboError


class Accepted(NamedTuple):
    """A command of the batch that the core accepted and the journal kept."""

    # `index` is the command's position, as in `ChiboError.index`; it hides tuple's `index()`
    # method, which nobody needs on a pair or triple of fields.
    index: int  # type: ignore[assignment]
    """Its position in the batch (from 0)."""
    seq: int
    """Its record's sequence number in the journal."""
    line: str
    """Its record's journal line (JSON, without the newline), as written."""


class Refused(NamedTuple):
    """A command of the batch that was refused: it changed nothing."""

    index: int  # type: ignore[assignment]
    """Its position in the batch (from 0)."""
    error: ChiboError
    """Why: the exception ``execute`` would have raised (its ``index`` is set too)."""


__all__ = ["Accepted", "Refused"]
