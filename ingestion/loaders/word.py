"""DOCX through python-docx: sections follow the heading styles; tables go to ingestion.tables
(events and figures become records, other tables passages cited with their number)."""
from __future__ import annotations

import io
import re
from pathlib import Path

from ingestion.chunking import Section
from ingestion.documents import DOCUMENT, LoadedDocument, LoadError, Passage, passage_metadata, title_from_stem
from ingestion.sections import chunk_document

# "Heading 2" in English Word, "Titre 2" in French Word; "Title" / "Titre" is the document title.
_HEADING_STYLE = re.compile(r"^(?:heading|titre)\s*(\d)$", re.I)
_TITLE_STYLE = re.compile(r"^(?:title|titre)$", re.I)


def load(path: Path, source: str) -> LoadedDocument:
    # Imported here: ingestion.tables uses the CSV and YAML loaders of this package.
    from ingestion.tables import FoundTable, read_tables
    data = path.read_bytes()
    if not data:
        raise LoadError("fichier vide (0 octet)")
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
    except Exception as exc:
        raise LoadError(f"DOCX illisible ou corrompu ({type(exc).__name__} : {exc})") from exc
    title = (document.core_properties.title or "").strip()
    sections = [Section()]
    path_stack: list[tuple[int, str]] = []
    tables: list[FoundTable] = []
    previous = None
    for block in _blocks(document):
        if isinstance(block, list):  # a table's rows; one right after another may continue it
            tables.append(FoundTable(block, " > ".join(sections[-1].path), f"tableau {len(tables) + 1}",
                                     continues=isinstance(previous, list)))
            previous = block
            continue
        previous = block
        if isinstance(block, str):
            sections[-1].text += block + "\n\n"
            continue
        level, text = block
        if level == 0:
            title = title or text
            continue
        path_stack = [(lvl, h) for lvl, h in path_stack if lvl < level] + [(level, text)]
        sections.append(Section(path=[h for _, h in path_stack]))
    title = title or title_from_stem(path.stem)
    doc = LoadedDocument(passages=[
        Passage(c.text, passage_metadata(DOCUMENT, source, title, section=c.section, type="docx"))
        for c in chunk_document(title, sections)])
    read_tables(tables, title, source, path.stem, doc)
    if not doc.passages:
        raise LoadError("document sans texte")
    return doc


def _blocks(document):
    """Paragraph texts, tables (lists of rows) in body order; headings as (level, text), the title as (0, text)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = paragraph.text.strip()
            if not text:
                continue
            style = paragraph.style.name if paragraph.style is not None else ""
            if m := _HEADING_STYLE.match(style):
                yield int(m[1]), text
            elif _TITLE_STYLE.match(style):
                yield 0, text
            else:
                yield f"• {text}" if style.lower().startswith(("list", "liste")) else text
        elif tag == "tbl":
            rows = []
            for row in Table(element, document).rows:
                # A cell merged across columns comes once per column: keep it once.
                cells = row.cells
                rows.append([c.text.strip() for i, c in enumerate(cells) if i == 0 or c._tc is not cells[i - 1]._tc])
            if any(any(r) for r in rows):
                yield rows
