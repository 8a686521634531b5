"""PDF through pypdf: sections follow the headings (page numbers kept), tables become records.

Pages are read with pypdf's layout extraction (ingestion.pdf_layout): headings open
sections, tables go through ingestion.tables. A page the layout reader cannot handle is
read as plain text, one section for the page.

Corrupt, encrypted, empty or image-only PDFs raise LoadError with the reason; a page
that cannot be read is reported and the others are kept.
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from ingestion.chunking import Section
from ingestion.documents import DOCUMENT, LoadedDocument, LoadError, Passage, passage_metadata, title_from_stem
from ingestion.sections import chunk_document

# "cou-\npé" was one word cut at the line end; "Île-de-\nFrance" keeps its hyphen.
_HYPHENATED = re.compile(r"(?<=\w)-\n(?=[a-zà-ÿ])")
_HYPHEN_KEPT = re.compile(r"(?<=\w)-\n(?=\w)")
_LINE_BREAK = re.compile(r"(?<!\n)[ \t]*\n(?![ \t]*\n)[ \t]*")  # a single newline inside a paragraph
_SPACES = re.compile(r"[ \t\u00a0]+")
log = logging.getLogger(__name__)


def load(path: Path, source: str) -> LoadedDocument:
    # Imported here: ingestion.tables uses the CSV and YAML loaders of this package.
    from ingestion.pdf_layout import body_size, font_runs, page_sections, read_page
    from ingestion.tables import read_tables
    data = path.read_bytes()
    if not data:
        raise LoadError("fichier vide (0 octet)")
    reader = _open(data)
    doc = LoadedDocument()
    sections = []
    try:
        pages = list(reader.pages)
    except Exception as exc:  # pypdf raises many types on broken page trees
        raise LoadError(f"PDF corrompu : pages illisibles ({exc})") from exc
    runs = []
    for page in pages:
        try:
            runs.append(font_runs(page))
        except Exception:  # the page is reported below, when its text is read
            runs.append([])
    body = body_size([r for page_runs in runs for r in page_runs])
    laid_out: list = []  # PageContent of each page read with its layout
    for number, page in enumerate(pages, start=1):
        try:
            content = read_page(page, number, body, runs[number - 1])
            if laid_out and content.starts_with_table and laid_out[-1].ends_with_table:
                content.tables[0].continues = True  # a table going on from the page before
            laid_out.append(content)
            continue
        except Exception as exc:  # layout reading failed: the plain text of the page still counts
            log.info("pdf %s: page %d read as plain text (%s: %s)", source, number, type(exc).__name__, exc)
        try:
            text = page.extract_text() or ""
        except Exception as exc:
            doc.problems.append(f"page {number} illisible ({type(exc).__name__}), ignorée")
            continue
        text = _clean(text)
        if text:
            sections.append(Section(text=text, page=number))
    sections = sorted(sections + page_sections(laid_out), key=lambda s: s.page)
    tables = [t for content in laid_out for t in content.tables]
    if not sections and not tables:
        raise LoadError("aucun texte lisible dans le PDF (document scanné ou vide ? "
                        "la reconnaissance de caractères n'est pas prise en charge)")
    title = _title(reader, path)
    for chunk in chunk_document(title, sections):
        doc.passages.append(Passage(chunk.text, passage_metadata(
            DOCUMENT, source, title, section=chunk.section or f"page {chunk.page}", page=chunk.page,
            type="pdf")))
    read_tables(tables, title, source, path.stem, doc)
    return doc


def _open(data: bytes):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:
        raise LoadError(f"PDF illisible ou corrompu ({type(exc).__name__} : {exc})") from exc
    if reader.is_encrypted:
        try:
            unlocked = reader.decrypt("")  # owner-password-only PDFs open without a password
        except DependencyError as exc:
            raise LoadError(f"PDF chiffré, déchiffrement impossible ici ({exc})") from exc
        except Exception as exc:
            raise LoadError(f"PDF chiffré illisible ({type(exc).__name__} : {exc})") from exc
        if not unlocked:
            raise LoadError("PDF protégé par un mot de passe : enregistrez-le sans protection "
                            "puis relancez l'ingestion")
    return reader


def _clean(text: str) -> str:
    text = _HYPHEN_KEPT.sub("-", _HYPHENATED.sub("", text.replace("\r", "")))
    text = _LINE_BREAK.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _title(reader, path: Path) -> str:
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # broken info dictionary: the file name will do
        title = None
    title = str(title or "").strip()
    if not title or title.lower().startswith(("microsoft word", "untitled", "sans titre")):
        return title_from_stem(path.stem)
    return title
