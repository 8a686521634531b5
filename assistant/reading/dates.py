"""French dates: reading them in questions (absolute and relative to a reference day) and writing them."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.reading.normalize import fold

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
    "rentree": 9,  # "la rentrée" is September
}
# Days named by their feast: "avant Noël" is before 25 December.
HOLIDAYS = {"noel": "25 decembre", "toussaint": "1er novembre", "nouvel an": "1er janvier", "jour de l'an": "1er janvier",
            "saint-sylvestre": "31 decembre", "reveillon": "31 decembre"}
_HOLIDAY = re.compile(r"\b(?:la |le )?(" + "|".join(HOLIDAYS) + r")\b")
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
               "octobre", "novembre", "décembre"]
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# ("vous avez eu 2000 participants ?": a number followed by the plural noun it counts is an amount, not a year; "en
# 2024 les visites", "2024 vs 2023", "en 2024 réponds" are years)
_YEAR = r"(?:(?<=\ben )|(?<=\bdepuis )|(?<=\bfin )|(?<=\bdebut )|(?<=\bannee )|(?<=\bentre )|(?<=\bvs )|(?<=\bpour )|"\
        r"(?<=\bau )|(?<=\bdes )|(?<=\bet )|(?!\d{4} (?!(?:les|des|mes|tes|ses|nos|vos|leurs|ces|tous|toutes|plus|moins|"\
        r"vs|sans|dans|sous|depuis|apres|alors|lors|puis|mais|quels|quelles|combien|vous|nous|ils|elles|eux|pas|tres|"\
        r"jamais|toujours|vers|chez|hors|\w+(?:ais|ois|eux|ons|ez))\b)[a-z]{3,}[sx]\b))(20[0-4]\d|19[89]\d)"


@dataclass(frozen=True)
class Period:
    """A span of days a question refers to. `year_known` is False for "le 4 juillet" with no year."""
    start: date
    end: date
    label: str
    year_known: bool = True
    # "cette année", "l'an dernier", "cet été", "depuis janvier": said from today, which the engine may read from the
    # last day of the year the data covers instead
    implied: bool = False

    def contains(self, day: date) -> bool:
        if self.year_known:
            return self.start <= day <= self.end
        probe = _safe(day.year, self.start.month, self.start.day), _safe(day.year, self.end.month, self.end.day)
        return probe[0] <= day <= probe[1]


@dataclass(frozen=True)
class DateInfo:
    period: Period | None  # the span asked about, if any
    years: tuple[int, ...]  # every explicit year, in order of mention
    future: bool  # "prochain", "à venir", "bientôt"...: after the reference day
    past: bool  # "dernier", "précédent": before the reference day
    months: tuple[tuple[int, int], ...] = ()  # every month named with its year ("janvier 2024"), in order
    weekday: int | None = None  # "le samedi", "les mardis": that day of the week only (0 is Monday)


def _safe(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _safe(year, month, 31)


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _add_months(day: date, n: int) -> date:
    m = day.month - 1 + n
    return _safe(day.year + m // 12, m % 12 + 1, day.day)


def _full_year(token: str) -> int:
    y = int(token)
    return y + 2000 if y < 100 else y


def read_dates(text: str, today: date) -> DateInfo:
    t = _HOLIDAY.sub(lambda m: "le " + HOLIDAYS[m.group(1)], fold(text))
    t = re.sub(rf"\b({_MONTH_RE})\.? ([1-3]\d)\b(?![\d/:h])", r"\1 20\2", t)  # "juin 24": June 2024
    # "cette année (2024)", "l'an dernier (2023)": the year in brackets says which one is meant
    t = re.sub(rf"\b(?:cette annee|l'(?:annee|an) (?:derniere?|passee?|precedente?))\s*\(\s*(?:en |soit |donc )?({_YEAR})\s*\)",
               r"en \1", t)
    years = tuple(int(y) for y in re.findall(rf"\b{_YEAR}\b", t))
    if len(years) == 1 and (m := re.search(r"\bl'(?:annee|an|exercice) (d'avant|precedente?|suivante?|d'apres)\b|"
                                           r"\bqu(?:'|e )(avant|auparavant)\b", t)):
        # "en 2024 et l'année d'avant", "plus en 2024 qu'avant ?": the year before the one named
        years = tuple(sorted({years[0], years[0] + (1 if m.group(1) in ("suivant", "suivante", "d'apres") else -1)}))
    # ("un futur chantier", "nos futurs locaux": a thing described, no time asked; "un programme sur l'emploi": a noun)
    future = bool(re.search(r"\b(prochaine?s?|prochainement|sous peu|a venir|bientot|(?<!un )(?<!une )(?<!notre )(?<!nos )(?<!mon )(?<!ma )(?<!mes )futur[es]*|suivante?s?|d'ici|il reste|reste-t-il|apres le \d+|a partir du \d+|(?:apres |a partir d'|des )aujourd'hui|(?<!etait )(?<!etaient )(?:prevue?s?|(?<!un )(?<!le )(?<!du )(?<!ce )(?<!votre )(?<!notre )(?<!son )(?<!des )(?<!les )(?<!vos )(?<!nos )(?<!ses )programmee?s?)|qui (?:arrive(?:nt)?|approche(?:nt)?|vient|viennent)(?! (?:au|aux|dans|chez|parmi|de|d')\b))\b", t))  # "un forum qui arrive"
    past = bool(re.search(r"\b(derniere?s?|precedente?s?|recemment|dernierement)\b", t)) and not future
    period = _relative(t, today) or _absolute(t, today, years)
    this = re.search(r"\b(?:cette annee|l'(?:annee|an) (?:derniere?|passee?))\b(?![- ]la)", t)
    if years and period and this and period.start.year not in years:
        # "combien cette année et en 2023 ?": the year said in words is asked beside the one in figures
        at = [m.start() for m in re.finditer(rf"\b{_YEAR}\b", t)]
        years = tuple(y for y, i in zip(years, at) if i < this.start()) + (period.start.year,) \
            + tuple(y for y, i in zip(years, at) if i > this.start())
    if not years and period and period.implied and re.search(r"\bcette annee\b", t) \
            and re.search(r"\bl'(?:annee|an) (?:derniere?|passee?)\b", t):
        # "combien cette année, et l'an dernier ?": both years
        years = (today.year - 1, today.year)
        period = Period(date(today.year - 1, 1, 1), date(today.year, 12, 31), f"{today.year - 1} et {today.year}",
                        implied=True)
    if period and period.end < today:
        future = False  # "les ateliers programmés entre juillet et octobre 2024", asked in December
    if period and re.search(r"\b(mois|semaine|annee|an)\s+(dernier|derniere|passee?|prochaine?)\b", t):
        future = past = False  # "le mois dernier" names a span; it is not "the last one"
    if period and not period.year_known and not years \
            and (m := re.search(rf"\b({_MONTH_RE})\s+(dernier|passe|prochain)\b", t)):
        # "en décembre dernier", "en mars prochain": that month, the last one before today or the next one after it
        month = MONTHS[m.group(1)]
        year = today.year - (month >= today.month) if m.group(2) != "prochain" else today.year + (month <= today.month)
        end = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
        period, future, past = Period(date(year, month, 1), end, f"{MONTH_NAMES[month - 1]} {year}"), False, False
    # "des visites le samedi ?", "les ateliers du mardi": a day of the week, not a day of the calendar ("le lundi 30")
    day = re.search(r"\b(?:le|les|du|des|un|chaque|tous les) (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b"
                    r"(?! (?:\d|dernier|prochain))", t)
    return DateInfo(period, years, future, past, _listed_months(t), WEEKDAYS.index(day.group(1)) if day else None)


def _listed_months(t: str) -> tuple[tuple[int, int], ...]:
    """Every month named with its year, in order: "en janvier 2024 et en décembre 2023"; "en octobre, novembre
    et décembre 2023" gives the listed months the year that closes the list. A span ("entre mars et juin",
    "de mars à juin") names its bounds, not a list."""
    if re.search(rf"\b(?:entre|de|du|depuis)\s+(?:\w+\s+)?(?:{_MONTH_RE})\b", t):
        return tuple(dict.fromkeys((int(m.group(2)), MONTHS[m.group(1)])
                                   for m in re.finditer(rf"\b({_MONTH_RE})\.? {_YEAR}\b", t)))
    out, pending = [], []
    for m in re.finditer(rf"\b({_MONTH_RE})\.?(?: {_YEAR})?\b|(\S+)", t):
        if m.group(1):
            pending.append(MONTHS[m.group(1)])
            if m.group(2):
                out += [(int(m.group(2)), month) for month in pending]
                pending = []
        elif not re.fullmatch(r"(?:et|en|ou|puis|au|mois|de|d'|respectivement)?", m.group(3).strip(",;")):
            pending = []  # anything else between two months ends the list
    return tuple(dict.fromkeys(out))


_SPAN = r"cette semaine|la semaine (?:prochaine|derniere|passee)|ce mois(?:-ci)?|le mois (?:prochain|dernier|passe)"


def _relative(t: str, today: date) -> Period | None:
    if re.search(r"\b(?:ce mois|cette annee|ce jour|cette semaine|cette date)[- ]la\b", t):
        return None  # "ce jour-là", "ce mois-là" point back at a time named before, not at today
    if re.search(r"\b(?:apres |a partir d'|des )aujourd'hui\b", t):
        return None  # "le prochain après aujourd'hui": from today on, what comes next says it
    if m := re.search(rf"\b({_SPAN})\s*,?\s*(?:ou|et|voire)\s+(?:(?:dans|pendant|durant) )?({_SPAN})\b", t):
        # "cette semaine ou la semaine prochaine", "ce mois-ci et le mois prochain": both spans, end to end
        if (a := _relative(m.group(1), today)) and (b := _relative(m.group(2), today)):
            start, end = min(a.start, b.start), max(a.end, b.end)
            return Period(start, end, f"du {format_date(start)} au {format_date(end)}")
    if "aujourd'hui" in t or "ce jour" in t:
        return Period(today, today, "aujourd'hui")
    if re.search(r"\bdemain\b", t):
        d = today + timedelta(days=1)
        return Period(d, d, "demain")
    if re.search(r"\bhier\b", t):
        d = today - timedelta(days=1)
        return Period(d, d, "hier")
    if m := re.search(r"\b(cette|la) semaine( prochaine| derniere| passee)?\b", t):
        shift = {" prochaine": 7, " derniere": -7, " passee": -7}.get(m.group(2) or "", 0)
        if m.group(1) == "la" and not m.group(2):
            return None
        s, e = _week(today + timedelta(days=shift))
        return Period(s, e, {0: "cette semaine", 7: "la semaine prochaine"}.get(shift, "la semaine dernière"))
    if m := re.search(r"\b(ce mois(?:-ci)?|le mois (prochain|dernier|passe))\b", t):
        shift = {"prochain": 1, "dernier": -1, "passe": -1}.get(m.group(2) or "", 0)
        d = _add_months(today.replace(day=1), shift)
        s, e = _month_span(d.year, d.month)
        return Period(s, e, f"{MONTH_NAMES[d.month - 1]} {d.year}")
    if m := re.search(r"\b(cette annee|l'annee (prochaine|derniere|passee)|l'an (prochain|dernier|passe))\b", t):
        word = m.group(2) or m.group(3) or ""
        y = today.year + (1 if word.startswith("prochain") else -1 if word else 0)
        return Period(date(y, 1, 1), date(y, 12, 31), str(y), implied=True)
    if re.search(r"(?<!fin )(?<!debut )(?<!milieu )(?<!mi-)\b(?:de|sur) l'annee\b(?! (?:\d|derniere|prochaine|passee|precedente|suivante|d'avant|d'apres))", t):
        return Period(date(today.year, 1, 1), date(today.year, 12, 31), str(today.year), implied=True)
    if m := re.search(rf"\bd'ici (?:la |le |a la |a )?(mi|fin|debut)?-?\s*({_MONTH_RE})\b", t):
        month = MONTHS[m.group(2)]
        year = today.year if month >= today.month else today.year + 1
        day = {"mi": 15, "debut": 5}.get(m.group(1) or "", 31)
        end = _safe(year, month, day)
        return Period(today, end, f"d'ici {format_date(end)}")
    if m := re.search(rf"\b(d'ici (?:le |au )?|jusqu'(?:au|a) |avant (?:le )?)(\d{{1,2}})(?:er)? ({_MONTH_RE})(?: {_YEAR})?\b", t):
        month, day_ = MONTHS[m.group(3)], int(m.group(2))  # "d'ici le 30 novembre": from today to that day
        ahead = (month, day_) >= (today.month, today.day)
        before = m.group(1).startswith("avant")  # "avant le 25 décembre": up to the day before
        year = int(m.group(4)) if m.group(4) else today.year if ahead or m.group(1).startswith(("j", "a")) else today.year + 1
        end = _safe(year, month, day_) - timedelta(days=before)
        if end >= today:  # "jusqu'au 30 juin", asked in November, speaks of the past: read as a day
            return Period(today, end, f"d'ici le {format_date(end)}")
        if before:  # "les ateliers avant le 1er mars", asked later: that year, up to then
            return Period(date(end.year, 1, 1), end, f"avant le {format_date(end + timedelta(days=1))}")
    if m := re.search(rf"\b(?:du|entre le) (?P<d1>\d{{1,2}})(?:er)? (?P<m1>{_MONTH_RE})(?: (?P<y1>\d{{4}}))? (?:au|et le) "
                      rf"(?P<d2>\d{{1,2}})(?:er)? (?P<m2>{_MONTH_RE})(?: (?P<y2>\d{{4}}))?\b", t):  # "du 15 mai au 15 juin 2024"
        y2 = int(m["y2"] or m["y1"] or today.year)
        y1 = int(m["y1"] or y2)
        start, end = _safe(y1, MONTHS[m["m1"]], int(m["d1"])), _safe(y2, MONTHS[m["m2"]], int(m["d2"]))
        if start <= end:
            return Period(start, end, f"du {format_date(start)} au {format_date(end)}")
    if m := re.search(rf"\b(?:apres le|a partir du|a compter du|des le) (\d{{1,2}})(?:er)? ({_MONTH_RE})(?: ({_YEAR}))?\b", t):
        year = int(m.group(3)) if m.group(3) else today.year  # "après le 1er septembre": that day and what follows
        start = _safe(year, MONTHS[m.group(2)], int(m.group(1)))
        return Period(start, _add_months(start, 12), f"à partir du {format_date(start)}")
    if m := re.search(rf"\bdepuis le (\d{{1,2}})(?:er)? ({_MONTH_RE})(?: ({_YEAR}))?\b", t):
        month, day = MONTHS[m.group(2)], int(m.group(1))  # "depuis le 1er octobre": that day to today
        year = int(m.group(3)) if m.group(3) else today.year if (month, day) <= (today.month, today.day) else today.year - 1
        start = _safe(year, month, day)
        return Period(start, max(today, start), f"depuis le {format_date(start)}")
    if m := re.search(rf"\bdepuis (?:la )?rentree(?: (?:de septembre|{_YEAR}))?\b", t):
        year = today.year if today.month >= 9 else today.year - 1  # "depuis la rentrée": from 1 September
        end = date(year, 12, 31) if re.search(r"\bjusqu'(?:a|au) (?:la )?fin (?:de l'annee|decembre)\b", t) else today
        return Period(date(year, 9, 1), max(end, date(year, 9, 1)), f"depuis le 1er septembre {year}")
    if m := re.search(r"\b(?:d'ici|avant|jusqu'a) (?:la )?fin (?:du |de (?:la |l')?|d')(mois|semaine|annee)\b", t):
        end = {"mois": _month_span(today.year, today.month)[1], "semaine": _week(today)[1],
               "annee": date(today.year, 12, 31)}[m.group(1)]
        return Period(today, end, f"d'ici le {format_date(end)}")
    if m := re.search(r"\bdans les (\d+|deux|trois|quatre|six) (?:prochaine?s )?(jours|semaines|mois)\b"
                      r"|\b(?:les|dans les) (\d+|deux|trois|quatre|six) prochaine?s (jours|semaines|mois)\b", t):
        count, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        n = {"deux": 2, "trois": 3, "quatre": 4, "six": 6}.get(count) or int(count)
        end = _add_months(today, n) if unit == "mois" else today + timedelta(days=n * (7 if unit == "semaines" else 1))
        return Period(today, end, f"d'ici le {format_date(end)}")
    if m := re.search(rf"\bdepuis (?:le (?:debut|1er|premier) (?:de l'annee|janvier)|le debut d'annee|"
                      rf"(?:le (?:debut du |mois de )|debut )?({_MONTH_RE})\b(?! \d))", t):
        month = MONTHS.get(m.group(1) or "", 1)  # "depuis janvier": from 1 January of this year to today
        year = today.year if month <= today.month else today.year - 1
        return Period(date(year, month, 1), today, f"depuis le 1er {MONTH_NAMES[month - 1]} {year}", implied=month == 1)
    if re.search(r"\b(prochains? jours|dans les jours qui viennent)\b", t):
        return Period(today, today + timedelta(days=14), "les prochains jours")
    return None


def _absolute(t: str, today: date, years: tuple[int, ...]) -> Period | None:
    if m := re.search(rf"\b(?:entre|de|du) (?:le mois de )?({_MONTH_RE}) {_YEAR} (?:et|a|au) (?:le mois de )?"
                      rf"({_MONTH_RE}) {_YEAR}\b", t):
        start = date(int(m.group(2)), MONTHS[m.group(1)], 1)
        end = _month_span(int(m.group(4)), MONTHS[m.group(3)])[1]
        return Period(start, end, f"de {_month_label(start.month, start.month, start.year)} à "
                                  f"{_month_label(end.month, end.month, end.year)}")
    if m := re.search(rf"\b(fin|debut)(?: de l'annee| d'annee)? {_YEAR}\b", t):
        y, end = int(m.group(2)), m.group(1) == "fin"
        # "fin 2024" is its last month (a year-end figure); "début 2024" its first quarter ("validé en début d'année
        # 2024" of a February bureau)
        s, e = _month_span(y, 12) if end else (date(y, 1, 1), _month_span(y, 3)[1])
        return Period(s, e, f"{'fin' if end else 'début'} {y}")
    if m := re.search(rf"\b(?:entre|de) {_YEAR} (?:et|a) {_YEAR}\b", t):
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        return Period(date(lo, 1, 1), date(hi, 12, 31), f"de {lo} à {hi}")
    if m := re.search(rf"\bdepuis (?:le mois de |le debut de |debut )?({_MONTH_RE}) {_YEAR}\b", t):
        start = date(int(m.group(2)), MONTHS[m.group(1)], 1)
        return Period(start, max(today, _month_span(start.year, start.month)[1]),
                      f"depuis {_month_label(start.month, start.month, start.year)}")
    if m := re.search(rf"\bdepuis (?:l'annee |l'an |(?:la |sa |son )?(?:creation|fondation|lancement)"
                      rf"(?: (?:du|de la|de l') ?[\w'-]+)? (?:en )?)?{_YEAR}\b", t):
        # "depuis sa création en 2015 (jusqu'en 2024)", "depuis la création du cluster en 2015"
        start = int(m.group(1))
        if (until := re.search(rf"\bjusqu'(?:en|a|au) (?:fin )?{_YEAR}\b", t[m.end():])) and int(until.group(1)) > start:
            return Period(date(start, 1, 1), date(int(until.group(1)), 12, 31), f"de {start} à {until.group(1)}")
        return Period(date(start, 1, 1), max(today, date(start, 12, 31)), f"depuis {start}")
    # dd/mm(/yyyy) or dd-mm-yyyy
    if m := re.search(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b", t):
        d, mo = int(m.group(1)), int(m.group(2))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            if m.group(3):
                day = _safe(_full_year(m.group(3)), mo, d)
                return Period(day, day, format_date(day))
            return _day_month(d, mo, years, today)
    # "4 juillet", "1er mars 2024", "13-mars-25"
    if m := re.search(rf"\b(\d{{1,2}})(?:er)?[\s-]+({_MONTH_RE})\b(?:[\s-]+(\d{{4}}|\d{{2}})\b)?", t):
        d, mo = int(m.group(1)), MONTHS[m.group(2)]
        if 1 <= d <= 31:
            if m.group(3):
                day = _safe(_full_year(m.group(3)), mo, d)
                return Period(day, day, format_date(day))
            return _day_month(d, mo, years, today)
    if m := re.search(rf"\bentre (?:le |la )?({ORDINAL}) et (?:le |la )?({ORDINAL})\s+(trimestre|semestre)s?\b", t):
        y = years[0] if years else today.year  # "entre le premier et le second semestre": both, one span
        months = 3 if m.group(3) == "trimestre" else 6
        first, last = (_QUARTERS.get(g, 2) for g in (m.group(1), m.group(2)))
        last = min(last, 12 // months)
        return Period(date(y, months * (first - 1) + 1, 1), _month_span(y, months * last)[1],
                      _month_label(months * (first - 1) + 1, months * last, y))
    if m := re.search(r"\b(?:(1er|premier|2e|2eme|2nd|deuxieme|second|3e|3eme|troisieme|4e|4eme|quatrieme|dernier)\s+"
                      rf"trimestre|[tq]([1-4])(?= {_YEAR}))\b", t):
        y = years[0] if years else today.year  # "le premier trimestre 2024", "T3 2024"
        n = int(m.group(2)) if m.group(2) else _QUARTERS[m.group(1)]
        s, e = date(y, 3 * n - 2, 1), _month_span(y, 3 * n)[1]
        return Period(s, e, f"{_month_label(3 * n - 2, 3 * n, y)}")
    if m := re.search(r"\b(1er|premier|2e|2eme|2nd|2nde|second|seconde|deuxieme)\s+semestre\b", t):
        y = years[0] if years else today.year
        first = m.group(1) in ("1er", "premier")
        s, e = (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))
        return Period(s, e, f"{'premier' if first else 'second'} semestre {y}")
    # "été" is a season after "cet", "l'" or "en" only ("il a été organisé" is a verb)
    # a month named beside the season is narrower ("pour le bilan de l'été, … en juillet 2024")
    if (m := re.search(r"\b(printemps|automne|hiver)\b|(?:\bcet |\bl'|\ben )(ete)\b", t)) \
            and not re.search(rf"\b({_MONTH_RE})\b", t):
        y = years[0] if years else today.year  # "au printemps": the season's months of the year asked
        season = m.group(1) or m.group(2)
        lo, hi = SEASONS[season]
        side = re.search(r"\b(apres|avant) (?:l'|le |la )?$", t[:m.start(1) if m.group(1) else m.start(2)])
        the = f"l'{_SEASON_NAMES[season]}" if season[0] in "ae" else f"le {season}"
        if side and lo < hi:  # "après l'été": from the month after it to the end of the year
            if side.group(1) == "apres" and hi < 12:
                return Period(date(y, hi + 1, 1), date(y, 12, 31), f"après {the}")
            if side.group(1) == "avant" and lo > 1:
                return Period(date(y, 1, 1), _month_span(y, lo - 1)[1], f"avant {the}")
        if lo > hi:  # winter spans two years: its start is December of the year before
            return Period(date(y - 1, lo, 1), _month_span(y, hi)[1], f"hiver {y}")
        if not years and not re.search(r"\bce(?:t|tte)? $", t[:m.start(1) if m.group(1) else m.start(2)]):
            # "l'atelier pour rafraîchir la ville en été": a season of no year said, as "en mars" is a month of any
            # year; "cet été" is this year's
            return Period(date(2000, lo, 1), _month_span(2000, hi)[1], _SEASON_NAMES[season], year_known=False)
        return Period(date(y, lo, 1), _month_span(y, hi)[1], f"{_SEASON_NAMES[season]} {y}", implied=not years)
    months = [(MONTHS[x.group(1)], x.start()) for x in re.finditer(rf"\b({_MONTH_RE})\b", t)]
    # "mars" alone is a month; "mai" and "sept" too; avoid matching "dec" inside words (\b does it)
    if months:
        first, last = months[0][0], months[-1][0]
        if len(years) == 1 or not years:
            y = years[0] if years else None
            lo, hi = sorted((first, last))
            if y is None:
                return Period(date(2000, lo, 1), _safe(2000, hi, 31), _month_label(lo, hi, None), year_known=False)
            return Period(date(y, lo, 1), _safe(y, hi, 31), _month_label(lo, hi, y))
    if len(years) == 1:
        y = years[0]
        return Period(date(y, 1, 1), date(y, 12, 31), str(y))
    return None


# The seasons as whole months (the astronomical dates fall around the 21st: "au printemps" is March to June).
SEASONS = {"printemps": (3, 6), "ete": (6, 9), "automne": (9, 12), "hiver": (12, 3)}
_SEASON_NAMES = {"printemps": "printemps", "ete": "été", "automne": "automne", "hiver": "hiver"}
_QUARTERS = {"1er": 1, "premier": 1, "2e": 2, "2eme": 2, "2nd": 2, "deuxieme": 2, "second": 2, "3e": 3, "3eme": 3,
             "troisieme": 3, "4e": 4, "4eme": 4, "quatrieme": 4, "dernier": 4}
# "le premier", "le 2e", "la seconde" (trimestre, semestre): the ordinals a part of the year is named by.
ORDINAL = "|".join(_QUARTERS) + "|2nde|seconde"


def _day_month(d: int, mo: int, years: tuple[int, ...], today: date) -> Period:
    if years:
        day = _safe(years[0], mo, d)
        return Period(day, day, format_date(day))
    day = _safe(2000, mo, d)
    return Period(day, day, f"{d} {MONTH_NAMES[mo - 1]}", year_known=False)


def _month_label(lo: int, hi: int, year: int | None) -> str:
    y = f" {year}" if year else ""
    if lo == hi:
        return f"{MONTH_NAMES[lo - 1]}{y}"
    return f"{MONTH_NAMES[lo - 1]} à {MONTH_NAMES[hi - 1]}{y}"


_MONTH_TYPED = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"


def undated(text: str) -> str:
    """The text without the day or month it names, its year kept: "l'AG de juin 2024 a validé qui ?" →
    "l'AG 2024 a validé qui ?"."""
    return re.sub(rf"(?:\s+d['’]|(?:\s+(?:au mois de|du mois de|de|du|en|le|au|ce))?\s+)(?:(?:\d{{1,2}}|1er|premier)\s+)?"
                  rf"(?:{_MONTH_TYPED})\b", "", text, flags=re.I)  # "le forum d'octobre"


def format_date(day: date, with_year: bool = True) -> str:
    """26 avril 2024 (1er for the first day, as French writes it)."""
    d = "1er" if day.day == 1 else str(day.day)
    return f"{d} {MONTH_NAMES[day.month - 1]}" + (f" {day.year}" if with_year else "")


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def format_day(day: date) -> str:
    """mercredi 11 septembre 2024."""
    return f"{WEEKDAYS[day.weekday()]} {format_date(day)}"
