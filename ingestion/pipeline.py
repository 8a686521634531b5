"""The indexing pipeline: files -> passages (Chroma + BM25) and typed records.

Incremental: a document whose bytes did not change (sha256) is neither re-read nor
re-written; a changed one replaces its passages; one that disappeared from an
ingested folder is removed. Only new passage texts are embedded (vector cache).

Never loses data: a file that cannot be read keeps its previous passages and records
and is reported; Chroma writes are idempotent upserts done before the deletes; the
BM25 index, records.json and the manifest are replaced atomically at the end, so a
run killed half-way leaves a usable store and the next run finishes the work.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from assistant.embeddings import Embedder, default_embedder
from assistant.records import RecordSet
from assistant.settings import Settings
from assistant.store import (LexicalIndex, StoredPassage, delete_passages, open_collection,
                             reset_collection, stored_ids, upsert_passages)
from ingestion.documents import LoadError, embedding_text, slugify
from ingestion.loaders import loader_for
from ingestion.manifest import PIPELINE_VERSION, DocumentEntry, Manifest
from ingestion.report import IngestReport
from ingestion.vector_cache import VectorCache

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
EMBEDDING = "vectorisation des passages"  # progress label while the model runs
_RECORD_KINDS = ("events", "members", "figures", "guides")


def ingest(settings: Settings, paths: list[Path] | None = None, reset: bool = False,
           progress: Progress | None = None, embedder: Embedder | None = None) -> IngestReport:
    """Bring the store in line with the files under `paths` (default: the corpus dir).

    Documents ingested from other folders are left alone; `reset` empties the whole
    store first. `progress(done, total, current_file)` is called before each file.
    """
    started = time.perf_counter()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(settings.data_dir):
        run = _Run(settings, embedder or default_embedder(), reset)
        report = run.execute([Path(p) for p in paths] if paths else [settings.corpus_dir],
                             progress or (lambda done, total, name: None))
    report.seconds = time.perf_counter() - started
    log.info("ingest: %d added, %d updated, %d unchanged, %d removed, %d failed, %d passages",
             len(report.added), len(report.updated), len(report.unchanged), len(report.removed),
             len(report.failed), report.chunks)
    return report


@contextmanager
def _exclusive(data_dir: Path) -> Iterator[None]:
    """One ingest at a time per data dir (CLI and admin endpoint may overlap)."""
    with open(data_dir / ".ingest.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@dataclass
class _Pending:
    """A document read in this run, waiting for its vectors."""

    entry: DocumentEntry
    old: DocumentEntry | None
    passages: list[StoredPassage]
    records: RecordSet


class _Run:
    def __init__(self, settings: Settings, embedder: Embedder, reset: bool) -> None:
        self.settings = settings
        self.corpus_dir = settings.corpus_dir.expanduser().resolve()
        self.report = IngestReport()
        old = Manifest.load(settings.data_dir)
        if reset or old.embedder not in ("", embedder.name):
            # Another model means other vectors, maybe of another size: start afresh.
            self.collection = reset_collection(settings)
            old = Manifest()
            self.passages: dict[str, list[StoredPassage]] = {}
            self.records: dict[str, RecordSet] = {}
        else:
            self.collection = open_collection(settings)
            self.passages = _by_source(LexicalIndex.load(settings.data_dir).passages)
            self.records = _records_by_source(RecordSet.load(settings.data_dir))
        self.force = old.version != PIPELINE_VERSION
        self.old = old.documents
        self.documents: dict[str, DocumentEntry] = dict(old.documents)
        self.manifest = Manifest(embedder=embedder.name)
        self.present = stored_ids(self.collection)
        self.cache = VectorCache.open(settings.data_dir, embedder)

    def execute(self, roots: list[Path], progress: Progress) -> IngestReport:
        files, scopes = self._discover(roots)
        pending: list[_Pending] = []
        for done, (path, source) in enumerate(files):
            progress(done, len(files), source)
            if (doc := self._read(path, source)) is not None:
                pending.append(doc)
        # One pass over every new passage: the model is much faster on full batches.
        texts = [_embedding_text(p) for doc in pending for p in doc.passages]
        vectors = iter(self.cache.vectors(texts, lambda done, total: progress(done, total, EMBEDDING)))
        for doc in pending:
            self._store(doc, [next(vectors) for _ in doc.passages])
        seen = {source for _, source in files}
        for source, entry in list(self.old.items()):
            if source not in seen and any(_within(self._path_of(source), s) for s in scopes):
                self._remove(source, entry)
        self._delete_orphans()
        self._save()
        progress(len(files), len(files), "")
        return self.report

    # --- discovery ---------------------------------------------------------------------

    def _discover(self, roots: list[Path]) -> tuple[list[tuple[Path, str]], list[Path]]:
        data_dir = self.settings.data_dir.expanduser().resolve()
        files: dict[str, Path] = {}
        scopes: list[Path] = []
        for root in roots:
            root = root.expanduser().resolve()
            if not root.exists():
                self.report.failed.append((str(root), "chemin introuvable"))
                continue
            scopes.append(root)
            candidates = [root] if root.is_file() else sorted(
                p for p in root.rglob("*") if p.is_file() and not _hidden(p.relative_to(root))
                and not _within(p, data_dir))
            for path in candidates:
                source = self._source_of(path)
                if loader_for(path) is None:
                    self.report.skipped.append(source)
                else:
                    files.setdefault(source, path)
        return sorted((p, s) for s, p in files.items()), scopes

    def _source_of(self, path: Path) -> str:
        """Key and display name: relative to the corpus dir when inside it, else absolute."""
        return path.relative_to(self.corpus_dir).as_posix() if _within(path, self.corpus_dir) \
            else path.as_posix()

    def _path_of(self, source: str) -> Path:
        path = Path(source)
        return path if path.is_absolute() else self.corpus_dir / path

    # --- one document ------------------------------------------------------------------

    def _read(self, path: Path, source: str) -> _Pending | None:
        """Load the file unless it is unchanged or unreadable (both reported)."""
        old = self.old.get(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._fail(source, f"lecture impossible ({exc.strerror or exc})")
            return None
        digest = hashlib.sha256(data).hexdigest()
        if old and old.hash == digest and not self.force and self._intact(old):
            self.report.unchanged.append(source)
            if old.problems:
                self.report.failed.append((source, " ; ".join(old.problems)))
            return None
        try:
            loaded = loader_for(path)(path, source)
        except LoadError as exc:
            self._fail(source, str(exc))
            return None
        except Exception as exc:  # a loader bug must not stop the other files
            log.exception("ingest: unexpected error on %s", source)
            self._fail(source, f"erreur inattendue ({type(exc).__name__} : {exc})")
            return None
        doc_id = f"{slugify(Path(source).stem)[:40]}-{hashlib.sha1(source.encode()).hexdigest()[:8]}"
        passages = [StoredPassage(f"{doc_id}-{n:04d}", p.text, {**p.metadata, "doc_id": doc_id})
                    for n, p in enumerate(loaded.passages)]
        entry = DocumentEntry(source=source, hash=digest, doc_id=doc_id, chunk_ids=[p.id for p in passages],
                              records=sum(loaded.records.counts().values()), problems=loaded.problems)
        return _Pending(entry, old, passages, loaded.records)

    def _store(self, doc: _Pending, vectors: list[list[float]]) -> None:
        """Upsert the document's passages, then drop the ones it no longer has."""
        source, ids = doc.entry.source, doc.entry.chunk_ids
        upsert_passages(self.collection, ids, [p.text for p in doc.passages],
                        [p.metadata for p in doc.passages], vectors)
        self.present.update(ids)
        stale = [i for i in (doc.old.chunk_ids if doc.old else []) if i not in set(ids)]
        delete_passages(self.collection, stale)
        self.present.difference_update(stale)
        self.passages[source] = doc.passages
        self.records[source] = doc.records
        self.documents[source] = doc.entry
        (self.report.updated if doc.old else self.report.added).append(source)
        if doc.entry.problems:
            self.report.failed.append((source, " ; ".join(doc.entry.problems)))

    def _intact(self, entry: DocumentEntry) -> bool:
        """The store still holds what the manifest says (someone may have wiped a part)."""
        held = self.passages.get(entry.source, [])
        records = self.records.get(entry.source, RecordSet())
        return ([p.id for p in held] == entry.chunk_ids and self.present.issuperset(entry.chunk_ids)
                and sum(records.counts().values()) == entry.records)

    def _fail(self, source: str, reason: str) -> None:
        """Report; what the store held for this file stays (its entry is kept as is)."""
        log.warning("ingest: %s failed: %s", source, reason)
        self.report.failed.append((source, reason))

    def _remove(self, source: str, entry: DocumentEntry) -> None:
        delete_passages(self.collection, entry.chunk_ids)
        self.present.difference_update(entry.chunk_ids)
        self.documents.pop(source, None)
        self.passages.pop(source, None)
        self.records.pop(source, None)
        self.report.removed.append(source)

    def _delete_orphans(self) -> None:
        """Passages in Chroma that no document owns (e.g. left by a lost manifest)."""
        owned = {i for entry in self.documents.values() for i in entry.chunk_ids}
        orphans = sorted(self.present - owned)
        delete_passages(self.collection, orphans)
        self.present.difference_update(orphans)

    # --- persistence -------------------------------------------------------------------

    def _save(self) -> None:
        data_dir = self.settings.data_dir
        sources = sorted(self.documents)
        passages = [p for s in sources for p in self.passages.get(s, [])]
        self.cache.save([_embedding_text(p) for p in passages])
        LexicalIndex.build(passages).save(data_dir)
        _merge_records([self.records.get(s, RecordSet()) for s in sources]).save(data_dir)
        self.manifest.documents = self.documents
        self.manifest.save(data_dir)
        self.report.chunks = len(passages)
        self.report.embedded = self.cache.computed


def _embedding_text(passage: StoredPassage) -> str:
    return embedding_text(passage.text, str(passage.metadata.get("kind", "")))


def _by_source(passages: list[StoredPassage]) -> dict[str, list[StoredPassage]]:
    grouped: dict[str, list[StoredPassage]] = defaultdict(list)
    for p in passages:
        grouped[str(p.metadata.get("source", ""))].append(p)
    return dict(grouped)


def _records_by_source(records: RecordSet) -> dict[str, RecordSet]:
    grouped: dict[str, RecordSet] = defaultdict(RecordSet)
    for kind in _RECORD_KINDS:
        for record in getattr(records, kind):
            getattr(grouped[record.source], kind).append(record)
    return dict(grouped)


def _merge_records(parts: list[RecordSet]) -> RecordSet:
    """All documents' records in one set; ids made unique, events in date order."""
    merged = RecordSet()
    for part in parts:
        merged.extend(part)
    for kind in _RECORD_KINDS:
        seen: dict[str, int] = {}
        for record in getattr(merged, kind):
            count = seen[record.id] = seen.get(record.id, 0) + 1
            if count > 1:
                record.id = f"{record.id}-{count}"
    merged.events.sort(key=lambda e: (e.date, e.id))
    return merged


def _hidden(relative: Path) -> bool:
    """Dot files and folders, Office lock files (~$x.docx), editor backups (x~)."""
    return any(part.startswith((".", "~$")) or part.endswith("~") for part in relative.parts)


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
