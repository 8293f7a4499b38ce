"""Type stub of the native module ``chibo._chibo`` (checked against it by ``mypy.stubtest``).
Import :mod:`chibo` rather than this module."""

import os
import pathlib
from datetime import date, datetime
from typing_extensions import disjoint_base

from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Tuple, Type, TypeVar, Union, final

from chibo.batch import Accepted, Refused

from chibo.report_types import AnnualRatings, Alert, Dashboard, Labels, Merge, Score, ScoreRecord, Signing, WrittenMinutes

_Time = Union[datetime, str]
_Date = Union[date, str]
_Month = Union[date, str]
_Outcome = Union[str, Mapping[str, Mapping[str, str]]]
_Path = Union[str, os.PathLike[str]]
_Json = Any
_C = TypeVar("_C", bound="Commune")

__all__ = ["BatchOutcome", "CODES", "Commune", "ERROR_KINDS", "RECORD_KINDS", "STORE_CODES", "SUMMARY_KINDS", "TABLE_SCHEMAS", "__version__", "create_key_file", "generate_secret_key", "public_key", "read_key_file", "repair", "repair_file", "sign_command", "sign_key_proof", "signing_message", "verify", "verify_file", "verify_signed_seal", "write_key_file"]

CODES: List[str]
STORE_CODES: List[str]
#: The core's kinds of refusal, in order: ``(name, type_name, doc, rules)``.
ERROR_KINDS: List[Tuple[str, str, str, Optional[str]]]
SUMMARY_KINDS: List[str]
RECORD_KINDS: List[str]
#: The report tables' schemas (``chibo::report::table``): name, titles, columns with type and headers.
TABLE_SCHEMAS: List[Dict[str, Any]]
__version__: str

def verify(text: Union[str, bytes], *, seal: Optional[Tuple[int, str]] = None) -> Tuple[int, str]:
    """Checks a journal's hash chain (and its seal) without replaying it; returns (seq, hash)."""

def verify_file(path: _Path) -> Tuple[int, str, bool]:
    """Checks a journal file's chain without locking or changing it; returns (seq, hash, torn)."""

def repair(text: Union[str, bytes]) -> str:
    """Rewrites a journal saved with CR LF, CR or a byte-order mark in its own form, after
    checking every hash."""

def repair_file(path: _Path) -> Tuple[int, str, pathlib.Path]:
    """Rewrites a journal file saved with CR LF, CR or a byte-order mark in its own form, after
    checking every hash; returns (seq, hash, where the original was kept)."""

def generate_secret_key() -> bytes:
    """A new 32-byte Ed25519 secret key from the operating system's randomness."""

def public_key(secret: Union[bytes, bytearray]) -> str:
    """The public key (64 lowercase hex) of a 32-byte secret key, as ``register_key`` takes it."""

def sign_command(secret: Union[bytes, bytearray], command: Union[Mapping[str, Any], str]) -> str:
    """The actor's signature (128 lowercase hex) over a command, for ``Commune.execute_signed``."""

def sign_key_proof(secret: Union[bytes, bytearray], member: str) -> str:
    """The proof (128 lowercase hex) that ``member`` holds the secret key, for ``register_key``
    and ``rotate_key``."""

def signing_message(command: Union[Mapping[str, Any], str]) -> bytes:
    """The exact bytes a command's signature covers, to sign where the key is kept."""

def verify_signed_seal(text: Union[str, bytes], seal_line: Union[str, bytes]) -> Tuple[int, str]:
    """Loads a journal (every signature checked) and checks that it holds a signed seal; returns
    (seq, hash)."""

def create_key_file(path: _Path) -> str:
    """Makes a secret key in a new owner-only key file (never over an existing file); returns its
    public key."""

def write_key_file(path: _Path, secret: Union[bytes, bytearray]) -> None:
    """Writes a 32-byte secret key to a new owner-only key file (never over an existing file)."""

def read_key_file(path: _Path) -> bytes:
    """The 32-byte secret key of a key file."""

@final
class BatchOutcome:
    """What ``Commune.execute_many`` did with each command it tried, in batch order."""

    @property
    def accepted(self) -> Tuple[Accepted, ...]: ...
    @property
    def refusals(self) -> Tuple[Refused, ...]: ...
    @property
    def ok(self) -> bool: ...
    def raise_if_refused(self) -> None: ...
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> Union[Accepted, Refused]: ...
    def __iter__(self) -> Iterator[Union[Accepted, Refused]]: ...

@disjoint_base
class Commune:
    """A commune party organisation (Đảng bộ xã) and its journal (nhật ký)."""

    def __new__(cls) -> "Commune": ...
    @classmethod
    def load(cls: Type[_C], text: Union[str, bytes]) -> _C: ...
    @classmethod
    def open(cls: Type[_C], path: _Path) -> _C: ...
    @classmethod
    def create(cls: Type[_C], path: _Path) -> _C: ...
    @classmethod
    def open_or_create(cls: Type[_C], path: _Path) -> _C: ...
    def execute(self, command: Union[Mapping[str, Any], str]) -> int: ...
    def execute_signed(self, command: Union[Mapping[str, Any], str], signature: Union[str, bytes]) -> int: ...
    def _act(self, action: str, actor: Any, at: Any, payload: Mapping[str, Any]) -> int: ...
    def execute_many(
        self, commands: Iterable[Union[Mapping[str, Any], str]], *, stop_on_refusal: bool = False
    ) -> BatchOutcome: ...
    def merge(self, device: Union[str, bytes]) -> Merge: ...
    def journal_text(self) -> str: ...
    def save(self, path: _Path) -> None: ...
    def close(self) -> None: ...
    @property
    def path(self) -> Optional[pathlib.Path]: ...
    @property
    def head(self) -> Tuple[int, str]: ...
    @property
    def opened(self) -> Optional[Dict[str, Any]]: ...
    @property
    def signing(self) -> Signing: ...
    def __len__(self) -> int: ...
    def state_json(self) -> str: ...
    def summary(self, kind: str, id: str) -> _Json: ...
    def handover(self) -> _Json:
        """What this commune hands over when it is merged into another (R-00): its cells with their members and leadership, and the end of this journal; pass it in `absorbed` of the other commune's `merge_communes`."""
    def __enter__(self: _C) -> _C: ...
    def __exit__(self, _kind: Optional[Any], _value: Optional[Any], _traceback: Optional[Any], /) -> bool: ...
    def query(self, query: Mapping[str, Any]) -> _Json: ...
    def alerts(self, *, as_of: _Date) -> List[Alert]: ...
    def dashboard(self, *, year: Optional[int] = None, month: Optional[_Month] = None) -> Dashboard: ...
    def dashboard_csv(
        self, *, year: Optional[int] = None, month: Optional[_Month] = None, totals: bool = False
    ) -> str: ...
    def score(
        self,
        *,
        meeting: str,
        rubric: Optional[Mapping[str, Any]] = None,
        entered: Optional[Mapping[str, int]] = None,
    ) -> Score: ...
    def recorded_score(self, *, meeting: str) -> ScoreRecord: ...
    def ratings(self, *, year: int, general: Optional[Mapping[str, int]] = None, cut_off: Optional[_Date] = None) -> AnnualRatings: ...
    def minutes(self, *, meeting: str, language: Literal["vi", "en"] = "vi") -> WrittenMinutes: ...
    def records(self, kind: str) -> List[Any]: ...
    def table_columns(self, name: str, period: Mapping[str, Any]) -> Dict[str, Any]: ...

