"""What the store holds, per document: content hash, chunk ids, record count, problems.

The pipeline compares it with the files on disk to decide what to (re)load and what
to delete. Saved atomically at the very end of an ingest: a run killed earlier leaves
the previous manifest, so the next run simply redoes the unfinished work.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

MANIFEST_FILE = "manifest.json"
# Bump when loaders or chunking change what a file turns into: every document is then
# re-read (vectors of unchanged passages still come from the cache).
PIPELINE_VERSION = 8  # 4: tables of PDF and Word documents become records; 5: llama-index nodes;
# 6: passages cut between list items, never inside one; 7: BM25 tokens with Snowball's split families joined;
# 8: a participle's two genders one token ("privées", "privé")


@dataclass
class DocumentEntry:
    source: str  # the document's key: path relative to the corpus dir, else absolute
    hash: str  # sha256 of the file's bytes
    doc_id: str
    chunk_ids: list[str] = field(default_factory=list)
    records: int = 0  # typed records it produced (checked against records.json)
    problems: list[str] = field(default_factory=list)  # partial failures, reported again each run


@dataclass
class Manifest:
    embedder: str = ""
    version: int = PIPELINE_VERSION
    documents: dict[str, DocumentEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path) -> "Manifest":
        path = data_dir / MANIFEST_FILE
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            docs = {k: DocumentEntry(**v) for k, v in raw.get("documents", {}).items()}
            return cls(embedder=raw.get("embedder", ""), version=raw.get("version", 0), documents=docs)
        except (ValueError, TypeError):
            return cls()  # unreadable manifest: everything is re-read, nothing is lost

    def save(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        payload = {"embedder": self.embedder, "version": self.version,
                   "documents": {k: asdict(v) for k, v in sorted(self.documents.items())}}
        fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".manifest-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, data_dir / MANIFEST_FILE)
