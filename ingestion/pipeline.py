"""The indexing pipeline: files -> llama-index nodes (Chroma + BM25) and typed records.

Each file goes through its reader (ingestion/readers.py: one Document per passage,
records beside), then a llama-index `IngestionPipeline` (nodes with content-derived
ids, vectors from the cache); `ChromaVectorStore` writes the nodes, the French
`BM25Retriever` is rebuilt from all of them.

Incremental, keyed by each file's hash (the manifest is the docstore): an unchanged
file is neither re-read nor re-written; a changed one replaces its nodes; one that
disappeared from an ingested folder is removed. Only new passage texts are embedded.

Never loses data: a file that cannot be read keeps its previous passages and records
and is reported; new nodes are added before old ones are deleted; a rebuild (`--reset`,
another model) fills a new Chroma collection aside; the BM25 index (which names the
collection), records.json and the manifest are replaced atomically at the end. So a
run killed at any moment leaves the previous base whole and the next run finishes the
work. An unreachable Chroma server stops the run before anything is written.
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

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.ingestion import IngestionPipeline
from llama_index.core.schema import BaseNode, Document, TextNode

from assistant.knowledge.embeddings import default_embedder
from assistant.knowledge.lexical import LexicalIndex
from assistant.knowledge.records import RecordSet
from assistant.settings import Settings
from assistant.knowledge.store import (StoreUnavailable, connect, drop_other_generations,
                             new_collection_name, open_collection, unavailable, vector_store)
from ingestion.documents import LoadError, slugify
from ingestion.manifest import PIPELINE_VERSION, DocumentEntry, Manifest
from ingestion.readers import CachedEmbedding, FileReader, PassageNodes, node_embedding_text
from ingestion.report import IngestReport
from ingestion.vector_cache import VectorCache

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
EMBEDDING = "vectorisation des passages"  # progress label while the model runs
_RECORD_KINDS = ("events", "members", "figures", "guides")


def ingest(settings: Settings, paths: list[Path] | None = None, reset: bool = False,
           progress: Progress | None = None, embedder: BaseEmbedding | None = None) -> IngestReport:
    """Bring the store in line with the files under `paths` (default: the corpus dir).

    Documents ingested from other folders are left alone; `reset` rebuilds the whole
    store (aside, then switched). `progress(done, total, current_file)` is called before
    each file. Raises StoreUnavailable (French message) when Chroma cannot be reached:
    the previous base is then left as it was.
    """
    started = time.perf_counter()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(settings.data_dir):
        embedder = embedder or default_embedder()
        run = _Run(settings, embedder, reset)
        try:
            report = run.execute([Path(p) for p in paths] if paths else [settings.corpus_dir],
                                 progress or (lambda done, total, name: None))
            _embed_vocabulary(settings, embedder)
        except StoreUnavailable:
            raise
        except Exception as exc:
            if settings.chroma_host and _is_connection_error(exc):
                raise unavailable(settings, exc) from exc
            raise
    report.seconds = time.perf_counter() - started
    log.info("ingest: %d added, %d updated, %d unchanged, %d removed, %d failed, %d passages",
             len(report.added), len(report.updated), len(report.unchanged), len(report.removed),
             len(report.failed), report.chunks)
    return report


def _embed_vocabulary(settings: Settings, embedder: BaseEmbedding) -> None:
    """The base's words embedded now, while ingesting, so that the assistant's first start reads them
    from the cache (`assistant.reading.vocabulary`) instead of embedding a thousand words; the word
    frequencies likewise."""
    from assistant.reading.understanding import Lexicon
    from assistant.reading.vocabulary import WordMeaning, use_frequencies

    use_frequencies(settings.data_dir)  # written beside the vocabulary, read by the assistant's first start
    passages = [node.text for node in LexicalIndex.load(settings.data_dir).nodes]
    Lexicon.build(RecordSet.load(settings.data_dir), passages,
                  lambda words: WordMeaning.build(words, embedder, settings.data_dir))


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
    """A file read in this run, waiting for the pipeline to make its nodes."""

    entry: DocumentEntry
    old: DocumentEntry | None
    documents: list[Document]
    records: RecordSet


class _Run:
    def __init__(self, settings: Settings, embedder: BaseEmbedding, reset: bool) -> None:
        self.settings = settings
        self.corpus_dir = settings.corpus_dir.expanduser().resolve()
        self.report = IngestReport()
        self.client = connect(settings)  # unreachable server: stop before any write
        old = Manifest.load(settings.data_dir)
        current = LexicalIndex.load(settings.data_dir)
        self.rebuild = reset or old.embedder not in ("", embedder.model_name) or not current.collection
        if self.rebuild:
            # A new generation, filled aside: the current one serves until the switch.
            self.collection_name = new_collection_name(settings)
            old = Manifest()
            self.nodes: dict[str, list[BaseNode]] = {}
            self.records: dict[str, RecordSet] = {}
        else:
            self.collection_name = current.collection
            drop_other_generations(self.client, settings, keep=current.collection)  # unfinished rebuilds
            self.nodes = _by_source(current.nodes)
            self.records = _records_by_source(RecordSet.load(settings.data_dir))
        self.store = vector_store(open_collection(self.client, self.collection_name))
        self.force = old.version != PIPELINE_VERSION
        self.old = old.documents
        self.documents: dict[str, DocumentEntry] = dict(old.documents)
        self.manifest = Manifest(embedder=embedder.model_name)
        self.present = set(self.store.client.get(include=[])["ids"])
        self.cache = VectorCache.open(settings.data_dir, embedder)

    def execute(self, roots: list[Path], progress: Progress) -> IngestReport:
        files, scopes = self._discover(roots)
        pending: list[_Pending] = []
        for done, (path, source) in enumerate(files):
            progress(done, len(files), source)
            if (doc := self._read(path, source)) is not None:
                pending.append(doc)
        # One pass over every new document: the model is much faster on full batches.
        pipeline = IngestionPipeline(transformations=[
            PassageNodes(), CachedEmbedding(self.cache, lambda done, total: progress(done, total, EMBEDDING))],
            disable_cache=True)  # the vector cache is the cache: it survives runs and --reset
        nodes: dict[str, list[BaseNode]] = defaultdict(list)
        for node in pipeline.run(documents=[d for doc in pending for d in doc.documents]):
            nodes[node.metadata["doc_id"]].append(node)
        for doc in pending:
            self._store(doc, nodes.get(doc.entry.doc_id, []))
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
                if FileReader.for_path(path) is None:
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
        doc_id = f"{slugify(Path(source).stem)[:40]}-{hashlib.sha1(source.encode()).hexdigest()[:8]}"
        try:
            read = FileReader.for_path(path).read(path, source, doc_id)
        except LoadError as exc:
            self._fail(source, str(exc))
            return None
        except Exception as exc:  # a loader bug must not stop the other files
            log.exception("ingest: unexpected error on %s", source)
            self._fail(source, f"erreur inattendue ({type(exc).__name__} : {exc})")
            return None
        entry = DocumentEntry(source=source, hash=digest, doc_id=doc_id,
                              records=sum(read.records.counts().values()), problems=read.problems)
        return _Pending(entry, old, read.documents, read.records)

    def _store(self, doc: _Pending, nodes: list[BaseNode]) -> None:
        """Add the document's new nodes, then drop the ones it no longer has."""
        source, ids = doc.entry.source, [n.node_id for n in nodes]
        doc.entry.chunk_ids = ids
        self.store.add([n for n in nodes if n.node_id not in self.present])
        self.present.update(ids)
        stale = [i for i in (doc.old.chunk_ids if doc.old else []) if i not in set(ids)]
        self._delete(stale)
        self.nodes[source] = nodes
        self.records[source] = doc.records
        self.documents[source] = doc.entry
        (self.report.updated if doc.old else self.report.added).append(source)
        if doc.entry.problems:
            self.report.failed.append((source, " ; ".join(doc.entry.problems)))

    def _intact(self, entry: DocumentEntry) -> bool:
        """The store still holds what the manifest says (someone may have wiped a part)."""
        held = self.nodes.get(entry.source, [])
        records = self.records.get(entry.source, RecordSet())
        return ([n.node_id for n in held] == entry.chunk_ids and self.present.issuperset(entry.chunk_ids)
                and sum(records.counts().values()) == entry.records)

    def _fail(self, source: str, reason: str) -> None:
        """Report; what the store held for this file stays (its entry is kept as is)."""
        log.warning("ingest: %s failed: %s", source, reason)
        self.report.failed.append((source, reason))

    def _remove(self, source: str, entry: DocumentEntry) -> None:
        self._delete(entry.chunk_ids)
        self.documents.pop(source, None)
        self.nodes.pop(source, None)
        self.records.pop(source, None)
        self.report.removed.append(source)

    def _delete_orphans(self) -> None:
        """Passages in Chroma that no document owns (e.g. left by a lost manifest)."""
        owned = {i for entry in self.documents.values() for i in entry.chunk_ids}
        self._delete(sorted(self.present - owned))

    def _delete(self, ids: list[str]) -> None:
        step = 1000
        for i in range(0, len(ids), step):
            self.store.delete_nodes(ids[i:i + step])
        self.present.difference_update(ids)

    # --- persistence -------------------------------------------------------------------

    def _save(self) -> None:
        data_dir = self.settings.data_dir
        sources = sorted(self.documents)
        nodes = [n for s in sources for n in self.nodes.get(s, [])]
        self.cache.save([node_embedding_text(n) for n in nodes])
        # The switch: from here on, readers see the new BM25 index and its collection.
        LexicalIndex.build(nodes, self.collection_name).save(data_dir)
        _merge_records([self.records.get(s, RecordSet()) for s in sources]).save(data_dir)
        self.manifest.documents = self.documents
        self.manifest.save(data_dir)
        if self.rebuild:
            drop_other_generations(self.client, self.settings, keep=self.collection_name)
        self.report.chunks = len(nodes)
        self.report.embedded = self.cache.computed


def _is_connection_error(exc: BaseException) -> bool:
    """A server that stopped answering mid-run (httpx transport errors, chromadb's wrappers)."""
    import httpx

    while exc is not None:
        if isinstance(exc, (httpx.TransportError, ConnectionError)):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _by_source(nodes: list[TextNode]) -> dict[str, list[BaseNode]]:
    grouped: dict[str, list[BaseNode]] = defaultdict(list)
    for n in nodes:
        grouped[str(n.metadata.get("source", ""))].append(n)
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
