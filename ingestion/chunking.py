"""Cut documents into self-describing passages.

Every chunk starts with the document title and its heading path ("Guide — Contenu >
Module 2"), so a chunk read alone (by BM25, by the model, by a user in a citation)
says what it is about. Chunks stay well under e5's 512-token window: about 1,000
characters of French is 200-250 tokens, which also keeps embedding fast.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_CHARS = 1000
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+")


@dataclass
class Section:
    path: list[str] = field(default_factory=list)  # heading path, outermost first
    text: str = ""
    page: int = 0  # PDF page number, 0 when not paged


@dataclass
class Chunk:
    text: str
    section: str  # heading path joined with " > "
    page: int


def chunk_sections(title: str, sections: list[Section], max_chars: int = MAX_CHARS) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section in sections:
        body = section.text.strip()
        if not body:
            continue
        path = [h for h in section.path if h and h != title]
        label = " > ".join(path)
        header = f"{title} — {label}" if label else title
        if section.page:
            header += f" (page {section.page})"
        for piece in split_text(body, max(200, max_chars - len(header))):
            chunks.append(Chunk(f"{header}\n{piece}", label, section.page))
    return chunks


def split_text(text: str, max_chars: int = MAX_CHARS) -> list[str]:
    """Greedy packing of paragraphs, then sentences, then words, into pieces <= max_chars."""
    units: list[tuple[str, str]] = []  # (text, separator from the previous unit)
    for paragraph in _PARAGRAPH_BREAK.split(text.strip()):
        paragraph = paragraph.strip()
        if len(paragraph) <= max_chars:
            units.append((paragraph, "\n\n"))
            continue
        parts = [w for s in _SENTENCE_END.split(paragraph) for w in _hard_wrap(s, max_chars)]
        units.extend((part, " " if i else "\n\n") for i, part in enumerate(parts))
    pieces: list[str] = []
    current = ""
    for unit, separator in units:
        if not unit:
            continue
        candidate = f"{current}{separator}{unit}" if current else unit
        if len(candidate) <= max_chars:
            current = candidate
        else:
            pieces.append(current)
            current = unit
    if current:
        pieces.append(current)
    return [p for p in pieces if p]


def _hard_wrap(sentence: str, max_chars: int) -> list[str]:
    if len(sentence) <= max_chars:
        return [sentence]
    lines, current = [], ""
    for word in sentence.split():
        if current and len(current) + 1 + len(word) > max_chars:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return lines + [current] if current else lines
