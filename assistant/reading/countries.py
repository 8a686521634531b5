"""The world's countries by name, in French and in English (Babel's CLDR data, the same for any base)."""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.reading.normalize import fold


@lru_cache(maxsize=1)
def _territories() -> list[tuple[str, str]]:
    """Each country's French and English names (two-letter CLDR codes, groupings such as "EU" aside)."""
    from babel import Locale  # its tables load on first use (~0.15 s)

    french, english = Locale("fr").territories, Locale("en").territories
    return [(name, english.get(code, name)) for code, name in french.items()
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "ZZ")]


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded French and English names of the world's countries -> the French name."""
    return {fold(name): french for french, english in _territories() for name in (french, english)}


@lru_cache(maxsize=2)
def _english(any_case: bool = False) -> tuple[re.Pattern, dict[str, str]]:
    """English country names as written (with their capitals, or lower-cased) -> the French ones."""
    pairs = {english.lower() if any_case else english: french for french, english in _territories() if english != french}
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(pairs, key=len, reverse=True))) + r")\b",
                      re.I if any_case else 0), pairs


def in_french(text: str) -> str:
    """English country names, written with their capitals, put in French ("China" -> "Chine"); in a message typed
    without any capital, the capitals tell nothing ("the netherlands")."""
    pattern, pairs = _english(any_case=text == text.lower())
    return pattern.sub(lambda m: pairs[m.group(0).lower() if pattern.flags & re.I else m.group(0)], text)


PEOPLE = r"(?:ois|oise|ais|aise|ien|ienne|ain|aine|en|enne|e|an|ane)s?"  # "chin-oise", "sloven-e", "ukrain-ien"


def root(french: str) -> str | None:
    """The root of a one-word country name, which its people's adjective begins with ("Chine" -> "chin")."""
    name = fold(french)
    stem = re.sub(r"(?:ique|ie|e)$", "", name)
    return stem if " " not in name and "-" not in name and len(stem) >= 4 else None


def people_word(word: str, vocabulary: set[str]) -> str | None:
    """The word of a vocabulary that says a country's people ("chine" -> "chinoise"), for a country's name."""
    french = country_names().get(word)
    stem = root(french) if french else None
    if not stem:
        return None
    return next((w for w in sorted(vocabulary) if w.startswith(stem) and re.fullmatch(re.escape(stem) + PEOPLE, w)), None)
