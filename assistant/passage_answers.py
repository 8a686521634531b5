"""Extractive answers from passages: retrieve, prefer the section whose heading the question names,
then keep the sentences that carry the question's words."""
from __future__ import annotations

import re

from assistant.draft import Draft
from assistant.normalize import content_stems, fold
from assistant.retrieval import Hit, Retriever
from assistant.answer import Source
from assistant.understanding import Lexicon, Query, canonical

MAX_SENTENCES = 3
SHORT_PASSAGE = 420  # a passage this short is shown whole: it is one idea
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-Ý«\"(])|\n+")


def _heading(hit: Hit) -> str:
    return " ".join(str(hit.metadata.get(k, "")) for k in ("title", "section"))


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\b\d{1,2}\b", fold(text)))


class PassageAnswerer:
    def __init__(self, retriever: Retriever, lexicon: Lexicon):
        self.retriever = retriever
        self.lexicon = lexicon

    def _weight(self, stems: set[str]) -> float:
        return sum(self.lexicon.idf(s) for s in stems)

    def rank(self, q: Query, where: dict | None = None, k: int = 10) -> list[tuple[float, Hit]]:
        hits = self.retriever.search(q.text, k=k, where=where)
        topic = set(q.topic)
        total = self._weight(topic) or 1.0
        asked_numbers = _numbers(q.folded)
        ranked = []
        for hit in hits:
            head = set(content_stems(canonical(_heading(hit))))
            score = self._weight(topic & head) / total + 30 * hit.score
            if asked_numbers and asked_numbers & _numbers(_heading(hit)):
                score += 0.6
            ranked.append((score, hit))
        return sorted(ranked, key=lambda x: -x[0])

    def answer(self, q: Query, where: dict | None = None, known: set[str] | None = None) -> Draft | None:
        """`known` are topic stems already explained by the caller (e.g. the guide the question names)."""
        ranked = self.rank(q, where)
        if not ranked:
            return None
        topic = set(q.topic)
        wanted = topic - (known or set())
        best_hit = ranked[0][1]
        body = _body(best_hit)
        sentences = _pick(body, wanted or topic, self.lexicon) if len(body) > SHORT_PASSAGE else [body]
        text = " ".join(sentences).strip()
        heading = str(best_hit.metadata.get("section") or best_hit.title)
        if heading and fold(heading) not in fold(text[: len(heading) + 20]):
            text = f"{heading} : {text}"
        used = [best_hit]
        covered = topic & set(content_stems(canonical(_heading(best_hit) + " " + " ".join(sentences))))
        # A second passage when it explains words the first one leaves out.
        for _, hit in ranked[1:3]:
            extra = (wanted - covered) & set(content_stems(canonical(hit.text)))
            if extra and self._weight(extra) >= 2.5:
                more = _pick(_body(hit), extra, self.lexicon)
                text += "\n" + " ".join(more)
                covered |= topic & set(content_stems(canonical(_heading(hit) + " " + " ".join(more))))
                used.append(hit)
                break
        total = self._weight(topic)
        coverage = self._weight(covered | (known or set()) & topic) / total if total else 0.0
        sources = [Source(id=h.id, title=h.title or h.source, kind=h.kind or "document", excerpt=_excerpt(h),
                          date=_iso(h.metadata.get("date")), score=round(h.score, 4)) for h in used]
        return Draft(text, sources, coverage=coverage, focus={"kind": "passages", "ids": [h.id for h in used]})


def _body(hit: Hit) -> str:
    """The passage text without the title/section prefix ingestion puts on its first line."""
    lines = hit.text.strip().splitlines()
    if len(lines) > 1 and fold(lines[0]).strip(" #") in fold(_heading(hit)) + fold(hit.title):
        lines = lines[1:]
    return "\n".join(l.strip(" -*#•·") if l.strip().startswith(("-", "*", "•", "·")) else l for l in lines).strip()


def _pick(body: str, wanted: set[str], lexicon: Lexicon) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(body) if p and p.strip()]
    scored = []
    for i, p in enumerate(parts):
        hit = wanted & set(content_stems(canonical(p)))
        scored.append((sum(lexicon.idf(s) for s in hit), i, p))
    best = sorted(scored, key=lambda x: (-x[0], x[1]))[:MAX_SENTENCES]
    best = [b for b in best if b[0] > 0] or best[:1]
    return [p for _, _, p in sorted(best, key=lambda x: x[1])]


def _excerpt(hit: Hit, limit: int = 300) -> str:
    text = " ".join(_body(hit).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _iso(value) -> str | None:
    if isinstance(value, int) and value > 0:
        s = str(value)
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return None
