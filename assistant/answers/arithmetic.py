"""Arithmetic on the amounts a conversation has said: "ça fait combien de plus ?" after two of them, "et ça fait
combien de moins que le forum Sols ?" against the last one.

An amount is read from the records an answer shows (a figure's value, an event's attendance) when its first
line says it, so a computation only ever uses numbers the user has just read."""
from __future__ import annotations

import re

from assistant.answers.draft import Draft, event_source, figure_source
from assistant.answers.figures import FigureBook, format_number, period_label
from assistant.knowledge.records import RecordSet
from assistant.reading.dates import format_date
from assistant.reading.normalize import fold, stem

# "ça fait combien de gagnés entre les deux ?": what separates the two amounts just said, whatever it is called
BETWEEN = re.compile(r"\bentre (?:les deux|eux deux|ces deux(?: \w+)?|les 2|ces 2(?: \w+)?)\b")
# "combien de plus ?", "une hausse de combien ?", "ça fait combien au-dessus ?", "quel écart ?"
DIFFERENCE = re.compile(r"\b(?:de (?:plus|moins)|en (?:plus|moins)|difference|ecart|au-?dessus|en-?dessous|au-dela|"
                        r"(?:hausse|baisse|augmentation|diminution|progression|recul) de combien|de combien|"
                        r"(?:combien|cb|quel(?:le)?) (?:d'|de )?(?:hausse|baisse|augmentation|diminution|progression|recul)|"
                        r"(?:hausse|baisse|augmentation|diminution|progression|recul|evolution) en (?:%|pourcentage)|"
                        rf"{BETWEEN.pattern})")
# "… que le forum Sols ?", "… par rapport au forum Eau ?": what the last amount is set against
_THAN = re.compile(r"(?:\bque |\bqu'|\bpar rapport (?:a |au |aux |a la |a l')|\bcompare\w* (?:a |au |aux |avec )|\bvs\.? |"
                   r"\b(?:ecart|difference) avec )"  # "l'écart avec les biodéchets ?"
                   r"(?P<than>[^?!.]+?)\s*[?!.]*$")
GAP_STEMS = frozenset(stem(w) for w in "ecart difference hausse baisse augmentation diminution progression recul dessus "
                      "dessous dela plus moins".split())
_NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f ]*\d)?(?:,\d+)?")


# "et ça représente quel % du total ?", "quelle part du total de l'année ?"
SHARE_OF_TOTAL = re.compile(r"\b(?:%|pourcentage|part|proportion|pour ?cent)s? (?:du|de la|sur le|par rapport au) total\b|"
                            r"\b(?:en|quel) pourcentage\b")


def asks_share_of_total(message: str) -> bool:
    return bool(SHARE_OF_TOTAL.search(fold(message).replace("%", " % ").replace("  ", " ")))


# "et en pourcentage ?", "ça fait quel % ?": the same, said in percent
IN_PERCENT = re.compile(r"(?:et |ok |donc )*(?:(?:en|ca fait|ca donne|soit|ca represente)\s?)?(?:quel |combien (?:de |en )?)?"
                        r"(?:%|pourcentage|pour ?cent|pourcent)s?(?: d'(?:augmentation|evolution)| de (?:hausse|plus|progression))?"
                        r"(?: stp| svp)?\s*\??")


def asks_in_percent(message: str) -> bool:
    return bool(IN_PERCENT.fullmatch(fold(message).strip()))


def asks_difference(message: str) -> bool:
    return bool(DIFFERENCE.search(fold(message)))


def compared_to(message: str) -> str | None:
    """"Ça fait combien de moins que le forum Sols ?" → "le forum Sols": a gap asked against a thing named."""
    folded = fold(message)
    m = DIFFERENCE.search(folded) and _THAN.search(folded)
    return m.group("than") if m and m.start("than") > DIFFERENCE.search(folded).start() else None


class Amounts:
    """The amount an answer gave, and the gap between two of them. An amount is a JSON-ready list (it is kept
    in the conversation's memory): [label, value, unit, record id]."""

    def __init__(self, records: RecordSet, book: FigureBook):
        self.figures = {f.id: f for f in records.figures}
        self.events = {e.id: e for e in records.events}
        self.book = book

    def said(self, draft: Draft) -> list | None:
        """The one amount an answer leads with: a figure whose value its first line gives, or the attendance of
        the one event it speaks of."""
        if draft.abstained:
            return None
        first = draft.text.split("\n")[0]
        shown = {re.sub(r"\D", "", n) for n in _NUMBER.findall(first)}
        ids = draft.focus.get("ids") or []
        if draft.focus.get("kind") == "figures":
            numbers = [re.sub(r"\D", "", n) for n in _NUMBER.findall(first)]
            given = [f for f in (self.figures[i] for i in ids if i in self.figures)
                     if re.sub(r"\D", "", format_number(f.value)) in shown]
            if given:  # the one said first ("Contacts : 4354 en 2024, 3643 en 2023": 4354)
                f = min(given, key=lambda f: numbers.index(re.sub(r"\D", "", format_number(f.value))))
                return [f"{f.metric} ({period_label(f.period)})" if f.period else f.metric, f.value, f.unit, f.id]
        # the one event found, its attendance on its line ("Il y a 1 événement …\n- 26 avril 2024 — … — 126 participants")
        line = first if len(draft.text.split("\n- ")) != 2 else draft.text.split("\n- ")[1].split("\n")[0]
        shown |= {re.sub(r"\D", "", n) for n in _NUMBER.findall(line)}
        if draft.focus.get("kind") == "events" and len(ids) == 1 and (e := self.events.get(ids[0])) \
                and e.participants is not None and str(e.participants) in shown and "participant" in line:
            title = e.title if len(e.title) <= 60 else e.title[:59].rsplit(" ", 1)[0] + "…"
            return [f"« {title} » ({format_date(e.date)})", float(e.participants), "participants", e.id]
        return None

    def difference(self, a: list, b: list) -> Draft | None:
        """"Écart : +44 (+34,9 %). « Forum régional Sols » : 170 participants ; « Forum Eau » : 126 participants."
        None when the two are not amounts of one kind, or are the same amount."""
        if a[2] != b[2] or a[:2] == b[:2]:
            return None
        big, small = sorted([a, b], key=lambda x: -x[1])
        gap = big[1] - small[1]
        if a[2] == "%":
            text = f"Écart : +{format_number(gap)} points."
        else:
            share = f" (+{format_number(round(100 * gap / small[1], 1))} %)" if small[1] > 0 else ""
            text = f"Écart : +{format_number(gap)}{share}."  # the larger one has that much more
        text += f" {big[0]} : {_shown(big)} ; {small[0]} : {_shown(small)}."
        sources = [self._source(x) for x in (big, small)]
        return Draft(text, [s for s in sources if s], coverage=1.0,
                     focus={"kind": "figures" if big[3] in self.figures else "events", "ids": [big[3], small[3]],
                            "gap": [a, b]})

    def relative(self, a: list, b: list) -> Draft | None:
        """The gap of `difference` said in percent of the smaller amount ("et en pourcentage ?" after "ça fait combien
        de plus ?"); None when it has no percentage (amounts in %, a nought)."""
        big, small = sorted([a, b], key=lambda x: -x[1])
        if a[2] != b[2] or a[2] == "%" or small[1] <= 0:
            return None
        share = format_number(round(100 * (big[1] - small[1]) / small[1], 1))
        text = f"+{share} % : {big[0]} : {_shown(big)}, contre {_shown(small)} pour {small[0]}."
        sources = [self._source(x) for x in (big, small)]
        return Draft(text, [s for s in sources if s], coverage=1.0,
                     focus={"kind": "figures" if big[3] in self.figures else "events", "ids": [big[3], small[3]]})

    def share_of_total(self, amount: list, as_of) -> Draft | None:
        """"Et ça représente quel % du total de l'année ?": an event's attendance against all the attendance of its
        year known at `as_of`; a figure against its table's total."""
        value = amount[1]
        if e := self.events.get(amount[3]):
            known = [x for x in self.events.values() if x.date.year == e.date.year and x.date <= as_of
                     and x.participants is not None]
            total = sum(x.participants for x in known)
            whole = f"des {format_number(total)} participants des {len(known)} événements de {e.date.year} dont " \
                    f"l'effectif est connu"
        elif (f := self.figures.get(amount[3])) and f.unit != "%" and not any(  # the report's own share says it
                x.group == f.group and x.period == f.period and x.unit == "%" for x in self.figures.values()) \
                and (t := self.book.total_of(f)):
            total, whole = t.value, f"du total « {t.metric} » ({format_number(t.value)})"
        else:
            return None
        if not total:
            return None
        text = f"{amount[0]} : {_shown(amount)}, soit {format_number(round(100 * value / total, 1))} % {whole}."
        source = self._source(amount)
        return Draft(text, [source] if source else [], coverage=1.0,
                     focus={"kind": "events" if amount[3] in self.events else "figures", "ids": [amount[3]]})

    def _source(self, amount: list):
        if f := self.figures.get(amount[3]):
            return figure_source(f, f"{amount[0]} : {_shown(amount)}")
        if e := self.events.get(amount[3]):
            return event_source(e, f"{amount[0]} : {_shown(amount)}")
        return None


def _shown(amount: list) -> str:
    value = format_number(amount[1], amount[2])
    return f"{value} participants" if amount[2] == "participants" else value


def kept(amounts: list, new: list | None) -> list:
    """The last two amounts said, the same one said again counted once."""
    if new and (not amounts or amounts[-1][:2] != new[:2]):
        amounts = [*amounts, new]
    return amounts[-2:]
