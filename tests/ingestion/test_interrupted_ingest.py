"""`ems ingest --reset` killed with SIGKILL at chosen moments, in a real process: the previous
base stays whole (records, BM25, vectors) and the next run completes the work."""
from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from assistant.knowledge.lexical import LexicalIndex
from assistant.knowledge.records import RecordSet
from assistant.knowledge.retrieval import Retriever
from assistant.knowledge.store import connect
from ingestion.pipeline import ingest
from tests.conftest import make_settings
from tests.ingestion.test_pipeline import MINI_FILES, stored


def reset_killed_at(moment: str, data_dir: str, corpus_dir: str) -> None:
    """In a fresh process: `ingest --reset`, SIGKILLed at `moment`."""
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.knowledge import lexical
    from ingestion import pipeline

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    if moment == "while writing vectors":
        add, calls = ChromaVectorStore.add, []

        def add_then_die(store, nodes, **kwargs):
            ids = add(store, nodes, **kwargs)
            calls.append(ids)
            if len(calls) == 2:
                die()
            return ids

        ChromaVectorStore.add = add_then_die
    elif moment == "before the switch":
        lexical.LexicalIndex.save = lambda self, data_dir: die()
    elif moment == "after the switch, before the old vectors are dropped":
        pipeline.drop_other_generations = lambda *args, **kwargs: die()
    pipeline.ingest(make_settings(Path(data_dir), corpus_dir=Path(corpus_dir)), reset=True)


def collections(settings) -> list[str]:
    return sorted(c.name for c in connect(settings).list_collections())


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["while writing vectors", "before the switch",
                                    "after the switch, before the old vectors are dropped"])
def test_a_reset_killed_at_any_moment_leaves_a_whole_base(settings, embedder, moment):
    first = ingest(settings, embedder=embedder)
    assert first.ok() and first.chunks == 13
    before = stored(settings)
    records = RecordSet.load(settings.data_dir)

    process = multiprocessing.get_context("spawn").Process(
        target=reset_killed_at, args=(moment, str(settings.data_dir), str(settings.corpus_dir)))
    process.start()
    process.join(timeout=300)
    assert process.exitcode == -signal.SIGKILL

    # Whole: the same 13 passages on both sides, the same records, answers as before.
    chroma_ids, bm25_ids = stored(settings)
    assert chroma_ids == bm25_ids == before[0] and len(chroma_ids) == 13
    assert RecordSet.load(settings.data_dir) == records
    hits = Retriever.from_settings(settings, embedder).search("compostage de proximité", k=3)
    assert hits[0].source == "guides/gestion-des-biodechets.md" and hits[0].similarity > 0

    # The next run completes the work and leaves one generation of vectors.
    again = ingest(settings, embedder=embedder)
    assert again.ok() and again.embedded == 0 and again.chunks == 13
    assert set(again.added + again.unchanged) == set(MINI_FILES)
    assert stored(settings) == before
    assert collections(settings) == [LexicalIndex.load(settings.data_dir).collection]
