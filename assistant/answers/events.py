"""Answers from event records: look one up, filter, count, sum, rank, and what comes next."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from assistant.reading.dates import WEEKDAYS, MONTH_NAMES, ORDINAL, format_date, format_day
from assistant.answers.draft import Draft, abstain, event_source
from assistant.answers.figures import format_number
from assistant.reading.normalize import STOPWORDS, content_stems, fold, stem
from assistant.knowledge.records import Event
from assistant.knowledge.retrieval import Hit
from assistant.reading.vocabulary import zipf
from assistant.reading.understanding import (DETERMINERS, GRAMMAR, KIND_ASKED, THEME_STEMS, THEME_WORDS, Lexicon, Query,
                                             canonical, set_aside)

# What a question leaves out: "en dehors des réunions statutaires", "hors visites", "à part les bureaux".
NO_EVENT, EMPTY_PERIOD = "aucun événement correspondant", "aucun événement dans la période"  # why a draft is empty
EVENT_WORDS = set(content_stems(
    "evenements manifestation rencontre reunion agenda calendrier participants organisation organise "
    "coorganise co session sessions tenu moyenne"
))
SHARE = r"\b(?:part|pourcentage|proportion)\b"  # how much of a whole: "quelle part des événements …"
AROUND = set(content_stems("autour environ pres"))  # "autour de 50 participants" says how many, not what
MAX_LISTED = 25  # sources kept for a listing
SHOWN = 15  # lines a chat message shows before "… et N autres"
# What an asker does ("la collecte des déchets de cuisine") against the agenda: a word that says nothing of it, and how
# much nearer than that word an event must come to be said near (cosine of the packaged e5 model; unrelated jobs —
# finance, bank, baker, accountant, music teacher, marketing — came -0.008 to +0.023 near their best event, jobs of the
# field +0.029 to +0.081)
NEUTRAL_DESCRIPTION = "travail"
DESCRIBED_NEARNESS = 0.03
# … and the nearest of the events asked for must be in the nearest quarter of the whole agenda (the events of a
# description came 1st to 10th of 46, the unrelated meetings of the same weeks 18th and after)
NEAR_SHARE = 0.25
# "Quel mois / type / thème a compté le plus … ?": the dimensions events can be grouped by.
GROUPS = {"month": r"\bmois\b", "quarter": r"\btrimestres?\b", "semester": r"\bsemestres?\b",
          "type": r"\b(type|format|categorie)s?\b", "theme": r"\b(theme|thematique|sujet)s?\b"}
DIMENSION_STEMS = {stem(w) for w in "mois trimestre semestre type format categorie".split()}  # themes: the report has their table
BREAKDOWN = r"\b(repart\w*|ventil\w*|decoup\w*)"  # "la répartition", "comment se répartissent", "ventilés"
GROUP_NAMES = {"month": "mois", "quarter": "trimestre", "semester": "semestre", "type": "type", "theme": "thème"}
GROUP_PLURALS = {"month": "mois", "quarter": "trimestres", "semester": "semestres"}
SPAN_MONTHS = {"month": 1, "quarter": 3, "semester": 6}  # the months a period of each kind spans
GROUP_KEYS = {
    "month": lambda e: [f"{MONTH_NAMES[e.date.month - 1]} {e.date.year}"],
    "quarter": lambda e: [f"{_nth((e.date.month - 1) // 3 + 1)} trimestre {e.date.year}"],
    "semester": lambda e: [f"{_nth((e.date.month - 1) // 6 + 1)} semestre {e.date.year}"],
    "type": lambda e: [e.type_label or "sans type"],
    "theme": lambda e: e.themes or ["sans thème"],
}


@dataclass
class _Type:
    label: str
    alternatives: list[set[str]]  # "AG, CA et bureau" -> [{assembl, general}, {conseil, administr}, {bureau}]
    heads: set[str]  # first stem of each alternative: the noun the others qualify


class EventBook:
    """The event records with what is needed to match questions against them."""

    def __init__(self, events: list[Event], lexicon: Lexicon, search: Callable[..., list[Hit]] | None = None):
        """`search`: the passage retriever's search, to find events by meaning when no title holds the
        question's words ("des events sur les eaux de pluie ?")."""
        self.events = sorted(events, key=lambda e: (e.date, e.title))
        self.lexicon = lexicon
        self.search = search
        self._neutral: dict[str, float] | None = None  # each event's similarity to a description that says nothing
        self._by_id = {e.id: e for e in self.events}
        self.title_stems = {e.id: set(content_stems(canonical(e.title))) | _acronyms(e.title) for e in self.events}
        self.types: dict[str, _Type] = {}
        for e in self.events:
            if e.type_label and e.type_label not in self.types:
                alts = [set(content_stems(canonical(a))) for a in re.split(r",|\bet\b|/|-", e.type_label)]
                alts = [a for a in alts if a]
                heads = {content_stems(canonical(a))[0] for a in re.split(r",|\bet\b|/|-", e.type_label)
                         if content_stems(canonical(a))}
                self.types[e.type_label] = _Type(e.type_label, alts, heads)
        self.type_words = set().union(*(t.heads for t in self.types.values()))  # "visite", "atelier", "bureau"…
        self.title_words = set().union(*self.title_stems.values())  # what some title names

    # --- matching -------------------------------------------------------------------------
    def type_filter(self, q: Query) -> tuple[list[str], set[str], set[str]]:
        """Types the question names, the stems that named them, and the alternative it singled out."""
        topic = set(q.topic)
        full = {t.label: [a for a in t.alternatives if a <= topic] for t in self.types.values()}
        full = {label: alts for label, alts in full.items() if alts}
        if full:
            used = set().union(*(a for alts in full.values() for a in alts))
            single = next(iter(full.values()))
            return list(full), used | self._qualifiers(q, used, list(full)), \
                single[0] if len(full) == 1 and len(single) == 1 else set()
        heads = list(dict.fromkeys(t.label for t in self.types.values() if t.heads & topic))
        used = set().union(*(self.types[label].heads & topic for label in heads)) if heads else set()
        return list(heads), used | self._qualifiers(q, used, heads), set()

    def _qualifiers(self, q: Query, used: set[str], labels: list[str]) -> set[str]:
        """"une visite de site", "les groupes de travail", "site visits": a noun joined to the type's word by "de" with no article
        says what kind of event it is, it names none ("la visite de la centrale", "la visite d'Eole" name one) —
        unless titles of other types only hold it ("des projets de fermes urbaines": the type's word said loosely)."""
        said = {stem(fold(m.group(2))) for m in re.finditer(r"\b([A-Za-zÀ-ÿ]+) de ([a-zà-ÿ]+)\b", q.text)
                if stem(fold(m.group(1))) in used and m.group(2) not in DETERMINERS}
        # English puts that noun first ("site visits": the type's word typed in English)
        said |= {stem(w) for w, head in re.findall(r"\b([a-z]{3,}) (?=([a-z]+)\b)", q.folded)
                 if stem(head) in used and zipf(head, "en") > zipf(head) and w not in GRAMMAR and w not in DETERMINERS}
        held = lambda w, inside: any(w in self.title_stems[e.id] for e in self.events if (e.type_label in labels) == inside)
        return {w for w in said if held(w, True) or not held(w, False)}

    def left_out(self, q: Query) -> set[str]:
        """The types a question sets aside: "en dehors des réunions statutaires", "hors visites", "(pas les visites)"."""
        left = set_aside(q.folded)
        return self._types_in(left) if left else set()

    def _types_in(self, text: str) -> set[str]:
        """The types a piece of the question names ("bureau, CA, AG": one type)."""
        said = set(content_stems(canonical(text)))
        return {t.label for t in self.types.values() if t.heads & said or any(a <= said for a in t.alternatives)}

    def _restrict_to_subtype(self, label: str, alt: set[str], events: list[Event]) -> list[Event]:
        """"bureau" inside "AG, CA et bureau", "forum" inside "Convention-salon-forum": keep that subtype."""
        t = self.types[label]
        if len(t.alternatives) < 2 or not alt:
            return events
        of_type = [e for e in events if e.type_label == label]
        titled = [e for e in of_type if any(a <= self.title_stems[e.id] for a in t.alternatives)]
        named = [e for e in of_type if alt <= self.title_stems[e.id]]
        # Titles tell all the subtypes apart ("Bureau", "CA / AG"), or a one-word subtype names some
        # of them ("forum": the Forum Eau and the regional forums, not every convention or salon).
        if len(titled) != len(of_type) and not (len(alt) == 1 and named):
            return events
        return [e for e in events if e.type_label != label or alt & self.title_stems[e.id]]

    def _title_scores(self, q: Query, candidates: set[str], events: list[Event]) -> list[tuple[float, Event]]:
        if not candidates:
            return []
        total = self.lexicon.weight(candidates)
        scored = []
        for e in events:
            hit = candidates & self.title_stems[e.id]
            weight = self.lexicon.weight(hit)
            if weight >= 3.0:
                scored.append((weight / total, e))
        return sorted(scored, key=lambda x: -x[0])

    def named(self, q: Query) -> list[Event]:
        """The events a question names by their whole title, or one by one ("le forum eau et le forum sols")."""
        return self._each_named(q, self.events) or self._named(set(q.topic), self.events)

    def _named(self, asked: set[str], events: list[Event]) -> list[Event]:
        """Events whose whole title is in the question."""
        named = [e for e in events if self.title_stems[e.id] and self.title_stems[e.id] <= asked]
        # "Forum Eau et Forum régional Sols" names both; a title inside a longer named one does not count.
        return [e for e in named if not any(self.title_stems[e.id] < self.title_stems[o.id] for o in named)]

    def _each_named(self, q: Query, events: list[Event]) -> list[Event]:
        """"Le forum eau et le forum sols", "Forum Eau et Forum Sols": events named one by one, joined by "et"; each names its own (its whole
        title, or the only titles holding its words). [] unless every one of them names some."""
        parts = _enumerated(q.text)
        if len(parts) < 2:
            return []
        found: list[Event] = []
        for part in parts:
            asked = set(content_stems(canonical(fold(part)))) & set(q.topic) - EVENT_WORDS
            own = self._named(asked, events) or [e for e in events if asked and asked <= self.title_stems[e.id]]
            if not own or len(own) > 3:
                return []
            found += [e for e in own if e not in found]
        return found if len(found) > 1 else []

    def _covering(self, asked: set[str], type_stems: set[str], events: list[Event]) -> list[Event]:
        """The few events (at most 3) whose title holds every word the question is about: "forum sols".
        A question made only of a type's words ("ateliers confluence") asks for the type, not a title."""
        if not asked - type_stems or self.lexicon.weight(asked) < 3.0:
            return []
        holding = [e for e in events if asked <= self.title_stems[e.id]]
        return holding if len(holding) <= 3 else []

    # --- answering ------------------------------------------------------------------------
    def answer(self, q: Query, as_of: date, focus: list[str] | None = None, pointed: bool = False) -> Draft | None:
        """`focus`: the events shown last; `pointed`: the message points back at them ("les", "ces deux-là")."""
        topic = set(q.topic)
        explained: set[str] = set()
        # An attendance is known once the event took place: later ones count as not yet attended.
        events = [e if e.date <= as_of else replace(e, participants=None) for e in self.events]
        own = topic - EVENT_WORDS - {stem("organisation"), stem("organise"), stem("cluster")}
        shown = [e for e in events if focus and e.id in focus]
        # "ça fait combien pour ces deux-là ?"; when the message points back at them, a period that holds them all
        # is theirs, carried over ("et en mai ?" names another one)
        if shown and (len(shown) > 1 or not q.has("max", "min")) and (pointed or not q.has("upcoming")) \
                and (q.has("sum", "count", "participants", "where", "when") or not own) \
                and (not q.dates.period or pointed and all(q.dates.period.contains(e.date) for e in shown)) \
                and not (q.organisation and q.has("count", "list") and all(e.organisation != q.organisation for e in shown)):
            # not "et combien en co-organisation ?" after those the cluster held alone: the others, not none of those
            events = shown
            explained |= topic
        carried = events is shown and pointed  # "ça fait combien de participants en tout ?" of those shown: all of them
        type_labels, type_stems, alt = self.type_filter(q)
        coded = list(dict.fromkeys(e.type_label for e in self.events  # in the report's order, the same in every process
                                   if e.type_code and re.search(rf"\b{re.escape(fold(e.type_code))}\b", q.folded)))
        if coded and not type_labels:  # "les événements WP2": the report's own code for a type
            type_labels, type_stems = coded, {stem(fold(e.type_code)) for e in self.events if e.type_label in coded}
        if out := self.left_out(q):
            # "en dehors des réunions statutaires (bureau, CA, AG)", "hors visites": those types are left out
            type_labels = [t for t in type_labels if t not in out]
            events = [e for e in events if e.type_label not in out]
            explained |= set(content_stems(canonical(set_aside(q.folded)))) & topic
        if type_labels:
            # "quels ateliers sur la terre fertile ?": an event of another type whose title opens on the word asked
            # ("Atelier retour d'expérience …", a thematic group) is one to a reader; counts keep the report's types
            heads = type_stems & set().union(*(self.types[t].heads for t in type_labels))
            # (not when a subtype is named whole: "le prochain atelier confluence"; nor without a subject: "le premier
            # atelier de l'année" walks the report's types)
            titled = not q.has("count", "sum", "average", "max", "min") and heads and not type_stems - heads \
                and set(q.topic) - type_stems - EVENT_WORDS - THEME_STEMS
            typed = [e for e in events if e.type_label in type_labels
                     or titled and bool(set(content_stems(canonical(e.title))[:1]) & heads)]
            for label in type_labels:
                typed = self._restrict_to_subtype(label, alt, typed)
            explained |= type_stems | {stem(fold(e.type_code)) for e in typed if e.type_code}  # "… (WP1)"
        else:
            typed = events
        period = q.dates.period
        if (not period or period.contains(as_of)) and not q.dates.future and q.has("count", "sum") \
                and HELD.search(q.folded):
            # "combien de fois le bureau s'est réuni ?", "il y a eu combien de visites cette année ?": those that took
            # place, not those still to come
            events, typed = [e for e in events if e.date <= as_of], [e for e in typed if e.date <= as_of]
            if period and period.end > as_of:
                period = replace(period, end=as_of, label=f"du {format_date(period.start)} au {format_date(as_of)}")
                q = replace(q, dates=replace(q.dates, period=period))
        if period:
            moved = []
            if not any(period.contains(e.date) for e in typed):
                # "le bureau du 21 novembre a-t-il eu lieu ?": an event whose notes say it was planned that day;
                # "et celui de novembre ?" among the bureaux: one whose notes name a day of that month
                month = MONTH_NAMES[period.start.month - 1]
                one_month = (period.start.year, period.start.month) == (period.end.year, period.end.month) \
                    and period.start.day == 1 and (period.end + timedelta(days=1)).day == 1
                day = fold(format_date(period.start, with_year=period.year_known))  # "le 21 novembre": of any year
                year = f" {period.start.year}" if period.year_known else r"(?: \d{4})?"  # "le bureau de novembre"
                said = rf"\b{re.escape(day)}\b" if period.start == period.end else \
                    rf"\b\d{{1,2}}(?:er)? {month}{year}\b" if one_month and type_labels else None
                moved = [e for e in typed if said and re.search(said, fold(e.notes))]
            events = [e for e in events if period.contains(e.date)] or moved
            typed = [e for e in typed if period.contains(e.date)] or moved
        if (weekday := q.dates.weekday) is not None:  # "des visites le samedi ?": held on that day of the week
            events, typed = [e for e in events if e.date.weekday() == weekday], [e for e in typed if e.date.weekday() == weekday]
        if threshold := _threshold(q.folded):  # "plus de 50 participants"
            def passes(e: Event) -> bool:  # an attendance is known only once the event took place
                return e.participants is not None and e.date <= as_of and threshold(e.participants)
            events, typed = [e for e in events if passes(e)], [e for e in typed if passes(e)]
            explained |= topic & (EVENT_WORDS | AROUND)
        if q.organisation and len(shown) > 1 and events == shown and not q.has("list", "count", "max", "min", "average",
                                                                             "sum", "participants"):
            return self._organised(q, shown, as_of)  # "le cluster les a montés seul ?" of the events shown
        if q.organisation:
            whole = typed
            events = [e for e in events if e.organisation == q.organisation]
            typed = [e for e in typed if e.organisation == q.organisation]
            explained |= {stem("organisation"), stem("organise")}
            if whole and re.search(SHARE, q.folded) and not focus:
                return self._share(q, whole, typed, type_labels)  # "quelle part était co-organisée ?"
        elif type_labels and events and stem("evenements") in topic and re.search(SHARE, q.folded) and not focus:
            # "quelle part des événements étaient des visites ?": of those held so far, when no period is asked
            if not period:
                events, typed = [e for e in events if e.date <= as_of], [e for e in typed if e.date <= as_of]
            return self._share(q, events, typed, [])
        # "le mois le plus chargé": the word after "le plus" says how to rank, it names nothing
        ranking = {stem(w) for w in re.findall(r"\b(?:plus|moins) (\w+)", q.folded)} if q.has("max", "min") else set()
        grouping = DIMENSION_STEMS if ranking or re.search(BREAKDOWN, q.folded) else set()  # "le format le plus …"
        candidates = topic - EVENT_WORDS - type_stems - THEME_STEMS - ranking - grouping
        titled = self._title_scores(q, candidates, events)
        best = titled[0][0] if titled else 0.0
        # "Les visites de site en octobre": several events of a type asked for, and a single title holding
        # the other words ("site") does not make it one event.
        # "on a pu visiter quels sites ?": a plural word that the titles of the type hold ("visites de site") also
        # asks for several of them
        kind_titles = [self.title_stems[e.id] for e in self.events if e.type_label in type_labels]
        held_by_kind = {c for c in candidates if any(c in t for t in kind_titles)}
        # "des projets de fermes urbaines ?": no title of the type holds the other words, and titles of another type
        # hold them all; the type's word is then said of those ("projet", "visite" in a common sense)
        elsewhere = not held_by_kind and bool(titled) and titled[0][0] >= 0.99 and titled[0][1] not in typed
        several = carried and 1 < len(typed) == len(shown) or (_plural(q, type_stems) or _plural(q, held_by_kind, asked_only=True)) \
            and len([e for _, e in titled if e in typed]) <= 1 and 1 < len(typed) <= SHOWN and not elsewhere
        # "quels rendez-vous sur la terre fertile ?": asked in the plural, titles that hold part of the words count
        # too ("ferme de Villejuif" beside "ferme urbaine d'Orly"), not only those holding all of them.
        plural = q.has("list") or _plural(q, type_stems | EVENT_WORDS)
        covering = [] if several or plural and (best >= 0.5 or not topic - EVENT_WORDS - type_stems - THEME_STEMS) \
            else self._covering(topic - EVENT_WORDS, type_stems, events)  # "les ateliers sur les sols": of the type
        if q.themes and covering and not {e.id for e in covering} & {e.id for e in typed} \
                and any(set(e.themes) & set(q.themes) for e in typed if e not in covering):
            covering = []  # "le prochain atelier sur les sols": of the type, on the theme, not another type's title
        named = [] if several else self._each_named(q, events) or self._named(topic - EVENT_WORDS, events) or covering
        if several:
            chosen = [e for e in typed if not q.themes or set(e.themes) & set(q.themes)]
            explained |= held_by_kind | (topic & THEME_STEMS)  # the titles of that type hold them ("visites de site")
            mode = "filter"
        elif named:  # the question spells a title out ("le Forum Eau") or only a few titles hold all its words
            chosen = named
            explained |= set().union(*(self.title_stems[e.id] for e in named)) | (topic & THEME_STEMS)
            mode = "lookup"
        elif best >= 0.5:
            chosen = [e for s, e in titled if s >= (0.5 if plural else 0.8) * best]
            if type_labels and [e for e in chosen if e in typed]:
                chosen = [e for e in chosen if e in typed]
            explained |= set().union(*(candidates & self.title_stems[e.id] for e in chosen))
            explained |= topic & THEME_STEMS
            mode = "lookup"
        else:
            chosen, mode = typed, "filter"
            explained |= held_by_kind  # "le cluster a fait visiter des sites ?": words the titles of that type hold
            if q.has("cancelled"):  # "quel événement a été reporté ?": the ones whose notes say so
                chosen = [e for e in chosen if re.search(r"report|annul", e.notes, re.I)] or chosen
            if q.themes:
                chosen = [e for e in chosen if set(e.themes) & set(q.themes)]
                explained |= topic & THEME_STEMS
            listing = not (q.has("max", "min", "average", "sum", "count", "participants", "why") or q.dates.future
                           or _dimension(q.folded))  # "par trimestre": all of them, grouped
            if listing and not focus and self.lexicon.weight(candidates) >= 3.0 and len(chosen) > 5:
                near = self._about(q, chosen)  # no title holds the words: the events nearest by meaning
                if near:
                    chosen, mode = near, "about"
                    explained |= candidates
            # "quel a été le mois le plus actif ?": periods ranked by what fills them, events (not "la plus forte
            # hausse": a change from one period to the next is no count of what fills them)
            by_period = ranking and not candidates and _dimension(q.folded) and not q.has("increase", "decrease")
            # "quoi de neuf ces derniers temps ?": what came last, with nothing else asked, are events
            if not (type_labels or q.has("events", "upcoming") or q.has("latest") and not topic or q.organisation
                    or focus or by_period):
                if not (period and not candidates) or q.has("increase", "decrease"):
                    return None  # nothing says this is about events (a period alone, unless a change is asked)
        explained |= topic & EVENT_WORDS
        explained |= ranking | (topic & grouping)
        if _dimension(q.folded):  # "la répartition par trimestre"
            explained |= topic & {stem(w) for w in re.findall(BREAKDOWN, q.folded)}
        coverage = _coverage(self.lexicon, topic, explained) if topic else 0.6
        if mode == "about":
            coverage = min(coverage, 0.7)  # found by meaning: a good passage may say it better
        if len(q.dates.years) > 1 and len({e.date.year for e in chosen} & set(q.dates.years)) < len(q.dates.years):
            coverage *= 0.8  # "… en 2023 et 2024": the agenda lacks one of the years asked, a figure may hold both
        held = [e for e in chosen if e.date <= as_of] if q.has("latest") else chosen
        if q.has("upcoming") and not (period and not q.dates.future):
            held = [e for e in chosen if e.date >= as_of]
            if period:
                held = [e for e in held if period.contains(e.date)]
            if not held:
                draft = self._nothing_ahead(q, chosen, as_of, type_labels)
                draft.coverage = coverage
                return draft
        pool = held  # what the answer picks from: "et le suivant ?", "et l'autre ?" move along it
        if q.limit and not q.has("max", "min"):  # "le top 3" ranks them all first
            held = held[-q.limit:] if q.has("latest") else held[:q.limit]
        relation = re.search(r"\b(avant|apres|precedant|suivant) (?:le |la |l'|celui |celle )", q.folded)
        if relation and mode == "lookup" and len(held) == 1 and not q.dates.period:
            # "l'événement juste avant le Forum Eau": the named event's neighbour in the agenda
            step = -1 if relation.group(1) in ("avant", "precedant") else 1
            # "après l'AG, il y a quoi comme visite ?": the next one of the type asked
            asked = [t for t in type_labels if t != held[0].type_label]  # "avant la visite CSTB" names its own type
            kind = [e.id for e in self.events if e.type_label in asked or e.id == held[0].id] if asked else []
            if (near := self.neighbour(q, [held[0].id], step, as_of, kind)) is not None:
                near.coverage = coverage
                return near
        draft = self._compose(q, held, mode, as_of, type_labels)
        draft.coverage = coverage
        if period and held and all(e in moved for e in held) and len(held) == 1 and type_labels \
                and not q.has("cancelled"):  # "le bureau de novembre, reporté à quand ?" names it by the day it missed
            # "qui a été validé au bureau du 21 novembre ?": that meeting did not take place that day; saying so
            # answers whatever was asked of it
            missed = f"le {period.label}" if period.start == period.end else f"en {period.label}" \
                if not re.search(r"\d", period.label.split()[0]) else ""  # "le 21 novembre", "en novembre 2024"
            draft.text = f"Pas {missed} : {draft.text[0].lower()}{draft.text[1:]}" if missed else draft.text
            draft.coverage = 1.0
        shown = draft.focus.get("ids", [])
        if shown and 1 < len(pool) <= 3 * SHOWN and len(shown) < len(pool) and "list" not in draft.focus:
            draft.focus["list"] = [e.id for e in pool]  # "le prochain bureau" shows one of the bureaux to come
        if len(held) == 1 and q.has("where") and not q.has("list", "count") and not _placed(held[0]):
            # "la visite du CSTB, c'était dans quelle ville ?": the report names no place for it
            text = draft.text.replace(" La base ne donne pas de lieu au-delà de cet intitulé.", "")
            if q.has("participants") and held[0].participants is not None or q.has("when"):
                # "c'était où et avec combien ?", "c'était quand et où ?": half of it answered
                draft.text = f"{text}\nLa base ne donne pas de lieu pour cet événement."
            else:
                draft.text = f"Je ne trouve pas de lieu pour cet événement dans la base du Cluster EMS. {text}"
                draft.abstained, draft.reason = True, "lieu non renseigné"
        if held and q.has("participants") and not q.has("when", "list") and all(e.participants is None for e in held) \
                and all(e.date <= as_of for e in held) and not draft.text.startswith("Pas "):
            # "combien au forum biodéchets ?": the report leaves it blank ("celui de novembre ?": it was put off, said)
            draft.abstained, draft.reason = True, "effectif non renseigné dans le bilan"
        if held and q.has("participants") and not q.has("when", "list") and all(e.date > as_of for e in held):
            # "il y aura combien de monde ?": an attendance is known once the event took place
            if draft.text.startswith("Pas "):  # "celui de novembre, combien ?": it was put off, which answers it
                draft.text += " Le nombre de participants n'est donc pas encore connu."
            else:
                draft.text = "Le nombre de participants n'est pas encore connu : " + draft.text[0].lower() + draft.text[1:]
                draft.abstained, draft.reason = True, "effectif d'un événement à venir"
        return draft

    def nearest(self, description: str, q: Query, as_of: date) -> Draft | None:
        """"Je bosse sur la fraîcheur des rues l'été, vous avez bientôt un atelier là-dessus ?": of the events the
        question asks for (its type, its period, those to come), the one nearest by meaning to what the asker
        describes, said so; None when the question asks for no such events or none is left."""
        labels, _, alt = self.type_filter(q)
        if self.search is None or not (labels or q.has("events", "upcoming")):
            return None  # ("vous avez quelque chose là-dessus bientôt ?": what is to come is an event)
        pool = [e for e in self.events if not labels or e.type_label in labels]
        for label in labels:
            pool = self._restrict_to_subtype(label, alt, pool)
        if q.dates.period:
            pool = [e for e in pool if q.dates.period.contains(e.date)]
        if q.has("upcoming"):
            pool = [e for e in pool if e.date >= as_of]
        near = self._nearness(description)
        scored = sorted(((near[e.id], e) for e in pool if e.id in near), key=lambda x: -x[0])
        if not scored or max(near.values()) < DESCRIBED_NEARNESS:
            return None  # "je suis boulanger, un atelier bientôt là-dessus ?": nothing of the agenda comes near it
        if sum(v > scored[0][0] for v in near.values()) >= NEAR_SHARE * len(near):
            return None  # the nearest of those asked for is far down the whole agenda: none of them is about it
        best = scored[0][1]
        what = _describe(q, labels)
        text = f"Le plus proche de ce que vous décrivez{scope_of(what)} : {_sentence(best, as_of, q)}"
        others = [e for e in pool if e is not best]
        if others:
            named = " ; ".join(f"{_title(e)} ({format_date(e.date)})" for e in others[:3])
            more = f" … et {len(others) - 3} autres." if len(others) > 3 else "."
            text += f"\nAutres{' à venir' if q.has('upcoming') else ''}{scope_of(what)} : {named}{more}"
        return Draft(text, [event_source(best, _line(best, as_of))], coverage=0.8,
                     focus={"kind": "events", "ids": [best.id], "list": [e.id for e in pool]})

    def _nearness(self, text: str) -> dict[str, float]:
        """How much nearer each event comes by meaning to `text` than to a word that says nothing ("travail"): the
        model finds every text near the agenda's meetings, and only the excess tells a subject."""
        def similarities(said: str) -> dict[str, float]:
            keys = {(e.title, int(e.date.strftime("%Y%m%d"))): e.id for e in self.events}
            return {keys[k]: h.similarity for h in self.search(said, k=len(self.events), where={"kind": "event"})
                    if (k := (h.title, h.metadata.get("date"))) in keys}
        if self._neutral is None:
            self._neutral = similarities(NEUTRAL_DESCRIPTION)
        return {i: s - self._neutral.get(i, s) for i, s in similarities(text).items()}

    def _about(self, q: Query, events: list[Event], most: int = 5) -> list[Event]:
        """The events whose passages come nearest the question (retrieval by words and by meaning), the
        ones close to the best only."""
        if self.search is None:
            return []
        keys = {(e.title, int(e.date.strftime("%Y%m%d"))): e for e in events}
        hits = [h for h in self.search(q.text, k=2 * most, where={"kind": "event"})
                if (h.title, h.metadata.get("date")) in keys]
        if not hits:
            return []
        top = max(h.similarity for h in hits)
        near = [keys[(h.title, h.metadata.get("date"))] for h in hits if h.similarity >= top - 0.03][:most]
        return sorted(near, key=lambda e: e.date)

    def neighbour(self, q: Query, ids: list[str], step: int, as_of: date, pool: list[str] = (),
                  within: bool = False) -> Draft | None:
        """"Et le suivant ?", "celui d'avant ?": the event after the last (or before the first) one shown — in
        the list the answer picked it from ("le prochain bureau", "la première délégation") while it lasts,
        then in the agenda; only `within` that list when the question names the kind ("la visite suivante")."""
        for among in (pool, [] if within else [e.id for e in self.events]):
            shown = [i for i, e in enumerate(among) if e in ids]
            k = (shown[-1] + 1 if step > 0 else shown[0] - 1) if shown else -1
            if shown and 0 <= k < len(among) and (e := self._by_id.get(among[k])):
                return Draft(_sentence(e, as_of, q), [event_source(e, _line(e, as_of))], coverage=1.0,
                             focus={"kind": "events", "ids": [e.id], "list": list(pool)} if pool else
                             {"kind": "events", "ids": [e.id]})
        if not any(e.id in ids for e in self.events):
            return None
        where = "après" if step > 0 else "avant"
        kind = " de ce genre" if within else ""  # "la visite suivante": none after it, other events may be
        return abstain(f"La base ne contient pas d'événement{kind} {where} celui‑ci.", "pas d'événement voisin")

    def others(self, q: Query, ids: list[str], pool: list[str], as_of: date) -> Draft | None:
        """"Et l'autre ?": the events of the list the answer picked from that it did not show."""
        rest = [e for e in self.events if e.id in pool and e.id not in ids]
        if not rest or len(rest) > 3:
            return None
        return Draft("\n".join(_sentence(e, as_of, q) for e in rest), [event_source(e, _line(e, as_of)) for e in rest],
                     coverage=1.0, focus={"kind": "events", "ids": [e.id for e in rest], "list": list(pool)})

    def kind_of(self, ids: list[str], as_of: date) -> Draft | None:
        """"Et c'était quel format ?": the type of the events shown last (at most three), said first."""
        shown = [self._by_id[i] for i in ids if i in self._by_id]
        if not 0 < len(shown) <= 3:
            return None
        return Draft("\n".join(f"{_title(e)} ({format_date(e.date)}) — type : {_kind(e)}." for e in shown),
                     [event_source(e, _line(e, as_of)) for e in shown], coverage=1.0,
                     focus={"kind": "events", "ids": [e.id for e in shown]})

    def day_of(self, ids: list[str], shift: int) -> date | None:
        """The day that many days from the events shown (from the last one going forward, the first going back)."""
        shown = sorted((self._by_id[i] for i in ids if i in self._by_id), key=lambda e: e.date)
        return (shown[-1] if shift >= 0 else shown[0]).date + timedelta(days=shift) if shown else None

    def on_day(self, q: Query, ids: list[str], shift: int, as_of: date) -> Draft | None:
        """"Et le lendemain ?", "la veille ?", "le même jour ?": the events of the day that many days from the
        event shown, the shown ones aside."""
        shown = sorted((self._by_id[i] for i in ids if i in self._by_id), key=lambda e: e.date)
        if not (day := self.day_of(ids, shift)):
            return None
        held = [e for e in self.events if e.date == day and e.id not in ids]
        if not held:
            # "on a visité quoi ce jour-là ?": what the event shown that day was, said again
            that_day = [e for e in shown if e.date == day and not shift]
            return Draft(" ".join([f"Aucun autre événement le {format_date(day)} dans la base."]
                                  + [f"Ce jour-là : {_sentence(e, as_of, q)}" for e in that_day]),
                         [event_source(e, _line(e, as_of)) for e in that_day], coverage=1.0,
                         focus={"kind": "events", "ids": list(ids)})
        plain = replace(q, intents=type(q.intents)(i for i in q.intents if i not in ("upcoming", "latest")))
        draft = self._compose(plain, held, "filter", as_of, [])  # "le jour suivant" is no "à venir"
        draft.coverage = 1.0
        return draft

    def same_time(self, before: list[str], now: list[str], span: str) -> str | None:
        """"L'atelier îlot de fraîcheur c'était quand ?" then "et la visite du CSTB, c'était la même semaine ?": whether
        the one event named now fell in the same day, week, month or year as the one shown before."""
        if len(before) != 1 or len(now) != 1 or before == now \
                or not (a := self._by_id.get(before[0])) or not (b := self._by_id.get(now[0])):
            return None
        same = {"jour": a.date == b.date, "semaine": a.date.isocalendar()[:2] == b.date.isocalendar()[:2],
                "mois": (a.date.year, a.date.month) == (b.date.year, b.date.month),
                "annee": a.date.year == b.date.year}[span]
        article = "la" if span in ("semaine", "annee") else "le"
        return f"{'Oui,' if same else 'Non, pas'} {article} même {span.replace('annee', 'année')} " \
               f"que {_title(a)} ({format_date(a.date)})"

    def restated(self, q: Query, event_id: str, as_of: date) -> Draft | None:
        """"C'était chez quelle entreprise ?" of the one event shown: its sentence again (its title names the host)."""
        if (e := self._by_id.get(event_id)) is None:
            return None
        return Draft(_sentence(e, as_of, q), [event_source(e, _line(e, as_of))], coverage=1.0,
                     focus={"kind": "events", "ids": [e.id]})

    def nth(self, q: Query, ids: list[str], index: int, as_of: date) -> Draft | None:
        """"Et le premier ?": one event of the list shown last, in its order (dates, or a ranking)."""
        shown = [self._by_id[i] for i in dict.fromkeys(ids) if i in self._by_id]
        if len(shown) < 2 or not -len(shown) <= index < len(shown):
            return None
        draft = self.restated(q, shown[index].id, as_of)
        draft.focus["list"] = ids  # "et le dernier ?" picks again
        return draft

    def ranked_among(self, q: Query, ids: list[str], as_of: date) -> Draft | None:
        """"Laquelle a eu le plus de participants ?" of the events shown last: the extreme among them."""
        shown = [self._by_id[i] for i in dict.fromkeys(ids) if i in self._by_id]
        if len(shown) < 2:
            return None
        types = sorted({e.type_label for e in shown})  # "(visite)": what they were
        draft = self._compose(q, sorted(shown, key=lambda e: e.date), "filter", as_of, types)
        draft.coverage = 1.0
        return draft

    def _share(self, q: Query, whole: list[Event], held: list[Event], types: list[str]) -> Draft:
        """How many of the events (of the type and period asked) were organised as the question says, or were of the
        type it names, and their share."""
        if q.organisation:
            said = "ont été " + ("co-organisés" if q.organisation == "co-organisation" else "organisés par le cluster seul")
        else:
            said = "sont de type " + " / ".join(f"« {t[0].lower() + t[1:]} »" for t in dict.fromkeys(e.type_label for e in held))
        scope = scope_of(_describe(replace(q, organisation=None), types))
        text = (f"{len(held)} des {len(whole)} événements{scope} {said}, soit "
                f"{format_number(round(100 * len(held) / len(whole), 1))} %.")
        return Draft(text, [event_source(e, _line(e, date.max)) for e in held[:MAX_LISTED]], coverage=1.0,
                     focus={"kind": "events", "ids": [e.id for e in held]})

    def _organised(self, q: Query, events: list[Event], as_of: date) -> Draft:
        """Whether the events shown were organised as the question says: Oui, Non, or how many of them."""
        held = [e for e in events if e.organisation == q.organisation]
        one, many = ("organisé", "organisés") if q.organisation == "organisation" else ("co-organisé", "co-organisés")
        alone = " par le cluster seul" if q.organisation == "organisation" else ""
        if len(held) == len(events):
            head = f"Oui : les {len(events)} événements ont été {many}{alone}."
        elif not held:
            head = f"Non : aucun des {len(events)} événements n'a été {one}{alone}."
        else:
            verb = f"a été {one}" if len(held) == 1 else f"ont été {many}"
            head = f"En partie : {len(held)} des {len(events)} événements {verb}{alone}."
        text = head + "\n" + "\n".join(f"- {_line(e, as_of)}" for e in events)
        return Draft(text, [event_source(e, _line(e, as_of)) for e in events], coverage=1.0,
                     focus={"kind": "events", "ids": [e.id for e in events]})

    def _none_in(self, q: Query, mode: str, types: list[str], scope: str) -> Draft | None:
        """"Il y a eu un event en août ?": a period inside the agenda the base holds, with nothing of the kind
        asked in it, is an answer — none, and the ones around it."""
        period = q.dates.period
        kind = [e for e in self.events if not types or e.type_label in types]
        if mode == "filter" and q.dates.weekday is not None and not period and kind:
            # "des visites le samedi ?": none of those the base holds fell on that day
            days = Counter(WEEKDAYS[e.date.weekday()] for e in kind if not q.themes or set(e.themes) & set(q.themes))
            said = ", ".join(f"{n} le {day}" for day, n in sorted(days.items(), key=lambda x: WEEKDAYS.index(x[0])))
            return Draft(f"Aucun événement{scope} dans la base" + (f" ; les {sum(days.values())} qu'elle connaît : {said}." if said else "."),
                         [], coverage=1.0, reason=EMPTY_PERIOD)
        if mode != "filter" or not period or q.themes or q.organisation or not kind:
            return None
        start, end = period.start, period.end
        if not period.year_known and q.as_of and start.year == end.year:  # "en août": of the year asked in
            start, end = start.replace(year=q.as_of.year), end.replace(year=q.as_of.year)
        if not self.events[0].date <= start <= end <= self.events[-1].date:
            return None
        before = [e for e in kind if e.date < start][-1:]
        after = [e for e in kind if e.date > end][:1]
        around = [f"{label} : {_title(e)} ({format_date(e.date)})" for label, es in (("avant", before), ("après", after))
                  for e in es]
        text = f"Aucun événement{scope} dans la base." + (f" Au plus près, {' ; '.join(around)}." if around else "")
        return Draft(text, [event_source(e, _line(e, date.max)) for e in before + after], coverage=1.0,
                     focus={"kind": "events", "ids": [e.id for e in before + after]}, reason=EMPTY_PERIOD)

    def _compose(self, q: Query, events: list[Event], mode: str, as_of: date, types: list[str]) -> Draft:
        what = _describe(q, types)
        scope = scope_of(what)
        if not events:
            if (empty := self._none_in(q, mode, types, scope)) is not None:
                return empty
            return abstain(f"Je ne trouve pas d'événement{scope} correspondant dans la base.", NO_EVENT)
        if q.has("upcoming") and not q.has("list", "count") and not q.dates.period and not q.limit:
            first = events[0]
            same_day = [e for e in events if e.date == first.date]
            intro = "Le prochain événement" if len(same_day) == 1 else "Les prochains événements"
            lines = [f"{intro}{scope} après le {format_date(as_of)} :"]
            lines += [_line(e, as_of, weekday=True) + _postponed(e) for e in same_day]
            later = events[len(same_day):len(same_day) + 2]
            if later:
                lines.append("Ensuite : " + " ; ".join(f"{_title(e)} ({format_date(e.date)})" for e in later) + ".")
            return Draft("\n".join(lines), [event_source(e, _line(e, as_of)) for e in same_day],
                         focus={"kind": "events", "ids": [e.id for e in same_day]})
        if q.has("latest") and not q.has("list", "count") and not q.limit:
            last = events[-1]
            return Draft(f"Le dernier événement ({what}) avant le {format_date(as_of)} :\n{_line(last, as_of)}",
                         [event_source(last, _line(last, as_of))], focus={"kind": "events", "ids": [last.id]})
        # The type's own words are no dimension: "quel groupe thématique a eu le plus de participants ?"
        # ranks events of that type, not themes.
        named = {s for t in types for s in content_stems(canonical(t))}
        rest = " ".join(w for w in q.folded.split() if stem(w.strip("?!.,;:()")) not in named)
        dimension = _dimension(rest)
        if q.has("none") and dimension in SPAN_MONTHS:
            return self._without_events(q, events, dimension, what)  # "un mois de 2024 sans aucun événement ?"
        if q.has("max", "min") and dimension:
            return self._ranking(q, events, dimension, what)
        # "par mois", "chaque trimestre", "la répartition entre le premier et le second semestre"
        if dimension and (re.search(r"\b(par|chaque|selon (?:le|la|les))\b \w*\s?" + GROUPS[dimension], rest) or
                          re.search(BREAKDOWN, rest)):
            return self._breakdown(q, events, dimension, what)
        if not q.has("count", "max", "min", "participants") and KIND_ASKED.search(q.folded) \
                and re.search(r"\bd'(?:evenements?|events?)\b", q.folded):
            return self._breakdown(q, events, "type", what)  # "vous faites quels types d'événements ?": the types
        # "les plus gros, ceux qui ont dépassé les 100 personnes": the events over the bound, not the first of them
        bounded = _threshold(q.folded) is not None and re.search(r"\bles (?:plus|moins)\b", q.folded)
        if q.has("max", "min") and (q.has("participants") or not dimension) and not bounded:  # "le plus gros": by attendance
            known = [e for e in events if e.participants is not None and e.date <= as_of]
            if known:
                ranked = sorted(known, key=lambda e: e.participants, reverse=q.has("max"))
                pick = ranked[0]
                word = "le plus" if q.has("max") else "le moins"
                if q.rank and q.rank <= len(ranked):  # "le 2e plus gros event"
                    pick = ranked[q.rank - 1]
                    return Draft(f"{q.rank}e événement qui a réuni {word} de participants ({what}) : {_line(pick, as_of)}",
                                 [event_source(e, _line(e, as_of)) for e in ranked[:q.rank]],
                                 focus={"kind": "events", "ids": [pick.id], "list": [e.id for e in ranked]})
                if q.limit and q.limit > 1:  # "le top 3 en nombre de participants"
                    top = ranked[:q.limit]
                    lines = [f"Les {len(top)} événements qui ont réuni {word} de participants ({what}) :"]
                    lines += [f"{i}. {_line(e, as_of)}" for i, e in enumerate(top, 1)]
                    return Draft("\n".join(lines), [event_source(e, _line(e, as_of)) for e in top],
                                 focus={"kind": "events", "ids": [e.id for e in top], "list": [e.id for e in ranked]})
                # "et juste derrière ?" walks down the ranking
                return Draft(f"L'événement qui a réuni {word} de participants ({what}) : {_line(pick, as_of)}",
                             [event_source(pick, _line(pick, as_of))],
                             focus={"kind": "events", "ids": [pick.id], "list": [e.id for e in ranked]})
        if q.has("average"):
            return self._average(events, what, as_of)
        filtered = _threshold(q.folded) is not None  # "plus de 60 participants" picks events, it asks no total
        # "combien d'événements au total ?" counts them; "ça fait combien au total pour ces deux-là ?" adds people
        counted = bool(re.search(r"\b(?:combien|nombre) d(?:e |')", q.folded)) and not q.has("participants")
        if q.has("sum") and not counted or (q.has("participants") and len(events) > 1 and not q.has("list", "when")
                                             and not filtered):
            return self._total(events, what, as_of)
        if len(events) == 1 and not q.has("count"):
            mode = "lookup"  # one event found by its date or type reads best as a sentence
        if mode == "lookup" and len(events) <= 3 and not q.has("count"):
            lines = [_sentence(e, as_of, q) for e in events]
            return Draft("\n".join(lines), [event_source(e, _line(e, as_of)) for e in events],
                         focus={"kind": "events", "ids": [e.id for e in events]})
        return self._listing(q, events, what, as_of, near=mode == "about", types=types)

    def _ranking(self, q: Query, events: list[Event], dimension: str, what: str) -> Draft:
        """"Quel mois a compté le plus d'événements ?": events grouped, counted (or their participants summed)."""
        groups, size = _grouped(q, events, dimension)
        if left := set_aside(q.folded):  # "hors septembre", "si on met septembre de côté"
            groups = {k: v for k, v in groups.items() if not re.search(rf"\b{re.escape(fold(k).split()[0])}\b", left)} \
                or groups
        ranked = sorted(groups.items(), key=lambda kv: size(kv[1]), reverse=q.has("max"))
        if q.rank and 1 < q.rank <= len(ranked):  # "le 2e mois le plus chargé": those before it said after
            k, v = ranked[q.rank - 1]
            unit = _unit(q, dimension, size(v))
            before = " ; ".join(f"{k} : {format_number(size(v))}" for k, v in ranked[:q.rank - 1])
            return Draft(f"{k} : {format_number(size(v))} {unit} — {q.rank}e {'le plus' if q.has('max') else 'le moins'} ({what}, par "
                         f"{GROUP_NAMES[dimension]}). Avant : {before}.", [event_source(e, _line(e, date.max)) for e in v[:MAX_LISTED]],
                         focus={"kind": "events", "ids": [e.id for e in v], "ranked": [k for k, _ in ranked]})
        best = size(ranked[0][1])
        tied = [(k, v) for k, v in ranked if size(v) == best]
        top = [e for _, v in tied for e in v]
        unit = _unit(q, dimension, best)
        word = "le plus" if q.has("max") else "le moins"
        each = " chacun" if len(tied) > 1 else ""
        rest = " ; ".join(f"{k} : {format_number(size(v))}" for k, v in ranked[len(tied):len(tied) + 5])
        text = (f"{', '.join(k for k, _ in tied)} : {format_number(best)} {unit}{each} — {word} ({what}, par "
                f"{GROUP_NAMES[dimension]})." + (f" Ensuite : {rest}." if rest else ""))
        return Draft(text, [event_source(e, _line(e, date.max)) for e in top[:MAX_LISTED]],
                     focus={"kind": "events", "ids": [e.id for e in top], "ranked": [k for k, _ in ranked]})

    def _without_events(self, q: Query, events: list[Event], dimension: str, what: str) -> Draft:
        """"Y a-t-il eu un mois de 2024 sans aucun événement ?": the months (quarters…) of the span that had none."""
        groups, _ = _grouped(q, events, dimension)
        empty = [k for k, v in groups.items() if not v]
        name = GROUP_NAMES[dimension]
        text = f"{', '.join(empty)} — aucun événement ({what}, par {name})." if empty else \
            f"Chaque {name} a compté au moins un événement ({what})."
        if q.has("whether"):  # "y a-t-il eu un mois … ?"
            text = f"Oui : {text}" if empty else f"Non : {text[0].lower()}{text[1:]}"
        return Draft(text, [], coverage=1.0, focus={"kind": "events", "ids": [], "ranked": list(groups)})  # no event

    def _breakdown(self, q: Query, events: list[Event], dimension: str, what: str) -> Draft:
        """"Combien d'événements par type ?": every group with its count (or its participants)."""
        groups, size = _grouped(q, events, dimension)
        order = list(groups) if dimension in ("month", "quarter", "semester") else sorted(groups, key=lambda k: -size(groups[k]))
        unit = _unit(q, dimension, 2)
        lines = [f"- {k} : {format_number(size(groups[k]))}" for k in order]
        text = f"{len(events)} événements{scope_of(what)} — {unit} par {GROUP_NAMES[dimension]} :\n" + "\n".join(lines)
        if q.has("average") and dimension in SPAN_MONTHS and events:
            # "combien d'événements en moyenne par mois ?": over every month of the period, the empty ones too
            p = q.dates.period
            start, end = (p.start, p.end) if p else (events[0].date, events[-1].date)
            index = lambda d: (d.year * 12 + d.month - 1) // SPAN_MONTHS[dimension]
            units = index(end) - index(start) + 1
            total = sum(size(v) for v in groups.values())
            text = (f"En moyenne {format_number(round(total / units, 2))} {unit} par {GROUP_NAMES[dimension]} "
                    f"({total} {unit}{scope_of(what)} sur {units} {GROUP_PLURALS[dimension]}).\n" + text)
        return Draft(text, [event_source(e, _line(e, date.max)) for e in events[:MAX_LISTED]],
                     focus={"kind": "events", "ids": [e.id for e in events], "grouped": True})

    def _average(self, events: list[Event], what: str, as_of: date) -> Draft:
        known = [e.participants for e in events if e.participants is not None]
        if not known:
            return abstain(f"Aucun effectif connu pour ces événements ({what}).", "moyenne impossible")
        mean = sum(known) / len(known)
        text = (f"En moyenne {format_number(round(mean, 1))} participants par événement ({what}), "
                f"sur {len(known)} événements dont l'effectif est connu (total {sum(known)}).")
        return Draft(text, [event_source(e, _line(e, as_of)) for e in events[:MAX_LISTED]],
                     focus={"kind": "events", "ids": [e.id for e in events]})

    def _nothing_ahead(self, q: Query, matching: list[Event], as_of: date, types: list[str]) -> Draft:
        """No event ahead in the base: say so, and show the latest ones of the kind asked for."""
        scope = scope_of(_describe(q, types))
        text = f"Je ne trouve pas d'événement{scope} à venir après le {format_date(as_of)} dans la base."
        past = [e for e in matching if e.date < as_of][-3:]
        if past:
            text += " Les derniers connus :\n" + "\n".join("- " + _line(e, as_of) for e in past)
        draft = abstain(text, "aucun événement à venir")
        draft.sources = [event_source(e, _line(e, as_of)) for e in past]
        return draft

    def _total(self, events: list[Event], what: str, as_of: date) -> Draft:
        known = [e for e in events if e.participants is not None]
        total = sum(e.participants for e in known)
        detail = " + ".join(f"{e.participants} ({format_date(e.date, with_year=False)})" for e in known)
        text = f"Au total, {total} participants pour {len(known)} événement{'s' if len(known) > 1 else ''}{scope_of(what)}"
        text += f" : {detail}." if 1 < len(known) <= 8 else "."
        missing = [e for e in events if e.participants is None and e.date <= as_of]
        if missing:
            text += " Effectif non renseigné pour : " + " ; ".join(f"{_title(e)} ({format_date(e.date)})" for e in missing) + "."
        if others := [e for e in known if e.participants_other is not None]:
            # the report gives two counts for some of them: the total with its other reading too
            text += f" Avec l'autre valeur que donne le bilan pour {' et '.join(_title(e) for e in others)} (" + \
                ", ".join(f"{e.participants_other} au lieu de {e.participants}" for e in others) + \
                f") : {total + sum(e.participants_other - e.participants for e in others)}."
        return Draft(text, [event_source(e, _line(e, as_of)) for e in events[:MAX_LISTED]],
                     focus={"kind": "events", "ids": [e.id for e in events]})

    def _listing(self, q: Query, events: list[Event], what: str, as_of: date, near: bool = False,
                 types: list[str] = ()) -> Draft:
        n = len(events)
        head = f"{n} événement{'s' if n > 1 else ''}{scope_of(what)}"
        if len(types) == 1 and (noun := _counted_noun(types[0], n)):  # "6 visites (2024)", not "6 événements (visite, 2024)"
            rest = _describe(q)
            head = f"{n} {noun}{scope_of(rest)}"
        if near:
            head = f"Les événements les plus proches de votre question ({n})"
        if q.has("upcoming"):
            head = f"{n} événement{'s' if n > 1 else ''} à venir{scope_of(what)} après le {format_date(as_of)}"
        if q.has("count"):
            head = f"Il y a {head} dans la base"
            if re.search(r"\bcombien (?:de |d')?fois\b", q.folded):  # "on l'a accueillie combien de fois ?"
                head = f"{n} fois : {head[0].lower()}{head[1:]}"
        text = head + " :\n" + "\n".join("- " + _line(e, as_of) for e in events[:SHOWN])
        if n > SHOWN:
            text += f"\n… et {n - SHOWN} autres (précisez une période, un type ou un thème pour les voir)."
        known = [e.participants for e in events if e.participants is not None]
        if known and n > 1 and (q.has("participants") or q.has("count")):
            text += f"\nTotal des participants connus : {sum(known)}."
        return Draft(text, [event_source(e, _line(e, as_of)) for e in events[:MAX_LISTED]],
                     focus={"kind": "events", "ids": [e.id for e in events]})


def _counted_noun(label: str, n: int) -> str | None:
    """A type named as a count says it: "visites", "ateliers confluence"; None for a label that is no single noun
    ("AG, CA et bureau", "groupe thématique / projet", "convention-salon-forum")."""
    head, _, rest = label.partition(" ")
    if not re.fullmatch(r"[^\W\d_]+", head) or re.search(r"[/,]", rest):
        return None
    head = head.lower()
    if n > 1 and not head.endswith(("s", "x", "z")):
        head += "s"
    return f"{head} {rest}".strip()


def _enumerated(text: str) -> list[str]:
    """The things a message names one by one, joined by "et" or "+": "le forum eau et le forum sols"; "Forum Eau et
    Forum Sols" (a name written with its capital needs no article); "forum eau + forum sols" (the same head noun said
    again needs none either)."""
    parts, start = [], 0
    for joint in re.finditer(r"\s+(?:et|ainsi que|\+)\s+", text):
        after = text[joint.end():]
        head = re.match(r"[\w-]{3,}", after)
        said_again = head and fold(head.group()) not in STOPWORDS and \
            re.search(rf"\b{re.escape(fold(head.group()))}\b", fold(text[start:joint.start()]))
        if re.match(r"(?:[Ll]e|[Ll]a|[Ll]es|[Ll]'|[Dd]u|[Dd]e la|[Dd]es|[Aa]u|[Aa]ux)\b|[A-ZÀ-Ý]", after) or said_again:
            parts.append(text[start:joint.start()])
            start = joint.end()
    return parts + [text[start:]]


def _placed(e: Event) -> bool:
    """Whether an event's title names a place ("… sur la ville d'Orly", "… à Aulnay-sous-Bois")."""
    return bool(re.search(r"(?:\b(?:à|a|de|du|sur|en) |\bd')([A-ZÀ-Ý][\w'-]+)", e.title.replace("’", "'")))


def _dimension(folded: str) -> str | None:
    """What events are grouped by: "quel mois", "par trimestre", "entre le premier et le second semestre" —
    not "au premier semestre", which is a period."""
    if not re.search(r"\bentre (?:le |la )?\w+ et (?:le |la )?\w+ (?:trimestre|semestre)", folded):
        folded = re.sub(rf"\b(?:{ORDINAL}) (?:trimestre|semestre)\b", " ", folded)
    return next((d for d, pattern in GROUPS.items() if re.search(pattern, folded)), None)


def _nth(n: int) -> str:
    return "1er" if n == 1 else f"{n}e"


def _plural(q: Query, type_stems: set[str], asked_only: bool = False) -> bool:
    """The question names a type of event in the plural ("les visites", "des ateliers"); `asked_only`: as the
    noun it asks for ("quels sites ?"), not in a complement ("le webinaire sur le réemploi des terres")."""
    determiners = r"quels|quelles|combien de|nombre de" if asked_only else \
        r"les|des|aux|quels|quelles|ces|tous les|toutes les|combien de|nombre de"
    if not asked_only and type_stems & set(q.topic) and re.search(r"\b(?:celles|ceux|elles|lesquel(?:le)?s)\b", q.folded):
        return True  # "et celles de l'automne ?" after the visits: several of them
    # ("vous faites visiter des sites ?": the type said as a verb, its object in the plural)
    return any(re.search(r"[sx]$", w) and stem(w) in type_stems
               for w in re.findall(rf"\b(?:{determiners}) (\w+)", q.folded)) or not asked_only and any(
        stem(verb) in type_stems for verb in re.findall(r"\b(\w+) (?:des|plusieurs) \w+[sx]\b", q.folded))


def _acronyms(title: str) -> set[str]:
    """"Société du Grand Paris" is also "SGP": the initials of a run of capitalised words (that ends with its word:
    "Saint Gobain Pont-à-Mousson" is no "SGP")."""
    out = set()
    for run in re.findall(r"[A-ZÀ-Ý]\w+(?:\s+(?:(?:du|de|des|la|le|d'|et)\s+)?[A-ZÀ-Ý]\w+)+(?![\w-])", title):
        initials = "".join(w[0] for w in re.findall(r"[A-ZÀ-Ý]\w+", run))
        if len(initials) >= 3:
            out.add(stem(fold(initials)))
    return out


def _grouped(q: Query, events: list[Event], dimension: str):
    """Events by month, type or theme, and how a group is measured: its events, or their participants."""
    groups: dict[str, list[Event]] = {}
    if dimension in SPAN_MONTHS and events:
        # every month of the span, those without events too ("août 2024 : 0"), in order
        period = q.dates.period if q.dates.period and q.dates.period.year_known else None
        first, last = (period.start, period.end) if period else (min(e.date for e in events), max(e.date for e in events))
        for n in range(first.year * 12 + first.month - 1, last.year * 12 + last.month):
            groups.setdefault(GROUP_KEYS[dimension](Event("", date(n // 12, n % 12 + 1, 1), ""))[0], [])
    for e in events:
        for key in GROUP_KEYS[dimension](e):
            groups.setdefault(key, []).append(e)
    if _mean_attendance(q, dimension):  # "quel type attire le plus de monde en moyenne ?": per event of the group
        return groups, _mean_participants
    if q.has("participants"):
        return groups, lambda members: sum(e.participants or 0 for e in members)
    return groups, len


def _mean_attendance(q: Query, dimension: str) -> bool:
    """Groups of a kind (type, theme) measured by their mean attendance; an average over months is another count."""
    return q.has("participants") and q.has("average") and dimension not in SPAN_MONTHS


def _mean_participants(events: list[Event]) -> float:
    known = [e.participants for e in events if e.participants is not None]
    return round(sum(known) / len(known), 1) if known else 0


def _unit(q: Query, dimension: str, count: float) -> str:
    """What a group's number counts: "événements", "participants", "participants en moyenne par événement"."""
    if _mean_attendance(q, dimension):
        return "participants en moyenne par événement"
    return ("participant" if q.has("participants") else "événement") + ("s" if count > 1 else "")


_ABOVE = r"plus de|au moins|au[- ]dessus de|au[- ]dela de|superieur a|superieurs a|>=?|depassant|depasse|minimum|franchi|" \
         r"franchissant|passe|atteint|atteignant"
_BELOW = r"moins de|au plus|en dessous de|en-dessous de|inferieur a|inferieurs a|<=?|maximum|sous"


def _threshold(folded: str):
    """"plus de 50 participants", "moins de 20 participants", "entre 35 et 45 participants": the test an
    event's attendance must pass (a range includes its bounds)."""
    if r := re.search(r"\bentre (\d+) et (\d+) participants\b", folded):
        lo, hi = sorted((int(r.group(1)), int(r.group(2))))
        return lambda p: lo <= p <= hi
    if r := re.search(r"\b(?:environ|autour de|pres de|a peu pres|dans les) (\d+) participants\b", folded):
        n = int(r.group(1))  # "une cinquantaine de personnes": within a fifth of it
        return lambda p: 0.8 * n <= p <= 1.2 * n
    m = re.search(rf"\b({_ABOVE}|{_BELOW}) (?:la barre d[eu]s? |le cap d[eu]s? |les )?(\d+) participants\b", folded)
    if not m:
        return None
    n = int(m.group(2))
    if re.fullmatch(_ABOVE, m.group(1)):
        return (lambda p: p >= n) if m.group(1) in ("au moins", "minimum", ">=", "atteint", "atteignant") else (lambda p: p > n)
    return (lambda p: p <= n) if m.group(1) in ("au plus", "maximum", "<=") else (lambda p: p < n)


def _coverage(lexicon: Lexicon, topic: set[str], explained: set[str]) -> float:
    total = lexicon.weight(topic)
    return lexicon.weight(topic & explained) / total if total else 0.0


def scope_of(what: str) -> str:
    return f" ({what})" if what != "événements" else ""


def _describe(q: Query, types: list[str] | None = None) -> str:
    bits = [t[0].lower() + t[1:] if t[:2].upper() != t[:2] else t for t in types or []]
    if q.themes:
        bits.append("thème " + ", ".join(q.themes))
    if q.organisation:
        bits.append("co-organisés" if q.organisation == "co-organisation" else "organisés par le cluster")
    if q.dates.period:
        bits.append(q.dates.period.label)
    if q.dates.weekday is not None:
        bits.append(f"le {WEEKDAYS[q.dates.weekday]}")
    return ", ".join(bits) or "événements"


# Told as done: "s'est réuni", "se sont tenues", "ont eu lieu"
HELD = re.compile(r"\b(?:s'est|se sont|s'etai(?:t|ent)) (?:\w+ )?(?:reuni|tenu|deroule|passe)e?s?\b|"
                  r"\b(?:a|ont|avaient|avait) eu lieu\b|\by a eu\b|"
                  r"\b(?:avez|avons|a|ont|as)(?:-(?:t-)?(?:vous|nous|ils|elles|il|elle|on))? (?:\w+ )?"
                  r"(?:fait|faites|organise|organisee?s?|tenu|tenues?|eu)\b")
# "c'était la même semaine ?", "le même mois que … ?": a time compared with the one of another event
SAME_SPAN = re.compile(r"\b(?:le|la|au|a la|dans la|dans le|pendant la|durant la) meme (jour|semaine|mois|annee)\b")


def _title(e: Event) -> str:
    return f"« {e.title} »"


def _people(e: Event, as_of: date = date.max) -> str:
    if e.date > as_of:
        return "à venir"  # an attendance before the day would be a guess (or a leak of the report's figure)
    if e.participants is None:
        return "nombre de participants non renseigné"
    other = f" (une autre ligne du bilan indique {e.participants_other})" if e.participants_other is not None else ""
    return f"{e.participants} participant{'s' if e.participants > 1 else ''}{other}"


def _kind(e: Event) -> str:
    org = {"organisation": "organisé par le cluster", "co-organisation": "co-organisé"}.get(e.organisation, "")
    typ = f"{e.type_label} {e.type_code}".strip()
    if typ and typ[:2].upper() != typ[:2]:
        typ = typ[0].lower() + typ[1:]  # "Visite" -> "visite", but "AG, CA et bureau" keeps its capitals
    return ", ".join(x for x in (typ, org) if x)


def _line(e: Event, as_of: date, weekday: bool = False) -> str:
    when = format_day(e.date) if weekday else format_date(e.date)
    return f"{when} — {e.title} ({_kind(e)}) — {_people(e, as_of)}"


def _postponed(e: Event) -> str:
    return f"\n{e.notes}" if re.search(r"report|annul", e.notes, re.I) else ""


def _sentence(e: Event, as_of: date, q: Query) -> str:
    verb = "a eu lieu" if e.date <= as_of else "est prévu"
    text = f"{_title(e)} {verb} le {format_day(e.date)} : {_people(e, as_of)}. Type : {_kind(e)}."
    if q.has("where"):
        text += " La base ne donne pas de lieu au-delà de cet intitulé."
    if q.has("cancelled") and not re.search(r"annul|report", e.notes, re.I):
        text = "La base n'indique ni annulation ni report : " + text[0].lower() + text[1:]
    if e.notes and (e.participants is None or q.has("cancelled", "why") or "report" in e.notes.lower()):
        text += f" Remarque : {e.notes}"
    return text

