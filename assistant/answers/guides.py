"""Answers about the guides-formations: which guide a question names, and what it asks of it."""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding as Embedder

from assistant.answers.draft import Draft, guide_source
from assistant.reading.normalize import content_stems
from assistant.answers.passages import PassageAnswerer
from assistant.knowledge.records import Guide
from assistant.reading.understanding import THEME_STEMS, Lexicon, Query, canonical

GUIDE_WORDS = set(content_stems("guide guides formation formations sensibilisation guide-formation support supports"))
# Words too common to single a guide out by themselves ("une version grand public des guides").
NOT_DISTINCTIVE = set(content_stems("public publics grand general urbain urbaine durable gestion"))
CONTENT = re.compile(r"\b(themes?|thematiques?|sujets?|abord\w*|contenus?|programmes?|apprend\w*|enseign\w*)\b")
DIS = re.compile(r"\b(dis|domaines? d'interet)\b")
GENERIC_ASKS = set(content_stems("parle parlent porte portent consiste traite aborde contient quoi sujet contenu "
                                 "resume presentation explique"))
AUDIENCE = re.compile(r"\b(s'adresse\w*|adresse\w*|public\w*? vise|pour qui|a qui|destine\w*|cible\w*|qui peut|qui sont les participants)\b")
# who delivers a training ("assurer" is said of anything: "assurer le suivi")
TRAINER = content_stems("formateur formatrice intervenant intervenante animateur anime dispense")
FORMAT = re.compile(r"\b(duree|combien de temps|format|demi-journee|journee|heures?)\b")
# A guide described by what its card says: most of the question's words, well ahead of the next guide
DESCRIBED = 0.6
DESCRIBED_LEAD = 0.25
# How far ahead of the next one a guide's card must come, by meaning, to be the one for an asker's description
# ("je travaille aux achats d'une mairie" -> marchés publics, 0.035 ahead; "je suis boulanger": 0.002, none)
RECOMMENDED_LEAD = 0.015
LEXICAL_NUDGE = 0.05  # a card holding every word of the description counts as much as 0.05 more cosine


OFFERED = re.compile(r"\b(propos\w*|offr\w*|offert\w*|catalogue|dispens\w*|s'inscrire|inscri\w*)\b")


def asks_of_offer(q: Query) -> bool:
    """"C'est pour qui ?", "ça dure combien ?", "vous proposez quoi ?": what is offered and how, not what took place."""
    return bool(AUDIENCE.search(q.folded) or FORMAT.search(q.folded) or OFFERED.search(q.folded))


class GuideBook:
    def __init__(self, guides: list[Guide], lexicon: Lexicon, passages: PassageAnswerer, embedder: Embedder | None = None):
        self.guides = guides
        self.lexicon = lexicon
        self.passages = passages
        self.embedder = embedder
        self._cards: np.ndarray | None = None
        self.stems = {g.id: set(content_stems(canonical(g.title))) for g in guides}
        # what a guide is about and for whom, in its own card's words: a guide described rather than named
        self.card_stems = {g.id: self.stems[g.id] | set(content_stems(canonical(f"{g.summary} {g.audience}")))
                           for g in guides}

    def named(self, q: Query) -> Guide | None:
        """The guide whose title the question spells out, or whose own words it uses with "guide"/"formation"."""
        asked = set(q.topic)
        topic = asked - GUIDE_WORDS
        says_guide = bool(asked & GUIDE_WORDS)
        best, best_score = None, 0.0
        for g in self.guides:
            own = self.stems[g.id] - GUIDE_WORDS
            others = set().union(*(self.stems[o.id] for o in self.guides if o.id != g.id))
            hit = topic & own
            weight = self.lexicon.weight(hit)
            ratio = weight / (self.lexicon.weight(own) or 1)
            distinctive = says_guide and bool(hit - others - NOT_DISTINCTIVE)
            if (weight >= 3.0 and ratio >= 0.4 or distinctive) and ratio > best_score:
                best, best_score = g, ratio
        return best

    def answer(self, q: Query, focus: list[str] | None = None) -> Draft | None:
        topic = set(q.topic)
        shown = [g for g in self.guides if focus and g.id in focus]
        guide = self.named(q) or (shown[0] if len(shown) == 1 else None)
        if guide is None and len(shown) > 1 and (AUDIENCE.search(q.folded) or FORMAT.search(q.folded)):
            return self._listing(q, "audience" if AUDIENCE.search(q.folded) else "format")  # "et c'est pour qui ?"
        if guide is None:
            fields = set(content_stems(" ".join(m.group(0) for r in (AUDIENCE, FORMAT) for m in r.finditer(q.folded))))
            if topic & GUIDE_WORDS and asks_of_offer(q) and topic <= GUIDE_WORDS | fields | GENERIC_ASKS:
                # "elles durent combien ?", "c'est pour qui ?", "vous proposez quoi ?"
                return self._listing(q, "audience" if AUDIENCE.search(q.folded) else "format" if FORMAT.search(q.folded)
                                     else None)
            if q.has("list", "what") and topic and topic <= GUIDE_WORDS | set(content_stems("cluster propose disponible")):
                return self._listing(q)
            return self._described(q)
        known = (self.stems[guide.id] | GUIDE_WORDS) & topic
        if q.has("who") and not AUDIENCE.search(q.folded) and not re.search(r"\b(?:avec|aupres de|chez|a) qui\b", q.folded):
            # "c'est qui qui la donne ?", "animée par qui ?": who delivers it ("avec qui ?" asks a partner)
            q = replace(q, hints=[*q.hints, *TRAINER])
        fields = set(content_stems(" ".join(m.group(0) for r in (AUDIENCE, FORMAT, DIS) for m in r.finditer(q.folded))))
        rest = topic - known - fields - GENERIC_ASKS
        if self.lexicon.weight(rest) >= 4.0:  # "les formations plus techniques qui complètent
            return self._passage(q, guide, known)  # la demi-journée": asks more than a field of the card
        if AUDIENCE.search(q.folded) and guide.audience:
            return self._field(q, guide, "Public visé", guide.audience, known)
        if FORMAT.search(q.folded) and guide.format:
            return self._field(q, guide, "Format", guide.format, known)
        if DIS.search(q.folded) and guide.dis:
            return self._field(q, guide, "DIS liés", ", ".join(guide.dis), known)
        if CONTENT.search(q.folded):
            q = replace(q, hints=[*q.hints, *content_stems("contenu programme")])
        if not (set(q.topic) | set(q.hints)) - known - GENERIC_ASKS:
            return self._field(q, guide, "En bref", guide.summary, known)  # "ça parle de quoi ?"
        return self._passage(q, guide, known)

    def recommend(self, description: str) -> Draft | None:
        """"Je travaille aux achats dans une mairie, vous avez une formation pour moi ?": the guide whose card (what it
        is about, for whom) comes nearest the asker's description by meaning, clearly ahead of the others."""
        if not self.embedder or len(self.guides) < 2:
            return None
        if self._cards is None:
            self._cards = np.asarray(self.embedder.get_text_embedding_batch(
                [f"{g.title}. {g.summary} Public : {g.audience}" for g in self.guides]), dtype=np.float32)
        near = self._cards @ np.asarray(self.embedder.get_query_embedding(description), dtype=np.float32)
        # and by the words it shares with each card ("la collecte des déchets de cantine": collecte, déchets), weighed
        # by how rare they are: meaning alone barely tells four guides of one field apart
        said = set(content_stems(canonical(self.lexicon.read(description)))) - GUIDE_WORDS
        if total := self.lexicon.weight(said):
            near = near + LEXICAL_NUDGE * np.array([self.lexicon.weight(said & self.card_stems[g.id]) / total
                                                    for g in self.guides], dtype=np.float32)
        first, second = np.argsort(-near)[:2]
        if near[first] - near[second] < RECOMMENDED_LEAD:
            return None
        guide = self.guides[first]
        text = f"Le plus proche de ce que vous décrivez : guide-formation « {guide.title} »" + \
            (f" ({guide.format})" if guide.format else "") + (f" — {guide.summary.rstrip('.')}." if guide.summary else ".")
        if guide.audience:
            text += f" Public visé : {guide.audience.rstrip('.')}."
        return Draft(text, [guide_source(guide, guide.summary or guide.title)], coverage=0.9,
                     focus={"kind": "guides", "ids": [guide.id]})

    def _described(self, q: Query) -> Draft | None:
        """"Un truc pour apprendre aux agents d'une mairie à acheter aux start-ups ?": the one guide whose card holds
        most of the question's words, clearly ahead of the others, said in brief."""
        # the cluster's own fields ("eau", "sols") are said of every guide: they describe none
        topic = set(q.topic) - GUIDE_WORDS - GENERIC_ASKS - THEME_STEMS
        total = self.lexicon.weight(topic)
        if not total or not self.guides or re.search(r"\bles (?:guides|formations)\b", q.folded):
            return None  # "les guides-formations, c'est pour qui ?" asks of them all
        scored = sorted(((self.lexicon.weight(topic & self.card_stems[g.id]) / total, g) for g in self.guides),
                        key=lambda x: -x[0])
        (best, guide), runner = scored[0], scored[1][0] if len(scored) > 1 else 0.0
        if best < DESCRIBED or best - runner < DESCRIBED_LEAD or len(topic & self.card_stems[guide.id]) < 2:
            return None
        draft = self._field(q, guide, "En bref", guide.summary, topic & self.card_stems[guide.id])
        draft.coverage = best
        return draft

    def _passage(self, q: Query, guide: Guide, known: set[str]) -> Draft:
        """What the guide's own text says about the question's words."""
        draft = self.passages.answer(q, where={"source": guide.source}, known=known)
        if draft is None or not draft.text:
            return self._field(q, guide, "En bref", guide.summary, known)
        draft.text = f"Guide-formation « {guide.title} » — {draft.text}"
        draft.coverage = max(draft.coverage, 0.6)  # the guide is named: what it says is the best we have
        draft.focus = {"kind": "guides", "ids": [guide.id]}
        return draft

    def _field(self, q: Query, guide: Guide, label: str, value: str, known: set[str]) -> Draft:
        text = f"Guide-formation « {guide.title} » — {label} : {value.rstrip('.')}."
        topic = set(q.topic)
        covered = known | (topic & set(content_stems(canonical(value))))
        total = self.lexicon.weight(topic) or 1.0
        return Draft(text, [guide_source(guide, f"{label} : {value}")],
                     coverage=max(0.8, self.lexicon.weight(covered & topic) / total),
                     focus={"kind": "guides", "ids": [guide.id]})

    def _listing(self, q: Query, field: str | None = None) -> Draft:
        """Every guide, with its summary, or with the one field asked ("format", "audience")."""
        if field:
            label = {"format": "format", "audience": "public visé"}[field]
            lines = [f"- {g.title} — {label} : {getattr(g, field) or 'non précisé'}" for g in self.guides]
        else:
            lines = [f"- {g.title}" + (f" ({g.format})" if g.format else "") + (f" : {g.summary}" if g.summary else "")
                     for g in self.guides]
        text = f"Le cluster propose {len(self.guides)} guides-formations :\n" + "\n".join(lines)
        return Draft(text, [guide_source(g, g.summary) for g in self.guides], coverage=1.0,
                     focus={"kind": "guides", "ids": [g.id for g in self.guides]})
