"""CSV tables: events recognised by their columns, whatever the spreadsheet export looks like."""
from __future__ import annotations

from datetime import date

from ingestion.loaders import csv_table


def _load(tmp_path, content: bytes, name: str = "table.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return csv_table.load(path, name)


def test_semicolon_bom_crlf_french_headers_and_dates_become_events(tmp_path):
    content = ("\ufeffDate;Organisé;Type;Thématique principale;Thèmes;Présents nbre;Remarques\r\n"
               "13/03/2024;Organisation;WP4 Visite;Visite du site de compostage;biodéchets;25;\r\n"
               "13-mars-25;Co-organisation;WP2 Atelier;Atelier eaux pluviales;eau, sols;;à venir\r\n"
               "2 déc. 2024;organisation;WP5 Formation;Formation sols;sols; 1 200 ;\r\n").encode()
    doc = _load(tmp_path, content, "agenda.csv")
    assert doc.problems == []
    first, second, third = doc.records.events
    assert (first.date, first.title, first.type_code, first.type_label, first.participants) == (
        date(2024, 3, 13), "Visite du site de compostage", "WP4", "Visite", 25)
    assert first.organisation == "organisation" and first.themes == ["biodéchets"]
    assert (second.date, second.organisation, second.themes, second.participants, second.notes) == (
        date(2025, 3, 13), "co-organisation", ["eau", "sols"], None, "à venir")
    assert (third.date, third.participants) == (date(2024, 12, 2), 1200)
    assert first.source == "agenda.csv" and len({e.id for e in doc.records.events}) == 3


def test_each_row_is_a_self_describing_french_sentence(tmp_path):
    content = ("date,organisation,type_code,type,titre,themes,participants,notes\n"
               "2024-04-26,organisation,WP4,convention-salon-forum,FORUM EAU,eau,126,\n").encode()
    doc = _load(tmp_path, content)
    (passage,) = doc.passages
    assert passage.text.startswith(
        "Le 26 avril 2024, le cluster a organisé « FORUM EAU » (convention-salon-forum, WP4), 126 participants.")
    meta = passage.metadata
    assert (meta["kind"], meta["date"], meta["themes"], meta["type"], meta["type_code"]) == (
        "event", 20240426, "eau", "convention-salon-forum", "WP4")
    assert meta["record_id"] == doc.records.events[0].id
    assert all(isinstance(v, (str, int, float, bool)) for v in meta.values())


def test_english_headers_are_recognised(tmp_path):
    content = b"Date,Title,Type,Attendees\n2024-06-13,Delegation visit,WP4 Visit,8\n"
    (event,) = _load(tmp_path, content).records.events
    assert (event.title, event.type_code, event.type_label, event.participants) == (
        "Delegation visit", "WP4", "Visit", 8)


def test_bad_rows_are_reported_and_the_others_kept(tmp_path):
    content = ("date;titre;participants\n"
               "2024-01-17;Bonne ligne;13\n"
               "32/13/2024;Date impossible;5\n"
               "2024-02-06;Trop de champs;32;x;y\n"
               "2024-02-08;Effectif douteux;une trentaine\n").encode() + \
        "2024-03-01;Ligne en Windows-1252 : équipe;7\n".encode("cp1252")
    doc = _load(tmp_path, content)
    titles = [e.title for e in doc.records.events]
    assert titles == ["Bonne ligne", "Effectif douteux", "Ligne en Windows-1252 : équipe"]
    assert doc.records.events[1].participants is None
    problems = " | ".join(doc.problems)
    assert "ligne 3 : date illisible « 32/13/2024 »" in problems
    assert "ligne 4 : 5 champs au lieu de 3" in problems
    assert "une trentaine" in problems
    assert "non UTF-8 (ligne(s) 6)" in problems
    # the rejected rows stay searchable as text
    assert any("Date impossible" in p.text for p in doc.passages)
    assert any("Trop de champs" in p.text for p in doc.passages)


def test_a_table_without_dates_gives_row_passages_only(tmp_path):
    content = "nom;ville\nAqua Conseil;Créteil\n".encode()
    doc = _load(tmp_path, content, "annuaire.csv")
    assert doc.records.events == []
    (passage,) = doc.passages
    assert passage.metadata["kind"] == "document"
    assert "nom : Aqua Conseil ; ville : Créteil" in passage.text


def test_a_second_reading_of_an_attendance_is_kept_beside_the_first(tmp_path):
    content = ("Date;Type;Titre;Présents;Autre lecture;Remarques\n"
               "11/10/2024;WP3 Atelier;Atelier eau à Orly;25;35;ligne brouillée\n"
               "12/10/2024;WP3 Atelier;Atelier sols;30;30;\n"
               "13/10/2024;WP3 Atelier;Atelier compost;20;vingt-deux;\n").encode()
    doc = _load(tmp_path, content)
    first, same, unreadable = doc.records.events
    assert (first.participants, first.participants_other) == (25, 35)
    assert "25 participants (une autre ligne du bilan indique 35)" in doc.passages[0].text
    assert same.participants_other is None  # the same count twice is one reading
    assert unreadable.participants == 20 and unreadable.participants_other is None
    assert any("vingt-deux" in p for p in doc.problems)
