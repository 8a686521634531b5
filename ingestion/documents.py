"""What a loader hands to the pipeline: passages to index and typed records.

A loader raises LoadError (reason in French, shown to the user as is) when nothing
usable can be read; problems limited to a part of a file (one bad CSV row) are
returned as `problems` beside what could be read, so nothing good is lost.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.knowledge.records import RecordSet

# Passage kinds, also the `kind` metadata of chunks.
GUIDE, EVENT, MEMBER, FIGURE, DOCUMENT, PAGE = "guide", "event", "member", "figure", "document", "page"


# Record cards (one event, member or figure) start with what identifies them and their
# values; notes follow. The model embeds the head only: the notes would blur the vector
# and cost embedding time, and BM25 (and the reader) still get the whole card.
CARD_KINDS = (EVENT, MEMBER, FIGURE)
CARD_HEAD_CHARS = 300


def embedding_text(text: str, kind: str) -> str:
    """What the dense model sees of a passage: all of it, or a record card's head."""
    if kind not in CARD_KINDS or len(text) <= CARD_HEAD_CHARS:
        return text
    head = text[:CARD_HEAD_CHARS]
    cut = max(head.rfind(". "), head.rfind("\n"))
    return head[:cut + 1].rstrip() if cut > CARD_HEAD_CHARS // 2 else head


class LoadError(Exception):
    """The file cannot be read at all; the message says why, in French."""


@dataclass
class Passage:
    text: str
    metadata: dict[str, Any]  # scalar values only (Chroma); see `passage_metadata`


@dataclass
class LoadedDocument:
    passages: list[Passage] = field(default_factory=list)
    records: RecordSet = field(default_factory=RecordSet)
    problems: list[str] = field(default_factory=list)  # partial failures, in French


def passage_metadata(kind: str, source: str, title: str, *, section: str = "", page: int = 0,
                     date: int = 0, themes: list[str] | None = None, type: str = "",
                     **extra: Any) -> dict[str, Any]:
    """The metadata every chunk carries (scalars only); extras with a None value are left out."""
    meta: dict[str, Any] = {"kind": kind, "source": source, "title": title, "section": section,
                            "page": page, "date": date, "themes": ";".join(themes or []),
                            "type": type}
    meta.update({k: v for k, v in extra.items() if v is not None})
    return meta


def slugify(text: str) -> str:
    """'Forum Eau 2024 !' -> 'forum-eau-2024'."""
    text = unicodedata.normalize("NFKD", text.lower().replace("œ", "oe"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def title_from_stem(stem: str) -> str:
    """'evenements_2024' -> 'Evenements 2024' (used when a file has no title of its own)."""
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else stem


def decode_text(data: bytes) -> tuple[str, list[int]]:
    """UTF-8 (BOM or not); lines that are not UTF-8 are read as Windows-1252.

    Returns the text and the numbers of the lines that needed the fallback, so the
    caller can report them: a spreadsheet saved in "CSV (Windows)" keeps its accents.
    """
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines, bad = [], []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            bad.append(number)
    return "\n".join(lines), bad


def read_text(path: Path) -> tuple[str, list[str]]:
    """A text file's content and its problems (lines not in UTF-8); an empty file is a LoadError."""
    data = path.read_bytes()
    if not data.strip():
        raise LoadError("fichier vide")
    text, bad_lines = decode_text(data)
    return text, [encoding_problem(bad_lines)] if bad_lines else []


def encoding_problem(bad_lines: list[int]) -> str:
    shown = ", ".join(map(str, bad_lines[:10])) + (" …" if len(bad_lines) > 10 else "")
    return (f"encodage non UTF-8 (ligne(s) {shown}) : lu comme Windows-1252, vérifiez les accents "
            "ou réenregistrez le fichier en UTF-8")
