"""Yes/no questions that state a claim ("le forum a eu lieu en mai, non ?", "il y avait 200 personnes,
c'est ça ?"): the claim is taken out, the question answered from the base, and the answer opens with
Oui or Non depending on whether the base agrees."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.reading.dates import _MONTH_RE, read_dates
from assistant.reading.normalize import fold

TAG = re.compile(r"[,\s]*\b(?:oui ou non|non|hein|c'est (?:bien )?ca|n'est-ce pas|pas vrai|c'est vrai|vrai|exact|correct|"
                 r"juste|right|confirme[sz]?|on est d'accord)\s*\?*\s*$")
OPENING = re.compile(r"^\s*(?:est-ce que|est ce que|est-ce qu'|c'est vrai que|il parait que|confirme[sz]?(?: moi)? que|"
                     r"je crois que|il me semble que|j'ai entendu que)\s*")
ASKING = re.compile(r"\b(combien|quand|ou|qui|quel\w*|quoi|comment|pourquoi|lequel|laquelle|lesquel\w*|cb|qd|"
                    r"nombre|liste|total|moyenne|y a-t-il|y-a-t-il|existe-t-il)\b")
# A statement has a verb: "l'AG s'est tenue en juin ?" claims; "nombre d'événements en juin ?" asks.
STATED = re.compile(r"\b(a|ont|est|sont|etait|etaient|avait|avaient|aura|y a|y avait|compte|comptait|comptaient|"
                    r"reunit|rassemble|rassemblait|s'est|se sont|s'etait)\b")
# A number stated as a fact; not a threshold ("plus de 50"), a rank ("les 3 prochains") or a date.
NUMBER = re.compile(rf"(?<!plus de )(?<!moins de )(?<!au moins )(?<!dela de )(?<!les )(?<!n°)(?<!n° )(?<!numero )(?<![\d/.-])(?!(?:19|20)\d\d\b)(\d+(?:[  .]\d{{3}})*(?:,\d+)?)(?![\d/.]|er\b|e\b| ?(?:{_MONTH_RE})\b| (?:premier|dernier|prochain))")
# A number claimed as a bound: "a dépassé les 300 membres", "moins de 100 personnes", "au moins 50".
# Not after "avec", "de", "ayant", "qui": "des ateliers avec plus de 50 participants" filters, it claims nothing.
_NUM = r"(\d+(?:[  .]\d{3})*(?:,\d+)?)"
BOUND = re.compile(r"(?<!\bavec )(?<!\bde )(?<!\bayant )(?<!\bqui )\b(depasse\w*|passe\w*|plus de|au-dela de|"
                   r"au dela de|au moins|superieure?s? a|atteint|franchi\w*|moins de|en dessous de|"
                   r"inferieure?s? a|pas plus de|sous)\s+(?:les |la barre de?s? |le cap de?s? |la barre d')?"
                   + _NUM + r"(?![\d/.])")
_AT_MOST = ("moins de", "en dessous de", "pas plus de", "sous la barre")
WHEN = re.compile(rf"\b(?:en |au mois de |le |au |debut |fin |mi-?|courant )*(?:\d{{1,2}}(?:er)? )?(?:{_MONTH_RE})\b")


# Two years compared: "moins d'e-mailings en 2024 qu'en 2023", "en 2024 plus de membres qu'en 2023".
COMPARED = re.compile(r"\b(?:en ((?:19|20)\d\d) (?:[\w']+ ){0,4})?(plus|moins) (?:de |d')(.{2,50}?) (?:en ((?:19|20)\d\d) )?"
                      r"(?:qu'en|que en) ((?:19|20)\d\d)\b")


@dataclass
class Claim:
    neutral: str  # the question with the claim taken out, asking for the true value
    number: float | None = None
    bound: str = "="  # "=", ">" (more than) or "<" (less than)
    when: tuple[int, int | None] | None = None  # (month, day or None)
    years: tuple[int, int] | None = None  # with `bound`: the first year's value is above or below the second's


def read_claim(message: str, today: date) -> Claim | None:
    """The claim of a yes/no question, or None when the message asks an open question."""
    folded = fold(message).strip()
    tagged = TAG.search(folded)
    opened = OPENING.match(folded)
    body = folded[:tagged.start()] if tagged else folded
    body = body[opened.end():] if opened else body
    plain = folded.endswith("?") and len(body.split()) >= 4 and not re.match(r"(et|mais|puis|ou|sinon)\b", body) \
        and bool(STATED.search(body)) and not re.match(r"(?:il )?y a (?:des|d')", body)  # "y a des visites en mai ?" asks
    if not (tagged or opened or plain) or ASKING.search(body):
        return None
    if (m := COMPARED.search(body)) and (m.group(1) or m.group(4)):
        first, second = int(m.group(1) or m.group(4)), int(m.group(5))
        return Claim(f"combien de {m.group(3)} en {first} et en {second} ?", bound=">" if m.group(2) == "plus" else "<",
                     years=(first, second))
    if m := BOUND.search(body):  # before a month: "plus de 4000 abonnés en décembre" claims a number
        value = float(re.sub(r"[  .]", "", m.group(2)).replace(",", "."))
        neutral = (body[:m.start()] + " combien de " + body[m.end():]).strip(" ,?")
        return Claim(f"{neutral} ?", number=value, bound="<" if m.group(1).startswith(_AT_MOST) else ">")
    if (m := WHEN.search(body)) and not re.search(rf"\b(?:entre|de|du)\s+(?:\w+\s+){{0,2}}(?:{_MONTH_RE})\b.{{0,20}}\b(?:et|a|au)\s+"
                                                  rf"(?:\w+\s+){{0,2}}(?:{_MONTH_RE})\b", body):
        # "le forum a eu lieu en mai ?" claims a date; "perdu des abonnés entre septembre et octobre" names a span
        period = read_dates(m.group(0), today).period
        if period and period.start.month == period.end.month:
            day = period.start.day if period.start == period.end else None
            neutral = (body[:m.start()] + " " + body[m.end():]).strip(" ,?")
            return Claim(f"{neutral} quand ?", when=(period.start.month, day))
    if m := NUMBER.search(body):
        value = float(re.sub(r"[  .]", "", m.group(1)).replace(",", "."))
        neutral = (body[:m.start()] + " combien de " + body[m.end():]).strip(" ,?")
        return Claim(f"{neutral} ?", number=value)
    return None


def verdict(claim: Claim, answer: str, dates: list[str]) -> bool | None:
    """Whether the base's answer agrees with the claim (`dates`: ISO dates of the answer's sources);
    None when the answer holds no value to compare with."""
    if claim.years:  # "… 100 en 2024, 58 en 2023": each year's value as the answer gives it
        values: dict[int, float] = {}
        for m in re.finditer(r"(?<![\w,])(\d+(?:[  ]\d{3})*(?:,\d+)?)(?: \w+){0,2} en ((?:19|20)\d\d)\b", fold(answer)):
            values.setdefault(int(m.group(2)), float(re.sub(r"[  ]", "", m.group(1)).replace(",", ".")))
        first, second = (values.get(y) for y in claim.years)
        if first is None or second is None:
            return None
        return first > second if claim.bound == ">" else first < second
    if claim.number is not None:
        found = [float(m.group(1).replace(" ", "").replace(" ", "").replace(",", "."))
                 for m in re.finditer(rf"(?<![\w,])(\d+(?:[  ]\d{{3}})*(?:,\d+)?)(?!\d|[  ]?\d{{3}}\b| ?(?:{_MONTH_RE})\b)", fold(answer))]
        if claim.bound == "=":
            return claim.number in found
        year_like = 1900 <= claim.number <= 2100
        values = [v for v in found if year_like or not (1900 <= v <= 2100 and v == int(v))]  # years aside
        if not values:
            return None
        return values[0] > claim.number if claim.bound == ">" else values[0] < claim.number
    month, day = claim.when
    days = [date.fromisoformat(d) for d in dates if d]
    return any(d.month == month and (day is None or d.day == day) for d in days)
