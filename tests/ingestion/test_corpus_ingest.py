"""The shipped corpus, ingested once for the session (tests/conftest.py), seen through records and search."""
from __future__ import annotations

from datetime import date

from assistant.knowledge.records import RecordSet
from assistant.knowledge.retrieval import Retriever
from ingestion.pipeline import ingest


def test_every_corpus_file_is_indexed(corpus_settings):
    records = RecordSet.load(corpus_settings.data_dir)
    retriever = Retriever.from_settings(corpus_settings)
    sources = {p.metadata["source"] for p in retriever.passages}
    corpus_files = {p.relative_to(corpus_settings.corpus_dir).as_posix()
                    for p in corpus_settings.corpus_dir.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert sources == corpus_files
    assert len(records.guides) == 4 and records.members and records.figures


def test_events_of_2024(corpus_settings):
    events = RecordSet.load(corpus_settings.data_dir).events
    assert len([e for e in events if e.date.year == 2024]) == 45
    forum = next(e for e in events if e.title == "Forum Eau")
    assert (forum.date, forum.participants, forum.type_code, forum.organisation) == (
        date(2024, 4, 26), 126, "WP4", "organisation")
    assert any(e.date == date(2025, 1, 7) and e.participants is None for e in events)


def test_members_figure(corpus_settings):
    figures = RecordSet.load(corpus_settings.data_dir).figures
    members = {f.period: f.value for f in figures if f.metric == "Nombre de membres du cluster"}
    assert members["2024"] == 200 and members["2019"] == 98


def test_search_finds_the_forum_eau_event(corpus_settings):
    hits = Retriever.from_settings(corpus_settings).search("forum eau avril 2024 combien de participants", k=3)
    assert hits[0].kind == "event" and "126 participants" in hits[0].text
    assert hits[0].metadata["date"] == 20240426


def test_reingesting_the_unchanged_corpus_changes_nothing(corpus_settings, tmp_path):
    from tests.ingestion.conftest import CountingEmbedder

    embedder = CountingEmbedder()
    settings = corpus_settings.model_copy()
    report = ingest(settings, embedder=embedder)
    assert report.ok() and report.added == report.updated == report.removed == []
    assert embedder.passages_embedded == 0 and report.chunks == Retriever.from_settings(settings).size
