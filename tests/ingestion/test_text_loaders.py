"""Markdown, YAML and JSON loaders: guides, members and figures by their keys; text passages."""
from __future__ import annotations

import json
from datetime import date

import pytest

from ingestion.chunking import split_text
from assistant.reading.dates import format_date
from ingestion.dates import parse_date
from ingestion.documents import LoadError, embedding_text
from ingestion.loaders import markdown, structured
from tests.ingestion.conftest import MINI


def test_guide_front_matter_gives_a_guide_record_and_self_describing_chunks():
    path = MINI / "guides" / "gestion-des-biodechets.md"
    doc = markdown.load(path, "guides/gestion-des-biodechets.md")
    (guide,) = doc.records.guides
    assert (guide.id, guide.title, guide.format) == (
        "gestion-des-biodechets", "Gestion des biodéchets urbains", "présentiel, une journée")
    assert guide.themes == ["biodéchets"] and guide.dis == ["Biodéchets", "ECOCIT'EMS"]
    assert "## Contenu" in guide.body and guide.summary.startswith("Comprendre le tri")
    card, *sections = doc.passages
    assert "Public : agents des collectivités" in card.text and card.metadata["section"] == "Fiche"
    contenu = next(p for p in sections if p.metadata["section"] == "Contenu")
    assert contenu.text.startswith("Gestion des biodéchets urbains — Contenu\n")
    assert "études de cas" in contenu.text and "**" not in contenu.text
    assert {p.metadata["kind"] for p in doc.passages} == {"guide"}
    assert all(p.metadata["record_id"] == "gestion-des-biodechets" for p in doc.passages)


def test_plain_markdown_keeps_the_heading_path(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Titre\n\nIntro.\n\n## A\n\n### A1\n\nTexte A1.\n\n```\n# pas un titre\n```\n\n## B\n\nTexte B.\n",
                    encoding="utf-8")
    doc = markdown.load(path, "notes.md")
    assert doc.records.guides == []
    by_section = {p.metadata["section"]: p.text for p in doc.passages}
    assert set(by_section) == {"", "A > A1", "B"}
    assert by_section["A > A1"].startswith("Titre — A > A1\nTexte A1.")
    assert "# pas un titre" in by_section["A > A1"]
    assert {p.metadata["kind"] for p in doc.passages} == {"page"}


def test_members_are_recognised_under_any_key_or_as_a_bare_list(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([
        {"name": "Trizzy", "kind": "PME", "activity": "Tri des biodéchets", "sectors": "biodéchets; sols",
         "validated_by": "Bureau du 5 septembre 2024", "validated_on": "05/09/2024"}]), encoding="utf-8")
    (member,) = structured.load(tmp_path / "a.json", "a.json").records.members
    assert (member.id, member.sectors, member.validated_on) == (
        "trizzy", ["biodéchets", "sols"], date(2024, 9, 5))
    doc = structured.load(MINI / "members" / "membres.yaml", "members/membres.yaml")
    assert [m.name for m in doc.records.members] == ["Solubio", "Aqua Conseil"]
    solubio = doc.passages[0]
    assert "Activité : Conception de solutions de compostage" in solubio.text
    assert solubio.metadata["kind"] == "member" and solubio.metadata["date"] == 20240905


def test_figures_one_record_per_period_one_passage_per_item(tmp_path):
    doc = structured.load(MINI / "members" / "effectifs.yaml", "members/effectifs.yaml")
    values = {(f.metric, f.period): f.value for f in doc.records.figures}
    assert values == {("Membres", "2023"): 180, ("Membres", "2024"): 200,
                      ("Part du secteur eau", "2024"): 45.5}
    membres = doc.records.figures[1]
    assert membres.group == "Effectifs" and membres.aliases == ["adhérents"]
    assert len(doc.passages) == 2
    assert "Membres (adhérents) : 2023 : 180 ; 2024 : 200." in doc.passages[0].text
    assert "2024 : 45,5 %" in doc.passages[1].text


def test_unreadable_figure_value_is_reported(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("figures:\n  - metric: Abonnés\n    values: {'2024-09': beaucoup, '2024-10': 1 200}\n",
                    encoding="utf-8")
    doc = structured.load(path, "f.yaml")
    assert [(f.period, f.value) for f in doc.records.figures] == [("2024-10", 1200)]
    assert doc.problems == ["Abonnés (2024-09) : valeur illisible « beaucoup »"]


def test_other_yaml_is_searchable_text(tmp_path):
    path = tmp_path / "contacts.yaml"
    path.write_text("horaires:\n  lundi: 9h-17h\nadresse: Créteil\n", encoding="utf-8")
    doc = structured.load(path, "contacts.yaml")
    assert any("lundi : 9h-17h" in p.text for p in doc.passages)
    assert doc.records.counts() == {"events": 0, "members": 0, "figures": 0, "guides": 0}


@pytest.mark.parametrize("content, reason", [
    ("figures:\n  - metric: [unclosed\n", "YAML invalide : ligne"),
    ("", "fichier vide"),
    ("# only a comment\n", "fichier vide"),
])
def test_invalid_yaml_is_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError, match=reason):
        structured.load(path, "bad.yaml")


@pytest.mark.parametrize("text, expected", [
    ("2025-03-13", date(2025, 3, 13)), ("13/03/2025", date(2025, 3, 13)), ("13/03/25", date(2025, 3, 13)),
    ("13-mars-25", date(2025, 3, 13)), ("13 mars 2025", date(2025, 3, 13)), ("1er août 2024", date(2024, 8, 1)),
    ("5-janv.-24", date(2024, 1, 5)), ("17-Dec-24", date(2024, 12, 17)), ("2024-04-26 00:00:00", date(2024, 4, 26)),
    ("31/02/2024", None), ("bientôt", None), ("", None),
])
def test_dates_from_spreadsheets(text, expected):
    assert parse_date(text) == expected


def test_french_date():
    assert format_date(date(2024, 4, 26)) == "26 avril 2024"
    assert format_date(date(2025, 1, 1)) == "1er janvier 2025"


def test_long_text_is_split_on_paragraphs_then_sentences():
    text = "Court paragraphe.\n\n" + " ".join(f"Phrase numéro {i}." for i in range(200))
    pieces = split_text(text, 300)
    assert all(len(p) <= 300 for p in pieces)
    assert pieces[0].startswith("Court paragraphe.\n\nPhrase numéro 0.")
    assert " ".join(pieces).replace("\n\n", " ").split() == text.replace("\n\n", " ").split()


def test_a_long_list_is_cut_between_its_items_never_inside_one():
    items = [f"- levier {i} : réduire les rejets, suivre les captages, former les agents et publier les mesures ;"
             for i in range(12)]
    text = "Le programme couvre :\n" + "\n".join(items)
    pieces = split_text(text, 400)
    assert len(pieces) > 1 and all(len(p) <= 400 for p in pieces)
    for piece in pieces[1:]:
        assert piece.startswith("- levier") and piece.rstrip().endswith(";")
    assert " ".join(pieces).split() == text.split()


def test_the_model_sees_a_record_card_head_and_every_other_passage_whole():
    card = "Forum Eau — Le 26 avril 2024, 126 participants.\n" + "Remarque longue. " * 40
    head = embedding_text(card, "event")
    assert head == "Forum Eau — Le 26 avril 2024, 126 participants." or head.endswith(".")
    assert len(head) <= 300 and card.startswith(head)
    page = "Texte de page. " * 40
    assert embedding_text(page, "page") == page
