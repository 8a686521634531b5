"""Extractive answers from passages: retrieve, prefer the section whose heading the question names,
then keep the sentences that carry the question's words."""
from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import cached_property, lru_cache

from assistant.reading.dates import MONTH_NAMES
from assistant.answers.draft import Draft
from assistant.reading.normalize import NUMBER_WORDS, STOPWORDS, content_stems, fold, related, stem, words
from llama_index.core.schema import TextNode

from assistant.knowledge.retrieval import Hit, Retriever
from assistant.answer import Source
from assistant.reading.understanding import SHARE_STEMS, THEME_STEMS, Lexicon, Query, canonical, is_instruction

MAX_SENTENCES = 3
MAX_ITEMS = 6  # list items kept after a sentence that announces them
RECORD_KINDS = {"event", "figure", "member"}
ABSENCE = re.compile(r"\bne (?:donne|precise|indique|mentionne|chiffre) pas\b|\bnon (?:renseigne|precise|indique|chiffre)")
LISTED = re.compile(r":[ \t]*\n\s*(?:[-*•][^\n]*\n\s*){2,}")  # a sentence announcing items, then the items
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY = re.compile(rf"\b\d{{1,2}}(?:er)? (?:{'|'.join(map(fold, MONTH_NAMES))})\b")
# "c'est quoi vos axes ?", "quels sont les …": things asked for in the plural
PLURAL_ASKED = re.compile(r"\b(?:les|vos|nos|ses|leurs|tes|quels|quelles) [\w'-]+s\b")
SHOW_ALL = re.compile(r"\b(?:donne|montre|rappelle|presente)\w*(?:-moi|-nous| moi| nous)? (?:les|tous les|toutes les)\b")
# "celui qui s'occupe du numérique", "un axe qui traite de l'emploi": a thing described by what it takes care of, which
# a section describes, not a dated record
CARES_FOR = re.compile(r"\bqui (?:s'occupe\w*|traite\w*|couvre\w*|gere\w*|porte\w* sur|concerne\w*|bosse\w* sur|"
                       r"travaille\w* sur|est consacre\w*|est dedie\w*)\b")
SHORT_PASSAGE = 600  # a passage this short is shown whole: it is one idea
# A section listed, picked by meaning: its best passage this far (cosine) ahead of the next section's. On six
# descriptions of a newcomer's trade against the eight DIS, the right one led by 0.007 to 0.022.
NEAREST_LEAD = 0.005
# "a-t-on le droit de …", "je peux …", "est-il possible de …": whether something is allowed, that a sentence saying
# what one may do answers ("les membres peuvent les réutiliser")
ASKS_LEAVE = re.compile(r"\b(?:le droit|la permission|l'autorisation)\b|\b(?:peut-on|puis-je|pouvons-nous|est-il possible|"
                        r"c'est possible|est-ce possible|autorise\w*|permis)\b|"
                        r"(?<!\bou )(?<!\bqui )(?<!\bque )\b(?:je peux|on peut)\b")  # not "un lieu où on peut tester"
GIVES_LEAVE = re.compile(r"\b(?:peu(?:t|vent)|pourr\w+|possible|autoris\w*|libre\w*|accessibles?)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-Ý«\"(])|\n+")


def _heading(hit: Hit) -> str:
    return " ".join(str(hit.metadata.get(k, "")) for k in ("title", "section"))


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\b\d{1,2}\b", fold(text)))


def gives_amount(text: str) -> bool:
    """Whether a text gives a number other than a year or a day of the month."""
    return bool(re.search(r"\d", YEAR.sub(" ", _DAY.sub(" ", fold(text)))))


def _counts_of_other_years(text: str, years: tuple[int, ...]) -> bool:
    """Whether every number a text gives (not a year, not a day of a month) is said of a year, and none of those
    years is asked."""
    dated = []
    for sentence in re.split(r"(?<=[.!?;:])\s+", text):
        if gives_amount(sentence):
            dated.append({int(y) for y in YEAR.findall(sentence)})
    return bool(dated) and all(named and not named & set(years) for named in dated)


class PassageAnswerer:
    def __init__(self, retriever: Retriever, lexicon: Lexicon):
        self.retriever = retriever
        self.lexicon = lexicon

    def rank(self, q: Query, where: dict | None = None, known: set[str] | None = None,
             k: int = 10) -> list[tuple[float, Hit]]:
        """Fused retrieval, reordered by how well each passage's heading and body carry the question's
        words (minus `known`, those the caller already explained, e.g. the guide's title)."""
        hits = self.retriever.search(q.text, k=3 * k if where else k, where=where)
        wanted = (set(q.topic) | set(q.hints)) - (known or set())
        total = self.lexicon.weight(wanted) or 1.0
        asked_numbers = _numbers(q.folded)
        horizons = _horizons(q)
        leave = ASKS_LEAVE.search(q.folded)
        # "quel domaine traite de …", "dans quel enjeu …": the kind of section asked for; the passages of a document
        # that holds several of them answer it
        # "il y a un domaine qui s'occupe du numérique ?" too
        kind = {s for w in re.findall(r"\b(?:quel|quelle|quels|quelles|lequel|laquelle) (?:des |de |du )?([a-z]{4,})|"
                                      r"\b(?:un|une|le|la|l')\s?([a-z]{4,}) qui\b", q.folded)
                for s in content_stems(" ".join(w))} & set(q.topic)
        ranked = []
        for hit in hits:
            if hit.id in q.seen:
                continue
            if hit.kind == "event" and q.as_of and (_iso(hit.metadata.get("date")) or "") > q.as_of.isoformat():
                continue  # an event still ahead: its passage would tell an attendance not yet known
            head = _stems(_heading(hit))
            body = _stems(hit.text)
            score = self.lexicon.weight(wanted & head) / total + 0.5 * self.lexicon.weight(wanted & body) / total
            score += 30 * hit.score
            if asked_numbers and asked_numbers & _numbers(str(hit.metadata.get("section", ""))):
                score += 0.6
            if horizons and horizons <= set(YEAR.findall(hit.text)):
                score += 0.3  # "ils visent quoi pour 2050 ?": the passage that names that year
            if kind and hit.kind not in RECORD_KINDS and kind & _collection(hit.title or ""):
                score += 0.3
            if q.has("when") and not q.dates.years and hit.kind not in RECORD_KINDS and any(
                    YEAR.search(p) and wanted & _stems(p) for p in _SENTENCE_END.split(hit.text)):
                score += 0.3  # "il a été créé quand ?": a sentence that dates what is asked
            if leave and hit.kind not in RECORD_KINDS and GIVES_LEAVE.search(fold(_body(hit))):
                score += 0.2  # "on a le droit de reprendre les diapos ?": a passage saying what one may do
            if q.has("list") and hit.kind not in RECORD_KINDS and LISTED.search(hit.text):
                score += 0.2  # "quels types de ressources ?": a passage that lists them
            if (q.has("what", "where") or CARES_FOR.search(q.folded)) and hit.kind in RECORD_KINDS:
                # "c'est quoi X ?" wants a description, not a record restated; "où ?" a place, that a record's
                # passage (its card) does not give beyond what the records answer
                score -= 0.3
            ranked.append((score, hit))
        return sorted(ranked, key=lambda x: -x[0])

    def answer(self, q: Query, where: dict | None = None, known: set[str] | None = None) -> Draft | None:
        """`known` are topic stems already explained by the caller (e.g. the guide the question names)."""
        ranked = self.rank(q, where, known)
        if not ranked:
            return None
        # "c'est quoi …", "… c'est pour qui ?": what a thing is and whom it serves, not "qui dirige …"
        # "vous travaillez sur quels sujets ?", "le cluster, il bosse sur quoi ?": which things, of no subject but the
        # one addressed or the cluster itself
        presents = q.has("what") or re.search(r"\bqui (?:es|est|etes|sont|etait)\b|\bpour qui\b|\bs'adresse\w* a qui\b",
                                              q.folded) or not q.topic and q.has("list") and re.search(r"\b(?:vous|cluster)\b",
                                                                                                   q.folded)
        if presents and where is None and not q.dates.years:
            intro = self._introduction(q)  # "c'est quoi le cluster (eau milieux sols) ?": its presentation
            if intro and set(q.topic) <= _stems(intro[0][1].title) and not _horizons(q) - set(YEAR.findall(intro[0][1].text)):
                ranked = intro
        if where is None and (q.has("list", "what", "count") or SHOW_ALL.search(q.folded)):  # "quels sont les DIS ?",
            # "c'est quoi un DIS ?", "donne-moi les thématiques sectorielles"
            # the document that holds them may come second ("les thématiques transversales": another
            # document speaks of "événements transversaux")
            # "le cluster travaille sur combien de grands domaines ?": the document whose title counts them; first when
            # the question says how many ("… ? il y en a quatre")
            counted, by_count = self._counted_collection(q)
            firsts = {}  # each document's best passage, best first
            for _, h in ranked:
                firsts.setdefault(h.source, h)
            for hit in [] if by_count else [h for h in firsts.values() if h.kind not in RECORD_KINDS][:3]:
                if listing := self.outline(q, hit):
                    return listing
            if counted and (listing := self.outline(q, counted, named=True)):
                # as many as the question says: a word the base lacks ("priorités") names what the title counts
                listing.focus = {**listing.focus, "counted": by_count}
                return listing
            # "c'est quoi vos axes de travail ?" met by "Les 4 enjeux stratégiques sont les axes …", the opening of
            # a document whose title counts its sections: a collection asked for in the plural is its members
            opening = ranked[0][1]
            if PLURAL_ASKED.search(q.folded) and re.search(r"\b\d+ [^\W\d]{4,}", opening.title) \
                    and self._opens(opening) and (listing := self.outline(q, opening, named=True)):
                said = set(q.topic) & _stems(f"{opening.title} {opening.text}")  # as much as the opening says
                listing.coverage = max(listing.coverage, self.lexicon.weight(said) / self.lexicon.weight(set(q.topic)))
                return listing
        topic = set(q.topic)
        wanted = (topic | set(q.hints)) - (known or set())
        best_hit = ranked[0][1]
        body = _body(best_hit)
        # The heading already explains its words ("dans l'enjeu milieux aquatiques, quoi pour les eaux
        # pluviales ?"): in its sentences they weigh less than the words it leaves.
        sentences = _pick(body, wanted or topic, self.lexicon, lead=q.has("what"),
                          explained=_stems(_heading(best_hit))) if len(body) > SHORT_PASSAGE else [body]
        text = " ".join(sentences).strip()
        heading = str(best_hit.metadata.get("section") or best_hit.title).split(" > ")[-1]
        if heading and not heading.rstrip().endswith("?") and fold(heading) not in fold(text[: len(heading) + 20]):
            named = best_hit.title and fold(best_hit.title) in fold(heading + text)
            if where is None and best_hit.kind == "guide" and not named:
                heading = f"Guide-formation « {best_hit.title} » — {heading}"  # "Fiche :" alone names no guide
            text = f"{heading} : {text}"
        used = [best_hit]
        covered = topic & _stems(_heading(best_hit) + " " + " ".join(sentences))
        # A second passage when it explains words the first one leaves out.
        for _, hit in ranked[1:3]:
            if hit.kind in RECORD_KINDS and best_hit.kind not in RECORD_KINDS:
                continue  # a record restated would only add noise to a description
            extra = (topic - covered) & _stems(hit.text)
            if extra and self.lexicon.weight(extra) >= 2.5:
                more = _pick(_body(hit), extra, self.lexicon)
                head = str(hit.metadata.get("section") or "").split(" > ")[-1]  # which section says it: "NUM'EMS : …"
                named = not head or head.rstrip().endswith("?") or fold(head) in fold(text + " ".join(more))
                text += "\n" + ("" if named else f"{head} : ") + " ".join(more)
                covered |= topic & _stems(_heading(hit) + " " + " ".join(more))
                used.append(hit)
                break
        total = self.lexicon.weight(topic)
        coverage = self.lexicon.weight(covered | (known or set()) & topic) / total if total else 0.0
        if covered <= SHARE_STEMS and not topic <= SHARE_STEMS:
            coverage = 0.0  # "quel pourcentage pour l'Essonne ?": a passage saying "pourcentages" says nothing of it
        if not topic and presents:
            coverage = 0.6  # "c'est quoi le cluster ?": only generic words, the best passage is the answer
        if q.dates.years and not any(str(y) in text for y in q.dates.years):
            coverage *= 0.4  # the question is about a year this passage does not speak of
        elif q.has("count") and q.dates.years and _counts_of_other_years(text, q.dates.years):
            coverage *= 0.4  # "combien de structures en 2024 ?": "1 455 structures en 2021" counts another year
        elif _month_asked(q) and _month_asked(q) not in fold(text):
            coverage *= 0.4  # ... or about a month it does not name
        sources = [Source(id=h.id, title=h.title or h.source, kind=h.kind or "document", excerpt=_excerpt(h),
                          date=_iso(h.metadata.get("date")), score=round(h.score, 4)) for h in used]
        # The best passage says the base lacks it ("le bilan ne donne pas l'effectif"): that is an abstention.
        lacking = bool(q.has("count") and ABSENCE.search(fold(" ".join(sentences))))
        if lacking:
            text = "Je ne trouve pas ce chiffre dans la base du Cluster EMS. Ce qu'elle en dit : " + text
        return Draft(text, sources, abstained=lacking, coverage=coverage,
                     focus={"kind": "passages", "ids": [h.id for h in used]},
                     reason="la base signale l'information comme absente" if lacking else "")


    def abbreviation(self, q: Query) -> Draft | None:
        """"TEX, ça veut dire quoi ?", "que signifie le sigle EUT ?": an abbreviation the documents spell out
        ("des terres excavées (TEX)") is answered by its spelled-out words, quoted from where they are; the
        draft's focus keeps those words ("spelled")."""
        if not (q.has("what") or asks_meaning(q)):
            return None
        typed = {fold(a) for a in re.findall(r"\b[A-Z][A-Z0-9]{1,5}\b", q.text)}  # "ça" is no "CA"
        asked = [a for a in dict.fromkeys(typed or re.findall(r"\b[a-z]{2,6}\b", q.folded))
                 if a in self._abbreviations and (typed or a not in STOPWORDS)]
        if len(asked) != 1:
            return None
        (spelled, short), node = self._abbreviations[asked[0]]
        if set(q.topic) - set(content_stems(f"{short} {spelled}")) - _MEANING_STEMS:
            return None  # "c'est quoi le programme de l'AG ?" asks of something else
        hit = Hit.of(node)
        sentence = next((s for s in _SENTENCE_END.split(_body(hit)) if f"({short})" in s), "").strip(" ;.")
        said = len(spelled.split()) + 4 < len(sentence.split()) and len(sentence) <= 220  # a sentence that says more
        text = f"{short} : {spelled}." + (f" « {sentence}. »" if said else "")
        return Draft(text, [Source(id=hit.id, title=hit.title, kind=hit.kind or "document", excerpt=_excerpt(hit),
                                   date=None, score=0.0)], coverage=1.0,
                     focus={"kind": "passages", "ids": [hit.id], "spelled": spelled})

    @cached_property
    def _abbreviations(self) -> dict[str, tuple[tuple[str, str], TextNode]]:
        """Folded abbreviation → ((its words, as written), the first passage that spells it out)."""
        found = {}
        for node in self.retriever.passages:
            for words, short in _SPELLED_OUT.findall(node.text):
                spelled = _spelled_out(words.split(), short)
                if spelled and fold(short) not in found:
                    found[fold(short)] = ((spelled, short), node)
        return found

    def section(self, passage_id: str) -> Draft | None:
        """One section of a list shown before ("le 3e c'est sur quoi ?"): its heading and what it says."""
        node = next((p for p in self.retriever.passages if p.node_id == passage_id), None)
        if node is None:
            return None
        hit = Hit.of(node)
        heading = str(hit.metadata.get("section") or hit.title).split(" > ")[-1]
        body = _body(hit)
        text = f"{heading} : {_clip(body, SHORT_PASSAGE)}" if heading else _clip(body, SHORT_PASSAGE)
        return Draft(text, [Source(id=hit.id, title=hit.title, kind=hit.kind or "document", excerpt=_excerpt(hit),
                                   date=None, score=0.0)], coverage=1.0, focus={"kind": "passages", "ids": [hit.id]})

    def named_section(self, q: Query, passage_ids: list[str], typed: str) -> str | None:
        """"Et le REVIT, ça concerne quoi ?" after a list of sections: the one listed whose name alone holds a word of
        the question, as read or as `typed` ("NUM" is no "numéro" there)."""
        names = {p.node_id: _stems(str(p.metadata.get("section", "")).split(" > ")[0])
                 for p in self.retriever.passages if p.node_id in passage_ids}
        named = set()
        for word in dict.fromkeys([*q.topic, *content_stems(fold(typed))]):
            holding = [i for i, name in names.items() if related({word}, name)]
            if len(holding) == 1:
                named.add(holding[0])
        return named.pop() if len(named) == 1 else None  # "et ECOCIT et REVIT ?" names no one of them

    def nearest_section(self, typed: str, passage_ids: list[str]) -> str | None:
        """"Moi je bosse dans l'insertion professionnelle, lequel me concernerait ?" after a list of sections of one
        document: the one listed nearest by meaning to what the question describes, ahead of the next by
        `NEAREST_LEAD` (the others' texts say it in their own words: "emploi", "inclusion sociale")."""
        listed = {str(p.metadata.get("section", "")).split(" > ")[0]: p.node_id
                  for p in self.retriever.passages if p.node_id in passage_ids}
        sources = {p.metadata.get("source") for p in self.retriever.passages if p.node_id in passage_ids}
        if len(listed) < 2 or len(sources) != 1:
            return None
        source = sources.pop()
        size = sum(1 for p in self.retriever.passages if p.metadata.get("source") == source)
        nearest: dict[str, float] = {}
        for hit in self.retriever.search(typed, k=size, where={"source": source}):
            name = str(hit.metadata.get("section", "")).split(" > ")[0]
            if name in listed:
                nearest[name] = max(nearest.get(name, -1.0), hit.similarity)
        ranked = sorted(nearest.items(), key=lambda kv: -kv[1])
        if len(ranked) < 2 or ranked[0][1] - ranked[1][1] < NEAREST_LEAD:
            return None
        return listed[ranked[0][0]]

    def sections_of(self, passage_id: str) -> list[str]:
        """The sections of the document a passage belongs to, in order (the first passage of each): "et le dernier ?"
        after one of them."""
        node = next((p for p in self.retriever.passages if p.node_id == passage_id), None)
        if node is None or str(node.metadata.get("kind")) in RECORD_KINDS:
            return []  # a table's rows are no sections
        heads: dict[str, str] = {}
        for p in self.retriever.passages:
            name = str(p.metadata.get("section") or "").split(" > ")[0]
            if p.metadata.get("source") == node.metadata.get("source") and name:
                heads.setdefault(name, p.node_id)
        return list(heads.values())

    def next_section(self, passage_id: str, step: int) -> Draft | None:
        """"Et le suivant ?" after one section: the section after (or before) it in its document, from its start."""
        nodes = self.retriever.passages
        at = next((i for i, p in enumerate(nodes) if p.node_id == passage_id), None)
        if at is None:
            return None
        source, section = nodes[at].metadata.get("source"), nodes[at].metadata.get("section")
        same_doc = lambda i: 0 <= i < len(nodes) and nodes[i].metadata.get("source") == source  # noqa: E731
        i = at
        while same_doc(i) and nodes[i].metadata.get("section") == section:
            i += step
        if not same_doc(i) or not nodes[i].metadata.get("section"):
            return None
        while same_doc(i - 1) and nodes[i - 1].metadata.get("section") == nodes[i].metadata.get("section"):
            i -= 1  # its first part
        return self.section(nodes[i].node_id)

    def _introduction(self, q: Query) -> list[tuple[float, Hit]]:
        """"C'est quoi le cluster ?": only generic words; the opening of the document whose title
        carries them (the presentation) answers best."""
        asked = set(q.hints)
        intro = set(content_stems("presentation"))
        best, best_weight = None, 0.0
        for p in self.retriever.passages:
            if str(p.metadata.get("kind")) in RECORD_KINDS:
                continue
            title = _stems(str(p.metadata.get("title", "")))
            weight = self.lexicon.weight(asked & title) + 3 * self.lexicon.weight(intro & title)
            if weight > best_weight:  # passages come in document order: the first one is the opening
                best, best_weight = p, weight
        if best is None:
            return []
        return [(1.0, Hit.of(best))]

    def _opens(self, hit: Hit) -> bool:
        """Whether a passage is the first of its document."""
        first = next((p for p in self.retriever.passages if p.metadata.get("source") == hit.source), None)
        return first is not None and first.node_id == hit.id

    @cached_property
    def _counted_nouns(self) -> frozenset[str]:
        """What the base's titles count ("Les 8 domaines …": domaines)."""
        return frozenset(stem(w) for p in self.retriever.passages
                         for w in re.findall(r"\b\d+ ([a-z]{4,})", fold(str(p.metadata.get("title", "")))))

    def _counted_collection(self, q: Query) -> tuple[Hit | None, bool]:
        """The opening of the document whose title counts what the question counts ("combien d'enjeux ?": "Les 4
        enjeux stratégiques …"), or counts it alike ("on m'a parlé de 4 enjeux"); and whether it is found only by how
        many the question says ("les priorités stratégiques ? il y en a quatre")."""
        nouns = {stem(w) for m in re.finditer(r"\bcombien (?:de |d')([a-z]{4,})(?: ([a-z]{4,}))?", q.folded)
                 for w in m.groups() if w} if q.has("count") else set()  # "combien d'enjeux stratégiques"
        said = {(n, stem(w)) for n, w in re.findall(r"\b(\d+) ([a-z]{4,})", q.folded)}
        # "les priorités stratégiques ? il y en a quatre": as many as a title counts, named by its qualifier (not by the
        # cluster's own fields, which every title may name)
        told = _told(q)
        qualified = set(q.topic) - THEME_STEMS
        for p in self.retriever.passages:
            if str(p.metadata.get("kind")) in RECORD_KINDS:
                continue
            title = fold(str(p.metadata.get("title", "")))
            counts = {(n, stem(w)) for n, w in re.findall(r"\b(\d+) ([a-z]{4,})", title)}
            if nouns & {w for _, w in counts} or said & counts:
                return Hit.of(p), False  # passages come in document order: the first one is the opening
            if {n for n, _ in counts} & told and qualified & _stems(title) - {w for _, w in counts} \
                    and not qualified & self._counted_nouns:  # not "les quatre domaines transversaux": four of the eight
                return Hit.of(p), True
        return None, False

    def outline(self, q: Query, top: Hit, named: bool = False) -> Draft | None:
        """"Quels sont les 8 DIS ?", "quels sont les programmes transversaux ?": when the question names
        a document (`named`: it is known to), or a kind of section several of its sections share, list those
        sections."""
        # "avec leur objet", "et leurs dates": what is asked of each of them, not what they are
        topic = set(q.topic) - {s for w in re.findall(r"\bleurs? (\w+)", q.folded) for s in content_stems(w)}
        if not topic or top.kind in RECORD_KINDS:
            return None
        parts: dict[str, tuple[Hit, str]] = {}
        for p in self.retriever.passages:
            name = str(p.metadata.get("section", "")).split(" > ")[0]
            if p.metadata.get("source") == top.source and name and name not in parts:
                hit = Hit.of(p)
                parts[name] = (hit, _lead(_body(hit)))
        if len(parts) < 3:
            return None
        words = {n: _stems(f"{n} {first}") for n, (_, first) in parts.items()}
        title = _stems(top.title)
        section = _stems(str(top.metadata.get("section", "")))
        names_document = named or self.lexicon.weight(topic & title) >= max(0.6 * self.lexicon.weight(topic),
                                                                            self.lexicon.weight(topic & section))
        if names_document:  # "les 4 enjeux": the sections named like the question, not the preamble
            matching = {n: v for n, v in parts.items() if topic & _stems(n)}
            shared = frozenset.intersection(*(_stems(n) for n in matching)) if matching else frozenset()
            own = (topic - shared) | (topic - title)  # words beyond the document's and the kind's own
            # "c'est quoi le DIS Sols ?", "le domaine Eau, il couvre quoi ?" ask for one of them, not the list (a word
            # of the document's title may name one section only: "Eau" of "Cluster Eau-Milieux-Sols")
            if not q.has("list") and (any(own & _stems(n) for n in parts)
                                      or any(sum(w in _stems(n) for n in parts) == 1 for w in topic)):
                return None
            named = {m.group(2) for m in re.finditer(r"\b([a-z]{3,}) (?:n° ?)?(\d{1,2})\b", q.folded)
                     if m.group(1) not in STOPWORDS}  # "l'enjeu n°3", not "les 4 enjeux"
            if named and sum(bool(named & _numbers(n)) for n in parts) == 1:
                return None
            if len(matching) >= 3 and len(parts) - len(matching) == 1:
                parts = matching
            elif (count := re.search(r"\b(\d+) [^\W\d]{4,}", top.title)) and int(count.group(1)) != len(parts):
                # "Les 4 enjeux …" over a mission and four "Enjeu n": the sections named alike, as many as it counts
                alike = defaultdict(dict)
                for n, v in parts.items():
                    alike[fold(n).split()[0]][n] = v
                parts = next((g for g in alike.values() if len(g) == int(count.group(1))), parts)
                matching = parts if not matching else matching
        else:  # "les programmes transversaux": the sections that all say so ("avec leur objet": no section's word)
            said = (topic - title) & set().union(*words.values())  # the document's title is every section's
            # "ses grands domaines sectoriels": a word one section alone holds ("grand cycle") qualifies no kind
            said = {w for w in said if sum(w in v for v in words.values()) > 1} or said
            if self.lexicon.weight(said | topic & title) < 0.6 * self.lexicon.weight(topic):
                return None
            matching = {n: v for n, v in parts.items() if said <= words[n]}
            if len(matching) < 3:
                return None
            parts = matching
        lines = [f"- {name} : {_clip(first, 220)}" if first else f"- {name}" for name, (_, first) in parts.items()]
        text = f"{top.title} — {len(parts)} rubriques :\n" + "\n".join(lines)
        sources = [Source(id=h.id, title=h.title, kind=h.kind or "document", excerpt=_excerpt(h),
                          date=None, score=0.0) for h, _ in parts.values()]
        return Draft(text, sources, coverage=1.0 if matching is parts else self.lexicon.weight(topic & title) / self.lexicon.weight(topic),
                     focus={"kind": "passages", "ids": [h.id for h, _ in parts.values()]})


_SPELLED_OUT = re.compile(r"((?:[\w'’-]+\s+){1,8})\(([A-Z][A-Z0-9]{1,5})\)")


_MEANING = re.compile(r"\b(veu(?:t|lent) dire|signifi\w*|sigles?|abreviations?|acronymes?|definitions?|"
                      r"stands?|mean\w*|en (?:toutes lettres|entier))\b")
_MEANING_STEMS = frozenset(content_stems("sigle abréviation acronyme définition signification signifie"))


def asks_meaning(q: Query) -> bool:
    """"Que signifie…", "ça veut dire quoi…", "the acronym … stands for": what words mean, not what a thing is."""
    return bool(_MEANING.search(q.folded))


def _spelled_out(words: list[str], short: str) -> str | None:
    """The words before "(SSP)" that spell it: those whose initials are its letters ("sites et sols pollués"),
    else the fewest whose first one starts like it and whose letters hold it in order ("des terres excavées"
    → "terres excavées")."""
    letters = fold(short)
    fits = []
    for n in range(1, len(words) + 1):
        chosen = words[-n:]
        first = re.split(r"['’]", fold(chosen[0]))[-1]
        if first[:1] != letters[0] or first in STOPWORDS:
            continue
        spelled = " ".join([chosen[0][len(chosen[0]) - len(first):], *chosen[1:]])
        rest = iter(fold(spelled))
        if all(ch in rest for ch in letters):
            initials = "".join(re.split(r"['’]", w)[-1][:1] for w in fold(spelled).split() if w not in STOPWORDS)
            if initials == letters:
                return spelled
            fits.append(spelled)
    return fits[0] if fits else None


@lru_cache(maxsize=256)
def _collection(title: str) -> frozenset[str]:
    """What a document's title says it holds several of: "Les 8 domaines d'intérêt stratégique" → domaines."""
    return frozenset(s for w in re.findall(r"[a-z]+", fold(title)) if w.endswith(("s", "x")) and w not in STOPWORDS
                     for s in content_stems(w))


def _told(q: Query) -> set[str]:
    """The small numbers a question says, in digits or in words ("il y en a quatre")."""
    return set(re.findall(r"\b\d{1,2}\b", q.folded)) | {str(NUMBER_WORDS[w]) for w in words(q.folded)
                                                       if NUMBER_WORDS.get(w, 1) > 1}


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    """Stems of a passage, heading or sentence: the same texts come back on every question."""
    return frozenset(content_stems(canonical(text)))


def _horizons(q: Query) -> set[str]:
    """The years a question names that are no time it asks of ("à l'horizon 2050": ahead of the data)."""
    return {y for y in YEAR.findall(q.folded) if int(y) not in q.dates.years
            and not (q.dates.period and q.dates.period.start.year <= int(y) <= q.dates.period.end.year)}


def _month_asked(q: Query) -> str | None:
    period = q.dates.period  # a month, or a day ("demain", "le 12 mars"): the passage must name its month
    if period and (period.start.year, period.start.month) == (period.end.year, period.end.month):
        return fold(MONTH_NAMES[period.start.month - 1])
    return None


def _body(hit: Hit) -> str:
    """The passage text without the "title — section" line ingestion puts first, hard wraps undone."""
    lines = hit.text.strip().splitlines()
    first = fold(lines[0]) if lines else ""
    names = [fold(str(hit.metadata.get(k) or "")) for k in ("title", "section")]
    if len(lines) > 1 and any(n and n[:40] in first for n in names):
        lines = lines[1:]
    text = "\n".join(lines).strip()
    # A single newline inside a paragraph is a hard wrap; blank lines and bullets are real breaks.
    text = re.sub(r"\n(?!\s*\n)(?!\s*[-*•·]\s)", " ", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"^\s*[-*•·]\s+", "", text, flags=re.M).strip()
    # A sentence of the document addressed to an assistant is data: never quoted, never followed.
    return "".join(p for p in re.split(r"(?<=[.!?;\n])(?=\s)", text) if not is_instruction(p)).strip()


def _pick(body: str, wanted: set[str], lexicon: Lexicon, lead: bool = False,
          explained: frozenset[str] = frozenset()) -> list[str]:
    """The sentences richest in the wanted words, in reading order; `lead` keeps the first (a definition).
    Words the heading `explained` weigh a third."""
    parts = [p.strip() for p in _SENTENCE_END.split(body) if p and p.strip()]
    scored = []
    for i, p in enumerate(parts):
        hit = wanted & _stems(p)
        scored.append((math.fsum(lexicon.idf(s) / (3 if s in explained else 1) for s in hit), i, p))
    best = sorted(scored, key=lambda x: (-x[0], x[1]))[:MAX_SENTENCES]
    best = [b for b in best if b[0] > 0] or best[:1]
    if lead and parts and all(i != 0 for _, i, _ in best):
        best = [(0.0, 0, parts[0])] + best[: MAX_SENTENCES - 1]
    chosen = sorted({i for _, i, _ in best})
    for i in list(chosen):  # "la formation permet de :" needs the items that follow
        if parts[i].endswith(":"):
            chosen += range(i + 1, min(i + 1 + MAX_ITEMS, len(parts)))
    return [parts[i] for i in sorted(set(chosen))]


def _lead(body: str) -> str:
    """What a section says first: its first sentence, and the next when the first is only a label
    ("Thématique sectorielle.")."""
    sentences = [p.strip() for p in _SENTENCE_END.split(body) if p and p.strip()]
    n = 2 if sentences and len(sentences[0]) < 60 else 1
    lead = " ".join(sentences[:n])
    if lead.endswith(":"):  # "Elle couvre :" announces items
        lead += " " + " ; ".join(s.rstrip(" ;.") for s in sentences[n:n + MAX_ITEMS]) + "."
    return lead


def _excerpt(hit: Hit, limit: int = 300) -> str:
    return _clip(" ".join(_body(hit).split()), limit)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _iso(value) -> str | None:
    if isinstance(value, int) and value > 0:
        s = str(value)
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return None
