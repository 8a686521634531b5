"""Two sources, one fact: the curated files and the report give the same events and figures."""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from assistant.knowledge.record_merge import merge_sources
from assistant.knowledge.records import Event, Figure, RecordSet
from tests.conftest import CORPUS, make_settings
from tests.ingestion.test_report_tables import report_files  # noqa: F401  (session fixture)

CSV, PDF = "events/evenements_2024.csv", "bilan-2024.pdf"


def _event(title: str, day: int, participants: int | None, source: str) -> Event:
    return Event(id=f"{source}-{day}", date=date(2024, 4, day), title=title, participants=participants,
                 source=source)


def test_the_same_event_from_two_documents_is_kept_once_citing_both():
    merged = merge_sources(RecordSet(events=[
        _event("FORUM EAU", 26, 126, PDF), _event("Forum Eau", 26, 126, CSV),
        _event("Atelier compost", 26, 12, PDF),  # another event the same day: kept
        _event("Visite de station", 3, 9, PDF)]))

    forum = [e for e in merged.events if "forum" in e.title.lower()]
    assert len(merged.events) == 3 and len(forum) == 1
    assert forum[0].source == f"{CSV} ; {PDF}" and forum[0].title == "Forum Eau"  # the curated record stays
    assert forum[0].participants == 126 and not forum[0].notes


def test_disagreeing_sources_are_said_with_both_values():
    merged = merge_sources(RecordSet(
        events=[_event("Forum Eau", 26, 130, PDF), _event("Forum Eau", 26, 126, CSV)],
        figures=[Figure("a", "Membres Cluster", "2023", 190, group="Chiffres clés 2024", source=PDF),
                 Figure("b", "Membres du Cluster", "2023", 191, group="Chiffres clés 2024 (base)", source="c.yaml")]))

    (forum,) = merged.events
    assert forum.participants is None  # which count is right cannot be told
    assert "126 selon events/evenements_2024.csv" in forum.notes and f"130 selon {PDF}" in forum.notes
    (members,) = merged.figures
    assert members.value == 191 and members.source == f"c.yaml ; {PDF}"
    assert "191 selon c.yaml, 190 selon bilan-2024.pdf" in members.note
    assert "Membres Cluster" in members.aliases


def test_different_facts_with_close_names_stay_apart():
    figures = [Figure("a", "Contacts", "2024", 4354, group="Chiffres clés", source=PDF),
               Figure("b", "Contacts membres", "2024", 764, group="Chiffres clés", source="c.yaml"),
               Figure("c", "Contacts", "2023", 3643, group="Chiffres clés", source="c.yaml"),
               Figure("d", "Part des contacts", "2024", 67.4, unit="%", group="Base", source="d.yaml")]
    assert len(merge_sources(RecordSet(figures=figures)).figures) == 4


@pytest.mark.slow
def test_curated_corpus_and_report_together_count_each_event_once(tmp_path, corpus_settings,
                                                                 report_files):  # noqa: F811
    """The shipped corpus and the report PDF in one base: counts do not double, answers cite both files."""
    from assistant.service import Assistant
    from ingestion.pipeline import ingest
    from ingestion.vector_cache import CACHE_DIR

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    shutil.copy(report_files["pdf"], corpus / "bilan-2024.pdf")
    settings = make_settings(tmp_path / "data", corpus_dir=corpus)
    shutil.copytree(corpus_settings.data_dir / CACHE_DIR, settings.data_dir / CACHE_DIR)  # curated vectors
    assert ingest(settings).ok()
    assistant = Assistant.from_settings(settings)

    assert len(assistant.records.events) == 46  # as in the curated table alone
    count = assistant.ask("Nombre d'événements tenus en octobre 2024 ?")
    assert "5 événements" in count.answer and len(count.sources) == 5  # not 10: each event once
    forum = assistant.ask("Combien de participants au Forum Eau ?")
    assert "126" in forum.answer
    cited = " ".join(s.excerpt for s in forum.sources)
    assert "evenements_2024.csv" in cited and "bilan-2024.pdf" in cited


def test_a_reading_of_a_series_stays_in_its_series():
    # the yearly table's last reading says what a key figure says: both stay, so the series can be read end to end
    series = [Figure(f"s{y}", "Nombre d'adhérents", str(y), v, group="Évolution", source="b.yaml")
              for y, v in ((2022, 150), (2023, 170), (2024, 185))]
    merged = merge_sources(RecordSet(figures=[Figure("k", "Adhérents", "2024", 185, group="Chiffres clés",
                                                      source="a.yaml"), *series]))
    assert sorted(f.period for f in merged.figures if f.metric == "Nombre d'adhérents") == ["2022", "2023", "2024"]
