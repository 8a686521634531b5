"""Loaders as llama-index readers, and the pipeline's transformations.

`FileReader` is a `BaseReader` around one format's loader (ingestion/loaders/): it
returns one `Document` per passage the loader cut (text + metadata: source, kind,
title, section, page, date, themes), and keeps the typed records and the partial
problems the loader found beside them — records are not passages, exact answers
come from them.

The IngestionPipeline turns those documents into nodes (`PassageNodes`: stable ids
derived from the content, the file as their source document) and gives each node its
vector (`CachedEmbedding`: the on-disk vector cache, so unchanged passages are never
embedded twice).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from llama_index.core.readers.base import BaseReader
from llama_index.core.schema import (BaseNode, Document, NodeRelationship, RelatedNodeInfo,
                                     TextNode, TransformComponent)
from pydantic import PrivateAttr

from assistant.knowledge.records import RecordSet
from ingestion.documents import LoadedDocument, embedding_text
from ingestion.loaders import Loader, loader_for
from ingestion.vector_cache import VectorCache

EMBEDDING_TEXT = "embedding_text"  # metadata key kept out of the store (what the model saw)


@dataclass
class ReadFile:
    """What one file gave: its passages as documents, its records, its partial problems."""

    documents: list[Document] = field(default_factory=list)
    records: RecordSet = field(default_factory=RecordSet)
    problems: list[str] = field(default_factory=list)


class FileReader(BaseReader):
    """A llama-index reader for one format, calling that format's loader."""

    def __init__(self, loader: Loader) -> None:
        self._loader = loader

    @classmethod
    def for_path(cls, path: Path) -> "FileReader | None":
        loader = loader_for(path)
        return cls(loader) if loader else None

    def read(self, path: Path, source: str, doc_id: str) -> ReadFile:
        """Documents (one per passage) with records and problems; raises LoadError when unreadable."""
        loaded: LoadedDocument = self._loader(path, source)
        documents = [Document(text=p.text, metadata={**p.metadata, "doc_id": doc_id},
                              excluded_embed_metadata_keys=list(p.metadata) + ["doc_id"],
                              excluded_llm_metadata_keys=list(p.metadata) + ["doc_id"])
                     for p in loaded.passages]
        return ReadFile(documents, loaded.records, loaded.problems)

    def load_data(self, file: Path, extra_info: dict[str, Any] | None = None) -> list[Document]:
        """BaseReader's entry point: the passages of `file` (its source name in extra_info)."""
        source = str((extra_info or {}).get("source", file))
        return self.read(Path(file), source, str((extra_info or {}).get("doc_id", source))).documents


class PassageNodes(TransformComponent):
    """Documents (one per passage) -> TextNodes whose id changes when their content does.

    A content-derived id makes writes safe to interrupt: a changed passage is a new node,
    added before the old one is deleted, and an unchanged one is not written again.
    """

    def __call__(self, nodes: list[BaseNode], **kwargs: Any) -> list[BaseNode]:
        out: list[BaseNode] = []
        seen: dict[str, int] = {}
        for doc in nodes:
            meta = dict(doc.metadata)
            digest = hashlib.sha1(json.dumps([doc.get_content(), meta], sort_keys=True,
                                             ensure_ascii=False).encode()).hexdigest()[:12]
            node_id = f"{meta['doc_id']}-{digest}"
            count = seen[node_id] = seen.get(node_id, 0) + 1
            node = TextNode(id_=node_id if count == 1 else f"{node_id}-{count}", text=doc.get_content(),
                            metadata=meta, excluded_embed_metadata_keys=list(meta),
                            excluded_llm_metadata_keys=list(meta))
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=meta["doc_id"])
            out.append(node)
        return out


class CachedEmbedding(TransformComponent):
    """Gives each node its vector from the vector cache; only unseen texts reach the model."""

    _cache: VectorCache = PrivateAttr()
    _progress: Callable[[int, int], None] | None = PrivateAttr(default=None)

    def __init__(self, cache: VectorCache, progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__()
        self._cache = cache
        self._progress = progress

    def __call__(self, nodes: list[BaseNode], **kwargs: Any) -> list[BaseNode]:
        texts = [node_embedding_text(n) for n in nodes]
        for node, vector in zip(nodes, self._cache.vectors(texts, self._progress)):
            node.embedding = vector
        return nodes


def node_embedding_text(node: BaseNode) -> str:
    """What the dense model sees of a passage (a record card's head, else all of it)."""
    return embedding_text(node.get_content(), str(node.metadata.get("kind", "")))
