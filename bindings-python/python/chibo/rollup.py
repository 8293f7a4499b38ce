"""Roll-ups: many communes' journals → province (or national) tables, each journal verified
(against its seal when one is given), read and turned into report tables where the work runs.

Every journal is one unit of work, :func:`read_one`, which never raises for a bad journal: a
damaged file gives a ``journals`` row naming it and the refusal's code and message, and the
other communes go on. Units run in this process, in a pool of local processes (each with its own
GIL; the core also works without the GIL), or as tasks of a Dask cluster (``dask=`` a
``distributed.Client``, a scheduler's address, or ``"local"`` for a ``LocalCluster`` of two
worker processes), where the journals are read by the workers, so their paths must be readable
there. In every case the tables are concatenated in the journals' order, so the result does not
depend on where it ran.

Every figure is the core's; this module only gathers tables and adds the commune's columns."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import arrow
from .periods import Period, PeriodLike, parse

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow  # type: ignore[import-untyped,unused-ignore]

Path = Union[str, "os.PathLike[str]"]
Seal = Tuple[int, str]
Progress = Callable[[int, int, str], None]

#: The tables a roll-up gathers unless told otherwise.
DEFAULT_TABLES = ("dashboard", "alerts")

JOURNALS_COLUMNS = [
    # name, arrow type name, Vietnamese, English
    ("journal", "text", "Tệp nhật ký", "Journal file"),
    ("commune", "code", "Đảng bộ", "Commune"),
    ("commune_name", "text", "Tên đảng bộ", "Commune name"),
    ("ok", "bool", "Đọc được", "Read"),
    ("sealed", "bool", "Có dấu niêm phong", "Sealed"),
    ("events", "int", "Số bản ghi", "Records"),
    ("head_hash", "text", "Mã băm cuối", "Last hash"),
    ("error_code", "code", "Mã lỗi", "Error code"),
    ("error", "text", "Lỗi", "Error"),
]


def journals_schema() -> "pyarrow.Schema":
    """The schema of the roll-up's ``journals`` table: one row per journal given, read or not."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    return pa.schema(
        [
            pa.field(name, arrow.arrow_type(kind), nullable=name not in ("journal", "ok", "sealed"), metadata={"vi": vi, "en": en})
            for name, kind, vi, en in JOURNALS_COLUMNS
        ],
        metadata={"table": "journals", "vi": "Nhật ký đã đọc", "en": "Journals read"},
    )


def with_commune(table: "pyarrow.Table", commune: str, name: str) -> "pyarrow.Table":
    """``table`` with the ``commune`` (a code) and ``commune_name`` columns put first."""
    import pyarrow as pa

    n = table.num_rows
    ids = pa.array([commune] * n, pa.string()).dictionary_encode()
    names = pa.array([name] * n, pa.string())
    out = table.add_column(0, pa.field("commune", ids.type, nullable=False, metadata={"vi": "Đảng bộ", "en": "Commune"}), ids)
    return out.add_column(1, pa.field("commune_name", pa.string(), nullable=False, metadata={"vi": "Tên đảng bộ", "en": "Commune name"}), names)


def rollup_schema(name: str) -> "pyarrow.Schema":
    """The schema of roll-up table ``name``: the commune's columns, then the table's."""
    return with_commune(arrow.empty(name), "", "").schema


@dataclass
class Part:
    """What one journal gave: its ``journals`` row and its tables (empty when it was not read)."""

    journal: Dict[str, Any]
    tables: Dict[str, "pyarrow.Table"] = field(default_factory=dict)


def read_one(path: str, period: Period, tables: Sequence[str], seal: Optional[Seal] = None) -> Part:
    """Verifies, reads and tabulates one journal for ``period``.
    A journal that cannot be read, or that does not match its seal, is a ``journals`` row with
    ``ok`` false and the refusal; nothing is raised for it."""
    from . import _chibo
    from .commune import Commune
    from .errors import ChiboError

    row: Dict[str, Any] = {c[0]: None for c in JOURNALS_COLUMNS}
    row.update(journal=os.path.basename(path), ok=False, sealed=seal is not None)
    try:
        with open(path, "rb") as file:
            text = file.read()
        if seal is not None:
            _chibo.verify(text, seal=(int(seal[0]), str(seal[1])))
        commune = Commune.load(text)
        board = commune.dashboard(month=period.first_month())
        row.update(commune=board["commune"], commune_name=board["commune_name"])
        seq, digest = commune.head
        row.update(events=seq, head_hash=digest)
        query = period.query()
        made = {
            name: with_commune(arrow.from_columns(commune.table_columns(name, query)), board["commune"], board["commune_name"])
            for name in tables
        }
    except ChiboError as refused:
        row.update(error_code=refused.code, error=str(refused.message_en))
        return Part(row)
    except (OSError, UnicodeDecodeError) as failed:
        row.update(error_code="file.unreadable", error=str(failed))
        return Part(row)
    row["ok"] = True
    return Part(row, made)


def combine(parts: Sequence[Part], tables: Sequence[str]) -> Dict[str, "pyarrow.Table"]:
    """The parts' tables concatenated in the parts' order (dictionaries unified, one chunk per
    column), with the ``journals`` table first."""
    import pyarrow as pa

    out: Dict[str, pa.Table] = {}
    schema = journals_schema()
    out["journals"] = pa.Table.from_pylist([p.journal for p in parts], schema=schema).unify_dictionaries().combine_chunks()
    for name in tables:
        pieces = [p.tables[name] for p in parts if name in p.tables]
        if not pieces:
            out[name] = rollup_schema(name).empty_table()
            continue
        out[name] = pa.concat_tables(pieces).unify_dictionaries().combine_chunks()
    return out


def journal_files(source: Union[Path, Iterable[Path]]) -> List[str]:
    """The journals of a folder (every ``*.jsonl`` file in it and its subfolders, in name
    order) or of a list of paths (kept in its order)."""
    if isinstance(source, (str, os.PathLike)):
        root = os.fspath(source)
        if os.path.isfile(root):
            return [root]
        found = [
            os.path.join(folder, name)
            for folder, _, names in os.walk(root)
            for name in names
            if name.endswith(".jsonl")
        ]
        return sorted(found)
    return [os.fspath(p) for p in source]


def read_seals(path: Path) -> Dict[str, Seal]:
    """Seals from a text file, one journal a line: ``NAME SEQ HASH`` (spaces, tabs or commas
    between), ``NAME`` the journal's file name; blank lines and lines starting with ``#`` are
    skipped. A line in another form raises ``ValueError`` naming it."""
    seals: Dict[str, Seal] = {}
    with open(os.fspath(path), encoding="utf-8-sig") as file:
        for number, line in enumerate(file, 1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            parts = text.replace(",", " ").split()
            if len(parts) != 3 or not parts[1].isdigit():
                raise ValueError(f"{os.fspath(path)} line {number}: expected NAME SEQ HASH, found {text!r}")
            seals[os.path.basename(parts[0])] = (int(parts[1]), parts[2])
    return seals


def _client(dask: Any) -> Tuple[Any, Callable[[], None]]:
    """A Dask client for ``dask`` and what closes what was opened here."""
    import distributed  # type: ignore[import-untyped,unused-ignore]

    engine: Any = distributed  # typed loosely: its constructors are untyped
    Client, LocalCluster = engine.Client, engine.LocalCluster
    if isinstance(dask, Client):
        return dask, lambda: None
    if dask == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close
    client = Client(str(dask))
    return client, client.close


def rollup(
    source: Union[Path, Iterable[Path]],
    period: PeriodLike,
    *,
    seals: Optional[Mapping[str, Seal]] = None,
    tables: Sequence[str] = DEFAULT_TABLES,
    processes: int = 1,
    dask: Any = None,
    progress: Optional[Progress] = None,
) -> Dict[str, "pyarrow.Table"]:
    """Province tables from a folder or list of commune journals for ``period``: ``journals``
    (one row per journal, read or not), then each of ``tables`` with the commune's columns
    first (per commune, per cell, per month). ``seals`` maps a journal's file name to its
    ``(seq, hash)``. Runs here (``processes=1``), in ``processes`` local processes, or on Dask
    (``dask=``: a Client, an address, or ``"local"``). ``progress(done, total, journal)`` is
    called as each journal is done."""
    for name in tables:
        arrow.describe(name)  # an unknown table fails before any work
    query = parse(period)
    paths = journal_files(source)
    seal_of = dict(seals or {})
    jobs = [(p, seal_of.get(os.path.basename(p))) for p in paths]
    total = len(jobs)
    names = list(tables)

    def tell(done: int, path: str) -> None:
        if progress is not None:
            progress(done, total, os.path.basename(path))

    if dask is not None:
        import distributed

        as_completed: Any = getattr(distributed, "as_completed")
        client, close = _client(dask)
        try:
            futures = [client.submit(read_one, p, query, names, s, pure=False) for p, s in jobs]
            path_of = {future.key: p for future, (p, _) in zip(futures, jobs)}
            done = 0
            for future in as_completed(futures):  # the parts stay on the workers
                done += 1
                tell(done, path_of[future.key])
            result: Dict[str, pyarrow.Table] = client.submit(combine, futures, names, pure=False).result()
            return result
        finally:
            close()
    if processes > 1 and total > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [pool.submit(read_one, p, query, names, s) for p, s in jobs]
            parts = []
            for done, future in enumerate(futures, 1):
                parts.append(future.result())
                tell(done, parts[-1].journal["journal"])
        return combine(parts, names)
    parts = []
    for done, (p, s) in enumerate(jobs, 1):
        parts.append(read_one(p, query, names, s))
        tell(done, p)
    return combine(parts, names)


__all__ = ["rollup", "read_one", "combine", "journal_files", "read_seals", "journals_schema", "rollup_schema", "with_commune", "DEFAULT_TABLES", "Part"]
