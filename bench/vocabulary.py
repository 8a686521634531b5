"""Calibration of the word-meaning threshold (assistant/reading/vocabulary.py) on labelled pairs.

Usage: python bench/vocabulary.py [--data-dir DIR]
For each labelled word: its nearest base word and similarity. Positives must map onto the expected base
word (or one of its family); negatives must map onto nothing. Prints the separation and the errors at the
threshold in use. The pairs are general words (English, loanwords, misspellings, everyday French), not
questions of any evaluation set.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

os.environ.setdefault("OMP_NUM_THREADS", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.settings import Settings  # noqa: E402

POSITIVES = {
    "events": "evenement", "event": "evenement", "webinar": "webinaire", "members": "membre", "member": "membre",
    "soil": "sol", "soils": "sol", "water": "eau", "training": "formation", "trainings": "formation",
    "visit": "visite", "visits": "visite", "people": "personne", "companies": "entreprise", "meetings": "meeting",
    "compost": "compost", "newsletter": "newsletter", "guides": "guide", "waste": "dechet",
}
NEGATIVES = ["truc", "boulot", "meteo", "piscine", "prix", "avance", "president", "budget", "workshop", "slt",
             "bjr", "genre", "franchement", "voiture", "football", "pizza", "hello", "what"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="ems-vocab-"))
    os.environ["EMS_DATA_DIR"], os.environ["EMS_CORPUS_DIR"] = str(data_dir), str(ROOT / "corpus")
    from assistant.service import Assistant
    from assistant.reading.vocabulary import MIN_SIMILARITY, _queries

    assistant = Assistant.from_settings(Settings(_env_file=None))
    if not assistant.records.events:
        assistant.ingest()
    meaning = assistant.engine.lexicon.meaning
    words = list(POSITIVES) + NEGATIVES
    sims = np.asarray(_queries(meaning.embedder, words), dtype=np.float32) @ meaning.vectors.T
    mapped = meaning.nearest(words)
    print("| mot | plus proche | similarité | attendu | obtenu |\n|---|---|---|---|---|")
    errors = 0
    for word, row in zip(words, sims):
        best = int(np.argmax(row))
        expected = POSITIVES.get(word, "—")
        known = assistant.engine.lexicon.knows(word)
        got = "(mot de la base)" if known else mapped.get(word, "—")
        ok = known or (got.startswith(expected[:4]) if word in POSITIVES else got == "—")
        errors += not ok
        print(f"| {word} | {meaning.words[best]} | {row[best]:.3f} | {expected} | {got}{'' if ok else ' ✗'} |")
    pos = [float(sims[i].max()) for i, w in enumerate(words) if w in POSITIVES]
    neg = [float(sims[i].max()) for i, w in enumerate(words) if w not in POSITIVES]
    print(f"\nseuil {MIN_SIMILARITY} ; positifs min {min(pos):.3f} médiane {np.median(pos):.3f} ; "
          f"négatifs max {max(neg):.3f} médiane {np.median(neg):.3f} ; erreurs {errors}/{len(words)}")


if __name__ == "__main__":
    main()
