"""Words the base does not know, read by meaning and by how common they are in everyday language.

A question's word that the base has never seen is either a word the base knows under another form
("events", "webinar", "biodechet") or a thing the base does not hold ("piscine", a name). The multilingual embedding model tells the first case: the base's
own vocabulary is embedded once (vectors cached on disk by word) and an unknown word is mapped onto its
nearest base word when the similarity is high and clearly ahead of the next one. General word
frequencies (wordfreq, the same for any cluster's data) tell a word of everyday French, which is a word
of its own, from a misspelling or a foreign word.
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from llama_index.core.base.embeddings.base import BaseEmbedding as Embedder

log = logging.getLogger(__name__)

CACHE_FILE = "vocabulary.npz"
FREQUENCIES_FILE = "frequencies.npz"
# Both sides are embedded as e5 queries (symmetric word-to-word similarity). Calibrated on labelled pairs
# (bench/vocabulary.py): true mappings ("events" -> "evenements", "soil" -> "sols", "training" ->
# "formation", "visit" -> "visite") score 0.921-0.99; the nearest base word of an unrelated word ("meteo" ->
# "mesure", "workshop" -> "production", "truc" -> "structure") scores 0.88-0.918.
MIN_SIMILARITY = 0.92
# A word in everyday use in French (Zipf frequency, log10 of occurrences per billion words) is a word of
# its own, never mapped onto another ("prix" -> "produit" 0.914, "boulot" -> "bois" 0.915, and even
# "perdu" -> "perdre" 0.95, which would then match "pour ne pas perdre").
EVERYDAY_ZIPF = 3.6
COMMON_ZIPF = 3.0  # a common French word, its own when it is more French than English
ENGLISH_ZIPF = 2.5  # a word of English, not a typo: "composting" (2.7)


def zipf(word: str, language: str = "fr") -> float:
    """How common a (folded) word is in everyday French (or another language): 0 = unknown, 7 = "de". Users
    often drop accents, so "siege" counts as "siège"."""
    if language == "fr":
        listed = _french().zipf(word)
        if word.isalpha() and word.islower():
            return listed  # what wordfreq says of such a word, without loading wordfreq
    from wordfreq import zipf_frequency  # loads its tables on first use (~0.2 s)

    if language != "fr":
        return zipf_frequency(word, language)
    return max(zipf_frequency(word, "fr"), listed)


class Frequencies:
    """French words (as written and without their accents) with their Zipf frequency, and the everyday words a
    typo may be meant for. Built once from wordfreq (~0.7 s), kept in the data directory as sorted arrays that
    load in a few milliseconds."""

    def __init__(self, words: np.ndarray, centi_zipf: np.ndarray, everyday: list[str]):
        self.words = words  # sorted UTF-8 bytes: the order of the code points
        self.centi_zipf = centi_zipf
        self.everyday = everyday

    @classmethod
    def load(cls, data_dir: Path | None) -> "Frequencies":
        """Read them from `data_dir` when built there from this wordfreq; else build them (and write them there)."""
        from importlib.metadata import version

        path = data_dir / FREQUENCIES_FILE if data_dir else None
        source = f"wordfreq {version('wordfreq')}"
        if path and path.exists():
            try:
                with np.load(path, allow_pickle=False) as data:
                    if str(data["source"]) == source:
                        return cls(data["words"], data["centi_zipf"], data["everyday"].tobytes().decode().split("\n"))
            except (OSError, ValueError, KeyError):
                log.warning("word frequencies %s unreadable: rebuilding them", path)
        built = cls.build()
        if path:
            try:
                built._save(path, source)
            except OSError as exc:  # a read-only data directory: built again at the next start, nothing lost
                log.warning("word frequencies not kept in %s: %s", path.parent, exc)
        return built

    @classmethod
    def build(cls) -> "Frequencies":
        from wordfreq import get_frequency_list

        from assistant.reading.normalize import fold

        # the words by bucket of frequency, the commonest first: bucket i holds the words of 10^-(i/100), Zipf 9 - i/100
        buckets = get_frequency_list("fr")
        folding = str.maketrans({c: fold(c) for c in {c for bucket in buckets for w in bucket for c in w if ord(c) > 127}})
        table: dict[str, int] = {}
        for i, bucket in enumerate(buckets):
            for word in bucket:
                table.setdefault(word, 900 - i)
                table.setdefault(word.translate(folding), 900 - i)  # "siege" is as common as "siège"
        words = sorted(table)
        return cls(np.array([w.encode() for w in words]), np.array([table[w] for w in words], np.int16),
                   _everyday("fr"))

    def zipf(self, word: str) -> float:
        key = word.encode()
        if len(key) > self.words.itemsize:
            return 0.0
        i = int(np.searchsorted(self.words, key))
        return int(self.centi_zipf[i]) / 100 if i < len(self.words) and self.words[i] == key else 0.0

    def _save(self, path: Path, source: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".frequencies-", suffix=".npz")  # one per worker
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, source=np.array(source), words=self.words, centi_zipf=self.centi_zipf,
                     everyday=np.frombuffer("\n".join(self.everyday).encode(), np.uint8))
        os.replace(tmp, path)


_FRENCH: list[Frequencies] = []  # this process's tables, read once


def use_frequencies(data_dir: Path | None) -> None:
    """Ready the French word frequencies now (from the data directory), not on the first question."""
    if not _FRENCH:
        _FRENCH.append(Frequencies.load(data_dir))


def _french() -> Frequencies:
    use_frequencies(None)
    return _FRENCH[0]


def _everyday(language: str) -> list[str]:
    """Words of everyday use (folded, five letters or more), the commonest first."""
    from wordfreq import top_n_list

    from assistant.reading.normalize import fold

    return [w for w in dict.fromkeys(fold(w) for w in top_n_list(language, 60000)) if len(w) >= 5 and w.isalpha()]


@lru_cache(maxsize=2)
def _everyday_by_initial(language: str = "fr") -> dict[str, list[str]]:
    """Words of everyday French (or English), by first letter: what a typo that is no word at all ("derrieer",
    "commener", "memberjhip") was meant to be. Built once per language."""
    table: dict[str, list[str]] = {}
    for word in _french().everyday if language == "fr" else _everyday(language):
        table.setdefault(word[0], []).append(word)
    return table


def everyday_spelling(word: str, language: str = "fr") -> str | None:
    """The everyday word a string that is no word at all misspells (one edit, two for long words), in French or in
    the language the message is written in."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    if len(word) < 5 or zipf(word) > 0 or language != "fr" and zipf(word, language) > 0:
        return None  # a word of the language (even a rare one) is itself
    hit = process.extractOne(word, _everyday_by_initial(language).get(word[0], []), scorer=OSA.distance,
                             score_cutoff=1 if len(word) < 9 else 2)
    return hit[0] if hit else None


class WordMeaning:
    """Nearest base word by meaning, for words the base does not contain."""

    def __init__(self, words: list[str], vectors: np.ndarray, embedder: Embedder):
        self.words = words
        self.vectors = vectors
        self.embedder = embedder
        self._memo: dict[str, str | None] = {}

    @classmethod
    def build(cls, words: Iterable[str], embedder: Embedder, data_dir: Path | None) -> "WordMeaning":
        """Embed the base's vocabulary, reusing the vectors of words embedded by an earlier build."""
        wanted = sorted(set(words))
        cached: dict[str, np.ndarray] = {}
        path = data_dir / CACHE_FILE if data_dir else None
        if path and path.exists():
            try:
                with np.load(path, allow_pickle=False) as data:
                    if str(data["model"]) == _key(embedder):
                        cached = dict(zip(data["words"].tolist(), data["vectors"]))
            except (OSError, ValueError, KeyError):
                log.warning("vocabulary cache %s unreadable: rebuilding it", path)
        missing = [w for w in wanted if w not in cached]
        if missing:
            cached.update(zip(missing, np.asarray(_queries(embedder, missing), dtype=np.float32)))
            if path:
                _save(path, _key(embedder), wanted, cached)
        vectors = np.stack([cached[w] for w in wanted]) if wanted else np.zeros((0, embedder.dim), np.float32)
        return cls(wanted, vectors, embedder)

    def nearest(self, words: list[str]) -> dict[str, str]:
        """The base word each of `words` means, for those with a close enough one (one batched call);
        words of everyday French keep their own meaning."""
        words = [w for w in words if zipf(w) < EVERYDAY_ZIPF]
        # a plural is read as its singular too ("trainings" as "training"), when the plural itself is near nothing
        todo = [w for w in dict.fromkeys(words + [_singular(w) for w in words if _singular(w)]) if w not in self._memo]
        if todo and len(self.words) > 1:
            queries = np.asarray(_queries(self.embedder, todo), dtype=np.float32)
            sims = queries @ self.vectors.T
            for w, row in zip(todo, sims):
                near = self._pick(row)
                # a common French word of its own means another word of its family only ("comparatif" ->
                # "comparaison"), never a word that merely looks like it ("approuvée" is no "approvisionnement")
                self._memo[w] = near if near is None or _may_mean(w, near) else None
        # the singular's meaning holds for a plural, not for a French word of its own ending in s ("talus" is no
        # plural of "talu", near "tableau")
        found = {}
        for w in words:
            singular = self._memo.get(_singular(w) or "")
            if near := self._memo.get(w) or (singular if singular and _may_mean(w, singular) else None):
                found[w] = near
        return found

    def _pick(self, row: np.ndarray) -> str | None:
        first, second = np.argsort(-row)[:2]
        best = float(row[first])
        # Two candidates of one family ("evenement"/"evenements") may tie; two unrelated ones may not.
        if best < MIN_SIMILARITY or (best - float(row[second]) < 0.004 and
                            self.words[first][:4] != self.words[second][:4]):
            return None
        return self.words[first]


def _singular(word: str) -> str | None:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else None


def _may_mean(word: str, near: str) -> bool:
    """Whether `word` may be read as the base word `near`: a common French word of its own only as a word of its
    family."""
    return not _french_of_its_own(word) or near[:6] == word[:6]


def _french_of_its_own(word: str) -> bool:
    """A common French word, more French than English ("meeting" and "training" are borrowed)."""
    french = zipf(word)
    return french >= COMMON_ZIPF and french >= zipf(word, "en")


def _key(embedder: Embedder) -> str:
    return f"{embedder.name}:query"  # the cache holds query-side vectors of this model


def _queries(embedder: Embedder, texts: list[str]) -> list[list[float]]:
    """Query-side vectors, in one batch when the embedder can."""
    batch = getattr(embedder, "embed_queries", None)
    return batch(texts) if batch else [embedder.get_query_embedding(t) for t in texts]


def _save(path: Path, model: str, words: list[str], vectors: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".vocabulary-", suffix=".npz")  # one per worker
    with os.fdopen(fd, "wb") as fh:
        np.savez(fh, model=np.array(model), words=np.array(words),
                 vectors=np.stack([vectors[w] for w in words]) if words else np.zeros((0, 1), np.float32))
    os.replace(tmp, path)
