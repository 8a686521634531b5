"""French text normalisation shared by understanding and matching: one way to fold, split and stem."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from os.path import commonprefix

import Stemmer

_STEMMER = Stemmer.Stemmer("french")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_TOKEN = re.compile(r"[a-z0-9]+(?:[&][a-z0-9]+)?")
# Elided articles and pronouns glued by an apostrophe: l'atelier, d'eau, qu'est-ce.
_E_PREFIX = re.compile(r"\be-(?=[a-z]{3})")  # "e-mailing" and "emailing" are one word
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'")

# Numbers said in words ("il y en a quatre", "deux ans avant").
NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                "neuf": 9, "dix": 10, "onze": 11, "douze": 12}
STOPWORDS = frozenset(
    """
    a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui
    ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur pres ta te
    tes toi ton tu un une vos votre vous y ete etre est sont etait etaient ont a as avait avaient
    sera seront suis es sommes etes ai aie c ca cela ceci celui celle ceux celles ici la-bas ci tout tous
    toute toutes plus moins tres bien aussi ainsi alors donc car si deja encore d l s t j m n qu dont non chez aupres
    """.split()
)

# Questions asked by inversion, folded ("qu'est-il advenu du bureau ?", "que s'est-il passé ?"): asking, never claiming.
INVERTED_ASK = r"qu'est-(?:ce|il|elle)|que s'est-il|qu'en est-il|que devien\w*|qu'(?:a|ont|avait)-t-(?:il|elle|ils|elles)"


def unaccented(text: str) -> str:
    """Accents off, case kept ("Slovénie" -> "Slovenie": a country's name keeps its capital)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and dashes; keeps word boundaries (the base's own texts are
    folded again and again: cached)."""
    text = unaccented(text.translate(_APOSTROPHES)).lower().replace("œ", "oe").replace("æ", "ae")
    return re.sub(r"[\u2010-\u2015]", "-", text)


def words(text: str) -> list[str]:
    """Folded word tokens, elisions removed ("l'atelier" -> "atelier")."""
    return _TOKEN.findall(_E_PREFIX.sub("e", _ELISION.sub(" ", fold(text))))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    if len(word) > 4 and word.endswith("eux"):
        word = word[:-1]  # Snowball keeps "enjeux"/"enjeu", "milieux"/"milieu" apart
    if word in ("format", "formats"):
        return "format_"  # Snowball gives "formation" the same stem: a format is no training
    stemmed = joined(_STEMMER.stemWord(word))
    if word.endswith(("ee", "ees")) and stemmed.endswith("e"):
        # "privées" and "privé", "validée" and "validé": Snowball, on words folded without accents, keeps the "e"
        # of the feminine; one stem for both (not "données"/"donné", whose stems differ by more than that "e")
        masculine = joined(_STEMMER.stemWord(word[:-2] if word.endswith("ees") else word[:-1]))
        stemmed = masculine if stemmed == masculine + "e" else stemmed
    # Snowball keeps "actif"/"active", "créatif"/"créative" apart: one stem for an adjective's two genders
    return stemmed[:-1] + "v" if stemmed.endswith("if") else _GENDERED.get(stemmed, stemmed)


def joined(stemmed: str) -> str:
    """A Snowball stem, with a family it splits joined: "soutient" and "soutiennent" (verbs of "-tenir", "-venir")
    are "soutien"; the same at index and at query time."""
    if len(stemmed) > 6 and stemmed.endswith(("ient", "iennent")):
        return stemmed[:stemmed.index("ien", len(stemmed) - 7) + 3]
    return stemmed


# French adjectives whose feminine grows from another masculine form: "nouvelles" and "nouveaux" are one word
_GENDERED = {"nouvel": "nouveau", "bel": "beau", "vieil": "vieu"}


def content_stems(text: str) -> list[str]:
    """Stems of the meaningful words of a text, in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def related(wanted: set[str], stems: set[str], least: int = 5) -> set[str]:
    """The stems asked that a text holds, in another form of the same family too: "sols pollués" and
    "pollutions des sols" (one stem begins the other, `least` letters at least); "compostage" and "composteurs"
    (a long common root, the shorter stem's whole but for its last two letters)."""
    return {w for w in wanted if w in stems or len(w) >= least and any(
        t.startswith(w) or len(t) >= least and w.startswith(t)
        or len(commonprefix((w, t))) >= max(7, min(len(w), len(t)) - 2) for t in stems)}
