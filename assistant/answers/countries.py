"""The countries the base names: "avec quels pays ?", "which countries?", "on a reçu des gens de quels pays ?".

Country names come from the CLDR (Babel: French and English names of every territory), never from a list written
for this base. A country is named in a passage by its name ("France - Slovénie") or by the adjective of its people
("délégation chinoise": the name's root and a suffix that makes a people's adjective). The country the base names
most is its own (France for a French cluster): it is left out.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from llama_index.core.schema import BaseNode

from assistant.answer import Source
from assistant.answers.draft import Draft
from assistant.reading.dates import Period, format_date
from assistant.reading.countries import PEOPLE, country_names, root
from assistant.reading.normalize import fold, unaccented

# What asks which countries, in the plural ("le pays de son siège" is one thing's; "Pays-Bas" is a country)
ASKS_COUNTRIES = re.compile(r"\b(?:quels|combien de|les|des|autres|liste des|de quels|avec quels) pays\b(?!-)|"
                            r"\bcountries\b|\b(?:which|quels?) country\b|\bquel pays\b|\bnationalites\b|"
                            r"\ba l'(?:etranger|international)\b|\babroad\b|"  # "des partenaires à l'étranger ?"
                            # "y a-t-il des membres étrangers ?", "quelles délégations étrangères ?" (not "… les échanges avec
                            # des délégations étrangères" asked of something else)
                            r"\b(?:quel\w*|y a-t-il des|il y a des|y a des|ya des|which|any)\s+(?:\w+\s+)?(?:etrangere?s|foreign)\b|\bpays etrangers\b|"
                            # "quels échanges avec des délégations ou partenaires étrangers ?": which, said of the foreign ones
                            r"^(?:et )?(?:quel\w*|which)\s+(?:[\w']+\s+){1,6}(?:etrangere?s|foreign)\b")
SHOWN = 3  # mentions shown per country


def _roots() -> dict[str, str]:
    """The root of each one-word country name, which its people's adjective begins with ("chin" -> Chine)."""
    return {r: french for french in set(country_names().values()) if (r := root(french))}


class Countries:
    def __init__(self, passages: list[BaseNode]):
        self.passages = passages
        self._named: dict[str, list[BaseNode]] | None = None  # read on the first question about countries
        self._home: str | None = None

    @property
    def named(self) -> dict[str, list[BaseNode]]:
        """The countries the passages name, each with the passages naming it (the home country aside)."""
        if self._named is None:
            self._named, self._home = self._read(self.passages)
        return self._named

    @property
    def home(self) -> str | None:
        """The country the base names most: its own."""
        return self._home if self.named is not None else None

    @staticmethod
    def _read(passages: list[BaseNode]) -> tuple[dict[str, list[BaseNode]], str | None]:
        texts = [unaccented(f"{node.metadata.get('title', '')} {node.get_content()}") for node in passages]
        # a name the base also writes in lower case is one of its words ("une réunion" is no La Réunion)
        common = set(re.findall(r"\b[a-z][a-z-]+\b", " ".join(texts)))
        # the base is French: its countries have their French names ("La Réunion", not the word "Réunion")
        names = {fold(c): c for c in country_names().values() if fold(c) not in common}
        roots = _roots()
        capitalised = sorted({n.title() if " " not in n else n for n in names} | {unaccented(c) for c in names.values()},
                             key=len, reverse=True)  # "Coree du Sud" before "Coree"
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, capitalised)) + r")\b|"
                             r"(?i:\b(?:" + "|".join(map(re.escape, sorted(roots, key=len, reverse=True))) + rf"){PEOPLE}\b)")
        found: dict[str, list[BaseNode]] = {}
        for node, text in zip(passages, texts):
            for m in pattern.findall(text):
                country = names.get(fold(m)) or _by_root(fold(m), roots)
                if country and node not in found.get(country, []):
                    found.setdefault(country, []).append(node)
        counts = Counter({c: len(nodes) for c, nodes in found.items()})
        home = counts.most_common(1)[0][0] if counts else None
        return {c: nodes for c, nodes in found.items() if c != home}, home

    def answer(self, message: str, period: Period | None = None) -> Draft | None:
        """The countries named (the home country aside), each with where the base names it; of a period asked ("la
        délégation de septembre"), those named by the events it holds, when some are."""
        if not ASKS_COUNTRIES.search(fold(message)) or not self.named:
            return None
        named = self.named
        if re.search(r"\b(?:membres?|adherents?|members?)\b", fold(message)):  # "des membres étrangers ?": members' cards
            of_members = {c: [n for n in nodes if n.metadata.get("kind") == "member"] for c, nodes in named.items()}
            named = {c: nodes for c, nodes in of_members.items() if nodes} or named
        if period is not None:
            within = {c: [n for n in nodes if _when(n) < 99999999 and period.contains(_day(n))] for c, nodes in named.items()}
            named = {c: nodes for c, nodes in within.items() if nodes} or named
        order = sorted(named, key=lambda c: (min(_when(n) for n in named[c]), c))
        lines, sources = [], []
        for country in order:
            nodes = sorted(named[country], key=_when)
            said = " ; ".join(_mention(n) for n in nodes[:SHOWN]) + (f" (+{len(nodes) - SHOWN})" if len(nodes) > SHOWN else "")
            lines.append(f"- {country} : {said}")
            sources += [_source(n) for n in nodes[:SHOWN]]
        home = f" (hors {self.home})" if self.home else ""
        text = f"{len(order)} pays nommé{'s' if len(order) > 1 else ''} dans la base{home}" + \
            (f", {period.label}" if period is not None and named is not self.named else "") + " :\n" + "\n".join(lines)
        return Draft(text, list({s.id: s for s in sources}.values()), coverage=1.0,
                     focus={"kind": "countries", "ids": []})


def _by_root(adjective: str, roots: dict[str, str]) -> str | None:
    """The country whose root an adjective of its people begins with (the longest such root)."""
    return next((roots[adjective[:k]] for k in range(len(adjective), 3, -1) if adjective[:k] in roots), None)


def _when(node: BaseNode) -> int:
    """An event's date (YYYYMMDD), after which the passages that have none."""
    return int(node.metadata.get("date") or 99999999)


def _day(node: BaseNode):
    return datetime.strptime(str(_when(node)), "%Y%m%d").date()


def _mention(node: BaseNode) -> str:
    title = node.metadata.get("title") or node.metadata.get("source", "")
    day = node.metadata.get("date")
    return f"« {title} » ({format_date(datetime.strptime(str(day), '%Y%m%d').date())})" if day else f"« {title} »"


def _source(node: BaseNode) -> Source:
    day = node.metadata.get("date")
    return Source(id=node.node_id, title=node.metadata.get("title") or node.metadata.get("source", ""),
                  kind=node.metadata.get("kind") or "document", excerpt=node.get_content()[:200],
                  date=datetime.strptime(str(day), "%Y%m%d").date().isoformat() if day else None)
