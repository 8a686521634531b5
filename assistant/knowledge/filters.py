"""Chroma-style `where` filters on passage metadata: evaluated in Python on the lexical side,
rewritten into the one-key-per-dict form Chroma requires on the dense side."""
from __future__ import annotations

from typing import Any

import numpy as np

_COMPARE = {
    "$eq": lambda a, b: a == b,
    "$ne": lambda a, b: a != b,
    "$gt": lambda a, b: a > b,
    "$gte": lambda a, b: a >= b,
    "$lt": lambda a, b: a < b,
    "$lte": lambda a, b: a <= b,
    "$in": lambda a, b: a in b,
    "$nin": lambda a, b: a not in b,
}


def matches(metadata: dict[str, Any], where: dict) -> bool:
    """Evaluate a Chroma-style `where` filter on one passage's metadata."""
    for key, condition in where.items():
        if key == "$and":
            if not all(matches(metadata, c) for c in condition):
                return False
        elif key == "$or":
            if not any(matches(metadata, c) for c in condition):
                return False
        else:
            if key not in metadata:
                return False
            ops = condition if isinstance(condition, dict) else {"$eq": condition}
            try:
                if not all(_COMPARE[op](metadata[key], value) for op, value in ops.items()):
                    return False
            except TypeError:  # comparing a str with an int: no match, as in Chroma
                return False
    return True


def chroma_where(where: dict | None) -> dict | None:
    """Chroma wants one key per dict: {"a": 1, "b": 2} becomes {"$and": [{"a": 1}, {"b": 2}]}."""
    if not where:
        return None
    parts = []
    for key, condition in where.items():
        if key in ("$and", "$or"):
            inner = [chroma_where(c) for c in condition]
            parts.append(inner[0] if len(inner) == 1 else {key: inner})
        elif isinstance(condition, dict) and len(condition) > 1:
            parts.extend({key: {op: v}} for op, v in condition.items())
        else:
            parts.append({key: condition})
    return parts[0] if len(parts) == 1 else {"$and": parts}


class ColumnFilter:
    """`where` filters evaluated on many passages at once: one numpy column per metadata key.

    Gives the same answer as `matches` on each passage (a missing key or a string compared
    with a number never matches), at numpy speed: a filtered BM25 search over 100 000
    passages must not loop over them in Python.
    """

    def __init__(self, metadatas: list[dict[str, Any]]) -> None:
        self._metadatas = metadatas
        self._columns: dict[str, tuple[np.ndarray, np.ndarray, bool]] = {}

    def mask(self, where: dict) -> np.ndarray:
        mask = np.ones(len(self._metadatas), dtype=bool)
        for key, condition in where.items():
            if key == "$and":
                for part in condition:
                    mask &= self.mask(part)
            elif key == "$or":
                mask &= np.logical_or.reduce([self.mask(part) for part in condition]) if condition \
                    else np.zeros_like(mask)
            else:
                ops = condition if isinstance(condition, dict) else {"$eq": condition}
                for op, value in ops.items():
                    mask &= self._compare(key, op, value)
        return mask

    def _column(self, key: str) -> tuple[np.ndarray, np.ndarray, bool]:
        """(values, present, numeric) for one key."""
        if key not in self._columns:
            raw = [m.get(key) for m in self._metadatas]
            present = np.array([key in m for m in self._metadatas], dtype=bool)
            numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw if v is not None)
            values = np.array([v if v is not None else np.nan for v in raw], dtype=float) if numeric \
                else np.array(raw, dtype=object)
            self._columns[key] = (values, present, numeric)
        return self._columns[key]

    def _compare(self, key: str, op: str, value: Any) -> np.ndarray:
        values, present, numeric = self._column(key)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if op in ("$in", "$nin"):
            inside = np.isin(values, [v for v in value if isinstance(v, (int, float))]) if numeric \
                else np.array([v in value for v in values], dtype=bool)
            return present & (inside if op == "$in" else ~inside)
        if numeric and number:
            with np.errstate(invalid="ignore"):
                return present & _COMPARE[op](values, value)
        if op in ("$eq", "$ne") and (numeric or not number):
            if numeric:  # a string never equals a number
                return present & (op == "$ne")
            equal = np.array([v == value for v in values], dtype=bool)
            return present & (equal if op == "$eq" else ~equal)
        # Mixed types or ordering on strings: the passage-by-passage rule, rare and small.
        return np.fromiter((matches(m, {key: {op: value}}) for m in self._metadatas), dtype=bool,
                           count=len(self._metadatas))
