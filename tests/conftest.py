"""Shared fixtures: the shipped corpus ingested once per session into a temporary store."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "2")

from assistant.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def make_settings(data_dir: Path, **overrides) -> Settings:
    """Settings isolated from the developer's environment and .env file."""
    overrides.setdefault("corpus_dir", CORPUS)
    return Settings(_env_file=None, data_dir=data_dir, **overrides)


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory) -> Settings:
    """A data dir holding the whole shipped corpus, ingested once for the session. Read-only for tests."""
    from ingestion.pipeline import ingest

    settings = make_settings(tmp_path_factory.mktemp("corpus-store"))
    report = ingest(settings)
    assert report.ok(), report.failed
    return settings


@pytest.fixture(scope="session")
def assistant(corpus_settings):
    """The real Assistant over the ingested corpus, shared by the session (conversations are per id)."""
    from assistant.service import Assistant

    return Assistant.from_settings(corpus_settings)
