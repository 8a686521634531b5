"""The 2024 report alone, as a PDF then as a Word file, ingested into an empty base and questioned.

Real pipeline, real Chroma in a temp dir, real embedding model, the real Assistant.
"""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import make_settings
from tests.ingestion.test_report_tables import report_files  # noqa: F401  (session fixture)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["pdf", "docx"])
def report_assistant(request, report_files, tmp_path_factory):  # noqa: F811
    from assistant.service import Assistant
    from ingestion.pipeline import ingest

    corpus = tmp_path_factory.mktemp(f"corpus-{request.param}")
    shutil.copy(report_files[request.param], corpus)
    settings = make_settings(tmp_path_factory.mktemp(f"store-{request.param}"), corpus_dir=corpus)
    report = ingest(settings)
    assert report.ok(), report.failed
    assert report.added == [report_files[request.param].name]
    return Assistant.from_settings(settings)


def test_events_are_counted_dated_and_attended(report_assistant):
    assert len(report_assistant.records.events) == 45
    count = report_assistant.ask("Combien d'événements en septembre 2024 ?")
    assert "10" in count.answer and not count.abstained
    forum = report_assistant.ask("Le forum eau, c'était quand et combien de participants ?")
    assert "26 avril 2024" in forum.answer and "126" in forum.answer
    assert any(s.kind == "event" for s in forum.sources)


def test_figures_are_answered_with_their_year(report_assistant):
    answer = report_assistant.ask("Combien de structures dans la base en 2023 ?")
    assert "1584" in answer.answer and "4354" not in answer.answer
    assert answer.sources and answer.sources[0].kind == "figure"
    members = report_assistant.ask("Combien de membres comptait le cluster en 2019 ?")
    assert "98" in members.answer


def test_sections_answer_what_the_dis_and_guides_are(report_assistant):
    numems = report_assistant.ask("C'est quoi NUM'EMS ?")
    assert "Numérique et Mesure" in numems.answer
    guide = report_assistant.ask("Comment se déroule le guide-formation Gestion des Biodéchets urbains ?")
    assert "demi-journée" in guide.answer
