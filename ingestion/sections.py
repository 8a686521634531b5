"""Sections of a report cut into passages: a list (the DIS, the enjeux, a guide's modules) stays whole.

A section made mostly of list items is kept in one passage up to LIST_MAX_CHARS (still
within e5's 512-token window), so "c'est quoi les enjeux ?" finds the whole list in one
place; other text is cut as usual.
"""
from __future__ import annotations

import re

from ingestion.chunking import MAX_CHARS, Chunk, Section, chunk_sections

LIST_MAX_CHARS = 1800
_ITEM = re.compile(r"^\s*(?:[•·▪✓\-–*]|o\s)", re.M)


def chunk_document(title: str, sections: list[Section]) -> list[Chunk]:
    """Chunks of every section, in order; list sections get the larger limit."""
    return [chunk for section in sections
            for chunk in chunk_sections(title, [section], LIST_MAX_CHARS if is_list(section.text) else MAX_CHARS)]


def is_list(text: str) -> bool:
    """Most paragraphs of the text are list items."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return len(paragraphs) >= 3 and sum(bool(_ITEM.match(p)) for p in paragraphs) >= 0.6 * len(paragraphs)
