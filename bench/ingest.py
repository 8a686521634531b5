"""Ingestion benchmark: full corpus with a cold vector cache, unchanged re-ingest, search latency.

    OMP_NUM_THREADS=2 python bench/ingest.py [CORPUS_DIR]

Prints a Markdown table. Targets on 2 cores: full <= 30 s, unchanged re-ingest <= 2 s.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")

from assistant.knowledge.embeddings import default_embedder  # noqa: E402
from assistant.knowledge.retrieval import Retriever  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from ingestion.pipeline import ingest  # noqa: E402

QUERIES = ["forum eau 2024 participants", "formation biodechets collectivités", "ECOCIT'EMS c'est quoi",
           "combien d'abonnés LinkedIn en septembre", "qui travaille sur les terres excavées",
           "le 2e enjeu stratégique", "visites d'octobre", "guide marchés publics public visé"]


def _in_new_process(settings: Settings) -> float:
    """Wall time of a whole `ems ingest`-like process when nothing changed."""
    code = ("from pathlib import Path; from assistant.settings import Settings; "
            "from ingestion.pipeline import ingest; "
            f"r = ingest(Settings(_env_file=None, data_dir=Path({str(settings.data_dir)!r}), "
            f"corpus_dir=Path({str(settings.corpus_dir)!r}))); assert r.embedded == 0")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "corpus"
    embedder = default_embedder()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="ems-bench-") as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp), corpus_dir=corpus)
        full = ingest(settings, embedder=embedder)
        assert full.ok(), full.failed
        rows += [("Documents", str(len(full.added))), ("Passages", str(full.chunks)),
                 ("Full ingest, cold vector cache", f"{full.seconds:.1f} s"),
                 ("Passages per second (full ingest)", f"{full.chunks / full.seconds:.1f}")]
        again = ingest(settings, embedder=embedder)
        assert again.embedded == 0 and len(again.unchanged) == len(full.added)
        rows.append(("Unchanged re-ingest", f"{again.seconds:.2f} s"))
        rows.append(("Unchanged re-ingest in a new process (imports included)",
                     f"{_in_new_process(settings):.2f} s"))
        reset = ingest(settings, reset=True, embedder=embedder)
        rows.append(("Reset re-ingest, warm vector cache", f"{reset.seconds:.1f} s"))

        retriever = Retriever.from_settings(settings, embedder)
        retriever.search(QUERIES[0])  # warm-up
        total, embedding = [], []
        for query in QUERIES * 5:
            start = time.perf_counter()
            embedder.get_query_embedding(query)
            embedding.append(time.perf_counter() - start)
            start = time.perf_counter()
            retriever.search(query, k=8)
            total.append(time.perf_counter() - start)
        rows += [("Warm search, median (incl. query embedding)", f"{statistics.median(total) * 1000:.0f} ms"),
                 ("Query embedding alone, median", f"{statistics.median(embedding) * 1000:.0f} ms")]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows += [("Peak RSS", f"{peak:.0f} MB"),
             ("Load average during the run (1 min)", f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")]
    print("| Measure | Value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
