"""The vector side of the passage store: Chroma, through llama-index's ChromaVectorStore.

Chroma runs embedded (PersistentClient under `<data_dir>/chroma`) or as a server
(`chroma run`, HttpClient) when EMS_CHROMA_HOST is set. It never embeds anything
itself: its default embedding function downloads a model, so nodes arrive with their
vectors. Collections are generations named `<collection>-<hex>`: a rebuild (`--reset`,
another model) fills a new one aside, and the lexical index's pointer (assistant/knowledge/lexical.py)
switches to it only once it is complete, so a killed ingest leaves the previous base whole.

A server can die or hang: every call has a timeout, and failures surface as
`StoreUnavailable` with a French reason the caller shows or logs.
"""
from __future__ import annotations

import contextlib
import importlib
import logging
import math
import uuid
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from assistant.settings import Settings

if TYPE_CHECKING:
    from llama_index.core.schema import BaseNode

log = logging.getLogger(__name__)

CHROMA_DIR = "chroma"
# Seconds a server may take to answer one call. An answer must come within 10 s even when the
# server hangs; one document's nodes are written well within it.
TIMEOUT = 5.0
CONNECT_TIMEOUT = 2.0
_servers: dict[tuple[str, int], Any] = {}  # one client per server and process (chromadb shares it anyway)


class StoreUnavailable(Exception):
    """The vector store cannot be reached or answered with an error; the message is in French."""


def describe(settings: Settings) -> str:
    """Where the vectors live, for messages."""
    if settings.chroma_host:
        return f"serveur Chroma {settings.chroma_host}:{settings.chroma_port}"
    return f"Chroma local ({settings.data_dir / CHROMA_DIR})"


@contextlib.contextmanager
def _unchecked_overrides() -> Iterator[None]:
    """While chromadb loads, its `@override` marks stay marks.

    chromadb decorates some 160 methods with the `overrides` package's `@override`, which checks, as each class
    is built, the method's signature against its parent's by disassembling the calling frame: a check for
    chromadb's own developers that costs 0.3-0.5 s of every start-up here. The check is left out while chromadb's
    modules load (import and first client), and `overrides` is given back as it was.
    """
    import overrides

    module = importlib.import_module("overrides.overrides")  # the decorators' own module, never changed

    def override(method: Any = None, **_: Any) -> Any:
        if method is None:
            return override
        method.__override__ = True
        return method

    overrides.override = overrides.overrides = override
    try:
        yield
    finally:
        overrides.override, overrides.overrides = module.override, module.overrides


def connect(settings: Settings) -> Any:
    """A Chroma client; raises StoreUnavailable when a server does not answer."""
    with _unchecked_overrides():
        return _client(settings)


def _client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_host:
        path = settings.data_dir / CHROMA_DIR
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    key = (settings.chroma_host, settings.chroma_port)
    try:
        client = _servers.get(key)
        if client is None:
            # chromadb's HTTP client calls the server while being built, with no timeout: probe first.
            _heartbeat(settings)
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                         settings=chroma_settings)
            _set_timeout(client)
            _servers[key] = client
        client.heartbeat()
        return client
    except Exception as exc:
        raise unavailable(settings, exc) from exc


def unavailable(settings: Settings, exc: BaseException) -> StoreUnavailable:
    """The French reason for a failed call to the store (type and message of the cause)."""
    if isinstance(exc, StoreUnavailable):
        return exc
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return StoreUnavailable(f"{describe(settings)} injoignable ({type(exc).__name__}"
                            f"{' : ' + detail if detail else ''})")


def _heartbeat(settings: Settings) -> None:
    import httpx

    httpx.get(f"http://{settings.chroma_host}:{settings.chroma_port}/api/v2/heartbeat",
              timeout=httpx.Timeout(TIMEOUT, connect=CONNECT_TIMEOUT)).raise_for_status()


def _set_timeout(client: Any) -> None:
    """chromadb's HTTP client waits forever by default: a hung server would hang every answer."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(TIMEOUT, connect=CONNECT_TIMEOUT)


def new_collection_name(settings: Settings) -> str:
    return f"{settings.collection}-{uuid.uuid4().hex[:12]}"


def open_collection(client: Any, name: str) -> Any:
    """A collection (created on first use), cosine space, no embedding function."""
    return client.get_or_create_collection(name, configuration={"hnsw": {"space": "cosine"}},
                                           embedding_function=None)


def vector_store(collection: Any, known: Mapping[str, BaseNode] | None = None) -> Any:
    """llama-index's view of a collection: nodes in, nodes out.

    Given the nodes already in memory by id (`known`: the lexical index holds the same set), a query asks the
    store for ids and distances only: fetching and parsing the candidates' text and metadata is most of what a
    query costs on a base of a few hundred passages. An id not in `known` (another generation) fetches them all."""
    from llama_index.core.vector_stores.types import VectorStoreQueryResult
    from llama_index.vector_stores.chroma import ChromaVectorStore

    if not known:
        return ChromaVectorStore(chroma_collection=collection)

    class KnownNodes(ChromaVectorStore):
        def _query(self, query_embeddings: list[float], n_results: int, where: dict, **kwargs: Any) -> Any:
            found = self._collection.query(query_embeddings=query_embeddings, n_results=n_results,
                                           include=["distances"], **({"where": where} if where else {}), **kwargs)
            ids = found["ids"][0]
            if not all(id_ in known for id_ in ids):
                return super()._query(query_embeddings, n_results, where, **kwargs)
            # the similarity ChromaVectorStore reports: exp(-distance)
            return VectorStoreQueryResult(nodes=[known[id_] for id_ in ids], ids=ids,
                                          similarities=[math.exp(-d) for d in found["distances"][0]])

    return KnownNodes(chroma_collection=collection)


def drop_other_generations(client: Any, settings: Settings, keep: str) -> list[str]:
    """Delete this base's collections other than `keep` (a replaced or an unfinished generation)."""
    dropped = []
    for collection in client.list_collections():
        name = collection if isinstance(collection, str) else collection.name
        if name != keep and (name == settings.collection or name.startswith(settings.collection + "-")):
            client.delete_collection(name)
            dropped.append(name)
    if dropped:
        log.info("store: dropped collections %s", ", ".join(dropped))
    return dropped
