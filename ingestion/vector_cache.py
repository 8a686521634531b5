"""Passage vectors cached on disk by content hash, so a passage is embedded once.

Keyed by sha256(model name + text): unchanged chunks are never re-embedded, not even
after `--reset` (which leaves this cache alone) or when a document is edited
elsewhere. Written atomically; entries no longer used by any passage are pruned.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from ingestion.documents import slugify

CACHE_DIR = "embeddings"
BATCH = 32  # texts per model call: large enough for the model's batching, small for progress


class VectorCache:
    def __init__(self, path: Path, embed_model: BaseEmbedding) -> None:
        self._path = path
        self._embed_model = embed_model
        self._vectors: dict[str, np.ndarray] = {}
        self.computed = 0  # vectors embedded (not found in the cache) since loading
        if path.exists():
            try:
                with np.load(path, allow_pickle=False) as saved:
                    self._vectors = dict(zip(saved["keys"].tolist(), saved["vectors"]))
            except (OSError, ValueError, KeyError):
                self._vectors = {}  # a damaged cache only costs re-embedding

    @classmethod
    def open(cls, data_dir: Path, embed_model: BaseEmbedding) -> "VectorCache":
        return cls(data_dir / CACHE_DIR / f"{slugify(embed_model.model_name)}.npz", embed_model)

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self._embed_model.model_name}\x00{text}".encode()).hexdigest()

    def vectors(self, texts: list[str],
                progress: Callable[[int, int], None] | None = None) -> list[list[float]]:
        """One vector per text; only texts never seen before go to the model, in batches."""
        keys = [self.key(t) for t in texts]
        missing = list({k: t for k, t in zip(keys, texts) if k not in self._vectors}.items())
        for start in range(0, len(missing), BATCH):
            if progress:
                progress(start, len(missing))
            batch = missing[start:start + BATCH]
            fresh = self._embed_model.get_text_embedding_batch([t for _, t in batch])
            for (k, _), vector in zip(batch, fresh):
                self._vectors[k] = np.asarray(vector, dtype=np.float32)
            self.computed += len(batch)
        if progress and missing:
            progress(len(missing), len(missing))
        return [self._vectors[k].tolist() for k in keys]

    def save(self, keep_texts: list[str]) -> None:
        """Persist the vectors of `keep_texts` (the passages now in the store), drop the rest."""
        keep = [k for k in dict.fromkeys(self.key(t) for t in keep_texts) if k in self._vectors]
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".vectors-", suffix=".npz")
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, keys=np.array(keep, dtype="U64"),
                     vectors=np.stack([self._vectors[k] for k in keep]) if keep
                     else np.zeros((0, getattr(self._embed_model, "dim", 0)), dtype=np.float32))
        os.replace(tmp, self._path)
