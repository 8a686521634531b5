"""The lexical side of the passage store: llama-index's BM25Retriever with French analysis.

Tokens are folded (no accents), stop words out, French-stemmed — identical at index
and query time, so 'biodechets' typed without accents meets 'biodéchets'. Hits with a
zero score (no query term in the passage) are dropped instead of filling the top k.

Each ingest saves a new version directory (BM25 + the nodes + the name of the Chroma
collection that holds the same nodes' vectors) and switches the CURRENT pointer
atomically: a reader never sees a half-written index, and the lexical index and the
vectors always come from the same generation.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import uuid
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from llama_index.core.schema import BaseNode, NodeWithScore, QueryBundle, TextNode
from llama_index.core.vector_stores.utils import metadata_dict_to_node, node_to_metadata_dict
from llama_index.retrievers.bm25 import BM25Retriever

from assistant.knowledge.filters import ColumnFilter
from assistant.reading.normalize import fold, joined

log = logging.getLogger(__name__)

LEXICAL_DIR = "lexical"
_CURRENT = "CURRENT"
_GENERATION_FILE = "generation.json"
_TOKEN_RE = re.compile(r"[a-z0-9]+")
# "2e", "3ème", "1er" -> the number; spelled-out ordinals too, so "2e enjeu" meets "Enjeu 2".
_ORDINAL_SUFFIX = re.compile(r"\b(\d+)\s?(?:e|er|ere|eme|ieme|nd|nde)\b")
_ORDINAL_WORDS = {"premier": "1", "premiere": "1", "deuxieme": "2", "second": "2", "seconde": "2",
                  "troisieme": "3", "quatrieme": "4", "cinquieme": "5", "sixieme": "6",
                  "septieme": "7", "huitieme": "8", "neuvieme": "9", "dixieme": "10"}


@lru_cache(maxsize=1)
def _analysis():
    import Stemmer
    from bm25s.stopwords import STOPWORDS_FRENCH

    return Stemmer.Stemmer("french"), frozenset(fold(w) for w in STOPWORDS_FRENCH)


def analyze(text: str) -> list[str]:
    """Tokens for BM25, identical at index and query time: folded, stop words out, stemmed."""
    stemmer, stopwords = _analysis()
    words = [_ORDINAL_WORDS.get(w, w) for w in _TOKEN_RE.findall(_ORDINAL_SUFFIX.sub(r"\1", fold(text)))]
    return [joined(s) for s in stemmer.stemWords([w for w in words if w not in stopwords and (len(w) > 1 or w.isdigit())])]


class FrenchBM25Retriever(BM25Retriever):
    """BM25Retriever over our French analysis; `rank` adds a Chroma-style metadata filter."""

    @classmethod
    def from_nodes(cls, nodes: list[BaseNode], similarity_top_k: int = 10) -> "FrenchBM25Retriever":
        import bm25s

        bm25 = bm25s.BM25()
        bm25.index([analyze(node.get_content()) for node in nodes], show_progress=False)
        bm25.corpus = [node_to_metadata_dict(node) | {"node_id": node.node_id} for node in nodes]
        return cls(existing_bm25=bm25, similarity_top_k=similarity_top_k)

    @cached_property
    def filter(self) -> ColumnFilter:
        """`where` filters over every node's metadata, in index order."""
        return ColumnFilter(self.corpus)

    def node(self, index: int) -> TextNode:
        """The node at `index`, parsed once (the same passages come back question after question)."""
        node = self._parsed.get(index)
        if node is None:
            node = self._parsed[index] = metadata_dict_to_node(self.corpus[index])
        return node

    @cached_property
    def _parsed(self) -> dict[int, TextNode]:
        return {}

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per node (0 where no query term occurs)."""
        token_ids = self.bm25.get_tokens_ids(analyze(query))
        if not token_ids:
            return np.zeros(len(self.corpus), dtype=np.float32)
        return self.bm25.get_scores_from_ids(token_ids)

    def rank(self, query: str, top_k: int, where: dict | None = None) -> list[NodeWithScore]:
        """The best `top_k` nodes with a positive score, among those `where` lets through."""
        scores = self.scores(query)
        if where:
            scores = np.where(self.filter.mask(where), scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        best = positive[np.argsort(-scores[positive], kind="stable")][:top_k]
        return [NodeWithScore(node=self.node(int(i)), score=float(scores[i])) for i in best]

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return self.rank(query_bundle.query_str, self.similarity_top_k)


class LexicalIndex:
    """The BM25 retriever of one generation, with the name of its Chroma collection."""

    def __init__(self, retriever: FrenchBM25Retriever | None, collection: str = "") -> None:
        self.retriever = retriever
        self.collection = collection

    @classmethod
    def build(cls, nodes: list[BaseNode], collection: str) -> "LexicalIndex":
        return cls(FrenchBM25Retriever.from_nodes(nodes) if nodes else None, collection)

    @property
    def size(self) -> int:
        return len(self.retriever.corpus) if self.retriever else 0

    @cached_property
    def nodes(self) -> list[TextNode]:
        """Every node, in document order."""
        return [self.retriever.node(i) for i in range(self.size)] if self.retriever else []

    def rank(self, query: str, top_k: int, where: dict | None = None) -> list[NodeWithScore]:
        return self.retriever.rank(query, top_k, where) if self.retriever else []

    def save(self, data_dir: Path) -> None:
        """Write a new version directory, then switch the CURRENT pointer atomically."""
        root = data_dir / LEXICAL_DIR
        root.mkdir(parents=True, exist_ok=True)
        version = uuid.uuid4().hex[:12]
        target = root / version
        target.mkdir()
        if self.retriever is not None:
            self.retriever.persist(str(target), show_progress=False)
        (target / _GENERATION_FILE).write_text(
            json.dumps({"collection": self.collection, "nodes": self.size}), encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=root, prefix=".current-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(version)
        os.replace(tmp, root / _CURRENT)
        for old in root.iterdir():
            if old.is_dir() and old.name != version:
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, data_dir: Path) -> "LexicalIndex":
        """The current index, or an empty one when nothing was ingested yet."""
        try:
            return cls._load(data_dir)
        except FileNotFoundError:
            pass  # an ingest in another process switched versions while we were reading
        try:
            return cls._load(data_dir)
        except FileNotFoundError:
            # An index written by an earlier version of the product: the next ingest rebuilds it.
            log.warning("lexical index under %s unreadable (older format): empty until the next ingest", data_dir)
            return cls(None)

    @classmethod
    def _load(cls, data_dir: Path) -> "LexicalIndex":
        root = data_dir / LEXICAL_DIR
        pointer = root / _CURRENT
        if not pointer.exists():
            return cls(None)
        directory = root / pointer.read_text(encoding="utf-8").strip()
        generation = json.loads((directory / _GENERATION_FILE).read_text(encoding="utf-8"))
        if not generation.get("nodes"):
            return cls(None, generation.get("collection", ""))
        return cls(FrenchBM25Retriever.from_persist_dir(str(directory), show_progress=False),
                   generation.get("collection", ""))
