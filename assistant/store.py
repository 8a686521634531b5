"""The passage store: dense vectors in Chroma, a French BM25 index beside it.

Chroma runs embedded (PersistentClient under `<data_dir>/chroma`) or as a server
(`chroma run`, HttpClient) when EMS_CHROMA_HOST is set. It never embeds anything
itself: its default embedding function downloads a model, so vectors are always
passed in. The lexical side (bm25s + PyStemmer French) is rebuilt from all passages
at each ingest and saved as a versioned directory switched atomically, so a reader
never sees a half-written index.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import uuid
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.normalize import fold
from assistant.settings import Settings

CHROMA_DIR = "chroma"
LEXICAL_DIR = "lexical"
_CURRENT = "CURRENT"
_PASSAGES_FILE = "passages.json"
_TOKEN_RE = re.compile(r"[a-z0-9]+")
# "2e", "3ème", "1er" -> the number; spelled-out ordinals too, so "2e enjeu" meets "Enjeu 2".
_ORDINAL_SUFFIX = re.compile(r"\b(\d+)\s?(?:e|er|ere|eme|ieme|nd|nde)\b")
_ORDINAL_WORDS = {"premier": "1", "premiere": "1", "deuxieme": "2", "second": "2", "seconde": "2",
                  "troisieme": "3", "quatrieme": "4", "cinquieme": "5", "sixieme": "6",
                  "septieme": "7", "huitieme": "8", "neuvieme": "9", "dixieme": "10"}


# --- Chroma ---------------------------------------------------------------------------

def _client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                   settings=chroma_settings)
    path = settings.data_dir / CHROMA_DIR
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def open_collection(settings: Settings):
    """The passages collection (created on first use), cosine space, no embedding function."""
    return _client(settings).get_or_create_collection(
        settings.collection, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)


def reset_collection(settings: Settings):
    """Drop every passage and return a fresh, empty collection."""
    client = _client(settings)
    if any(c.name == settings.collection for c in client.list_collections()):
        client.delete_collection(settings.collection)
    return open_collection(settings)


def upsert_passages(collection, ids: list[str], texts: list[str], metadatas: list[dict[str, Any]],
                    embeddings: list[list[float]]) -> None:
    """Idempotent write (same id -> replaced), in batches the server accepts."""
    step = 1000
    for i in range(0, len(ids), step):
        collection.upsert(ids=ids[i:i + step], documents=texts[i:i + step],
                          metadatas=metadatas[i:i + step],
                          embeddings=np.asarray(embeddings[i:i + step], dtype=np.float32))


def delete_passages(collection, ids: list[str]) -> None:
    step = 1000
    for i in range(0, len(ids), step):
        collection.delete(ids=ids[i:i + step])


def stored_ids(collection) -> set[str]:
    return set(collection.get(include=[])["ids"])


# --- French lexical analysis ----------------------------------------------------------

@lru_cache(maxsize=1)
def _analysis():
    import Stemmer
    from bm25s.stopwords import STOPWORDS_FRENCH

    return Stemmer.Stemmer("french"), frozenset(fold(w) for w in STOPWORDS_FRENCH)


def analyze(text: str) -> list[str]:
    """Tokens for BM25, identical at index and query time: folded, stop words out, stemmed.

    Accents are removed before stemming so that a query typed without accents
    ('biodechets') yields exactly the tokens of the accented text.
    """
    stemmer, stopwords = _analysis()
    words = [_ORDINAL_WORDS.get(w, w) for w in _TOKEN_RE.findall(_ORDINAL_SUFFIX.sub(r"\1", fold(text)))]
    return stemmer.stemWords([w for w in words if w not in stopwords and (len(w) > 1 or w.isdigit())])


# --- Lexical index --------------------------------------------------------------------

@dataclass
class StoredPassage:
    id: str
    text: str
    metadata: dict[str, Any]


class LexicalIndex:
    """BM25 over all passages, with the passages themselves (text + metadata)."""

    def __init__(self, passages: list[StoredPassage], bm25=None) -> None:
        self.passages = passages
        self._bm25 = bm25

    @classmethod
    def build(cls, passages: list[StoredPassage]) -> "LexicalIndex":
        if not passages:
            return cls([])
        import bm25s

        bm25 = bm25s.BM25()
        bm25.index([analyze(p.text) for p in passages], show_progress=False)
        return cls(passages, bm25)

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per passage (0 where no query term occurs)."""
        if self._bm25 is None:
            return np.zeros(len(self.passages), dtype=np.float32)
        token_ids = self._bm25.get_tokens_ids(analyze(query))
        if not token_ids:
            return np.zeros(len(self.passages), dtype=np.float32)
        return self._bm25.get_scores_from_ids(token_ids)

    def save(self, data_dir: Path) -> None:
        """Write a new version directory, then switch the CURRENT pointer atomically."""
        root = data_dir / LEXICAL_DIR
        root.mkdir(parents=True, exist_ok=True)
        version = uuid.uuid4().hex[:12]
        target = root / version
        target.mkdir()
        if self._bm25 is not None:
            self._bm25.save(str(target), show_progress=False)
        (target / _PASSAGES_FILE).write_text(
            json.dumps([asdict(p) for p in self.passages], ensure_ascii=False), encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=root, prefix=".current-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(version)
        os.replace(tmp, root / _CURRENT)
        for old in root.iterdir():
            if old.is_dir() and old.name != version:
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, data_dir: Path) -> "LexicalIndex":
        """The current index, or an empty one when nothing was ingested yet."""
        try:
            return cls._load(data_dir)
        except FileNotFoundError:
            # An ingest in another process switched versions while we were reading.
            return cls._load(data_dir)

    @classmethod
    def _load(cls, data_dir: Path) -> "LexicalIndex":
        root = data_dir / LEXICAL_DIR
        pointer = root / _CURRENT
        if not pointer.exists():
            return cls([])
        directory = root / pointer.read_text(encoding="utf-8").strip()
        raw = json.loads((directory / _PASSAGES_FILE).read_text(encoding="utf-8"))
        passages = [StoredPassage(**p) for p in raw]
        if not passages:
            return cls([])
        import bm25s

        return cls(passages, bm25s.BM25.load(str(directory), show_progress=False))
