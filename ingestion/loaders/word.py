"""DOCX through python-docx: sections follow the heading styles, tables read row by row."""
from __future__ import annotations

import io
import re
from pathlib import Path

from ingestion.chunking import Section, chunk_sections
from ingestion.documents import DOCUMENT, LoadedDocument, LoadError, Passage, passage_metadata, title_from_stem

# "Heading 2" in English Word, "Titre 2" in French Word; "Title" / "Titre" is the document title.
_HEADING_STYLE = re.compile(r"^(?:heading|titre)\s*(\d)$", re.I)
_TITLE_STYLE = re.compile(r"^(?:title|titre)$", re.I)


def load(path: Path, source: str) -> LoadedDocument:
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
    for block in _blocks(document):
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
    chunks = chunk_sections(title, sections)
    if not chunks:
        raise LoadError("document sans texte")
    return LoadedDocument(passages=[
        Passage(c.text, passage_metadata(DOCUMENT, source, title, section=c.section, type="docx"))
        for c in chunks])


def _blocks(document):
    """Paragraph texts and tables in body order; headings as (level, text), the title as (0, text)."""
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
                yield text
        elif tag == "tbl":
            for row in Table(element, document).rows:
                cells = [c.text.strip() for c in row.cells]
                # merged cells repeat their text: keep each once
                unique = [c for i, c in enumerate(cells) if c and c not in cells[:i]]
                if unique:
                    yield " | ".join(unique)
