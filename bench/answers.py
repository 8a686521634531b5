"""Answer-engine benchmark: cold start, warm per-question latency (p50/p95), peak RSS.

Usage: python bench/answers.py [--data-dir DIR] [--rounds 3]
Ingests the shipped corpus into DIR first if it holds nothing (not timed here: see bench/ingest.py).
Questions: the dev set, the paraphrase set and the frozen hold-out set, each asked alone (no
conversation), with its as_of. The floor printed beside is the median cost of one dense query embedding
(the model alone): warm answers are judged against it (p50 within one, p95 within three).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import Settings  # noqa: E402

INGEST = "from assistant.settings import Settings; from ingestion.pipeline import ingest; ingest(Settings())"
COLD = ("from assistant.service import Assistant; "
        "Assistant.from_settings().ask('Combien de participants au Forum Eau ?')")
QUESTION_FILES = [ROOT.parent / "shared" / "eval" / "dev.jsonl", ROOT / "tests" / "fixtures" / "paraphrases.jsonl",
                  ROOT / "tests" / "fixtures" / "holdout.jsonl"]


def questions() -> list[tuple[str, date | None]]:
    out = []
    for path in QUESTION_FILES:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                case = json.loads(line)
                as_of = date.fromisoformat(case["as_of"]) if case.get("as_of") else None
                out += [(turn, as_of) for turn in case["turns"]]
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="ems-bench-"))
    env = {**os.environ, "EMS_DATA_DIR": str(data_dir), "EMS_CORPUS_DIR": str(ROOT / "corpus"),
           "PYTHONPATH": str(ROOT)}
    if not (data_dir / "records.json").exists():  # ingest in another process: not part of what is measured
        subprocess.run([sys.executable, "-c", INGEST], env=env, check=True, cwd=ROOT)

    # Cold start: a fresh process imports, loads the store and the model, answers one question.
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", COLD], env=env, check=True, cwd=ROOT)
    cold = time.perf_counter() - started

    from assistant.service import Assistant

    settings = Settings(_env_file=None, data_dir=data_dir, corpus_dir=ROOT / "corpus")
    assistant = Assistant.from_settings(settings)
    asked = questions()
    timings, first = [], []
    for round_ in range(args.rounds):
        for text, as_of in asked:
            t0 = time.perf_counter()
            assistant.ask(text, as_of=as_of)
            timings.append((time.perf_counter() - t0) * 1000)
            if round_ == 0:
                first.append(timings[-1])
    from assistant.knowledge.embeddings import default_embedder

    embedder, floor = default_embedder(), []
    for text, _ in asked:  # the same questions, through the model alone
        t0 = time.perf_counter()
        embedder.get_query_embedding(text + " ?")
        floor.append((time.perf_counter() - t0) * 1000)
    one = statistics.median(floor)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| mesure | valeur |\n|---|---|")
    print(f"| questions (x{args.rounds}) | {len(asked)} |")
    print(f"| démarrage à froid (nouveau processus : import, chargement, 1re réponse) | {cold:.2f} s |")
    print(f"| plancher : un embedding de requête (médiane) | {one:.1f} ms |")
    print(f"| latence p50 à chaud | {statistics.median(timings):.1f} ms ({statistics.median(timings) / one:.2f}× le plancher) |")
    print(f"| latence p95 à chaud | {percentile(timings, 95):.1f} ms ({percentile(timings, 95) / one:.2f}× le plancher) |")
    print(f"| p95 au premier passage (mots nouveaux à lire) | {percentile(first, 95):.1f} ms |")
    print(f"| latence max | {max(timings):.1f} ms |")
    print(f"| pic de mémoire (RSS) | {rss:.0f} Mo |")


if __name__ == "__main__":
    main()
