"""Follow-up questions: "et pour 2022 ?", "ils sont entrés quand ?", "et pour l'eau ?".

A follow-up is rewritten into a question that stands alone, from the previous resolved question:
its dates, themes or subject are swapped for the new ones, or the new question borrows its subject.
"""
from __future__ import annotations

import re
from datetime import date

from assistant.reading.dates import MONTH_NAMES, read_dates
from assistant.reading.normalize import NUMBER_WORDS, STOPWORDS, fold, stem, words
from assistant.reading.understanding import (ADVERBIAL, FALL, HEARD_IN, INTERROGATIVES, MONTH_WORDS, QUESTION_WORDS, RISE, THEME_WORDS,
                                             WHICH_PERIOD, Lexicon, canonical, parse)

MARKERS = re.compile(
    r"^\s*(et|mais|puis|ok|d'accord|alors|sinon|aussi)\b|"
    r"\b(qui|comment|quand|ou|combien) (?:l'|les |lui |leur )\w+|"
    r"\b(elle|ils|elles|celui|celle|ceux|celles|ces deux|ces trois|ce dernier|cette derniere|ceux-ci|ceux-la|"
    r"lesquel\w*|laquelle|lequel|parmi eux|parmi elles|parmi ceux\w*|d'entre eux|d'entre elles|"
    r"ces deux-la|l'a|l'ont|l'avait|l'avaient|les a|les ont|les avait|les avaient|la-dessus|dessus|dedans|la-bas|a ce sujet|y en avait|l'annee d'avant|l'annee precedente|l'annee suivante|l'exercice precedent|"
    r"l'annee d'apres|l'an d'avant|cette annee-la|cette annee la|la meme annee|le mois (?:suivant|d'apres|d'avant|precedent)|meme chose|meme question|pareil|idem|cela|ceci|au total pour|ca fait combien|son |sa |leurs? |"
    r"(?:au|a la|du|de la|dans le|dans la|lors du|lors de la) meme [a-z]+(?! que)|"  # "validé au même bureau ?"
    r"(?:chez|avec|pour|par|selon|aupres d') (?:eux|lui))\b|"  # "c'est qui le contact chez eux ?"
    r"^\s*(?:detaille|detaillez|developpe|developpez|precise|precisez)\b|"
    r"^\s*(?:en (?:hausse|baisse)|par rapport (?:a|au|aux)|compare\w* (?:a|au|aux|avec)|vs)\b"  # "en hausse vs 2023 ?"
)
# "et leur siège ?", "son activité c'est quoi ?": a thing of the previous subject
POSSESSIVE = re.compile(r"^\s*(?:et|mais|ok|alors)?\s*(?:son|sa|ses|leur|leurs)\s")
# "ça présente quelles filières ?", "ça dure combien ?": "ça" opening a question is the thing spoken of last
IT_OPENS = re.compile(r"^\s*(?:ca|cela) (?!va\b)(?:\w+ ){0,2}?(?:quel\w*|combien|comment|ou|quand|qui|quoi)\b")
# A time said from the one asked before: "le mois suivant", "l'année d'avant", "cette année-là", "deux ans plus tard"
SHIFTED = re.compile(r"\ble mois (?:suivant|d'apres|apres|d'avant|avant|precedent)\b|\bl'(?:annee|an|exercice) (?:d'avant|precedente?|"
                     r"suivante?|d'apres)\b|\bcette annee(?:-| )la\b|\b(?:\d+|un|deux|trois) (?:mois|ans?) (?:avant|apres|"
                     r"plus tot|plus tard|auparavant)\b")
FRAME_WORDS = {"combien", "quel", "quelle", "quels", "quelles", "quand", "qui", "quoi", "ou", "comment",
               "liste", "nombre", "c'est", "que", "fait", "participants", "total", "date"}
# The words that ask ("qui" and "où" are stopwords already): not what a question is about
ASKING = set(INTERROGATIVES) | {"quoi", "est-ce", "c'est"}
# A follow-up made of a complement ("et au bureau de mai ?", "et chez les PME ?") keeps what was asked.
PREPOSITION = re.compile(r"\s(?:a|au|aux|en|pour|chez|dans|pendant|lors d[eu']|sur|depuis|parmi|par)\b")
QUALIFIER = re.compile(r"^\s*(?:et|mais|puis|sinon)\s+((?:a|au|aux|chez|dans|pendant|lors d[eu']|parmi|par)\b)")
# A follow-up whose subject is a pronoun speaks of the previous subject.
PRONOUN = re.compile(r"^\s*(?:et|mais|ok|alors)?\s*(?:celle|celui|ceux|celles|elle|elles|il|ils)\b(?!-)"
                     r"(?! y a| y avait| y aura| y en| existe| reste| faut)")  # "et il y a une formation ?" names its own
# "quelles filières il présente ?", "et combien de temps elle dure ?": what is asked, then a subject pronoun and its verb —
# the pronoun is the previous subject, whatever words the question has of its own
ASKED_OF_PRONOUN = re.compile(r"^\s*(?:et|mais|ok|alors)?\s*(?:quel|quelle|quels|quelles|combien d[e'])\s*[\w' -]*? "
                              r"(?:il|elle|ils|elles) (?!y\b|(?:en|est|sont|etait|etaient|s'agit|faut)\b)[a-z]+")
ABOUT_IT = re.compile(r"\b(la-dessus|dessus|dedans|a ce sujet|sur ce sujet)\b|"
                      r"^\s*(?:et\s+)?(?:detaille|detaillez|developpe|developpez|precise|precisez)\b")  # "détaille-moi …": more of it
# "et la délégation chinoise, elle est venue quand ?", "et les chinois ils sont venus quand ?": a thing named first, then
# taken up by a pronoun — the subject of a question of its own
DISLOCATED = re.compile(r"^\s*(?:et|mais|ok|alors)?\s*(?:(?:le|la|les|ce|cette|ces|cet)\s+|l')[\w'-]+(?: [\w'-]+){0,4}?,?\s+"
                        r"(?:il|elle|ils|elles)\s+(?!y\b|en\b)[a-z]")
# "Combien en avons-nous suivi ?", "il y en a eu combien ?": "en" stands for what was counted before.
PARTITIVE = re.compile(r"\ben (?:avons|avez|ont|a|as|avait|avaient|aura|compte\w*|reste\w*)(?:-nous|-vous|-t-il|-t-elle|-t-on)?\b"
                       r"(?! (?:lieu|marre)\b)")
# "et les visites, il y en a eu combien ?": the things named first, then taken up by "en"
NAMED_THEN_EN = re.compile(r"^\s*(?:et|mais|ok|alors)?\s*(?:les|des|le|la|l'|ces)\s*[\w'-]+(?: [\w'-]+){0,3}?,?\s+"
                           r"(?:il |on |vous |ils |elles? )?(?:y )?en\b")
# Words that change how the same subject is measured, not the subject ("et l'objectif ?": what was aimed at, of it).
MEASURES = {"pourcentage", "pourcentages", "part", "proportion", "taux", "moyenne", "frequence", "nombre", "objectif",
            "objectifs", "cible"}
# Intents that say what is asked (not merely when): a follow-up having one brings its own frame.
FRAME_INTENTS = {"count", "participants", "sum", "when", "list", "max", "min", "who", "what", "where",
                 "validated", "why", "upcoming"}


# Who held an event ("organisé seul", "co-organisé", "en partenariat"): a follow-up naming a role replaces the one asked
ROLE = re.compile(r"\b(?:co ?-? ?)?organis\w*(?: (?:par le cluster|(?:tout )?seule?s?|en propre))?|\ben partenariat\b|"
                  r"\bsans co ?-? ?organis\w*|\bco-?porte\w*")

BOTH_ROLES = re.compile(rf"(?:{ROLE.pattern}) (?:ou|et) (?:{ROLE.pattern})")

# Words pointing back at the previous answer's results ("ces deux-là", "ils"), not at a new subject.
BACK_REFERENCE = re.compile(
    r"\b(ces deux|ces trois|ceux-ci|ceux-la|ces evenements|ces ateliers|ces visites|ces membres|les deux|"
    r"eux|ils|elle|elles|celui-ci|celle-ci|ce dernier|cette derniere|cet evenement|ce membre|ce guide|"
    r"cette formation|lesquel\w*|laquelle|lequel|les a|les ont|les avait|les avaient|"  # "le cluster les a montés seul ?"
    r"(?:ce|cette) (?:mois|semaine|annee|periode|trimestre|semestre)[- ]la|"  # "combien ce mois-là ?": the one shown
    r"(?:au|a la|du|de la|dans le|dans la|lors du|lors de la) meme [a-z]+(?! que))\b"  # "validé au même bureau ?"
)


# "ah non pardon, je voulais dire ceux validés à l'AG": the message takes the place of the one before
CORRECTION = re.compile(r"^(?:\s*(?:ah|oh|euh|oups|non|pardon|desole|dsl|en fait|enfin|excuse[sz]?[- ]moi)\b[\s,!.]*)*"
                        r"\s*(?:je voulais (?:dire|parler d\w*|demander)|je parlais d\w*|je pensais a\w*|je veux dire)\b")


# "Autre sujet : notre parking est inondé, vous avez des membres là-dessus ?": the message says it leaves the subject
# before; what it points at ("là-dessus") is in itself
NEW_SUBJECT = re.compile(r"^\s*(?:(?:bon|ok|sinon|alors|et|tiens)[\s,]+)?(?:(?:un |une )?autre (?:sujet|theme|thematique|domaine)|"
                         r"(?:un |une )?nouveau sujet|changement de sujet|(?:on )?change(?:ons)? de sujet|rien a voir|"
                         r"sans (?:aucun )?rapport|hors sujet|(?:on )?pass(?:e|ons) a autre chose|"
                         r"(?:another|different|new|other) (?:topic|subject)|"
                         # "sinon, la visite du CSTB, elle a réuni combien ?": "sinon" before a thing named turns to it
                         r"(?:et )?sinon(?=[\s,]+(?:le|la|les|l'|un|une|des|ce|cet|cette|ces)\b))\b(?: mais)?[\s,:;.!-]*")


def new_subject(text: str) -> str | None:
    """What follows the announcement of a new subject, or None when the message announces none."""
    folded = fold(text)
    if not (m := NEW_SUBJECT.match(folded)) or not folded[m.end():].strip():
        return None
    return (text if len(text) == len(folded) else folded)[m.end():].strip()


def correction(text: str) -> str | None:
    """What a correction says instead ("ceux validés à l'AG", "en 2023"), or None when the message corrects nothing."""
    folded = fold(text)
    if not (m := CORRECTION.match(folded)):
        return None
    meant = (text if len(text) == len(folded) else folded)[m.end():]
    # "… le forum sols, pas eau": what it is not is said to be left out
    return re.sub(r"[\s,]+(?:et )?(?:pas|non|non pas|plutot que)\s+[^,?!.]+([?!.]*)\s*$", r"\1", meant,
                  flags=re.I).strip(" ,:;")


def is_followup(text: str) -> bool:
    return bool(MARKERS.search(fold(text)) or IT_OPENS.match(fold(text)))


def refers_back(text: str) -> bool:
    return bool(BACK_REFERENCE.search(fold(text)))


RELATIVE_YEAR = re.compile(r"\b(?:cette annee|l'(?:annee|an) (?:derniere?|passee?|prochaine?))\b")
# "et en 2023, c'était déjà le cas ?": the same asked again, of another time — no subject of its own
SAME_CASE = re.compile(r"\b(?:(?:c'etait|c'est|etait-ce|est-ce|ca l'etait|c'etait-il) )?(?:(?:deja|aussi|toujours|encore|pareil) )?"
                       r"le cas\b|\b(?:c'etait|c'est) (?:deja |aussi |toujours |encore )?pareil\b")


def resolve(text: str, previous: str, previous_years: list[int], as_of: date, lexicon: Lexicon) -> str:
    if (same := SAME_CASE.search(fold(text))) and len(fold(text)) == len(text):
        text = (text[:same.start()] + text[same.end():]).replace(" ,", ",")
    q = parse(text, as_of, lexicon)
    folded = fold(text)
    if q.organisation:  # "et combien en co-organisation ?" after those organised alone: the other role, not both
        previous = ROLE.sub(" ", fold(previous))
    years = list(q.dates.years)
    step = 0  # years the follow-up moves the time asked before by
    if m := re.search(r"l'(?:annee|an|exercice) (d'avant|precedente?|suivante?|d'apres)", folded):
        step = -1 if m.group(1) in ("d'avant", "precedent", "precedente") else 1  # "l'exercice précédent"
        years = [y + step for y in previous_years] or [as_of.year + step]
    elif m := re.search(r"\b(\d+|un|deux|trois|quatre|cinq) ans? (avant|auparavant|plus tot|apres|plus tard)\b", folded):
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))  # "et deux ans avant ?"
        step = -n if m.group(2) in ("avant", "auparavant", "plus tot") else n
        years = [y + step for y in previous_years] or [as_of.year + step]
    if not step and len(previous_years) == 1 and (m := re.search(r"\b(?:cette annee(?:-| )la|la meme annee)\b", folded)):
        step, years = 0, list(previous_years)  # "combien cette année-là ?": the year the last answer gave
        text = f"{text[:m.start()]}en {years[0]}{text[m.end():]}"
        q = parse(text, as_of, lexicon)
        if q.topic:
            return text  # "combien de membres cette année-là ?": its own subject, the year borrowed
    elif m and step and previous_years and not q.dates.years:
        # "et l'année suivante ?" after 2015 asks the same of 2016, nothing upcoming; "et c'était combien l'année
        # d'avant ?" asks it beside the year before (its "avant" is no word of the subject: "avant-projets")
        bare = not [w for w in words(folded[:m.start()] + folded[m.end():]) if w not in STOPWORDS
                    and w not in {"et", "mais", "puis", "alors", "sinon", "aussi", "ok"}]
        said = years if bare else sorted(set(years) | set(previous_years))
        text = f"{text[:m.start()]}en {' et '.join(map(str, said))}{text[m.end():]}"
        q = parse(text, as_of, lexicon)
        folded = fold(text)  # "et 2 ans plus tard ?": its words said the time, now said as a year
    # "et le mois suivant ?", "le mois d'avant": one month on or back
    months = re.search(r"\b(\d+|un|deux|trois|quatre|cinq|six) mois (avant|auparavant|plus tot|apres|plus tard)\b|"
                       r"\ble mois (suivant|d'apres|apres|d'avant|avant|precedent)\b", folded)  # "the month after"
    before = read_dates(previous, as_of).period if months or step else None
    if before and before.year_known and (before.start.year, before.start.month) == (before.end.year, before.end.month):
        n = 12 * step  # "et un an plus tôt ?" after "en sept 24": September 2023
        if months and months.group(3):
            n = -1 if months.group(3) in ("d'avant", "avant", "precedent") else 1
        elif months:  # "et 3 mois après ?": the month shifted
            n = NUMBER_WORDS.get(months.group(1)) or int(months.group(1))
            n = -n if months.group(2) in ("avant", "auparavant", "plus tot") else n
        month = (before.start.year * 12 + before.start.month - 1) + n
        when = f"en {MONTH_NAMES[month % 12]} {month // 12}"
        shift = months or m
        rest = folded[:shift.start()] + folded[shift.end():]
        if parse(rest, as_of, lexicon).topic:
            # "et le mois suivant, quelle proportion … ?": its own question, of the month shifted to
            text = f"{folded[:shift.start()]}{when}{folded[shift.end():]}"
            q, years, step = parse(text, as_of, lexicon), [], 0
            folded = fold(text)
        else:
            kept = re.sub(r"\b(19|20)\d\d\b", "", _drop(fold(previous), MONTH_WORDS))
            kept = re.sub(r"(?:\s+(?:en|de|pour|a|au|le|du|d'))*\s*$", "", re.sub(r"\s*[?.!]+\s*", " ", kept))
            return f"{kept} {when} ?"
    # "ça se répartit comment ?": how the thing asked before breaks down, no subject of its own
    own = [w for w in words(folded) if w not in STOPWORDS and w not in QUESTION_WORDS and w not in MONTH_WORDS
           and not w.isdigit() and not any(w in ws for ws in THEME_WORDS.values())
           and not re.match(r"(?:repart|ventil|decompos)", w)]
    measures = [w for w in words(folded) if w in MEASURES]  # "nombre" is also a question word
    only_measured = bool(measures) and set(own) <= set(measures)
    if PARTITIVE.search(folded) and q.topic and NAMED_THEN_EN.match(folded):
        # "et les visites, il y en a eu combien ?": "en" stands for the things it names first, at the time asked before
        return f"{text} {'' if (years or q.dates.period) else ' '.join(str(y) for y in previous_years)}".strip()
    if PARTITIVE.search(folded) and (counted := _counted(previous)):
        # "et combien en avons-nous suivi ?": "en" stands for what was counted, not for the whole question
        dates = "" if (years or q.dates.period) else " ".join(str(y) for y in previous_years)
        return f"{text} {counted} {dates}".strip()
    if "first" in q.intents and not (years or q.dates.period) and not set(q.topic) - {stem("annee"), stem("an")}:
        # "et au début ?", "et l'année du démarrage ?": the same question, at the start rather than the year asked
        return re.sub(r"\s*\b(?:en |de |depuis |pour )?(?:19|20)\d\d\b", "", fold(previous)).rstrip(" ?") + " au debut ?"
    # "et en 2023 c'était combien ?" after "quelle thématique revient le plus ?": the same ranking, another year
    ranked_again = not own and years and q.intents & FRAME_INTENTS <= {"count"} \
        and re.search(r"\b(?:le|la|les) (?:plus|moins)\b", fold(previous))
    if (q.intents & FRAME_INTENTS or re.search(r"\b(lequel|laquelle)\b", folded)) and not only_measured and not ranked_again:
        # "et laquelle …" asks which one; "et en % ça donne quoi ?" only measures the same thing otherwise
        if q.intents & {"max", "min"}:  # "et le plus faible ?": the new extreme replaces the old one
            previous = re.sub(r"\b(?:le|la|les) (?:plus|moins) \w+|\b(?:plus|moins) (?:forte?s?|faibles?|grande?s?|"
                              r"petite?s?|gros|grosses?|elevee?s?|basse?s?)\b|\b(?:arrive )?en tete\b|\bn° ?1\b|"
                              r"\bferme la marche\b|\ben (?:premiere|derniere) position\b", " ", fold(previous))
        # "et combien dans les sols ?" after the members in water: the theme named replaces the one asked before
        themed = set().union(*THEME_WORDS.values()) if q.themes else set()
        if len(previous_years) > 1 and not (years or q.dates.period or WHICH_PERIOD.search(folded)):
            # "combien de plus ?" over both years (not "quelle année a le plus progressé ?": over all of them)
            return f"{text} {_drop(_subject(previous, keep_dates=False), themed)} {' et '.join(map(str, previous_years))}"
        # "ça fait combien de plus qu'en décembre 2023 ?" compares with the time asked before: both are kept
        # "quel mois a eu la plus forte hausse ?" asks over all the readings, not the month asked before
        keep = not (years or q.dates.period or WHICH_PERIOD.search(folded)) \
            or bool(re.search(r"\b(de plus|de moins|difference|ecart)\b", folded))
        return f"{text} {_drop(_subject(previous, keep_dates=keep), themed)}"
    rewritten = fold(previous)
    if re.search(r"\b(maintenant|actuellement|aujourd'hui|a present|en ce moment)\b", folded):
        rewritten = re.sub(r"\b(au debut|au depart|a l'origine|a la creation|a sa creation)\b", "", rewritten)
        if not years:  # "et maintenant ?" after "en 2015": now, not then
            rewritten = re.sub(r"\b(?:en |de |depuis )?(?:19|20)\d\d\b", "", rewritten)
        rewritten += " maintenant"
    if years and not step and re.search(rf"\b(?:par rapport|vs|compar\w*|{RISE}|{FALL})", folded):
        years = sorted(set(previous_years) | set(years))  # "en hausse par rapport à 2023 ?": both years
    period = q.dates.period
    within = period and period.year_known and (period.start.month, period.start.day, period.end.month, period.end.day) \
        != (1, 1, 12, 31)  # "et en octobre 2024 ?": a month of a year, that replaces the month and year asked
    if years:  # the time asked before, in figures or in words ("cette année"), replaced
        rewritten = re.sub(r"\b(19|20)\d\d\b|\b(?:cette annee|l'(?:annee|an) (?:derniere?|passee?))\b", "", rewritten)
        rewritten = re.sub(r"\b(en|de|pour|vs|et|par rapport a)\s*(?=[?.!,]|$)", "", rewritten.strip())
        if not within:
            rewritten += " en " + " et ".join(str(y) for y in years)
    if period and (not q.dates.years or within):
        # "et l'an dernier ?" after "cette année": said as typed, the time is read the same way as before (in the
        # last year the base reports on, when asked after it)
        said = RELATIVE_YEAR.search(folded) if period.implied else None
        rewritten = _drop(RELATIVE_YEAR.sub(" ", rewritten), MONTH_WORDS) + " " + (said.group(0) if said else period.label)
    if q.themes:
        for ws in THEME_WORDS.values():
            rewritten = _drop(rewritten, set(ws))
        rewritten += " " + " ".join(q.themes)
    change = re.search(rf"\b(?:{RISE}|{FALL}|evolu\w*)", folded)
    if change and not re.search(rf"\b(?:{RISE}|{FALL}|evolu\w*)", rewritten):
        rewritten += f" {change.group(0)}"  # "ça a baissé ?" of a figure: the same figure, against the year before
    if only_measured:  # "et en pourcentage ?", "et en nombre ?": the same subject, measured otherwise
        return f"{_drop(rewritten, MEASURES)} {' '.join(measures)}"
    if measures and re.search(r"\bca\b", folded):  # "quelle proportion du fichier ça représente ?": of it, against more
        return f"{rewritten} {' '.join(own)}"
    if own and (PRONOUN.match(folded) or ABOUT_IT.search(folded) or POSSESSIVE.match(folded)):
        # "celle sur les sols dure combien de temps ?", "il y a eu des événements là-dessus ?", "et leur siège c'est en
        # France ?": of those, asked more
        if len(previous_years) > 1 and not (years or q.dates.period):  # of each year asked before
            return f"{text} {_subject(previous, keep_dates=False)} {' et '.join(map(str, previous_years))}"
        return f"{text} {_subject(previous, keep_dates=not (years or q.dates.period))}"
    if own and (m := QUALIFIER.match(folded)) and (head := _head(previous)):
        return f"{head} {text[m.start(1):].strip()}"  # "et au bureau de mai ?": same subject, another place
    if own:  # a new subject: keep the previous question's frame, swap its subject
        frame = " ".join(w for w in words(canonical(previous)) if w in FRAME_WORDS)
        dates = "" if (years or q.dates.period) else " ".join(str(y) for y in previous_years)
        if dates and (month := read_dates(previous, as_of).period) and month.year_known \
                and (month.start.year, month.start.month) == (month.end.year, month.end.month):
            dates = f"en {month.label}"  # "abonnés en octobre 2024 ?" then "et c'était quel gain ?": that month's
        return f"{frame} {text} {dates}".strip()
    if re.search(r"\b(?:combien|quand|ou|qui|quel\w*|comment|pourquoi|quoi)\b", folded) and not (years or q.dates.period
                                                                                        or q.themes or measures):
        return f"{text} {_subject(previous, keep_dates=True)}"  # "elle dure combien de temps ?": its own frame, of it
    if q.organisation:  # "et ceux organisés seul ?": the same question, of the role named
        rewritten += " " + ROLE.search(folded).group(0)
    return rewritten


def _counted(previous: str) -> str:
    """What the previous question counted: "l'objectif en nombre de projets collaboratifs" → "projets collaboratifs"."""
    # "vous organisez quoi comme événements ?", "quels ateliers … ?": what was asked of, counted after it
    # "vous organisez des visites de sites ?": else the things whose existence was asked
    noun = (r"((?:(?!(?:en|pour|dans|a|au|aux|sur|par|et|ou|de|du|des|qui|que|depuis|entre|sont|ont|etaient|vous|on|"
            r"il|ils|le|la|les)\b)[\w-]+ ?){1,3})")
    m = re.search(r"\b(?:(?:combien|nombre|nb)(?: total)? (?:de |d')|quoi comme |quel(?:le)?s )(?!(?:types?|genres?|sortes?)\b)"
                  + noun, fold(previous)) or re.search(r"\bdes " + noun, fold(previous))
    return m.group(1).strip() if m else ""


def _head(previous: str) -> str:
    """The previous question up to its first complement ("quels membres ont été validés | à l'AG
    d'octobre ?"): what it asks, without where or when."""
    folded = fold(previous)
    for m in PREPOSITION.finditer(folded):  # not "qui | a rejoint …": a verb's auxiliary; "qui a rejoint le cluster" asks
        before = [w for w in words(folded[:m.start()]) if w not in STOPWORDS and w not in ASKING]
        if before:
            return folded[:m.start()].strip()
    return ""


def _drop(text: str, vocabulary: set[str]) -> str:
    return " ".join(w for w in text.split() if fold(w).strip("?,.!").split("'")[-1] not in vocabulary)  # "l'eau" too


def _subject(previous: str, keep_dates: bool) -> str:
    """The previous question's content words, as written: a name keeps its capital ("Instagram"); a pronominal verb
    keeps its pronoun ("s'occupe", alone, would read as a noun)."""
    kept = []
    folded = fold(previous)
    if len(folded) == len(previous):  # "on en parle tout le temps": how often, no word of the subject
        said = [(m.start(), m.end()) for m in ADVERBIAL.finditer(folded)]
        said += [(m.end(1), m.end()) for m in HEARD_IN.finditer(folded)]  # "… dans une réunion": where it was heard
        said += [m.span() for m in BOTH_ROLES.finditer(folded)]  # "organisés ou co-organisés": every event, no role
        for start, end in said:
            previous = previous[:start] + " " * (end - start) + previous[end:]
    tokens = re.findall(r"(?:\bs['’])?[\w-]+", re.sub(r"\b(?![sS]['’])\w+['’]", " ", previous))
    for i, token in enumerate(tokens):
        w = fold(token)
        if keep_dates and w in ("depuis", "entre") and i + 1 < len(tokens) \
                and (fold(tokens[i + 1]) in MONTH_WORDS or re.fullmatch(r"(19|20)\d\d", tokens[i + 1])):
            kept.append(token)  # "depuis 2015": a span, not the year alone
            continue
        if w in ("ou", "et") and kept and kept[-1] == tokens[i - 1] and i + 1 < len(tokens) \
                and fold(tokens[i + 1]) not in STOPWORDS:
            kept.append(token)  # "organisés ou co-organisés": both, not the last one alone
            continue
        if w in STOPWORDS or w in QUESTION_WORDS:
            continue
        if not keep_dates and (w in MONTH_WORDS or re.fullmatch(r"(19|20)\d\d", w)):
            continue
        if re.fullmatch(r"(19|20)\d\d", w) and not (kept and fold(kept[-1]) in ("depuis", "entre", "et", *MONTH_WORDS)):
            token = f"en {token}"  # a year said as a time ("2023 thématiques" would count thématiques)
        kept.append(token)
    return " ".join(kept)
