"""PDF (pypdf, page numbers kept) and DOCX loaders, and how they refuse broken files."""
from __future__ import annotations

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from ingestion.documents import LoadError
from ingestion.loaders import pdf, word

PAGE_1 = "Guide de la méthanisation : les biodéchets des cantines scolaires sont valorisés à Créteil."
PAGE_2 = "Deuxième page : compostage partagé et règlementation française des déchets."


def write_pdf(path, pages: list[str], title: str = "Méthanisation en Île-de-France") -> None:
    document = FPDF()
    document.set_title(title)
    document.set_font("Helvetica", size=12)
    for text in pages:
        document.add_page()
        document.multi_cell(0, 8, text)
    document.output(str(path))


def encrypt(source, target, user_password: str, owner_password: str = "proprietaire") -> None:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    writer.write(target)


def test_pdf_pages_become_passages_with_their_page_number(tmp_path):
    path = tmp_path / "guide.pdf"
    write_pdf(path, [PAGE_1, PAGE_2])
    doc = pdf.load(path, "guide.pdf")
    first, second = doc.passages
    assert first.text == f"Méthanisation en Île-de-France (page 1)\n{PAGE_1}"
    assert (first.metadata["page"], second.metadata["page"]) == (1, 2)
    assert first.metadata["kind"] == "document" and first.metadata["title"] == "Méthanisation en Île-de-France"
    assert "règlementation française" in second.text


def test_long_pdf_page_is_split_and_keeps_its_page(tmp_path):
    path = tmp_path / "long.pdf"
    write_pdf(path, [" ".join([PAGE_2] * 25)])
    passages = pdf.load(path, "long.pdf").passages
    assert len(passages) > 2 and {p.metadata["page"] for p in passages} == {1}
    assert all(len(p.text) <= 1100 for p in passages)


def test_owner_password_only_pdf_is_read(tmp_path):
    write_pdf(tmp_path / "plain.pdf", [PAGE_1])
    encrypt(tmp_path / "plain.pdf", tmp_path / "owner.pdf", user_password="")
    assert PAGE_1 in pdf.load(tmp_path / "owner.pdf", "owner.pdf").passages[0].text


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_bytes(b""), "fichier vide"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50), "PDF"),
    (lambda p: p.write_bytes(b"ceci n'est pas un PDF"), "PDF illisible ou corrompu"),
    (lambda p: write_pdf(p, [""]), "aucun texte lisible"),
])
def test_broken_pdfs_are_refused_with_a_reason(tmp_path, make, reason):
    path = tmp_path / "broken.pdf"
    make(path)
    with pytest.raises(LoadError, match=reason):
        pdf.load(path, "broken.pdf")


def test_password_protected_pdf_is_refused(tmp_path):
    write_pdf(tmp_path / "plain.pdf", [PAGE_1])
    encrypt(tmp_path / "plain.pdf", tmp_path / "locked.pdf", user_password="secret")
    with pytest.raises(LoadError, match="protégé par un mot de passe"):
        pdf.load(tmp_path / "locked.pdf", "locked.pdf")


def test_docx_sections_follow_headings_and_tables_are_read(tmp_path):
    from docx import Document

    document = Document()
    document.add_heading("Compte rendu du bureau", 0)
    document.add_paragraph("Réunion du bureau du Cluster.")
    document.add_heading("Nouveaux membres", 1)
    document.add_paragraph("Le bureau valide l'adhésion de Solubio.")
    document.add_heading("Détail", 2)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nom", "Activité"
    table.cell(1, 0).text, table.cell(1, 1).text = "Solubio", "Compostage"
    document.save(tmp_path / "cr.docx")
    passages = word.load(tmp_path / "cr.docx", "cr.docx").passages
    by_section = {p.metadata["section"]: p.text for p in passages}
    assert by_section[""] == "Compte rendu du bureau\nRéunion du bureau du Cluster."
    assert by_section["Nouveaux membres"].endswith("Le bureau valide l'adhésion de Solubio.")
    # A table that is neither events nor figures is a passage cited with its number.
    assert "Nom : Solubio ; Activité : Compostage" in by_section["Nouveaux membres > Détail (tableau 1)"]
    assert {p.metadata["kind"] for p in passages} == {"document"}


def test_corrupt_docx_is_refused(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(LoadError, match="DOCX illisible"):
        word.load(tmp_path / "bad.docx", "bad.docx")


def test_pdf_line_breaks_and_hyphenation_are_undone():
    from ingestion.loaders.pdf import _clean

    assert _clean("Une ligne coupée\nen deux. Un mot cou-\npé en Île-de-\nFrance.\n\nNouveau para-\ngraphe.") == \
        "Une ligne coupée en deux. Un mot coupé en Île-de-France.\n\nNouveau paragraphe."
