"""Rows for tables and charts: nested report rows flattened into one level of columns, and
pandas frames when pandas is installed (it is optional: ``pip install pandas``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]


def flatten(row: Mapping[str, Any], sep: str = "_") -> Dict[str, Any]:
    """One level of columns from a nested row: ``{"vote": {"yes": 5}}`` → ``{"vote_yes": 5}``.
    Lists are kept as they are."""
    flat: Dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            for inner, item in flatten(value, sep).items():
                flat[f"{key}{sep}{inner}"] = item
        else:
            flat[key] = value
    return flat


def to_pandas(rows: Iterable[Mapping[str, Any]]) -> "pandas.DataFrame":
    """A pandas DataFrame of rows (each flattened first). Raises ImportError with what to
    install when pandas is missing."""
    try:
        import pandas
    except ImportError as missing:  # pragma: no cover - exercised only without pandas
        raise ImportError(
            "chibo's to_pandas() needs pandas, which is optional: pip install pandas"
        ) from missing
    return pandas.DataFrame([flatten(row) for row in rows])


def rows(records: Iterable[Any]) -> List[Dict[str, Any]]:
    """Dataclass records (:mod:`chibo.records`) as a list of dicts."""
    from dataclasses import asdict

    return [asdict(record) for record in records]


__all__ = ["flatten", "to_pandas", "rows"]
