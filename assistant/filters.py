"""Chroma-style `where` filters on passage metadata: evaluated in Python on the lexical side,
rewritten into the one-key-per-dict form Chroma requires on the dense side."""
from __future__ import annotations

from typing import Any

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
