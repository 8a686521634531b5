"""Cut documents into self-describing passages (llama-index's SentenceSplitter inside each section).

Every chunk starts with the document title and its heading path ("Guide — Contenu >
Module 2"), so a chunk read alone (by BM25, by the model, by a user in a citation)
says what it is about. Chunks stay well under e5's 512-token window: about 1,000
characters of French is 200-250 tokens, which also keeps embedding fast.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from llama_index.core.node_parser import SentenceSplitter

MAX_CHARS = 1000


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
    """Pieces <= max_chars: llama-index's SentenceSplitter packs paragraphs, then sentences, then words."""
    return [p for p in _splitter(max_chars).split_text(text.strip()) if p.strip()]


# Where a sentence ends, or a list item begins: a passage is cut there, never inside an item.
_UNIT_START = re.compile(r"(?<=[.!?…])\s+(?=[«\"(A-ZÀ-Ý0-9])|\n(?=[ \t]*(?:[-*•·]|\d+[.)])\s)")


def _units(text: str) -> list[str]:
    """Sentences and list items, whitespace kept, so that joined they give the text back."""
    cuts = [m.end() for m in _UNIT_START.finditer(text)]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)]) if text[a:b]]


@lru_cache(maxsize=16)
def _splitter(max_chars: int) -> SentenceSplitter:
    # Sized in characters (the tokenizer is `list`): French runs about 4-5 characters a token,
    # and a character budget needs no tokenizer download. No overlap: a passage is read alone.
    return SentenceSplitter(chunk_size=max_chars, chunk_overlap=0, tokenizer=list, paragraph_separator="\n\n",
                            chunking_tokenizer_fn=_units, secondary_chunking_regex=r"[^,.;:!?…]+[,.;:!?…]?\s*")
