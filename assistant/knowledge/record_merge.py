"""Two sources, one fact: the same event or figure read from two documents is kept once.

The curated files (CSV, YAML, JSON, Markdown) are preferred to reports (PDF, Word): their
record stays, the other one is dropped and named in its `source` ("a.csv ; b.pdf"), so the
answer cites both. When the two disagree the record says so with both values:
- an event's attendance: left unknown, the note gives each document's count;
- a figure: the preferred value stays, the note gives the other one.

Events match on their date (and their title when a day has several); figures on their
period and their label (or an alias), with the same value or from tables on the same subject.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from assistant.reading.normalize import fold
from assistant.knowledge.records import Event, Figure, RecordSet

_CURATED = {".csv", ".yaml", ".yml", ".json", ".md", ".markdown", ".txt"}
_TITLE_MATCH = 70
_LABEL_MATCH = 88


def merge_sources(records: RecordSet) -> RecordSet:
    """The records with cross-document duplicates folded into the preferred record."""
    events = sorted(records.events, key=lambda e: _rank(e.source))
    figures = sorted(records.figures, key=lambda f: _rank(f.source))
    return RecordSet(events=_merge_events(events), members=records.members,
                     figures=_merge_figures(figures), guides=records.guides)


def _rank(source: str) -> int:
    return 0 if Path(source).suffix.lower() in _CURATED else 1


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def _merge_events(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for event in events:
        same_day = [k for k in kept if k.date == event.date and event.source not in k.source.split(" ; ")]
        match = _same_event(event, same_day)
        if match is None:
            kept.append(event)
            continue
        match.source = f"{match.source} ; {event.source}"
        if match.participants is None and event.participants is not None:
            match.participants, match.participants_other = event.participants, event.participants_other
        elif event.participants is not None and event.participants != match.participants:
            counts = f"{match.participants} selon {match.source.split(' ; ')[0]}, " \
                     f"{event.participants} selon {event.source}"
            match.notes = f"Les sources ne donnent pas le même nombre de participants : {counts}." + \
                (f" {match.notes}" if match.notes else "")
            match.participants = match.participants_other = None
    return kept


def _same_event(event: Event, candidates: list[Event]) -> Event | None:
    if not candidates:
        return None
    scored = [(fuzz.token_sort_ratio(_key(event.title), _key(c.title)), c) for c in candidates]
    score, best = max(scored, key=lambda x: x[0])
    if score >= _TITLE_MATCH:
        return best
    # A garbled title on a day with one event on each side is still that event.
    alone = len(candidates) == 1 and fuzz.partial_ratio(_key(event.title), _key(best.title)) >= _TITLE_MATCH
    return best if alone else None


def _merge_figures(figures: list[Figure]) -> list[Figure]:
    kept: list[Figure] = []
    readings = Counter((f.source, f.metric) for f in figures)
    for figure in figures:
        match = next((k for k in kept if _same_figure(figure, k)), None)
        if match is None or readings[(figure.source, figure.metric)] >= 3 and figure.metric != match.metric:
            # one reading of a series ("Évolution du nombre de membres", 2015 to 2024) stays in its series, even
            # when a key figure elsewhere says the same of its year: "de 2015 à 2024" reads the whole series
            kept.append(figure)
            continue
        match.source = f"{match.source} ; {figure.source}"
        if _key(figure.metric) not in {_key(n) for n in [match.metric, *match.aliases]}:
            match.aliases = match.aliases + [figure.metric]
        if figure.value != match.value:
            match.note = (f"Les sources diffèrent : {_number(match.value)} selon {match.source.split(' ; ')[0]}, "
                          f"{_number(figure.value)} selon {figure.source}." + (f" {match.note}" if match.note else ""))
    return kept


def _same_figure(figure: Figure, kept: Figure) -> bool:
    timeless = not figure.period and figure.value == kept.value  # "ETI 11" beside "ETI in 2024: 11"
    if (kept.period != figure.period and not timeless) or (kept.unit == "%") != (figure.unit == "%") \
            or figure.source in kept.source.split(" ; "):
        return False
    label = _key(figure.metric)
    names = [_key(n) for n in [kept.metric, *kept.aliases]]
    if any(fuzz.token_sort_ratio(label, n) >= _LABEL_MATCH for n in names):
        return figure.value == kept.value or bool(_words(figure.group) & _words(kept.group))
    # "EAU" = 29 in 2024 and "Événements sur la thématique eau" = 29 in 2024: one label holds the other.
    return figure.value == kept.value and any(fuzz.partial_ratio(label, n) >= 90 and min(len(label), len(n)) >= 3
                                              for n in names)


def _words(text: str) -> set[str]:
    return {w for w in _key(text).split() if len(w) >= 5}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")
