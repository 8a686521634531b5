"""The 2024 report as staff receive it (PDF, Word): its tables become records, its headings sections.

The files are built from the seed in the test session (tests/fixtures/report_builder.py).
"""
from __future__ import annotations

from datetime import date

import pytest
from fpdf import FPDF

from ingestion.documents import LoadError
from ingestion.loaders import pdf, word
from tests.fixtures.report_builder import SEED, build

FORMATS = ["pdf", "docx"]


@pytest.fixture(scope="session")
def report_files(tmp_path_factory) -> dict[str, object]:
    if not SEED.exists():
        pytest.skip(f"{SEED} absent (the seed lives in ../shared)")
    pdf_path, docx_path = build(tmp_path_factory.mktemp("report"))
    return {"pdf": pdf_path, "docx": docx_path}


@pytest.fixture(scope="session")
def loaded(report_files):
    """Each format read once by its loader."""
    return {fmt: (pdf if fmt == "pdf" else word).load(path, path.name) for fmt, path in report_files.items()}


def _figure(doc, metric: str, period: str) -> float:
    values = [f.value for f in doc.records.figures if f.metric == metric and f.period == period]
    assert len(values) == 1, (metric, period, values)
    return values[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_events_table_becomes_event_records(loaded, fmt):
    doc = loaded[fmt]
    events = doc.records.events
    assert len(events) == 45  # the report announces 45 events
    forum = [e for e in events if e.title == "FORUM EAU"]
    assert len(forum) == 1
    assert forum[0].date == date(2024, 4, 26) and forum[0].participants == 126
    assert (forum[0].type_code, forum[0].type_label, forum[0].organisation) == \
        ("WP4", "Convention-Salon-forum", "organisation")
    visit = next(e for e in events if e.date == date(2024, 1, 17))
    assert visit.organisation == "co-organisation" and visit.participants == 13
    # A row without a count keeps its event, with the count left empty.
    assert next(e for e in events if e.date == date(2024, 5, 23)).participants is None
    assert not doc.problems


@pytest.mark.parametrize("fmt", FORMATS)
def test_key_figures_take_the_years_of_their_header(loaded, fmt):
    doc = loaded[fmt]
    assert _figure(doc, "Contacts", "2024") == 4354  # "4354 (3643)" under "2024 (2023)"
    assert _figure(doc, "Contacts", "2023") == 3643
    assert _figure(doc, "Projets collaboratifs suivi", "2023") == 48
    contacts = next(f for f in doc.records.figures if f.metric == "Contacts")
    assert contacts.group == "Bilan des activités : Chiffres clés 2024"
    assert "requalifier" in contacts.note  # the remarks column explains the figure


@pytest.mark.parametrize("fmt", FORMATS)
def test_month_and_year_tables_become_series(loaded, fmt):
    doc = loaded[fmt]
    linkedin = "Evolution du nombre d'abonnés sur LinkedIn"
    assert _figure(doc, linkedin, "2024-09") == 3701  # header "Sept 24"
    assert _figure(doc, linkedin, "2023-09") == 2569
    assert not [f for f in doc.records.figures if f.metric == linkedin and f.period == "2024-05"]  # "/"
    assert _figure(doc, f"{linkedin} (variation)", "2024-06") == 209  # "(+209)"
    assert _figure(doc, "Nb contacts actifs", "2024-11") == 4085  # row "Novembre 2024"
    assert _figure(doc, "Nb contacts actifs (part)", "2024-11") == 72.32  # "4085 (72,32%)"
    assert _figure(doc, "Evolution du nombre de membres", "2019") == 98  # a row of years over a row of values
    assert _figure(doc, "MILIEUX", "2023") == 7 and _figure(doc, "MILIEUX", "2024") == 18


@pytest.mark.parametrize("fmt", FORMATS)
def test_headings_give_sections_and_lists_stay_whole(loaded, fmt):
    passages = loaded[fmt].passages
    by_section = {}
    for p in passages:
        by_section.setdefault(p.metadata["section"], []).append(p.text)
    ecocit = next(texts for section, texts in by_section.items() if section.endswith("ECOCIT'EMS"))
    assert "R&D, innovation et expérimentation" in ecocit[0]
    enjeu2 = next(section for section in by_section if section.startswith("Enjeu 2 : Développement économique"))
    assert enjeu2.endswith("et attractivité")  # a heading written on two lines is one heading
    text = "\n".join(by_section[enjeu2])
    assert "Création et développement des entreprises franciliennes" in text
    assert "Choose Paris Region" in text  # the last item of the list is in the same section
    assert any("demi-journée" in t for s, texts in by_section.items() if "Gestion des Biodéchets urbains" in s
               for t in texts)


def test_pdf_tables_are_cited_with_their_page(loaded):
    doc = loaded["pdf"]
    contacts = next(p for p in doc.passages if p.metadata["kind"] == "figure"
                    and p.metadata["title"] == "Contacts")
    assert contacts.metadata["page"] == 4


def test_a_table_split_across_two_pages_is_read_once(tmp_path):
    """A 30-row events table from the bottom of page 1 to page 2, header repeated or not."""
    for repeat in (1, 0):
        path = tmp_path / f"split-{repeat}.pdf"
        document = FPDF()
        document.set_font("Helvetica", size=10)
        document.add_page()
        for _ in range(14):
            document.multi_cell(0, 8, "Un paragraphe qui remplit la page avant le tableau des événements.",
                                new_x="LMARGIN", new_y="NEXT")
        with document.table(repeat_headings=repeat, text_align="LEFT") as table:
            for cells in [("Date", "Titre", "Participants")] + [
                    (f"{day:02d}/03/2025", f"Atelier numéro {day}", str(10 + day)) for day in range(1, 31)]:
                row = table.row()
                for cell in cells:
                    row.cell(cell)
        document.output(str(path))
        doc = pdf.load(path, path.name)
        assert document.page_no() == 2
        assert [e.participants for e in doc.records.events] == [10 + d for d in range(1, 31)], repeat
        assert doc.records.events[-1].title == "Atelier numéro 30" and not doc.problems


def test_a_word_table_split_in_two_is_joined_and_merged_cells_read_once(tmp_path):
    from docx import Document

    document = Document()
    document.add_heading("Événements 2025", level=1)
    first = document.add_table(rows=3, cols=4)
    for r, cells in enumerate([("Date", "Organisation", "Titre", "Présents"),
                               ("13-mars-25", "Organisation", "Atelier compost", "21"),
                               ("14-mars-25", "Co-organisation", "Visite station", "9")]):
        for c, value in enumerate(cells):
            first.cell(r, c).text = value
    document.add_paragraph("")
    second = document.add_table(rows=2, cols=4)
    for r, cells in enumerate([("02-avr-25", "Organisation", "Forum sols", "140"),
                               ("03-avr-25", "Organisation", "Bureau", "")]):
        for c, value in enumerate(cells):
            second.cell(r, c).text = value
    second.cell(1, 2).merge(second.cell(1, 3))  # a title cell spread over two columns
    second.cell(1, 2).text = "Bureau"
    path = tmp_path / "suite.docx"
    document.save(str(path))

    doc = word.load(path, path.name)

    assert [(e.date, e.title, e.participants) for e in doc.records.events] == [
        (date(2025, 3, 13), "Atelier compost", 21), (date(2025, 3, 14), "Visite station", 9),
        (date(2025, 4, 2), "Forum sols", 140), (date(2025, 4, 3), "Bureau", None)]


def test_unreadable_rows_are_reported_with_their_place_and_the_others_kept(tmp_path):
    from docx import Document

    document = Document()
    table = document.add_table(rows=3, cols=3)
    for r, cells in enumerate([("Date", "Titre", "Participants"), ("12/05/2025", "Atelier eau", "30"),
                               ("bientôt", "Atelier sols", "12")]):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    path = tmp_path / "agenda.docx"
    document.save(str(path))

    doc = word.load(path, path.name)

    assert [e.title for e in doc.records.events] == ["Atelier eau"]
    assert doc.problems == ["ligne 2 (tableau 1) : date illisible « bientôt », ligne gardée comme texte"]
    assert any("Atelier sols" in p.text and p.metadata["section"].endswith("(tableau 1)") for p in doc.passages)


def test_other_tables_stay_passages_cited_with_their_number(tmp_path):
    from docx import Document

    document = Document()
    document.add_heading("Équipe", level=1)
    table = document.add_table(rows=3, cols=2)
    for r, cells in enumerate([("Mission", "Responsable"), ("Communication", "Pôle animation"),
                               ("Adhésions", "Bureau")]):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    path = tmp_path / "equipe.docx"
    document.save(str(path))

    doc = word.load(path, path.name)

    assert not doc.records.figures and not doc.records.events
    cited = [p for p in doc.passages if p.metadata["type"] == "tableau"]
    assert len(cited) == 1 and cited[0].metadata["section"] == "Équipe (tableau 1)"
    assert "Mission : Communication ; Responsable : Pôle animation" in cited[0].text


def test_a_scanned_pdf_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "scan.pdf"
    document = FPDF()
    document.add_page()
    document.rect(20, 20, 100, 60, style="F")  # an image of text, but no text
    document.output(str(path))
    with pytest.raises(LoadError, match="scanné"):
        pdf.load(path, path.name)


def test_next_years_report_in_the_same_shape_needs_no_code_change(tmp_path):
    """The same report a year later (every year and date moved on by one): records at the new periods."""
    import re

    from tests.fixtures.report_builder import seed_blocks, write_docx, write_pdf

    if not SEED.exists():
        pytest.skip(f"{SEED} absent (the seed lives in ../shared)")

    def later(match: re.Match) -> str:
        return match[1] + str(int(match[2]) + 1)

    text = re.sub(r"\b()(20[12]\d)\b", later, SEED.read_text(encoding="utf-8"))
    text = re.sub(r"(\d[- ][a-zéûA-Z]{3,5}-)(\d\d)\b", later, text)  # 17-janv-24
    text = re.sub(r"\b((?:Sept|Oct|Nov|Déc|Jan|Fév|Mars|Avril|Mai|Juin|Juillet|Août) )(\d\d)\b", later, text)
    seed = tmp_path / "seed-2025.txt"
    seed.write_text(text, encoding="utf-8")
    blocks = seed_blocks(seed)
    write_pdf(blocks, tmp_path / "bilan-2025.pdf")
    write_docx(blocks, tmp_path / "bilan-2025.docx")

    for doc in (pdf.load(tmp_path / "bilan-2025.pdf", "bilan-2025.pdf"),
                word.load(tmp_path / "bilan-2025.docx", "bilan-2025.docx")):
        assert len(doc.records.events) == 45 and {e.date.year for e in doc.records.events} == {2025}
        assert next(e for e in doc.records.events if e.title == "FORUM EAU").date == date(2025, 4, 26)
        assert _figure(doc, "Contacts", "2025") == 4354 and _figure(doc, "Contacts", "2024") == 3643
        assert _figure(doc, "Evolution du nombre d'abonnés sur LinkedIn", "2025-09") == 3701
        assert _figure(doc, "Nb contacts actifs", "2025-06") == 3564


def test_a_text_table_with_bars_is_read_too(tmp_path):
    """Cells set apart by "|" (a table typed as text, then printed to PDF)."""
    path = tmp_path / "texte.pdf"
    document = FPDF()
    document.set_font("Helvetica", size=10)
    document.add_page()
    document.multi_cell(0, 6, "Chiffres de l'annee", new_x="LMARGIN", new_y="NEXT")
    for line in ["| Indicateur | 2025 (2024) |", "|---|---|", "| Adherents | 215 (200) |", "| Visites | 7 (6) |"]:
        document.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    document.output(str(path))

    doc = pdf.load(path, path.name)

    assert _figure(doc, "Adherents", "2025") == 215 and _figure(doc, "Adherents", "2024") == 200
    assert _figure(doc, "Visites", "2024") == 6
