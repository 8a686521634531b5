"""Yes/no questions that state a claim ("le forum a eu lieu en mai, non ?", "il y avait 200 personnes,
c'est ça ?"): the claim is taken out, the question answered from the base, and the answer opens with
Oui or Non depending on whether the base agrees."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.reading.dates import _MONTH_RE, read_dates
from assistant.reading.normalize import INVERTED_ASK, content_stems, fold

_CAN_YOU = r"(?:pouvez-vous|peux-tu|pourriez-vous|tu peux|vous pouvez)"  # "pouvez-vous me le confirmer ?"
# How a speaker says a claim is only from memory: "si je dis pas de bêtise", "si je me trompe pas", "de mémoire".
HEDGE = (r"(?:si je (?:ne )?me trompe pas|si je (?:ne )?dis pas de betises?|sauf erreur(?: de ma part)?|si je ne m'abuse|"
         r"si je me (?:souviens|rappelle) bien|si j'ai bonne memoire|de memoire|je crois|je pense|il me semble|me semble-t-il)")
TAG = re.compile(rf"[,;:\s]*\b(?:{HEDGE}[,;:\s]*)?(?:oui ou non|non|hein|c'est (?:bien )?ca|c (?:bien )?ca|{HEDGE}|"
                 rf"n'est-ce pas|pas vrai|c'est vrai|vrai|exact|correct|"
                 rf"juste|right|confirme[sz]?|on est d'accord|{_CAN_YOU} (?:me |nous )?(?:le )?confirmer)\s*\?*\s*$")
OPENING = re.compile(rf"^\s*(?:(?:si j'ai bien compris|si je comprends bien|{HEDGE})(?! comprendre)"
                     r"[, ]+(?:que )?|est-ce que|est ce que|est-ce qu'|c'est vrai que|il parait que|confirme[sz]?(?: moi)? que|"
                     r"je crois (?:comprendre )?que|j'ai cru comprendre que|il me semble que|j'ai entendu que|"
                     # "un collègue m'a dit que …", "on m'a assuré que …": hearsay, the claim to check follows
                     r"(?:on|(?:un|une|mon|ma|des|mes) [\w-]+|[\w-]+) (?:m'|nous )(?:a|ont) (?:dit|affirme|assure|raconte|explique) que|"
                     r"j'ai l'impression que|est-il (?:vrai|exact|juste) que|"
                     rf"c'est (?:exact|juste) que|(?:{_CAN_YOU} )?(?:me |nous )?confirmer que|"
                     # "le tableau des types confirme bien que …", "le bilan indique que …": a source said to say it
                     r"(?:le|la|les|l') ?[^,?]{2,50}? (?:confirme|montre|indique|dit|affirme|precise)n?t? (?:bien )?qu(?:e |'))\s*")
ASKING = re.compile(r"\b(combien|quand|ou|qui|quel\w*|quoi|comment|pourquoi|lequel|laquelle|lesquel\w*|cb|qd|"
                    rf"nombre|liste|total|moyenne|y a-t-il|y-a-t-il|existe-t-il|{INVERTED_ASK})\b")
# A statement has a verb: "l'AG s'est tenue en juin ?" claims; "nombre d'événements en juin ?" asks.
STATED = re.compile(r"\b(a|ont|est|sont|etait|etaient|avait|avaient|aura|y a|avez|aviez|avons|avions|y avait|compte|"
                    r"comptait|comptaient|"
                    r"reunit|rassemble|rassemblait|s'est|se sont|s'etait|correspond\w*|equivau\w*|represente\w*)\b")
# "c'était bien …", "ça correspond bien à …": a claim checked
CONFIRMED = r"(?:c'est|c'etait|est|etait|a|ont|sont|etaient|correspond\w*|equivau\w*|represente\w*|fait|font) bien"
# Words that may follow a year ("en 2024 dans la base", "2024 sans compter"); any other plural word after
# a year-like number makes it a count ("2000 structures", "1900 adhérents").
_GRAMMAR_AFTER = r"(?:dans|sans|sous|vers|chez|plus|moins|tous|nous|vous|apres|depuis|alors|puis)\b"
# A number stated as a fact; not a threshold ("plus de 50"), a rank ("les 3 prochains") or a date.
NUMBER = re.compile(rf"(?<!plus de )(?<!moins de )(?<!au moins )(?<!dela de )(?<!les )(?<!n°)(?<!n° )(?<!numero )(?<![\d/.-])(?!(?:19|20)\d\d\b(?!\s+(?!{_GRAMMAR_AFTER})[a-z]{{3,}}s\b))(\d+(?:[  .]\d{{3}})*(?:,\d+)?)(?![\d/.]|er\b|e\b| ?(?:{_MONTH_RE})\b| (?:premier|dernier|prochain))")
# A number claimed as a bound: "a dépassé les 300 membres", "moins de 100 personnes", "au moins 50".
# Not after "avec", "de", "ayant", "qui": "des ateliers avec plus de 50 participants" filters, it claims nothing.
_NUM = r"(\d+(?:[  .]\d{3})*(?:,\d+)?)"
BOUND = re.compile(r"(?<!\bavec )(?<!\bde )(?<!\bayant )(?<!\bqui )\b(depasse\w*|passe\w*|plus de|au-dela de|"
                   r"au dela de|au moins|superieure?s? a|atteint|franchi\w*|moins de|en dessous de|"
                   r"inferieure?s? a|pas plus de|sous)\s+(?:les |la barre de?s? |le cap de?s? |la barre d')?"
                   + _NUM + r"(?![\d/.])")
_AT_MOST = ("moins de", "en dessous de", "pas plus de", "sous la barre")
# A number said roughly: "environ 300", "genre 300" ("une soixantaine" is read as "environ 60").
ABOUT = re.compile(r"\b(?:environ|pres de|a peu pres|genre|dans les|autour de|quasi|quasiment|presque|grosso modo|"
                   r"approximativement)\s*$")
NEAR = 0.15  # how far from a rough number a value may be and still be it
# A change claimed: "les actions ont augmenté en 2024 par rapport à 2023", "a baissé entre 2023 et 2024".
# Said with a noun ("il y a eu une grosse hausse"), or against an earlier year ("c'était moins qu'en 2023").
_NOUN = r"(?:eu|connu|note|vu) une (?:[a-z]+ )?"
_THAN = r"(?:qu'en|que en) (?:19|20)\d\d"
RISE = re.compile(r"\b(augmente\w*|a progresse|ont progresse|est en hausse|sont en hausse|en hausse|a cru|ont cru|a grimpe|"
                  rf"ont grimpe|{_NOUN}(?:hausse|augmentation|progression)|plus {_THAN})(?=\W|$)")
FALL = re.compile(r"\b(baisse\w*|diminue\w*|a recule|ont recule|en baisse|a chute|ont chute|a regresse|ont regresse|"
                  rf"a perdu|ont perdu|{_NOUN}(?:baisse|diminution)|moins {_THAN})(?=\W|$)")
# What the figures' answer says of a change: "Évolution de 2023 à 2024 : −144", "Il n'y a pas eu de hausse".
CHANGE_SAID = re.compile(r"evolution de .{1,40}? : ([+−-])|(pas eu de (?:hausse|baisse), mais une (hausse|baisse))")
# A place claimed: "son siège est en Belgique", "ça se passait à Nanterre" (a capitalised name after en/à/au).
PLACE = re.compile(r"(?<!\w)(?:en|a|à|au|aux)\s+([A-ZÀ-Ý][\w'-]+(?:[\s-][A-ZÀ-Ý][\w'-]+)*)")
# "liées à Revit'EMS", "consacré à NUM'EMS", "grâce à X": a relation to a name, no place
RELATION = re.compile(r"\b(?:li[ée]e?s?|consacr[ée]e?s?|d[ée]di[ée]e?s?|associ[ée]e?s?|relati(?:f|ve)s?|grâce|grace|rapport|"
                      r"face)\s+$", re.I)


def _place(text: str) -> re.Match | None:
    """The first place a message names ("à Nanterre", "en Belgique"), a relation's complement aside."""
    return next((m for m in PLACE.finditer(text) if not RELATION.search(text[:m.start()])), None)


# Where a company is from, said by its nationality ("une boîte allemande ?"): the country it names (French, the same
# for any data).
NATIONALITIES = {
    "allemand": "Allemagne", "belge": "Belgique", "neerlandais": "Pays-Bas", "hollandais": "Pays-Bas",
    "francais": "France", "espagnol": "Espagne", "italien": "Italie", "suisse": "Suisse", "britannique": "Royaume-Uni",
    "anglais": "Angleterre", "americain": "États-Unis", "canadien": "Canada", "chinois": "Chine", "japonais": "Japon",
    "coreen": "Corée", "danois": "Danemark", "suedois": "Suède", "norvegien": "Norvège", "finlandais": "Finlande",
    "portugais": "Portugal", "polonais": "Pologne", "autrichien": "Autriche", "luxembourgeois": "Luxembourg",
    "irlandais": "Irlande", "grec": "Grèce", "slovene": "Slovénie", "serbe": "Serbie", "israelien": "Israël",
}
NATIONALITY = re.compile(r"\b(?:c'est|c'etait|est|etait|sont) (?:bien |vraiment |pas )?(?:une?|des) (?:[\w-]+ ){0,2}?(" + "|".join(NATIONALITIES) + r")(?:e|ne)?s?\b")
# "Sempergreen, la boîte allemande des toitures, elle fait quoi ?": a nationality said in passing, a premise all the same
APPOSED = re.compile(r"(?:^|,)\s*(?:la|le|l'|une|un|cette|ce|cet) ?(?:[\w-]+ ){0,2}?(" + "|".join(NATIONALITIES) + r")(?:e|ne)?s?\b")


def apposed_nationality(message: str) -> tuple[str, str] | None:
    """The nationality a message says of its subject in passing, as typed, and the country it names."""
    folded = fold(message)
    if len(folded) != len(message) or not (m := APPOSED.search(folded)):
        return None
    return message[m.start(1):m.end()], NATIONALITIES[m.group(1)]


# A country typed without its capital ("en belgique"): a place all the same.
COUNTRY = re.compile(r"(?<!\w)(?:en|a|au|aux)\s+(" + "|".join(sorted({re.escape(fold(c)) for c in NATIONALITIES.values()},
                                                                   key=len, reverse=True)) + r")\b")
# A year claimed as a beginning: "existe depuis 2010", "a été créé en 2012", "fondé en 2015".
FOUNDED = re.compile(rf"\b(?:existe\w* depuis|cree\w* en|fonde\w* en|lance\w* en|date de|ne en|vu le jour en|demarre\w* en) ((?:19|20)\d\d)\b")
# Someone named as who it is: "la responsable comm c'est bien Carolina ?", "c'est bien Sempergreen qui fait les toits ?"
NAMED = re.compile(r"\bc'(?:est|etait|était) (?:bien |pas )?(?P<name>[A-ZÀ-Ý][\w'-]+(?: [A-ZÀ-Ý][\w'-]+)?)"
                   r"(?P<who> qui\b)?")
DEGREE = re.compile(r"\b(?:beaucoup|bcp|fortement|nettement|largement|legerement|un peu|enormement|grave|vachement|"
                    r"tellement|tres|considerablement|sensiblement|pas mal|clairement|vraiment|grosse|gros|forte|fort|nette|"
                    r"belle|petite|legere|enorme|sacree|vraie)\b")
HAPPENED = re.compile(r"\b(?:eu lieu|tenue?s?|deroulee?s?|maintenue?s?)\b")
MOVED = re.compile(r"\b(?:(report|decal|repouss)|(annul))ee?s?\b")  # put off, called off
WHEN = re.compile(rf"\b(?:en |au mois de |le |au |debut |fin |mi-?|courant )*(?:\d{{1,2}}(?:er)? )?(?:{_MONTH_RE})\b")


# A superlative: "le thème le plus fréquent", "l'événement qui a eu le moins de participants", "le type qui revient le plus".
_SUPERLATIVE = (r"(?:le |la |les |l')(\w+(?: d'\w+| de \w+)?) (?:(?:qui (?:a|ont|avait|avaient) (?:eu |reuni |attire )?|"
                r"avec |ayant )?(?:le|la|les) (?:plus|moins)(?: de \w+| d'\w+| \w+)?|qui revient le plus(?: souvent)?|"
                r"(?:n° ?|numero )(?:1|un)\b)")
_IS = (r"(?:c'est|c'etait|ce sont|ce serait|(?:est|etait|a|sont|etaient|ont)-(?:il|elle|ils|elles)(?: ete| reste\w*| demeure\w*)?|"
       r"est|etait|sont|etaient|a ete|ont ete|reste|restait|restent|(?:est|sont) reste\w*)")  # "l'eau est-elle restée …"
# Which one is claimed to be the most: "c'est les sols le thème le plus fréquent", "le thème le plus fréquent
# c'est l'eau", "septembre a été le mois le plus chargé".
TOP = [re.compile(rf"^(?:{_IS}) (?P<top>.+?) (?P<sup>{_SUPERLATIVE})(?P<rest>.*)$"),
       re.compile(rf"^(?P<sup>{_SUPERLATIVE})(?P<rest>(?: (?:des|du|de la|de l'|dans|en|parmi|sur) [^,]{{1,40}}?)?),? "
                  rf"(?:{_IS}) (?P<top>.+?)$"),
       re.compile(rf"^(?P<top>.+?) (?:{_IS}) (?P<sup>{_SUPERLATIVE})(?P<rest>.*)$")]
# "c'est le collège des structures publiques qui est le plus représenté ?": which one of its kind ("collège")
WHO_MOST = re.compile(r"^(?:c'est|c'etait|ce sont) (?P<top>(?:le |la |les |l')\s?(?P<kind>\w+).*?) qui (?P<verb>\w+(?: eu| ete)?) "
                      r"(?P<sup>(?:le|la|les) (?:plus|moins)\b.*)$")


# "la thématique sols a été la plus représentée": the kind named with the one claimed, the superlative bare
KIND_MOST = re.compile(rf"^(?P<top>(?:le |la |les |l')\s?(?P<kind>\w+) \w+(?: \w+)?) (?P<verb>{_IS}) "
                       r"(?P<sup>(?:le|la|les) (?:plus|moins) \w+)(?P<rest>.*)$")
# Two years compared: "moins d'e-mailings en 2024 qu'en 2023", "en 2024 plus de membres qu'en 2023".
# "La session de décembre a-t-elle attiré davantage de monde que celle d'avril ?" compares two things it names:
# it claims neither date.
TWO_THINGS = re.compile(r"\b(?:plus|moins|davantage|autant)\b[^?]{0,40}\bque (?:celle|celui|ceux|celles|le |la |l'|les )")
COMPARED = re.compile(r"\b(?:en ((?:19|20)\d\d) (?:[\w']+ ){0,4})?(plus|moins) (?:de |d')(.{2,50}?) (?:en ((?:19|20)\d\d) )?"
                      r"(?:qu'en|que en) ((?:19|20)\d\d)\b")


@dataclass
class Claim:
    neutral: str  # the question with the claim taken out, asking for the true value
    number: float | None = None
    bound: str = "="  # "=", ">" (more than) or "<" (less than)
    when: tuple[int, int | None] | None = None  # (month, day or None)
    years: tuple[int, int] | None = None  # with `bound`: the first year's value is above or below the second's
    change: str | None = None  # "+" (it rose) or "-" (it fell)
    place: str | None = None  # a place named in the claim, folded
    held: bool = False  # the claim is that an event took place on the day it names
    moved: str | None = None  # or that it was put off ("report") or called off ("annul")
    top: str | None = None  # what is claimed to come first in a ranking ("les sols"), folded
    year: bool = False  # `number` is the year something began
    rough: bool = False  # `number` is said roughly ("une soixantaine", "environ 300")
    unit: str | None = None  # what the number counts, as the claim says it ("evenements"); None for a headcount
    name: str | None = None  # who is claimed to be the one asked of, folded


def read_claim(message: str, today: date) -> Claim | None:
    """The claim of a yes/no question, or None when the message asks an open question."""
    folded = fold(message).strip()
    tagged = TAG.search(folded)
    opened = OPENING.match(folded)
    body = folded[:tagged.start()] if tagged else folded
    body = body[opened.end():] if opened else body
    body = re.sub(r"\s*\bcomme (?:prevu|annonce|convenu)\b", "", body)  # "a bien eu lieu comme prévu ?"
    # "… a bien eu lieu ?", or typed without its "?": "c'était bien le 10 octobre"
    asked = folded.endswith("?") or re.search(rf"\b{CONFIRMED}\b", folded)
    # "et en juin ?" asks again; "et l'AG, c'était bien en juin ?" checks a claim still
    confirms = re.search(rf"\b{CONFIRMED}\b", body)
    plain = bool(asked) and len(body.split()) >= 4 and (not re.match(r"(et|mais|puis|ou|sinon)\b", body) or confirms) \
        and bool(STATED.search(_verbs(message))) \
        and not re.match(r"(?:(?:il )?y[- ](?:a|avait|aura)(?:-t?-?il)?|(?:vous|on|nous) (?:avez|aviez|avons|avions|a|avait))"
                         r"(?: eu| aura| avait)? (?:des|d'|un|une)\b", body)
    # "y a des visites en mai ?", "y avait-il un bureau en novembre ?" ask whether any
    found = list(ASKING.finditer(body))  # "le nombre de membres a augmenté de combien ?" asks by its "combien"
    asking = next((m for m in found if m.group(1) not in ("nombre", "total", "moyenne")), found[0] if found else None)
    if asking and asking.group(1) in ("nombre", "total", "moyenne") and (tagged or opened or RISE.search(body) or
                                                                        FALL.search(body)):
        asking = None  # "le nombre de membres a augmenté, non ?" claims; "nombre d'événements en juin ?" asks
    if asking and asking.group(1) == "qui" and WHO_MOST.match(body.strip(" ,?")):
        asking = None  # "c'est le forum qui a eu le plus de monde ?": a relative "qui", nothing asked
    if asking and asking.group(1) == "qui" and (m := NAMED.search(message)) and m.group("who"):
        asking = None  # "c'est bien Sempergreen qui fait les toits ?": the relative "qui" of the one named
    if not (tagged or opened or plain) or asking or TWO_THINGS.search(body):
        return None
    if (m := COMPARED.search(body)) and (m.group(1) or m.group(4)):
        first, second = int(m.group(1) or m.group(4)), int(m.group(5))
        return Claim(f"combien de {m.group(3)} en {first} et en {second} ?", bound=">" if m.group(2) == "plus" else "<",
                     years=(first, second))
    if (m := NAMED.search(message)) and len(fold(message)) == len(message):
        # the name as typed (with its capital), the rest read folded: what is said of the one named
        before, after = folded[:m.start()].strip(" ,"), body[m.end():].strip(" ,?") if m.end() <= len(body) else ""
        if m.group("who") and after and not before:
            return Claim(f"qui {after} ?", name=fold(m.group("name")))
        if before and not after and len(before.split()) >= 2:
            return Claim(f"qui est {before} ?", name=fold(m.group("name")))
    year = re.match(r"(en (?:19|20)\d\d),? ", body)  # "en 2023 c'était …": the year the ranking is of
    ranked = body[year.end():] if year else body
    for pattern in TOP:  # "c'est les sols le thème le plus fréquent ?": the ranking asked, and its first
        if (m := pattern.match(ranked.strip(" ,?"))) and len(m.group("top").split()) <= 5:
            when = f" {year.group(1)}" if year else ""
            return Claim(f"quel est {m.group('sup')}{m.group('rest')}{when} ?", top=m.group("top"))
    if (m := KIND_MOST.match(ranked.strip(" ,;?"))) and len(m.group("top").split()) <= 5:
        when = f" {year.group(1)}" if year else ""  # "la thématique sols a été la plus représentée en 2024"
        return Claim(f"quel {m.group('kind')} {m.group('verb')} {m.group('sup')}{m.group('rest')}{when} ?", top=m.group("top"))
    if (m := WHO_MOST.match(body.strip(" ,?"))) and len(m.group("top").split()) <= 6:
        return Claim(f"quel {m.group('kind')} {m.group('verb')} {m.group('sup')} ?", top=m.group("top"))
    rise, fall = RISE.search(body), FALL.search(body)
    if bool(rise) != bool(fall):  # "… ont augmenté en 2024 par rapport à 2023": how it changed, and Oui or Non
        m = rise or fall
        # "ça a beaucoup augmenté ?": how much it is said to have changed is no subject
        # "c'était moins qu'en 2023": the change since that year
        than = re.match(r"(?:plus|moins) .*\b((?:19|20)\d\d)$", m.group(1))
        against = f" par rapport a {than.group(1)} " if than else " "
        subject = DEGREE.sub(" ", body[:m.start()] + against + body[m.end():])
        return Claim(f"evolution de {re.sub(r'  +', ' ', subject).strip(' ,?')} ?", change="+" if rise else "-")
    if m := FOUNDED.search(body):  # "le cluster existe depuis 2010 ?": when it began, and Oui or Non
        subject = re.sub(r"\s+(?:a|a ete|est|existe|a vu le jour)$", "", body[:m.start()].strip(" ,"))
        return Claim(f"{subject} a été créé quand ?", number=float(m.group(1)), year=True)
    if m := BOUND.search(body):  # before a month: "plus de 4000 abonnés en décembre" claims a number
        value = float(re.sub(r"[  .]", "", m.group(2)).replace(",", "."))
        neutral = (body[:m.start()] + " combien de " + body[m.end():]).strip(" ,?")
        return Claim(f"{neutral} ?", number=value, bound="<" if m.group(1).startswith(_AT_MOST) else ">")
    if m := NATIONALITY.search(body):  # "Sempergreen c'est une boîte allemande ?": where it is from
        place = fold(NATIONALITIES[m.group(1)])
        return Claim(f"{body[:m.start()].strip(' ,?')} c'est où ?", place=place)
    # "Sempergreen, validé au Bureau de septembre 2024, a son siège en Allemagne ?": the country, surely a place, rather
    # than a capitalised word after "au" (" au Bureau")
    if (m := COUNTRY.search(folded) or _place(message)) and not read_dates(m.group(1), today).period:
        place = fold(m.group(1))
        # "Sempergreen a son siège en Belgique, c'est ça ?" claims where it is; "vous avez fait des choses à Orly ?" asks
        # whether anything took place there
        if (p := body.find(place)) > 0 and not NUMBER.search(body) \
                and not re.search(r"\b(?:des|un|une|d')\s*\w+(?: \w+)?\s+(?:en|a|au|aux)\s*$", body[:p]):
            neutral = re.sub(r"\b(?:en|a|au|aux)\s*$", "", body[:p].rstrip()) + body[p + len(place):]
            return Claim(f"{neutral.strip(' ,?')}, c'est où ?", place=place)
    if (m := WHEN.search(body)) and not (re.search(r"\b(?:du|de|d') ?$", body[:m.start()]) and NUMBER.search(body)
                                         and not HAPPENED.search(body) and not MOVED.search(body)) \
            and not re.search(rf"\b(?:entre|de|du)\s+(?:\w+\s+){{0,2}}(?:{_MONTH_RE})\b.{{0,20}}\b(?:et|a|au)\s+"
                                                  rf"(?:\w+\s+){{0,2}}(?:{_MONTH_RE})\b", body):
        # "le forum a eu lieu en mai ?" claims a date; "perdu des abonnés entre septembre et octobre" names a span
        period = read_dates(m.group(0), today).period
        if period and period.start.month == period.end.month:
            day = period.start.day if period.start == period.end else None
            if HAPPENED.search(body) and re.search(r"\b(?:(?:du|de|prevue?s?|programmee?s?) |d')$", body[:m.start()]):
                # "le bureau du 21 novembre a bien eu lieu ?", "le bureau de novembre, il a eu lieu ?": the date names
                # the event, whether it took place is asked
                return Claim(f"{body.strip(' ,?')} ?", when=(period.start.month, day), held=True)
            if (said := MOVED.search(body)) and re.search(r"\b(?:(?:du|de|prevue?s?|programmee?s?) |d')$", body[:m.start()]):
                # "le bureau de novembre a été reporté ?": the date names the event, the change of plan is asked
                return Claim(f"{body.strip(' ,?')} ?", when=(period.start.month, day),
                             moved="report" if said.group(1) else "annul")
            neutral = (body[:m.start()] + " " + body[m.end():]).strip(" ,?")
            return Claim(f"{neutral} quand ?", when=(period.start.month, day))
    if m := NUMBER.search(body):
        value = float(re.sub(r"[  .]", "", m.group(1)).replace(",", "."))
        about = ABOUT.search(body[:m.start()])
        # "on était 300 au forum ?" counts no noun: "combien", not "combien de"
        bare = re.match(r"\s*(?:a|au|aux|en|dans|pour|sur|chez|lors)\b", body[m.end():])
        how_many = " combien " if bare else " combien de "
        neutral = (body[:about.start() if about else m.start()] + how_many + body[m.end():]).strip(" ,?")
        unit = None if bare else re.match(r"\s*(?:de |d')?(?!(?:personnes|gens|participants)\b)([a-z]{4,})", body[m.end():])
        return Claim(f"{neutral} ?", number=value, rough=bool(about), unit=unit.group(1) if unit else None)
    return None


def read_claims(message: str, today: date) -> list[Claim]:
    """The claims of a yes/no question; "le forum eau c'était en mai et il y avait 200 personnes, non ?" makes two of
    different kinds, the second read from what the first leaves, whose `neutral` asks for both."""
    first = read_claim(message, today)
    if first is None:
        return []
    rest = re.sub(r"\s*(?:quand|, c'est ou)?\s*\?$", "", first.neutral)
    second = read_claim(f"{rest}, non ?", today) if re.search(r"\bet\b", rest) else None
    if second is None or _kind(second) == _kind(first):
        return [first]
    return [first, second]


def _kind(claim: Claim) -> str:
    return next(k for k in ("when", "place", "years", "change", "top", "name", "number", "neutral") if getattr(claim, k))


# A number the asker remembers, said after the question: "combien d'adhérents en 2023 ? j'avais noté 180."
NOTED = re.compile(r"(?<=[?.!])\s*(?:moi |perso |de mon c[oô]t[ée] )?(?:j'avais|j'ai|on m'avait|on m'a|il me semblait|"
                   r"je pensais|je croyais|j'aurais dit)(?: (?:not[ée]|lu|entendu|compt[ée]|vu|dit|retenu))?(?: que)?"
                   r"(?: c'[ée]tait| il y en avait| [çc]a faisait)?(?: environ| genre| à peu près)? "
                   rf"{_NUM}(?: [^\W\d]+)?\s*[.!?]*\s*$", re.I)
HOW_MANY = re.compile(r"\b(?:combien|cb|cmb)(?: (?:de |d'))?", re.I)


def noted(message: str) -> str:
    """"Combien d'actions liées à X ? J'avais noté 206." is the claim "206 actions liées à X, c'est ça ?"; any other
    message is itself."""
    if not (m := NOTED.search(message)) or not (asked := HOW_MANY.search(message[:m.start()])):
        return message
    question = message[:m.start()].rstrip(" ?")
    return f"{question[:asked.start()]}{m.group(1)} {question[asked.end():].lstrip()}, c'est ça ?"


def _verbs(message: str) -> str:
    """The message folded with "à" kept apart from the verb "a" ("par rapport à octobre" states nothing)."""
    return fold(re.sub(r"(?<!\w)[àÀ](?!\w)", "à_", message))


YEARED = re.compile(r"(?<![\w,])(\d+(?:[  ]\d{3})*(?:,\d+)?)(?: \w+){0,2} en ((?:19|20)\d\d)\b")  # "7 newsletters en 2023"


def verdict(claim: Claim, answer: str, dates: list[str]) -> bool | None:
    """Whether the base's answer agrees with the claim (`dates`: ISO dates of the answer's sources);
    None when the answer holds no value to compare with."""
    if claim.years:  # "… 100 en 2024, 58 en 2023": each year's value as the answer gives it
        values: dict[int, float] = {}
        for m in YEARED.finditer(fold(answer)):
            values.setdefault(int(m.group(2)), float(re.sub(r"[  ]", "", m.group(1)).replace(",", ".")))
        first, second = (values.get(y) for y in claim.years)
        if first is None or second is None:
            return None
        return first > second if claim.bound == ">" else first < second
    if claim.change:
        said = CHANGE_SAID.search(fold(answer))
        if not said:
            return None
        rose = said.group(1) == "+" if said.group(1) else said.group(3) == "hausse"
        return rose == (claim.change == "+")
    if claim.name:
        return claim.name in fold(answer)
    if claim.top:  # the first of the ranking: the answer's first line, before the others it names
        first = re.split(r"\b(?:ensuite|parmi)\b", fold(answer).split("\n")[0])[0]
        if not re.search(r"\b(?:le|la|les) (?:plus|moins)\b", first):
            return None
        claimed = content_stems(claim.top)
        return bool(claimed) and set(claimed) <= set(content_stems(first))
    if claim.place:
        if claim.place in fold(answer):
            return True
        return False if PLACE.search(answer) else None  # the answer names another place, or none at all
    if claim.year:  # the years the answer gives: the claimed one, or another
        years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", answer)}
        return None if not years else claim.number in years
    if claim.number is not None:
        said = [(float(m.group(1).replace(" ", "").replace(" ", "").replace(",", ".")), m.group(2) or "")
                for m in re.finditer(rf"(?<![\w,])(\d+(?:[  ]\d{{3}})*(?:,\d+)?)(?!\d|[  ]?\d{{3}}\b| ?(?:{_MONTH_RE})\b)"
                                     r"(?: (\w+))?", fold(answer))]  # each value, and the word it counts
        found = [v for v, _ in said]
        if claim.rough:  # the first value of what is counted (people when the claim names nothing), near enough
            counted = [v for v, w in said if w[:5] == (claim.unit or "participants")[:5]
                       or not claim.unit and w.startswith("personne")]
            first = next((v for v in counted + found if not (1900 <= v <= 2100 and v == int(v))), None)
            return None if first is None else abs(first - claim.number) <= NEAR * claim.number
        if claim.bound == "=":
            asked = set(re.findall(r"\b((?:19|20)\d\d)\b", claim.neutral))
            tied = [float(re.sub(r"[  ]", "", m.group(1)).replace(",", ".")) for m in YEARED.finditer(fold(answer))
                    if m.group(2) in asked] if len(asked) == 1 else []
            return claim.number in (tied or found)  # "7 newsletters en 2023, puis 12 en 2024": 12 is not 2023's
        year_like = 1900 <= claim.number <= 2100
        values = [v for v in found if year_like or not (1900 <= v <= 2100 and v == int(v))]  # years aside
        if not values:
            return None
        return values[0] > claim.number if claim.bound == ">" else values[0] < claim.number
    month, day = claim.when
    put_off = moved(answer)
    if claim.held and put_off:
        return False  # "le bureau du 21 novembre a bien eu lieu ?" — "reporté au 7 janvier"
    if claim.moved:  # "… a été annulé ?" — "reporté au 7 janvier": Non; nothing said of a change: it took place
        return bool(put_off) and claim.moved in put_off.group(0)
    days = [date.fromisoformat(d) for d in dates if d]
    if not days and not put_off:
        # a passage, with no record's date: the dates it writes ("AG annuelle du 10 octobre 2024"), unless it
        # says that a date moved
        days = [p.start for m in WHEN.finditer(fold(answer)) if (p := read_dates(m.group(0), date(2000, 1, 1)).period)
                and p.start.month == p.end.month]
    if not days:
        return None
    return any(d.month == month and (day is None or d.day == day) for d in days)


def moved(answer: str) -> re.Match | None:
    """Where an answer says an event was put off or called off (not "n'indique ni annulation ni report")."""
    return re.search(r"\b(?<!\bni )(?:report\w*|annul\w*|n'a pas eu lieu)", fold(answer))


def untagged(message: str) -> str:
    """The question without the tag that asks for a confirmation ("…, non ?"), which names nothing."""
    folded = fold(message).strip()
    tagged = TAG.search(folded)
    if not tagged or tagged.start() < 8 or len(folded) != len(message.strip()):
        return message
    return message.strip()[:tagged.start()].rstrip(" ,") + " ?"
