"""How people type in a chat, rewritten to plain French before a question is read.

Two closed sets of the language, not of any knowledge base: French SMS shorthand and clipped words ("qd", "cb",
"slt", "labo") and the frame words of an English question ("how many", "when"). English content words ("events",
"visit") are not listed here: the embedding model maps them onto the base's own words (`assistant.vocabulary`).
"""
from __future__ import annotations

import re

from assistant.reading.countries import in_french
from assistant.reading.dates import MONTH_NAMES
from assistant.reading.normalize import fold

SMS = {
    "slt": "salut", "bjr": "bonjour", "bsr": "bonsoir", "cc": "coucou", "mrc": "merci", "mci": "merci",
    "stp": "s'il te plait", "svp": "s'il vous plait", "qd": "quand", "kan": "quand", "cb": "combien",
    "cmb": "combien", "pk": "pourquoi", "pq": "pourquoi", "koi": "quoi", "kwa": "quoi", "ki": "qui",
    "ke": "que", "kel": "quel", "kelle": "quelle", "kels": "quels", "ds": "dans", "pr": "pour",
    "tt": "tout", "ts": "tous", "tte": "toute", "ttes": "toutes", "bcp": "beaucoup", "qq": "quelques",
    "qqs": "quelques", "qqn": "quelqu'un", "qq1": "quelqu'un", "qqun": "quelqu'un", "qqch": "quelque chose",
    "auj": "aujourd'hui",
    "ajd": "aujourd'hui", "rdv": "rendez-vous", "dc": "donc", "jsp": "je ne sais pas", "tkt": "t'inquiete",
    "c": "c'est", "ct": "c'etait", "g": "j'ai", "ya": "il y a", "yen": "il y en", "yaura": "il y aura",
    "yavait": "il y avait", "kesk": "qu'est-ce que", "keske": "qu'est-ce que", "kesako": "qu'est-ce que c'est",
    "proch": "prochain", "prochn": "prochain", "dispo": "disponible", "mm": "meme", "tjrs": "toujours",
    "tjs": "toujours", "dsl": "desole", "pb": "probleme", "msg": "message", "asso": "association",
    "presta": "prestataire", "prestas": "prestataires", "reco": "recommandation", "recos": "recommandations",
    "com": "communication",
    "nbre": "nombre", "jcrois": "je crois", "pers": "personnes", "ppl": "personnes", "bdd": "base de donnees",
    "num": "numero",  # not "tel": "tel qu'il figure" is French
    "resp": "responsable", "respo": "responsable", "ptit": "petit", "ptite": "petite", "ptits": "petits", "ptites": "petites", "chui": "je suis", "jsuis": "je suis", "ptet": "peut-etre", "jvoudrais": "je voudrais",
    "wesh": "salut", "okay": "ok", "oki": "ok", "thx": "merci", "thanks": "merci", "nn": "non", "nan": "non", "jai": "j'ai",
}
# Words French clips in speech ("les labos", "une manif", "le récap"): the word whole, a thing asked like any other (not
# a word of chat the reader passes over)
CLIPPED = {"labo": "laboratoire", "labos": "laboratoires", "fac": "universite", "facs": "universites",
           "manif": "manifestation", "manifs": "manifestations", "expo": "exposition", "expos": "expositions",
           "appli": "application", "applis": "applications", "diapo": "diaporama", "diapos": "diaporamas",
           "recap": "recapitulatif", "recaps": "recapitulatifs", "stats": "statistiques", "collab": "collaboration",
           "collabs": "collaborations", "agglo": "agglomeration", "prog": "programme", "resto": "restaurant",
           "restos": "restaurants"}
# Familiar French for everyday words ("ça représente combien de boulot ?"; not "boîte", which names any organisation
# as well as a company, nor "bosser", whose "je bosse dans les sols" says who asks)
CLIPPED |= {"boulot": "travail", "boulots": "travaux", "taf": "travail", "matos": "materiel"}
# English nouns of an association's life that French chat borrows as they are ("nos followers linkedin").
LOANWORDS = {"followers": "abonnes", "follower": "abonnes", "subscribers": "abonnes", "trainer": "formateur",
             "speakers": "intervenants", "speaker": "intervenant", "workshop": "atelier", "workshops": "ateliers",
             "orga": "organisation", "orgas": "organisations", "board": "bureau", "meetup": "rencontre",
             "meetups": "rencontres", "business": "activite"}
# Question frames of English, longest first; "in 2024" needs nothing (years are read as they are).
ENGLISH = [
    ("how many times", "combien de fois"), ("how often", "a quelle frequence"), ("how many", "combien"),
    ("how much", "combien"), ("what was the figure", "c'etait combien"), ("what is the figure", "c'est combien"),
    ("the figure", "le chiffre"), ("the figures", "les chiffres"), ("more than", "plus de"), ("over", "plus de"),
    ("less than", "moins de"), ("fewer than", "moins de"), ("under", "moins de"), ("at least", "au moins"), ("roughly", "environ"),
    ("approximately", "environ"), ("around", "environ"), ("what share of", "quelle part de"),
    ("what proportion of", "quelle part de"), ("share of", "part de"), ("what is", "c'est quoi"), ("what's", "c'est quoi"), ("who's", "qui est"), ("where's", "où est"),
    ("when's", "quand est"), ("what are", "quels sont"),
    ("who is", "qui est"), ("who are", "qui sont"), ("is there", "y a-t-il"), ("are there", "y a-t-il"),
    ("was there", "y avait-il"), ("were there", "y avait-il"), ("is there a", "y a-t-il un"), ("is there an", "y a-t-il un"),
    ("was there a", "y avait-il un"), ("was there an", "y avait-il un"), ("actually", ""), ("so", "alors"),
    ("when", "quand"), ("which place", "où"), ("what place", "où"), ("where", "où"), ("which", "quels"), ("who", "qui"), ("what", "quoi"), ("why", "pourquoi"),
    ("how", "comment"), ("next", "prochain"), ("upcoming", "a venir"), ("coming up", "a venir"), ("last", "dernier"),
    ("since", "depuis"), ("between", "entre"), ("average", "moyenne"), ("the most", "le plus"), ("most", "le plus de"),
    ("the least", "le moins"), ("in total", "au total"), ("list", "liste"), ("all the", "tous les"),
    ("all", "tous"), ("show me", "montre"), ("give me", "donne"), ("please", "s'il vous plait"), ("hello", "bonjour"), ("hi", "salut"), ("thank you", "merci"),
    ("did", ""), ("does", ""), ("do", ""), ("had", ""), ("has", ""), ("have", ""), ("the", "le"), ("of", "de"), ("and", "et"), ("or", "ou"),
    ("one of the", "un des"), ("one of", "un de"), ("of them", "d'entre eux"), ("of those", "d'entre eux"), ("them", "eux"), ("they", "ils"), ("it", "cela"), ("that", "cela"),
    ("about", "sur"), ("on", "sur"), ("per", "par"), ("by", "par"), ("this year", "cette annee"),
    ("last year", "l'annee derniere"), ("the previous year", "l'annee precedente"), ("previous year", "l'annee precedente"),
    ("the year before", "l'annee d'avant"), ("the prior year", "l'annee precedente"), ("previous", "precedent"),
    ("that same day", "ce jour-la"), ("that day", "ce jour-la"), ("the same day", "le meme jour"),
    ("on the same day", "le meme jour"), ("the day before", "la veille"), ("the day after", "le lendemain"),
    ("the next day", "le lendemain"), ("tomorrow", "demain"), ("yesterday", "hier"), ("today", "aujourd'hui"),
    ("gonna", "va"), ("going to", "va"), ("wanna", "veux"), ("this month", "ce mois"), ("next month", "le mois prochain"),
    ("next week", "la semaine prochaine"), ("this week", "cette semaine"), ("with", "avec"), ("for", "pour"),
    ("are", "sont"), ("is", "est"), ("was", "etait"), ("were", "etaient"), ("there", ""), ("we", "nous"),
    ("you", "vous"), ("your", "vos"), ("many", "nombreux"), ("much", "beaucoup"), ("at", "a"), ("in", "en"),
    ("took place", "ont eu lieu"), ("take place", "ont lieu"), ("takes place", "a lieu"), ("new", "nouveaux"), ("planned", "prevus"), ("scheduled", "prevus"), ("organised", "organises"),
    ("organized", "organises"), ("held", "tenus"), ("joined", "rejoint"),
    ("the smallest", "le plus petit"), ("the lowest", "le plus bas"), ("the least", "le moins"),
    ("the largest", "le plus grand"), ("the biggest", "le plus gros"), ("the highest", "le plus eleve"),
    ("smallest", "le plus petit"), ("lowest", "le plus bas"), ("largest", "le plus grand"), ("biggest", "le plus gros"),
    ("highest", "le plus eleve"), ("each month", "par mois"), ("per month", "par mois"), ("every month", "par mois"),
    ("monthly", "mensuel"), ("each year", "par an"), ("per year", "par an"), ("yearly", "annuel"),
    ("membership fees", "cotisations"), ("membership fee", "cotisation"), ("fees", "tarifs"), ("fee", "tarif"),
    ("prices", "tarifs"), ("price", "prix"), ("costs", "coute"), ("cost", "coute"),
    ("looking at", ""), ("looking for", "je cherche"), ("someone", "quelqu'un"), ("somebody", "quelqu'un"),
    ("anyone", "quelqu'un"), ("anybody", "quelqu'un"), ("any", "un"), ("can", "peut"), ("could", "pourrait"),
    ("help", "aider"), ("our", "notre"), ("my", "mon"), ("broken down by", "par"), ("apart from", "hors"),
    ("attendance", "participants"),
    ("attendees", "participants"), ("attended", "ont participe"), ("showed up", "ont participe"),
    ("show up", "participer"), ("turned up", "ont participe"), ("turn up", "participer"), ("came", "sont venus"),
    ("come", "venir"), ("people", "personnes"),
    # the words of any association's life, as its French reports say them
    ("board meeting", "bureau"), ("board meetings", "bureaux"), ("general assembly", "assemblee generale"),
    ("annual general meeting", "assemblee generale"), ("agm", "assemblee generale"),
    ("smes", "pme"), ("sme", "pme"), ("local authorities", "collectivites"),
    ("members", "membres"), ("member", "membre"), ("mailing list", "e-mailing"), ("emailings", "e-mailings"),
    ("goals", "objectifs"), ("goal", "objectif"),
    ("targets", "objectifs"), ("target", "objectif"), ("challenges", "enjeux"), ("database", "base de donnees"),
    ("business sector", "secteur d'activite"), ("business sectors", "secteurs d'activite"), ("sector", "secteur"),
    ("sectors", "secteurs"), ("work in", "travaillent dans"), ("companies", "entreprises"), ("company", "entreprise"),
    ("suppliers", "fournisseurs"), ("supplier", "fournisseur"), ("in the network", "dans le reseau"),
    ("in your network", "dans votre reseau"), ("network", "reseau"), ("among", "parmi"),
    ("we need", "nous cherchons"), ("i need", "je cherche"), ("makes", "fabrique"), ("manufactures", "fabrique"),
    ("produces", "produit"), ("supplies", "fournit"), ("supply", "fournit"), ("sells", "vend"), ("share", "part"),
    ("busiest", "le plus charge"),
    ("month", "mois"), ("year", "annee"), ("years", "ans"), ("one year", "un an"), ("a year", "un an"),
    ("one", "un"), ("two", "deux"), ("three", "trois"), ("four", "quatre"), ("five", "cinq"), ("ten", "dix"),
    ("earlier", "plus tot"), ("later", "plus tard"), ("ago", "plus tot"), ("before", "avant"), ("after", "apres"),
    ("over the year", "sur un an"), ("in a year", "sur un an"),
    ("compared to", "par rapport a"), ("compared with", "par rapport a"), ("vs", "par rapport a"),
    ("is it up", "en hausse"), ("is it down", "en baisse"), ("go up", "augmenter"), ("went up", "a augmente"),
    ("went down", "a baisse"), ("increased", "a augmente"), ("decreased", "a baisse"), ("decrease", "baisse"),
    ("dropped", "a baisse"), ("drop", "baisse"), ("grew", "a augmente"), ("gain", "gagne"), ("lost", "perdu"),
    ("sent out", "envoyes"), ("send out", "envoyer"), ("sent", "envoyes"), ("send", "envoyer"), ("hosted", "accueilli"),
    ("welcomed", "accueilli"), ("founded", "cree"), ("established", "cree"), ("set up", "cree"),
    ("since when", "depuis quand"), ("exist", "existe"), ("exists", "existe"), ("launched", "lance"), ("signed", "signe"),
    ("approved", "valides"),
    ("validated", "valides"), ("moved", "reporte"), ("postponed", "reporte"), ("rescheduled", "reporte"),
    ("cancelled", "annule"), ("canceled", "annule"), ("in charge of", "responsable de"), ("head of", "responsable de"),
    ("comms", "communication"), ("hiring", "recrute"), ("recruiting", "recrute"), ("hire", "recruter"),
    ("what percentage", "quel pourcentage"), ("what percent", "quel pourcentage"), ("what %", "quel pourcentage"),
    ("right", "non"), ("isn't it", "non"), ("correct", "non"),
    ("january", "janvier"), ("february", "fevrier"), ("march", "mars"), ("april", "avril"), ("may", "mai"),
    ("june", "juin"), ("july", "juillet"), ("august", "aout"), ("september", "septembre"),
    ("october", "octobre"), ("november", "novembre"), ("december", "decembre"),
]
# The glossary's single words, for an English word met in a French message ("c'est quand le next atelier ?")
BORROWED = {en: fr for en, fr in ENGLISH if " " not in en and "'" not in en}
_ENGLISH_RE = [(re.compile(rf"\b{re.escape(en)}(?!\w)", re.I), fr) for en, fr in
               sorted(ENGLISH, key=lambda p: -len(p[0]))]
# Markers of an English sentence: its frames are rewritten only when the message reads as English,
# so that French "on", "a" or "list" keep their meaning.
_WORD = re.compile(r"(?<![\w'’.-])[A-Za-z][A-Za-z0-9]*(?![\w'’-])")  # a whole word, not the "c" of "c'est"
_LOANWORD = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w'’-])")
_ENGLISH_MARKERS = re.compile(r"\b(how|what|when|where|which|who|the|is|are|did|does|was|were|there|in|of|"
                              r"please|list|show|give|many|much|had|has|have|will|can|could|would|this|that|"
                              r"with|from|than|over|any|some)\b", re.I)


# "What" before a noun asks which one ("what salary", "what topics"); before a verb it asks what.
_WHAT_NOUN = re.compile(r"\bwhat (?=(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|about|if|"
                        r"else|kind|type|sort|share|proportion|percent\w*|happen\w*)\b)[a-z]{3,})", re.I)


# Approximate numerals of French: "une cinquantaine de personnes" is about 50.
APPROXIMATE = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
               "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000}
_APPROXIMATE_RE = re.compile(r"\b(?:(plus|moins) )?(?:d')?(une?|la) (" + "|".join(APPROXIMATE) + r")\b(?: de |\s*d')?", re.I)


# English dates put the month first ("on oct 15", "March 21st, 2024") or say "the 15th of October".
_EN_MONTHS = dict(zip("jan feb mar apr may jun jul aug sep oct nov dec".split(), range(1, 13)))
_EN_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_EN_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"


def _english_dates(text: str) -> str:
    def french(day: str, month: str) -> str:
        return f"le {int(day)} {MONTH_NAMES[_EN_MONTHS[month.lower()[:3]] - 1]}"
    text = re.sub(rf"\b(?:(?:in|on) )?(?:the )?{_EN_DAY} of {_EN_MONTH}(?=[\s,?.!]|$)",
                  lambda m: french(m.group(1), m.group(2)), text, flags=re.I)
    return re.sub(rf"\b(?:(?:in|on) )?{_EN_MONTH} {_EN_DAY}\b(?![\d:h/])(?:,(?= \d{{4}}))?",
                  lambda m: french(m.group(2), m.group(1)) if int(m.group(2)) <= 31 else m.group(0), text, flags=re.I)


def reads_english(text: str) -> bool:
    """Whether a message is written in English (two of its frame words, or one opening it)."""
    return len(_ENGLISH_MARKERS.findall(text)) >= 2 or bool(
        re.match(r"\s*(how|what|when|where|which|who|is|are|did|does|and)\b", text, re.I))


def expand(text: str) -> str:
    """Shorthand and English frames rewritten; every other word left exactly as typed."""
    english = reads_english(text)
    if english:
        text = _english_dates(_WHAT_NOUN.sub("quel ", text))  # "what salary …": the thing asked, as "quel salaire"
        text = in_french(text)  # "visitors from China": the base names it "Chine"
        # "the least attended visit": the thing first, then how it ranks, as French says it
        text = re.sub(r"\b(?:the )?(best|most|least|worst)[ -](?:attended|popular|visited) ([A-Za-z]+(?: [A-Za-z]+)??)"
                      r"(?=\s*(?:[?.!,;]|$)|\s+(?:of|in|on|at|for|this|that|last|during|with|from|by|since|so|was|were|is|are|"
                      r"did|has|had|ever)\b)",
                      lambda m: f"le {m.group(2)} avec le {'moins' if m.group(1) in ('least', 'worst') else 'plus'} "
                      f"de participants", text, flags=re.I)
        # "the cluster's director?" is the director of the cluster (a longer phrase keeps its order: see below)
        text = re.sub(r"\b(?:the )?([A-Za-z]{3,})['’]s ([A-Za-z]{3,})(?=\s*(?:[?.!,;]|$))", r"the \2 of the \1", text)
        # "the cluster's total budget in 2024?": the budget, total, of the cluster (the noun after its article, as
        # French says it)
        text = re.sub(r"\b(?:the )?([A-Za-z]{3,})['’]s (total|annual|overall|whole|yearly|monthly) ([A-Za-z]{3,})"
                      r"(?=\s*(?:[?.!,;]|$| in | for ))", r"the \3 \2 of the \1", text)
        for pattern, french in _ENGLISH_RE:
            text = pattern.sub(french, text)
        text = re.sub(r"\b([A-Za-z]{3,})['’]s\b", r"\1", text)  # "the country's delegation": the possessive says no more
        text = re.sub(r"  +", " ", text)  # a word the glossary drops ("does") leaves no gap between the others
    text = _APPROXIMATE_RE.sub(lambda m: (f"{m.group(1)} de " if m.group(1) else "" if m.group(2).lower() == "la"
                                          else "environ ")  # "plus d'une centaine"; "passé la centaine": the mark itself
                               + f"{APPROXIMATE[m.group(3).lower()]} ", text)
    text = re.sub(r"(?<![\d\s])\s*%|(?<!\d)\s+%", " pourcentage", text)  # "et en % ?"; "38 %" stays a number
    text = re.sub(r"\b(le|la|les) \+", r"\1 plus", text)  # "le mois où ça a le + augmenté"
    text = re.sub(r"(?<![\w+-])([+-]) ?(de|d')(?=\s|\w)", lambda m: ("plus " if m.group(1) == "+" else "moins ") + m.group(2),
                  text)  # "+ de 50 personnes", "- de 20"
    text = re.sub(r"\+ ?(cb|combien)\b", "combien de plus", text, flags=re.I)  # "ça fait +cb ?"
    # "le nb de contacts a pris combien ?": how much it gained ("ça a pris combien de temps ?" asks a duration)
    text = re.sub(r"\b(a|ont|avait|avaient) pris (combien|cb|cmb)\b(?! (?:de temps|d'heures|de jours|de mois))",
                  r"\1 gagné \2", text, flags=re.I)
    text = re.sub(r"\b(semaine|mois|annee|année|fois) pro\b", r"\1 prochaine", text, flags=re.I)
    # "ça se passe ou ?", "ou c'est ?": typed without its accent, "où" ends or opens the question ("A ou B ?" does not)
    text = re.sub(r"(?<![\w'’-])c t(?![\w'’-])", "c'était", text, flags=re.I)  # "c t quand ?": "ct" typed in two
    text = re.sub(r"(?<![\w'’-])ou(?=\s*(?:[?!.]|$))|^(\s*)ou(?= (?:est|sont|se |s'est|c'est|ca |ça |a lieu|ont lieu|etait|était))",
                  lambda m: (m.group(1) or "") + "où", text, flags=re.I)
    if not english:  # an elision typed with a space, its apostrophe missing: "c est qui", "j ai oublié", "qu est-ce", "l eau"
        text = re.sub(r"(?<!\S)(c(?= (?:est|etait|était|etaient|étaient)\b)|qu(?= (?:est|il|ils|elle|elles|on|un|une|en)\b)|"
                      r"[jldmnst](?= [aeiouyhàâéèêîôû]))\s", r"\1'", text, flags=re.I)
    text = _WORD.sub(lambda m: SMS.get(folded := fold(m.group(0)), CLIPPED.get(folded, m.group(0))), text)
    return _LOANWORD.sub(lambda m: LOANWORDS.get(fold(m.group(0)), m.group(0)), text)  # "d'orgas" too


def chat_words() -> set[str]:
    """Every folded word these rewrites produce: part of the language the reader knows."""
    out: set[str] = set()
    for value in [*SMS.values(), *LOANWORDS.values(), *(fr for _, fr in ENGLISH)]:
        out.update(re.findall(r"[a-z]+", fold(value)))
    return out
