"""Answers from key figures: match the metrics a question names, at the periods it asks about."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from assistant.reading.dates import MONTH_NAMES
from assistant.answers.draft import Draft, figure_source
from assistant.reading.normalize import content_stems, fold, related, stem
from assistant.knowledge.records import Figure
from assistant.reading.understanding import (FALL, KIND_ASKED, MONTH_WORDS, RISE, SHARE_STEMS, THEME_STEMS, WHICH_PERIOD,
                                             Lexicon, Query, canonical)

MAX_METRICS = 4
SIZES = "grand|gros|petit|moyen"  # adjectives that qualify a noun before it


# "en nombre et en %", "combien et quelle part": a count and a share both asked
_SHARE = r"(?:%|\b(?:pourcentage|part|proportion)\b)"
BOTH_MEASURES = re.compile(rf"\b(?:en nombre|combien)\b[^?]*\b(?:et|ainsi que)\b[^?]*{_SHARE}|"
                           rf"{_SHARE}[^?]*\b(?:et|ainsi que)\b[^?]*\b(?:en nombre|combien)\b")  # not "combien en % ?"


@dataclass
class _Metric:
    key: str
    label: str
    stems: set[str]  # of the label, the table and the aliases
    names: list[set[str]]  # stems of the label and of each alias, apart
    figures: list[Figure]  # one per period, oldest first
    sized: set[tuple[str, str]]  # a size and the noun it qualifies in the label ("grandes entreprises")

    @property
    def group(self) -> str:
        """The table it belongs to ("Membres par catégorie (2024)")."""
        return self.figures[0].group

    @property
    def whole(self) -> bool:
        """A table's total, none of its categories ("Total des membres …")."""
        return bool(re.search(r"\b(total|ensemble|global)\b", fold(self.label)))


def format_number(value: float, unit: str = "") -> str:
    """French number: 1 692, 67,44 ; units after a space (38 %)."""
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", "\u202f") if abs(value) >= 10000 else str(int(value))
    else:
        text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} %" if unit == "%" else text


def period_label(period: str) -> str:
    if len(period) == 7:
        return f"{MONTH_NAMES[int(period[5:]) - 1]} {period[:4]}"
    return period


class FigureBook:
    def __init__(self, figures: list[Figure], lexicon: Lexicon):
        self.lexicon = lexicon
        grouped: dict[str, list[Figure]] = defaultdict(list)
        for f in figures:
            grouped[f"{f.group}|{f.metric}"].append(f)
        self.metrics = []
        for key, figs in grouped.items():
            f0 = figs[0]
            text = " ".join([f0.metric, f0.group, *f0.aliases])
            if f0.unit == "%":
                text += " part pourcentage proportion taux"  # a share answers "quel pourcentage", "quelle part"
            names = [set(content_stems(canonical(n))) for n in (f0.metric, *f0.aliases)]
            sized = {(stem(a), stem(n)) for a, n in re.findall(rf"\b({SIZES})\w* (?:et \w+ )?(\w+)", fold(f0.metric))}
            self.metrics.append(_Metric(key, f0.metric, set(content_stems(canonical(text))), names,
                                        sorted(figs, key=lambda f: f.period), sized))

    def _periods(self, q: Query, m: _Metric) -> list[Figure]:
        """The figures of a metric at the periods the question asks about (all when it names none);
        "au début" is the first one, "maintenant" the last."""
        if q.has("now") and (day := q.dates.period) and day.start == day.end and not q.dates.years:
            q = replace(q, dates=replace(q.dates, period=None))  # "combien de membres aujourd'hui ?": the latest count
        figs = self._asked_periods(q, m)
        dated = [f for f in figs if f.period]
        if dated and q.has("first") and not q.dates.years:
            return dated[:1]
        if dated and q.has("now") and not (q.dates.years or q.dates.period):
            return dated[-1:]
        return figs

    def _asked_periods(self, q: Query, m: _Metric) -> list[Figure]:
        if not any(f.period for f in m.figures) and (period := q.dates.period) and str(period.start.year) in m.label:
            return m.figures  # "… par an depuis 2017 ?": a value the report gives with no date, but that span in its name
        years = {str(y) for y in q.dates.years}
        period = q.dates.period
        named = {f"{y}-{m:02d}" for y, m in q.dates.months}
        if len(named) > 1 and (months := [f for f in m.figures if f.period in named]):
            return months  # "en janvier 2024 et en décembre 2023": those months, not the span between them
        if period and period.year_known and not years:  # "l'an dernier", "cette année"
            years = {str(y) for y in range(period.start.year, period.end.year + 1)}
        whole_years = (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31) \
            if period else False
        from_january = period and (period.start.month, period.start.day) == (1, 1)  # "depuis 2023", asked any day
        if period and not period.year_known and (same := [f for f in m.figures if len(f.period) == 7 and
                                                          period.start.month <= int(f.period[5:]) <= period.end.month]):
            latest = max(f.period[:4] for f in same)  # "en décembre": the last December the report gives
            return [f for f in same if f.period[:4] == latest]
        if period and period.year_known and period.start.year != period.end.year and from_january:
            lo, hi = str(period.start.year), str(period.end.year)
            yearly = [f for f in m.figures if len(f.period) == 4 and lo <= f.period <= hi]
            return yearly or [f for f in m.figures if f.period and lo <= f.period[:4] <= hi]
        if period and period.year_known and not whole_years:
            months = [f for f in m.figures if len(f.period) == 7 and
                      period.start.strftime("%Y-%m") <= f.period <= period.end.strftime("%Y-%m")]
            if not months and _year_end(period) and not any(len(f.period) == 7 for f in m.figures):
                # "combien d'adhérents fin 2024 ?": a count the report gives once a year is its year-end count (and
                # those of the other years named: "fin 2024 vs 2023")
                return [f for f in m.figures if f.period == str(period.end.year) or f.period in years]
            return months
        if years:
            exact = [f for f in m.figures if f.period in years]
            if len(exact) == 1 and q.has("decrease", "increase", "compare"):
                earlier = [f for f in m.figures if f.period and f.period < exact[0].period and len(f.period) == 4]
                later = [f for f in m.figures if f.period and f.period > exact[0].period and len(f.period) == 4]
                # a change needs the period before; "… par rapport à 2023" names the one it starts from
                since = re.search(rf"\b(?:par rapport (?:a|au)|compare\w* (?:a|au|avec)|vs|depuis) (?:l'annee )?{exact[0].period}\b",
                                  q.folded)
                exact = exact + later[-1:] if later and since else earlier[-1:] + exact
            return exact or [f for f in m.figures if f.period[:4] in years and len(f.period) == 7]
        return m.figures

    def table(self, q: Query) -> Draft | None:
        """"Donne-moi les chiffres clés", "quels sont les chiffres de LinkedIn ?": a table the question
        names (every word of its title, years aside), listed whole at the period asked or the latest."""
        by = re.search(r"\b(?:par|selon (?:le|la|les)) (\w+)", q.folded)
        if by and by.group(1) in ("mois", "an", "annee", "trimestre", "semestre"):
            return None  # "par mois": one series over time, not a table of figures
        if q.has("sum") and (not by or re.search(r"\b(?:additionn|somme|cumul|ajout)\w*", q.folded)):
            return None  # "si on additionne les fréquences du tableau": a total of its rows, not the rows
        kind = KIND_ASKED.search(q.folded)  # "c'est quel genre de membres ?"
        if not (q.has("list", "what") or by or kind or re.search(r"\b(donne|montre|affiche|tous|toutes|repartition|"
                                                                 r"repartit|repartiss\w*|repartie?s?)\b", q.folded)):
            return None
        asked = _kinds(set(content_stems(q.folded)) | set(q.topic))  # "adhérents" read as "membres"
        tables: dict[str, list[_Metric]] = defaultdict(list)
        for m in self.metrics:
            tables[m.group].append(m)
        named = []
        for group, metrics in tables.items():
            title = _kinds({s for s in content_stems(canonical(re.sub(r"\(.*?\)", "", group))) if not s.isdigit()})
            if by and (m := re.search(r"\bpar (\w+)(.*)", fold(group))) \
                    and _kinds({stem(m.group(1))}) == _kinds({stem(by.group(1))}):
                title -= set(content_stems(m.group(2)))  # "par secteur" names "… par secteur d'activité"
            if len(metrics) >= 3 and title and title <= asked:
                named.append((len(title), group, metrics))
        others = []
        if not named and re.search(r"\b(?:repart|ventil)\w*", q.folded):
            # "les membres se répartissent comment ?": of the tables breaking the members down (by category, by
            # college, by sector), the one whose rows the question speaks of most ("des petites boîtes, des mairies"),
            # the others named
            split = []
            for group, metrics in tables.items():
                subject, _, by_what = re.sub(r"\s*\(.*?\)", "", group).partition(" par ")
                title = _kinds({s for s in content_stems(canonical(fold(subject))) if not s.isdigit()})
                # "comment se répartissent les structures entre les collèges ?": the breakdown named, its subject in
                # other words
                by_named = set(content_stems(canonical(fold(by_what)))[:1]) <= set(q.topic) if by_what else False
                if len(metrics) >= 3 and by_what and title and (title <= asked or by_named):
                    rows = set().union(*(m.stems for m in metrics)) - title
                    split.append((by_named, len(rows & set(q.topic)), len(metrics), group, metrics, by_what))
            if split:
                split.sort(key=lambda x: (-x[0], -x[1], -x[2]))
                named = [(0, split[0][3], split[0][4])]
                others = [by_what for *_, by_what in split[1:] if not split[0][0]]
        if not named:
            return None
        _, group, metrics = max(named, key=lambda x: x[0])
        if q.has("count"):  # "combien de PME dans la répartition par collège ?": a row of another table
            beyond = set(q.topic) - set().union(*(m.stems for m in metrics))
            if any(beyond & o.stems for o in self.metrics if o.group != group):
                return None
            # "dans la répartition par collège, combien de personnes qualifiées ?": a row of it, not all of them
            shared = frozenset.intersection(*(frozenset(m.stems) for m in metrics))
            asked_rows = set(q.topic) - _illustrative(q.folded)  # "(privés, publics...)" shows the table
            if 0 < len([m for m in metrics if asked_rows & (m.stems - shared)]) < len(metrics):
                return None
        lines, sources = [], []
        several = len(q.dates.months) > 1 or len(q.dates.years) > 1  # "en mars 2024 par rapport à octobre 2023"
        for m in metrics:
            figs = self._periods(q, m) or m.figures
            shown = figs[::-1] if several else figs[-1:]
            lines.append(f"- {m.label} : " + ", ".join(format_number(f.value, f.unit) + (
                f" ({period_label(f.period)})" if f.period else "") for f in shown))
            sources += [figure_source(f, f"{f.metric} ({period_label(f.period) or 'sans date'}) : "
                                         f"{format_number(f.value, f.unit)}") for f in shown]
        text = f"{group} — {len(metrics)} chiffres :\n" + "\n".join(lines)
        latest = [(self._periods(q, m) or m.figures)[-1] for m in metrics]
        if q.has("sum") and not several and len({f.period for f in latest}) == 1 and "%" not in {f.unit for f in latest}:
            # "le total des membres par collège ?": the rows, and what they add up to
            units = {f.unit for f in latest}
            text += f"\nTotal : {format_number(sum(f.value for f in latest), units.pop() if len(units) == 1 else None)}."
        if others:
            text += "\nLe bilan les répartit aussi par " + " et par ".join(others) + "."
        # "quels types de membres ?" names this table by its breakdown too ("par catégorie"): the whole answer
        coverage = 1.0 if kind or _kinds(set(q.topic)) & {stem("type")} else 0.95
        return Draft(text, sources, coverage=coverage, focus={"kind": "figures", "ids": [s.id for s in sources], "table": group})

    def answer(self, q: Query, only: list[str] | None = None) -> Draft | None:
        """`only`: the figures said last ("et en 2023 ?" asks the same series of another year)."""
        ranking = re.search(r"\b(class(?:er|e|ez|ement)|tri(?:er|e|ez)|par ordre)\b", q.folded)
        level = asked_level(q)
        one_share = re.search(r"\b(part|pourcentage|proportion)\b", q.folded) and not q.has("list") \
            and not re.search(r"\b(chaque|tous|toutes)\b", q.folded)  # "les PME pèsent quelle part … ?": one row
        if not (ranking or level or q.has("max", "min") or one_share) and (listing := self.table(q)):
            return listing
        topic = set(q.topic)
        if q.has("max", "min"):  # "la plus forte hausse", "le moins représenté": how to rank, not what
            topic -= {stem(w) for w in re.findall(r"\b(?:plus|moins) (\w+)", q.folded)}
        if ranking:
            topic -= {stem(ranking.group(1))}  # "classe-les": how to show them
        if not topic:
            return None
        if (ranking or q.has("max", "min")) and (broken := self._broken_down(q, topic, bool(ranking))):
            return broken
        illustrative = _illustrative(q.folded)  # "(ETI, GE, PME...), combien de PME ?": examples weigh half
        total = self.lexicon.weight(topic) - 0.5 * self.lexicon.weight(topic & illustrative)
        asked = set(content_stems(q.folded))  # with "an", "mois"...: they tell metrics apart
        wants_share = bool(re.search(r"\b(part|pourcentage|proportion|taux|%|pour ?cent)\b", q.folded))
        ranks = {w for w in asked if w.isdigit() and len(w) <= 2}
        scored, gaps = [], []
        for m in self.metrics:
            if only and not any(f.id in only for f in m.figures):
                continue
            hit = topic & m.stems
            # "le grand forum": a size names a category only with its noun ("grandes entreprises")
            hit -= {a for a, noun in m.sized if noun not in asked}
            if not hit or hit <= SHARE_STEMS and not topic <= SHARE_STEMS:
                continue  # "quelle part venait de la Région ?": a share of something else says nothing of it
            figs = self._periods(q, m)
            if not figs:
                gaps.append((self.lexicon.weight(hit) / total, m))
                continue
            weight = self.lexicon.weight(hit) - 0.5 * self.lexicon.weight(hit & illustrative)
            # "(global)" or "total" in a name qualifies nothing: "combien de contacts ?" asks the whole, not the
            # active ones; a rank the question names ("l'activité 3") singles one out; a name that holds none of the
            # words asked of ("listes d'envoi" for "vous envoyez une newsletter ?") tells nothing
            precision = max(self.lexicon.weight(asked & n) / (self.lexicon.weight(n - WHOLE) or 1) if n & topic else 0.0
                            for n in m.names)
            if any(ranks & n for n in m.names):
                precision += 0.5
            if (figs[0].unit == "%") != wants_share:
                precision -= 0.5  # "combien" asks for a count, "quelle part" for a share
            if q.has("sum") and re.search(r"\b(global|total|ensemble)\b", fold(m.label)):
                precision += 0.3  # "au total", "en tout": the overall figure, not a part of it
            scored.append((weight / total, precision, m, figs, hit))
        if not scored:
            return self._gap(q, gaps)
        monthly = max((x[0] for x in scored if len(x[3][0].period) == 7), default=None)
        if monthly is not None and _year_end(q.dates.period) and len(set(q.dates.years)) <= 1:
            # "fin 2024" read in a monthly series that says as much, rather than in a year's count (not "fin 2024 vs
            # 2023": a comparison with a year the series does not hold)
            scored = [x for x in scored if len(x[3][0].period) == 7 or x[0] > monthly]
        period = q.dates.period
        span = len(q.dates.years) > 1 or bool(period and period.start.year != period.end.year) \
            or q.has("first", "origin") or _over_time(q)  # "au début", "quel mois …": the longest series
        # Best coverage; over a span of years, the series holding most of it; then the closest label.
        asked_periods = {str(y) for y in q.dates.years}
        # Over several asked years, the metric that covers most of those years, then the longest series.
        scored.sort(key=lambda x: (-x[0], -len({f.period[:4] for f in x[3]} & asked_periods) if span else 0,
                                   -len(x[2].figures if q.has("first", "origin") else x[3]) if span else 0,
                                   not any(f.period in asked_periods for f in x[3]),  # "en 2024": a 2024 figure
                                   -x[1], len(x[2].label)))
        counted = [w for w in re.findall(r"\b(?:combien|nombre|nb)(?: total)?\s+(?:de |d')?(?:la |les |des )?([\w-]+)",
                                         canonical(q.text)) if content_stems(w)]  # not "de combien le nombre de …"
        if len(counted) == 1:
            # "combien d'e-mailings diffusés ?" counts e-mailings: not the lists of "listes de diffusion" (read from
            # English, "combien newsletters" has no "de")
            noun = content_stems(counted[0])[:1]
            counts = [x for x in scored if noun and noun[0] in content_stems(canonical(x[3][-1].unit))
                      and any(noun[0] in n for n in x[2].names)]
            if counts and scored[0] not in counts and counts[0][0] >= 0.4 * scored[0][0]:
                scored = counts + [x for x in scored if x not in counts]
        if (crossed_at := _crossing(q.folded)) is not None and _over_time(q):
            # "en quelle année a-t-on passé les 100 membres ?": the longest series among the best matches
            series = max((x for x in scored if x[0] >= 0.9 * scored[0][0]), key=lambda x: len(x[2].figures))
            if crossed := self._crossed(series, crossed_at):
                verb = topic & set(content_stems(CROSSING.search(q.folded).group(0)))  # "dépassé" is explained
                crossed.coverage = min(1.0, crossed.coverage + self.lexicon.weight(verb) / total)
                return crossed
        if (ranking or level and q.has("list")) and not _over_time(q):
            if ranked := self._ranked(scored, level):  # "classe les secteurs", "quels secteurs ont plus de 100 membres ?"
                return ranked
        if between := self._between(q, scored):
            return between
        if q.has("max", "min"):
            # of the series as covered as the first, the first with readings enough ("la plus grosse hausse du nombre
            # de membres" is the yearly series, not this year's count against last year's)
            peak = lambda: next((d for t in scored if t[0] >= scored[0][0] - 0.05 and (d := self._peak(q, t))), None)
            extreme = peak() if _over_time(q) else None  # "quel mois a connu le pic …"
            extreme = extreme or self._extreme(q, scored) or peak()
            if extreme:
                return extreme
        chosen, covered, said = [], set(), set()
        kinds = self._kinds_of(q, scored, counted, wants_share)
        for cov, _, m, figs, hit in kinds:
            chosen.append((m, figs))  # "combien d'entreprises sont membres ?": the table's kinds of them, each
            covered |= hit
        for cov, _, m, figs, hit in [] if chosen else scored:
            # what its own name says ("newsletters et e-mailings": two metrics of one table, each named alone)
            named = hit & set().union(*m.names) or (set() if chosen else hit)  # a second one names something asked
            new = named - said - illustrative - BREAKDOWN  # "la répartition …" says how, not what
            if chosen and wants_share and new <= SHARE_STEMS and m.group != chosen[0][0].group \
                    and not any(n - asked - SHARE_STEMS == set() for n in m.names):
                continue  # "quelle part des événements étaient des salons ?": the share of another table ("part de la
                # thématique Sols …") names what is not asked; the share is computed from the first
            # "les WP4 ça fait combien au total ?": every row of the first one's table named alike is part of the sum
            alike = q.has("sum") and chosen and m.group == chosen[0][0].group and not m.whole and not chosen[0][0].whole \
                and named == first and cov >= scored[0][0] and figs[-1].unit == chosen[0][1][-1].unit != "%"
            # "combien de membres dans l'eau, les sols et les milieux ?": each theme named is a row of its own,
            # however common its word
            theme = len(q.themes) > 1 and bool(new & THEME_STEMS)
            if chosen and not alike and (not new or self.lexicon.weight(new) < 1.5 and not theme
                                         or not m.stems & chosen[0][0].stems):
                continue  # a second metric must add words and belong with the first ("GE et ETI")
            if chosen and cov < 0.5 * scored[0][0]:
                break
            chosen.append((m, figs))
            first = first if len(chosen) > 1 else named
            covered |= hit
            said |= named
            if len(chosen) >= MAX_METRICS:
                break
        if len(q.themes) > 1:  # in the order the question names them
            said_at = {stem(w.group()): w.start() for w in reversed(list(re.finditer(r"\w+", q.folded)))}
            chosen.sort(key=lambda c: min((said_at[s] for s in c[0].stems & THEME_STEMS if s in said_at),
                                          default=len(q.folded)))
        if wants_share and BOTH_MEASURES.search(q.folded):  # "en nombre et en %": each as a count and as a share
            for m, figs in list(chosen):
                if (other := self._sibling(m)) and all(other is not c for c, _ in chosen) and (of := self._periods(q, other)):
                    chosen.insert(chosen.index((m, figs)) + 1, (other, of))
        lines, sources = [], []
        for m, figs in chosen:
            lines.append(self._describe(q, m, figs))
            sources += [figure_source(f, f"{f.metric} ({period_label(f.period) or 'sans date'}) : "
                                         f"{format_number(f.value, f.unit)}") for f in figs[-6:]]
        computed = self._arithmetic(q, chosen, wants_share)
        if kinds and not computed:  # … and what they add up to
            latest = [figs[-1] for _, figs in chosen]
            computed = [f"Au total : {format_number(sum(f.value for f in latest), latest[0].unit)} "
                        f"({', '.join(m.label for m, _ in chosen)})."]
        # "si on additionne …": the total asked first, then what it adds up
        lines = computed + lines if computed and computed[0].startswith("Au total") else lines + computed
        if any(re.search(r"^(?:Évolution|Écart) de|\. Évolution de", line) for line in lines):
            covered |= topic & CHANGE_STEMS  # "avec l'écart": computed
        if any(line.startswith("Soit ") for line in computed):
            covered |= topic & SHARE_STEMS  # "quelle proportion …": computed
        if any(sum(o.group == m.group for o in self.metrics) > 1 for m, _ in chosen):
            covered |= topic & BREAKDOWN  # "la répartition des événements : combien pour l'eau ?": a row of the breakdown
        # examples of the rows of the table answered ("(ETI, GE, PME...)") need no answer of their own
        rows = set().union(*(o.stems for o in self.metrics if o.group in {m.group for m, _ in chosen}))
        # … nor do examples of the thing counted, said right after it ("combien de structures (entreprises,
        # collectivités...) ?"; not "je bosse dans les sols pollués (diag, dépollution...)")
        shown = illustrative & topic & (rows | _examples_of(q.folded, covered))
        notes = [figs[-1].note for _, figs in chosen if figs[-1].note]
        coverage = self.lexicon.weight(covered | shown) / self.lexicon.weight(topic)
        text = "\n".join(lines)
        if notes:
            text += "\nRemarque : " + notes[0]
        return Draft(text, sources, coverage=coverage,
                     focus={"kind": "figures", "ids": [f.id for _, figs in chosen for f in figs]})

    def _kinds_of(self, q: Query, scored: list, counted: list[str], wants_share: bool) -> list:
        """"Combien d'entreprises sont membres ?": the rows of the best one's table — a breakdown, "… par catégorie" —
        that each hold the noun counted beside words of their own (PME, ETI, GE), when the table has rows without it:
        the kinds the table splits that noun into; [] otherwise."""
        noun = content_stems(counted[0])[:1] if len(counted) == 1 else []
        if not noun or wants_share or q.has("max", "min") or not scored or " par " not in scored[0][2].group:
            return []
        group, best = scored[0][2].group, scored[0][0]
        table = [m for m in self.metrics if m.group == group and not m.whole]
        kinds = [x for x in scored if x[2].group == group and not x[2].whole and x[0] >= best - 1e-9
                 and any(noun[0] in n for n in x[2].names) and x[4] == scored[0][4]]
        period = {x[3][-1].period for x in kinds}
        units = {x[3][-1].unit for x in kinds}
        if not 2 <= len(kinds) <= MAX_METRICS or len(kinds) >= len(table) or len(period) > 1 or len(units) > 1 or "%" in units \
                or any(a is not b and a[2].names[0] <= b[2].names[0] for a in kinds for b in kinds):
            return []  # (each a kind of its own: none named by the words of another and more)
        return kinds

    def _broken_down(self, q: Query, topic: set[str], ranking: bool) -> Draft | None:
        """"Quelle catégorie d'accompagnement a été la plus mobilisée ?", "classe les secteurs d'activité des
        membres": a table titled "<what> par <dimension>" whose what and dimension the question both names (a kind
        — type, catégorie, genre — names any), its rows ranked. The kind and the noun it classes ("quel type de
        structure") are what the table's rows are."""
        asked = _kinds(topic | set(content_stems(q.folded)))
        found = []
        for group in dict.fromkeys(m.group for m in self.metrics):
            parts = re.match(r"(.+?) par (.+?)(?: \(.*\))?$", fold(group))
            if not parts:
                continue
            what = _kinds(set(content_stems(canonical(parts.group(1))))) - {s for s in asked if s.isdigit()}
            along = _kinds(set(content_stems(canonical(parts.group(2)))))
            if what & asked and along & asked:
                found.append((len((what | along) & asked), group, what | along))
        if not found or len({f[0] for f in found}) < len(found) and max(found)[0] == sorted(found)[-2][0]:
            return None  # none, or two tables named as well
        _, group, title = max(found)
        classed = {stem(w) for w in re.findall(rf"\b(?:{'|'.join(KINDS)})s? (?:de |d')(?:la |les? )?(\w+)", q.folded)}
        explained = {s for s in topic if _kinds({s}) & title or s in classed}
        rows = [m for m in self.metrics if m.group == group]
        total = self.lexicon.weight(topic)
        scored = []
        for m in rows:
            figs = self._periods(q, m)
            hit = (topic & m.stems) | explained
            if figs:
                scored.append((self.lexicon.weight(hit) / total, 0.0, m, figs, hit))
        top = max((x[0] for x in scored), default=0)
        scored = [(top, *x[1:]) for x in scored]  # the table answers as a whole
        scored.sort(key=lambda x: (x[3][-1].unit == "%") != bool(re.search(r"\b(part|pourcentage|%)\b", q.folded)))
        if len(scored) < 2:
            return None
        if ranking:  # "de la plus nombreuse à la moins nombreuse": all of them, in order
            return self._ranked(scored, None)
        return self._extreme(q, scored)

    def siblings(self, ids: list[str]) -> list[str]:
        """The figures of the tables the given figures belong to."""
        groups = {m.group for m in self.metrics if any(f.id in ids for f in m.figures)}
        return [f.id for m in self.metrics if m.group in groups for f in m.figures]

    def explain(self, ids: list[str]) -> Draft | None:
        """"Pourquoi ?", "c'est expliqué comment ?" of figures just shown: what the report notes beside the first
        of them that has a note (the leader of a ranking comes first)."""
        by_id = {f.id: f for m in self.metrics for f in m.figures}
        noted = next((by_id[i] for i in ids if i in by_id and by_id[i].note), None)
        if noted is None:
            return None
        return Draft(f"{noted.metric} : {noted.note}", [figure_source(noted, noted.note)], coverage=1.0,
                     focus={"kind": "figures", "ids": list(ids)})

    def _extreme(self, q: Query, scored: list) -> Draft | None:
        """"La thématique la plus fréquente": compare sibling metrics (same table, same unit). The table is the
        one whose title the question names best ("quel type d'accompagnement …" → "… accompagnements par type"),
        else the best match's."""
        cov = scored[0][0]
        asked = set(content_stems(q.folded))
        tables = list(dict.fromkeys(x[2].group for x in scored if x[0] >= 0.9 * cov))  # best first: it wins a tie
        # "quel thème …": the table of "Thématiques" before one that shares more of the other words
        kind = {s for w in re.findall(r"\b(?:quel|quelle|quels|quelles|lequel|laquelle)(?: (?:est|sont|etait|etaient) (?:le|la|les))? ([a-z]{4,})", q.folded)
                for s in content_stems(w)}
        group = max(tables, key=lambda g: (bool(related(kind, set(content_stems(canonical(g))), 4)),
                                           len(asked & set(content_stems(canonical(g)))), g == scored[0][2].group))
        _, _, top, figs, _ = next(x for x in scored if x[2].group == group)
        siblings = [(m, fs[-1]) for c, _, m, fs, _ in scored
                    if c >= 0.9 * cov and m.group == group
                    and _comparable(fs[-1].unit, figs[-1].unit) and fs[-1].period == figs[-1].period]
        parts = [(m, v) for m, v in siblings if not m.whole]
        siblings = parts if len(parts) >= 2 else siblings  # a table's total is none of its categories
        if len(siblings) < 2:
            return None
        pick = max if q.has("max") else min
        change = re.search(rf"\b({RISE}|{FALL}|gagn\w*|perdu)", q.folded)
        years = sorted(q.dates.years)
        if change and len(years) < 2:  # "… a le plus baissé par rapport à 2023": from that year to the latest one
            held = sorted({f.period for m, _ in siblings for f in m.figures if len(f.period) == 4} - set(map(str, years)))
            years = sorted(years + [int(p) for p in held[-(2 - len(years)):]]) if held else years
        if change and len(years) == 2:  # "quelle thématique a le plus progressé entre 2023 et 2024 ?": by change
            return self._moved(q, [m for m, _ in siblings], years, cov, not _falls(change.group(1)))
        m, f = pick(siblings, key=lambda x: x[1].value)
        if q.rank and 1 < q.rank <= len(siblings):  # "quelle catégorie arrive en 2e position ?": those before it after
            ordered = sorted(siblings, key=lambda x: x[1].value, reverse=q.has("max"))
            m, f = ordered[q.rank - 1]
            before = " ; ".join(f"{o.label} : {format_number(v.value, v.unit)}" for o, v in ordered[:q.rank - 1])
            text = (f"{m.label} : {format_number(f.value, f.unit)}{self._share(m, f)}"
                    + (f" en {period_label(f.period)}" if f.period else "")
                    + f" — {q.rank}e {'le plus élevé' if q.has('max') else 'le plus bas'} parmi {len(siblings)}, après {before}.")
            return Draft(text, [figure_source(v, f"{o.label} : {format_number(v.value, v.unit)}") for o, v in ordered],
                         coverage=cov, focus={"kind": "figures", "ids": [v.id for _, v in ordered], "ranked": group})
        leaders = [(o, v) for o, v in siblings if v.value == f.value]  # a tie is said as one
        others = ", ".join(f"{o.label} : {format_number(v.value, v.unit)}" for o, v in siblings if v.value != f.value)
        word = ("le plus élevé" if q.has("max") else "le plus bas") + (", à égalité" if len(leaders) > 1 else "")
        when = f" en {period_label(f.period)}" if f.period else ""
        text = (" ; ".join(f"{o.label} : {format_number(v.value, v.unit)}{self._share(o, v)}" for o, v in leaders)
                + when + f" — {word} parmi {len(siblings)}" + (f" ({others})." if others else "."))
        return Draft(text, [figure_source(v, f"{o.label} : {format_number(v.value, v.unit)}") for o, v in siblings],
                     coverage=cov, focus={"kind": "figures", "ids": [v.id for _, v in siblings], "ranked": group,
                                          "leader": f"{m.label} {period_label(f.period)}".strip() if len(leaders) == 1 else ""})

    def _sibling(self, m: _Metric) -> _Metric | None:
        """The share of the same row when `m` is a count ("Part de …" beside "Fréquence de …"), or the count when it is
        a share."""
        share = m.figures[-1].unit == "%"
        others = [o for o in self.metrics if o.group == m.group and (o.figures[-1].unit == "%") != share]
        return next((o for o in others if self._row(o) == self._row(m)), None)

    def _row(self, m: _Metric) -> frozenset[str]:
        """What sets a metric apart among those of its table measured alike ("Eau" of "Membres … secteur Eau")."""
        alike = [set(content_stems(o.label)) for o in self.metrics
                 if o.group == m.group and (o.figures[-1].unit == "%") == (m.figures[-1].unit == "%")]
        return frozenset(set(content_stems(m.label)) - set.intersection(*alike)) if len(alike) > 1 else frozenset()

    def _share(self, m: _Metric, f: Figure) -> str:
        """" (33 %)": the share the same table gives beside a count ("Fréquence de …" and "Part de …")."""
        if f.unit == "%":
            return ""
        share = self._sibling(m)
        at = next((x for x in share.figures if x.period == f.period), None) if share else None
        return f" ({format_number(at.value, at.unit)})" if at else ""

    def _ranked(self, scored: list, level) -> Draft | None:
        """The categories of one table (same group, unit and period), largest first; with a level ("plus de
        100"), only those above (or below) it."""
        cov, _, top, figs, _ = scored[0]
        rows = [(m, fs[-1]) for c, _, m, fs, _ in scored
                if c >= 0.9 * cov and m.group == top.group
                and _comparable(fs[-1].unit, figs[-1].unit) and fs[-1].period == figs[-1].period
                and not m.whole]
        if len(rows) < 3:
            return None
        rows.sort(key=lambda x: -x[1].value)
        among = len(rows)
        if level:
            n = float(level.group(2))
            rows = [(m, f) for m, f in rows if (f.value > n if level.group(1) == "plus" else f.value < n)]
        f0 = figs[-1]
        head = (f"{len(rows)} sur {among} {'au-dessus' if level.group(1) == 'plus' else 'en dessous'} de "
                f"{level.group(2)}" if level else "Du plus grand au plus petit")
        text = f"{head} ({period_label(f0.period)}) :\n" + "\n".join(
            f"- {m.label} : {format_number(f.value, f.unit)}" for m, f in rows)
        return Draft(text, [figure_source(f, f"{m.label} : {format_number(f.value, f.unit)}") for m, f in rows],
                     coverage=cov, focus={"kind": "figures", "ids": [f.id for _, f in rows]})

    def _moved(self, q: Query, metrics: list[_Metric], years: list[int], cov: float, rising: bool) -> Draft | None:
        """Sibling figures ranked by their change between two years; the largest rise (or fall) first."""
        moves = []
        for m in metrics:
            at = {f.period: f for f in m.figures}
            a, b = at.get(str(years[0])), at.get(str(years[1]))
            if a and b:
                moves.append((b.value - a.value, m, a, b))
        if len(moves) < 2:
            return None
        moves.sort(key=lambda x: -x[0] if rising else x[0])
        def line(d: float, o: _Metric, x: Figure, y: Figure) -> str:
            sign = "+" if d >= 0 else "−"
            return (f"{o.label} : {sign}{format_number(abs(d), y.unit)} ({format_number(x.value, x.unit)} → "
                    f"{format_number(y.value, y.unit)})")

        leaders = [mv for mv in moves if mv[0] == moves[0][0]]  # a tie is said as one
        word = "la plus forte hausse" if rising else "la plus forte baisse"
        text = (f"{word[0].upper()}{word[1:]} entre {years[0]} et {years[1]}"
                + (" (à égalité)" if len(leaders) > 1 else "") + " : " + " ; ".join(line(*mv) for mv in leaders) + "."
                + (" Les autres : " + " ; ".join(line(*mv) for mv in moves[len(leaders):]) + "."
                   if len(moves) > len(leaders) else ""))
        shown = [f for _, _, a_, b_ in moves for f in (a_, b_)]
        return Draft(text, [figure_source(f, f"{f.metric} ({period_label(f.period)}) : {format_number(f.value, f.unit)}")
                            for f in shown], coverage=cov, focus={"kind": "figures", "ids": [f.id for f in shown]})

    def _peak(self, q: Query, top: tuple) -> Draft | None:
        """"Le mois le plus haut": the extreme period of one series; "le mois où ça a le plus augmenté":
        the largest change from one reading to the next."""
        cov, _, m, figs, _ = top
        dated = [f for f in figs if f.period]
        if len(dated) < 3:
            return None
        # "l'année où il a gagné le plus de membres", "le mois où on a pris le plus d'abonnés"; not "les abonnés
        # gagnés", a series of its own
        change = re.search(rf"\b({RISE}|{FALL}|(?:(?:a|ont|avons|avez)(?:-t-(?:on|il|elle|ils|elles))? |-t-on )(?:gagne|perdu|pris)|"
                           rf"(?:gagne|perdu|pris) (?:le|la) (?:plus|moins)|(?:le|la) (?:plus|moins) (?:gagne|perdu|pris)\b)", q.folded)
        # a series of changes already ("nouveaux abonnés par mois"): its weakest progression is its lowest value
        flow = re.search(r"\b(?:nouveaux?|nouvelles?|gains?|gagne\w*)\b", fold(m.label))
        if change and not flow and dated[0].unit != "%":  # not "le plus de …": a change from one reading to the next
            rising = not _falls(change.group(1))
            steps = [(b.value - a.value, a, b) for a, b in zip(dated, dated[1:])]
            largest = q.has("max") == rising
            delta, before, f = (max if largest else min)(steps, key=lambda x: x[0])
            strength = "forte" if largest == (delta >= 0) else "faible"  # "la plus petite progression": the weakest rise
            # "le mois où on a perdu le plus d'abonnés" of a series that only rose: no month, said so
            never = f"aucune {'hausse' if rising else 'baisse'} entre deux relevés ; " if rising != (delta >= 0) else ""
            text = (f"{m.label} : {never}la plus {strength} {'hausse' if delta >= 0 else 'baisse'} entre deux relevés est en "
                    f"{period_label(f.period)} : {'+' if delta >= 0 else '−'}{format_number(abs(delta), f.unit)} "
                    f"({format_number(before.value, f.unit)} en {period_label(before.period)} → "
                    f"{format_number(f.value, f.unit)}).")
            return Draft(text, [figure_source(x, f"{m.label} ({period_label(x.period)}) : {format_number(x.value, x.unit)}")
                                for x in (before, f)], coverage=cov, focus={"kind": "figures", "ids": [before.id, f.id]})
        f = (max if q.has("max") else min)(dated, key=lambda x: x.value)
        word = "le plus élevé" if q.has("max") else "le plus bas"
        text = (f"{m.label} : {word} en {period_label(f.period)}, {format_number(f.value, f.unit)} "
                f"(sur {len(dated)} relevés, de {period_label(dated[0].period)} à {period_label(dated[-1].period)}).")
        if f.note:
            text += f"\nRemarque : {f.note}"
        return Draft(text, [figure_source(f, f"{m.label} ({period_label(f.period)}) : {format_number(f.value, f.unit)}")],
                     coverage=cov, focus={"kind": "figures", "ids": [f.id]})

    def _crossed(self, top: tuple, level: float) -> Draft | None:
        """The first reading of a series at or above a level, with the one before it."""
        cov, _, m, figs, _ = top
        dated = sorted((f for f in m.figures if f.period), key=lambda f: f.period)
        over = next((i for i, f in enumerate(dated) if f.value >= level), None)
        if over is None or len(dated) < 2:
            return None
        f = dated[over]
        before = f" (contre {format_number(dated[over - 1].value, f.unit)} en {period_label(dated[over - 1].period)})" \
            if over else f" (premier relevé, {period_label(f.period)})"
        text = (f"{m.label} : le cap de {format_number(level, f.unit)} est franchi en {period_label(f.period)}, "
                f"avec {format_number(f.value, f.unit)}{before}.")
        shown = dated[max(over - 1, 0): over + 1]
        return Draft(text, [figure_source(x, f"{m.label} ({period_label(x.period)}) : {format_number(x.value, x.unit)}")
                            for x in shown], coverage=cov, focus={"kind": "figures", "ids": [x.id for x in shown]})

    def _between(self, q: Query, scored: list) -> Draft | None:
        """"Entre janvier et décembre, on a gagné combien d'abonnés ?": what a count grew (or fell) by between the
        two readings that bound the span named, read in the count itself, even when the best match is the series
        of its monthly gains (whose readings may skip a month)."""
        period = q.dates.period
        if q.has("max", "min") or not (period and period.year_known and SPAN.search(fold(q.text))
                and re.search(rf"\b(?:{RISE}|{FALL}|gagne\w*|perdu\w*|de plus|de moins)\b", fold(q.text))):
            return None
        ends = (period.start.strftime("%Y-%m"), period.end.strftime("%Y-%m"))
        if (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31) \
                and period.start.year != period.end.year:
            ends = (str(period.start.year), str(period.end.year))  # "entre 2015 et 2024": two years' counts
        for cov, _, m, _, hit in scored:
            if cov < scored[0][0] - 0.3:
                break
            at = {f.period: f for f in m.figures}
            if ends[0] != ends[1] and all(e in at for e in ends) and not FLOW.search(fold(m.label)):
                first, last = at[ends[0]], at[ends[1]]
                # what its gains say ("nouveaux", "gagnés") the change computed says too
                gains = set().union(*(h for _, _, o, _, h in scored if o.group == m.group and FLOW.search(fold(o.label))))
                said = {s for s in q.topic if re.match(rf"(?:{RISE}|{FALL}|gain|gagn|nouv|perd)", s)}  # the change asked
                coverage = self.lexicon.weight(hit | gains | said) / self.lexicon.weight(q.topic)
                return Draft(self._describe(q, m, [first, last]),
                             [figure_source(f, f"{f.metric} ({period_label(f.period)}) : {format_number(f.value, f.unit)}")
                              for f in (first, last)], coverage=max(coverage, scored[0][0]),
                             focus={"kind": "figures", "ids": [first.id, last.id], "computed": True})
        return None

    def _gap(self, q: Query, gaps: list) -> Draft | None:
        """A month the series skips: say so, with the readings on either side."""
        period = q.dates.period
        if not gaps or not period or not period.year_known:
            return None
        cov, m = max(gaps, key=lambda x: x[0])
        wanted = period.start.strftime("%Y-%m")
        monthly = [f for f in m.figures if len(f.period) == 7]
        before = [f for f in monthly if f.period < wanted][-1:]
        after = [f for f in monthly if f.period > wanted][:1]
        if not monthly or not (before or after) or cov < 0.6:
            return None
        around = " ; ".join(f"{period_label(f.period)} : {format_number(f.value, f.unit)}" for f in before + after)
        text = f"{m.label} : pas de relevé pour {period.label} dans la base. Relevés les plus proches : {around}."
        # the figure asked is not in the base: an abstention, with the readings around it
        return Draft(text, [figure_source(f, f"{f.metric} ({period_label(f.period)}) : {format_number(f.value, f.unit)}")
                            for f in before + after], abstained=True, coverage=cov, focus={"kind": "figures", "ids": []},
                     reason="pas de relevé pour la période demandée")

    def _arithmetic(self, q: Query, chosen: list, wants_share: bool) -> list[str]:
        """"Combien d'envois au total (e-mailings + newsletters) ?": the sum of the figures shown, one period, one
        kind of unit; "quelle part des actions ?": a part over the total of its table, when no share is given."""
        whole = [m for m, _ in chosen if m.whole]
        periods = [f.period for f in chosen[0][1]] if chosen else []
        if q.has("sum") and not wants_share and len(chosen) >= 2 and not whole and all([f.period for f in figs] == periods for _, figs in chosen):
            # the same periods shown for each: a total for each period ("… en 2024, et en 2023 ?")
            by_period = [[figs[i] for _, figs in chosen] for i in range(len(periods))]
            # counts of different things add up within one table only ("6 visites" and "1450 participants" do not)
            alike = len({m.group for m, _ in chosen}) == 1 or len({figs[0].unit for _, figs in chosen}) == 1
            if alike and all(_comparable(f.unit, by_period[0][0].unit) and f.unit != "%" for part in by_period for f in part):
                when = (lambda p: f" en {period_label(p)}") if len(periods) > 1 else (lambda p: "")
                totals = ["Au total : " + " ; ".join(
                    f"{format_number(sum(f.value for f in part))}{when(part[0].period)} "
                    f"({' + '.join(format_number(f.value) for f in part)})" for part in reversed(by_period)) + "."]
                if len(by_period) == 2 and re.search(r"\b(?:de (?:plus|moins)|ecart|difference)\b", q.folded):
                    # "… et combien de plus qu'en 2023 ?": the gap between the two totals
                    old, new = (sum(f.value for f in part) for part in by_period)
                    totals.append(f"Écart de {period_label(periods[0])} à {period_label(periods[1])} : "
                                  f"{'+' if new >= old else '−'}{format_number(abs(new - old))}.")
                return totals
        last = [figs[-1] for _, figs in chosen if len(figs) == 1]
        if len(last) != len(chosen) or len({f.period for f in last}) != 1:
            return []
        parts = [(m, figs[-1]) for m, figs in chosen if figs[-1].unit != "%" and m not in whole]
        if wants_share and parts:
            f = parts[0][1]
            at = self.total_of(f)
            if at and at.value > f.value > 0:
                return [f"Soit {format_number(round(100 * f.value / at.value, 1), '%')} du total : "
                        f"{format_number(f.value)} sur {format_number(at.value)} (« {at.metric} »)."]
        return []

    def total_of(self, f: Figure) -> Figure | None:
        """The total of the table a figure belongs to, at the figure's period ("Total des membres …" for "PME")."""
        of = next((o for o in self.metrics if o.group == f.group and o.whole and f not in o.figures), None)
        return next((x for x in of.figures if x.period == f.period), None) if of else None

    def _describe(self, q: Query, m: _Metric, figs: list[Figure]) -> str:
        unit = figs[0].unit
        if q.has("average") and len(figs) > 1:
            mean = sum(f.value for f in figs) / len(figs)
            return (f"{m.label} : en moyenne {format_number(round(mean, 1), unit)} sur {len(figs)} relevés "
                    f"({period_label(figs[0].period)} à {period_label(figs[-1].period)} : "
                    + ", ".join(format_number(f.value, unit) for f in figs) + ").")
        per = re.search(r"\bpar (mois|semaine|trimestre)\b", q.folded)
        if q.has("average") and per and len(figs) == 1 and unit != "%" \
                and re.fullmatch(r"(?:19|20)\d\d", figs[0].period or ""):
            # "combien d'e-mailings par mois en moyenne en 2024 ?": a year's count spread over its months
            share = figs[0].value / PER_YEAR[per.group(1)]
            return (f"{m.label} : {format_number(figs[0].value, unit)} en {figs[0].period}, soit en moyenne "
                    f"{format_number(round(share, 1), unit)} par {per.group(1)}.")
        if len(figs) > 4 and not q.dates.years and not q.dates.period:
            first, last = figs[0], figs[-1]
            values = (f"{format_number(last.value, unit)} en {period_label(last.period)} "
                      f"(contre {format_number(first.value, unit)} en {period_label(first.period)})")
        else:
            values = ", ".join(
                f"{format_number(f.value, unit)}" + (f" en {period_label(f.period)}" if f.period else "")
                for f in sorted(figs, key=lambda f: f.period, reverse=True))
        line = f"{m.label} : {values}."
        if len(figs) >= 2 and figs[0].period and figs[-1].period:
            line += " " + _trend(figs[0], figs[-1])
            if TIMES.search(q.folded) and figs[0].value > 0 and unit != "%":  # "multiplié par combien depuis 2015 ?"
                line += f" Soit {format_number(round(figs[-1].value / figs[0].value, 1))} fois la valeur de " \
                        f"{period_label(figs[0].period)}."
            line = _premise(q, figs[-1].value - figs[0].value) + line
        return line


PER_YEAR = {"mois": 12, "semaine": 52, "trimestre": 4}
TIMES = re.compile(r"\bmultipli\w* par\b|\bcombien de fois plus\b|\bfois plus\b")
# "entre janvier et décembre", "de septembre 2023 à décembre 2024": a span named by its two ends
SPAN = re.compile(rf"\b(?:entre|de|du|depuis)\s+(?:(?:la|sa) creation (?:(?:du|de la|de l') ?[\w'-]+ )?(?:en\s+)?)?"
                  rf"(?:le\s+)?(?:\d+(?:er)?\s+)?"
                  rf"(?:{'|'.join(sorted(MONTH_WORDS, key=len, reverse=True))}|(?:19|20)\d\d)\b"
                  rf"(?:.*\b(?:et|a|au|jusqu'(?:a|en|au))\b|(?<=\d\d\d\d)(?!.*\b(?:et|a|au)\b))")  # "depuis 2015": to now
# A series of gains ("nouveaux abonnés par mois"), not a count
FLOW = re.compile(r"\b(?:nouveaux?|nouvelles?|gains?|gagne\w*|progression)\b")


def _illustrative(folded: str) -> set[str]:
    """Words only said as examples left open ("le tableau par catégorie (ETI, GE, PME...)"): they show what the table
    holds, not what is asked."""
    shown = {s for m in re.finditer(r"\(([^()]{3,80}?)(?:\.\.+|…|\betc\.?)\s*\)", folded) for s in content_stems(m.group(1))}
    return shown - set(content_stems(re.sub(r"\([^()]*\)", " ", folded)))


def _examples_of(folded: str, nouns: set[str]) -> set[str]:
    """The stems of examples left open right after one of `nouns`: "structures (entreprises, collectivités...)"."""
    return {s for m in re.finditer(r"([a-z]+)\s*\(([^()]{3,80}?)(?:\.\.+|…|\betc\.?)\s*\)", folded)
            if set(content_stems(m.group(1))) & nouns for s in content_stems(m.group(2))}


def asked_level(q: Query) -> re.Match | None:
    """"plus de 100 membres", "moins de 60": the level a question sets ("plus" or "moins", then the number)."""
    return re.search(r"\b(plus|moins) de (\d+)\b", q.folded)


CROSSING = re.compile(r"\b(?:passe\w*|depasse\w*|franchi\w*|atteint|atteindre|arrive\w*) (?:(?:la barre|le cap|le seuil|"
                      r"le palier|la limite) )?(?:des |de |du |les |a |aux )?(\d[\d\s.]*\d|\d)\b")


def _crossing(folded: str) -> float | None:
    """"passé la barre des 100 membres", "dépassé les 3 000 abonnés": the level a series crossed."""
    m = CROSSING.search(folded)
    return float(re.sub(r"[\s.]", "", m.group(1))) if m else None


WHOLE = {stem("global"), stem("total"), stem("ensemble")}
CHANGE_STEMS = {stem(w) for w in ("ecart", "difference", "evolution")}
BREAKDOWN = {stem(w) for w in ("repartition", "ventilation", "decomposition")}
# Nouns that name a kind of thing: "par type", "quelle catégorie", "quel genre de …" ask for the same breakdown.
KINDS = ("type", "categorie", "genre", "sorte", "nature", "famille")
_KIND_STEMS = {stem(w) for w in KINDS}


def _kinds(stems: set[str]) -> set[str]:
    """Stems with every kind noun read as "type"."""
    return {stem("type") if s in _KIND_STEMS else s for s in stems}


def _falls(change: str) -> bool:
    return bool(re.match(rf"(?:{FALL}|.*perdu)", change))


def _comparable(unit: str, other: str) -> bool:
    """Two figures of one table measure alike: the same unit, or counts of things ("153 structures" and "18
    personnes" in one table of members), never a count against a share."""
    return unit == other or "%" not in (unit, other) and "heures" not in (unit, other)


def _over_time(q: Query) -> bool:
    """The question asks when: which month or year, not which of several figures."""
    return q.has("when") or bool(WHICH_PERIOD.search(q.folded))


def _trend(first: Figure, last: Figure) -> str:
    delta = last.value - first.value
    if delta == 0:
        return "Stable sur la période."
    sign = "+" if delta > 0 else "−"
    pct = f" ({sign}{format_number(abs(delta) / first.value * 100)} %)" if first.value and first.unit != "%" else ""
    return (f"Évolution de {period_label(first.period)} à {period_label(last.period)} : "
            f"{sign}{format_number(abs(delta), last.unit)}{pct}, en {'hausse' if delta > 0 else 'baisse'}.")


def _premise(q: Query, delta: float) -> str:
    """"Pourquoi cette baisse ?" when the figures rose: say so before anything else."""
    if q.has("decrease") and not q.has("increase") and delta >= 0:
        return "Non, il n'y a pas eu de baisse, mais une hausse : " if delta else "Non, il n'y a pas eu de baisse : "
    if q.has("increase") and not q.has("decrease") and delta <= 0:
        return "Non, il n'y a pas eu de hausse, mais une baisse : " if delta else "Non, il n'y a pas eu de hausse : "
    return ""


def _year_end(period) -> bool:
    """"Fin 2024", "à la fin de l'année 2024": a year's last month, said as its end."""
    return bool(period) and period.label.startswith("fin ")
