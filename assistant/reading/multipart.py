"""Several questions in one message ("c'était quand et ça a réuni combien ?", "Combien en 2024 ? Et en
2023 ?"): split where a new question starts, so each part gets its own answer, in order."""
from __future__ import annotations

import re

from assistant.reading.dates import MONTHS
from assistant.reading.normalize import INVERTED_ASK, NUMBER_WORDS, fold
from assistant.reading.premise import FALL, RISE
from assistant.reading.shorthand import expand

# A request in the imperative: "file-moi …", "donnez-moi …", "redis-moi …"
IMPERATIVE = r"(?:re)?(?:dis|donne|file|envoie|passe|montre|rappelle|indique|precise|explique|cite)[sz]?[- ]moi"
ASK = (r"combien|cb|quand|qd|ou|qui|ki|c'est qui|c'etait qui|c qui|quel|quelle|quels|quelles|kel|lequel|laquelle|lesquels|lesquelles|comment|pourquoi|quoi|a quoi|de quoi|a combien|aupres de combien|c'est quoi|c'etait quoi|c'est quand|"
       r"c'etait quand|c'est ou|c'etait ou|est-ce|a quelle|en quelle|le nombre|nombre d'|nombre de|nb d'|nb de|la date|y a-t-il|"
       r"depuis quand|jusqu'a quand|a partir de quand|depuis combien|"
       r"il y a|ya|(?:il )?y en (?:a|avait|aura)|"
       # a request in the imperative: "file-moi …, et redis-moi son nom"
       rf"{IMPERATIVE}|" + INVERTED_ASK)
# A request made to the assistant: "tu peux me filer …", "pourriez-vous m'envoyer …"
YOU_ASKED = re.compile(r"\b(?:tu peux|tu pourrais|vous pouvez|vous pourriez|peux-tu|pourrais-tu|pouvez-vous|pourriez-vous)"
                       r" (?:me |m'|nous )?[a-z]{3,}")
REQUESTED = re.compile(rf"\s*(?:[a-z]+,?\s+)?(?:{IMPERATIVE}\b|{YOU_ASKED.pattern})")
# "... et combien ...", "..., quand ...", "...; qui ..." — a conjunction or a comma before a question word.
BOUNDARY = re.compile(rf"\s*(?:,|;)?\s+(?=(?:et|puis|mais aussi|ainsi que)\s+(?:de |d')?(?:{ASK})\b)|\s*[;,]\s+(?=(?:{ASK})\b)|"
                      rf"\s*,\s+(?=(?:et|puis)\s+(?:[\w']+\s+){{1,5}}(?:{ASK})\b)|"  # ", et la newsletter sort à quelle …"
                      r"\s*,\s+(?=ainsi que\s+(?:le|la|les|l')\s?\w)|"  # "combien en 2024, ainsi que le chiffre de 2023 ?"
                      rf"\s+\+\s+(?=(?:du|de la|de l'|des|le|la|les|l'|{ASK})\b\s?\w)|"  # "le nb de contacts + le nb d'actions"
                      rf"\s*,\s+(?=dont\s+(?:{ASK})\b)|"  # "combien au total, dont combien de bureaux ?"
                      rf"\s+(?=et\s+(?:ca|cela)\s+(?:[\w']+\s+){{0,3}}(?:{ASK})\b)|"  # "… et ça faisait quel % ?"
                      rf"\s+(?=et\s+(?:il|elle|ils|elles)\s+(?:[\w']+\s+){{1,4}}(?:{ASK})\b)|"  # "… et elle parle de quoi ?"
                      r"\s+(?=et\s+(?:celui|celle|ceux|celles)\s+qui\s+(?:[\w']+\s+){0,4}(?:le|la|les)\s+(?:plus|moins)\b)|"  # "… et
                      # celui qui en a eu le moins ?": the other end of the same ranking
                      r"\s*,\s+(?=et\s+(?:[\w']+\s+){0,3}(?:les\s|l')(?:a|ont|avait|avaient)\b|et\s+(?:ils|elles)\s|"
                      r"et\s+(?:[\w']+\s+){1,8}[\w']+-t?-?(?:il|elle|ils|elles)\b)")  # ", et le bureau … s'est-il tenu ?"
# ", et le cluster les a montés seul ?", ", et ils étaient combien ?": a second question about the first one's answer


# "…, qui valide les adhésions" closing a noun phrase: a relative said of it
APPOSITIVE = re.compile(r"(?<=\w),\s*qui (?!(?:est|sont|etait|etaient|c'est)\b)[a-z]+\b[^,?]*$")


# "j'aurais besoin de trois données : le nombre d'abonnés, le gain sur un an et le nombre d'e-mailings": after a
# colon, noun phrases listed with commas and "et" are as many questions.
_ITEM = r"(?:(?:le|la|les|l'|du|des|un|une)\s?)?[^,;:?]+"  # "… : contacts globaux, contacts actifs et taux …" too
_LISTED = re.compile(rf"^(?P<head>[^:?]{{3,}}):\s*(?P<items>{_ITEM}(?:\s*,\s*(?:et\s+)?{_ITEM})*"
                     rf"\s*(?:,\s*)?(?:et|ainsi que)\s+{_ITEM})\s*[.?]?\s*$")


# "donne-moi les contacts, les structures et les membres 2024": a request in the imperative before the things it lists
_REQUESTED = re.compile(rf"^(?P<head>[^,:?]{{0,60}}?\b(?:{IMPERATIVE}|il (?:me|nous) (?:faut|faudrait)))\s+(?=(?:le|la|les|l')\s?\w)")
# "il veut : …", "j'ai besoin de : …": a head that only says the items are wanted
_ANNOUNCES = re.compile(rf"\b(?:veu[tx]|voudrai\w*|faut|faudrait|besoin|demande\w*|aimerai\w*|souhaite\w*|savoir|connaitre|"
                        rf"{IMPERATIVE})(?: de| d')?\W*$")  # "j'ai besoin de : …"


def _listed(message: str) -> list[str] | None:
    requested = ":" not in message and (asked := _REQUESTED.match(fold(message))) and len(fold(message)) == len(message)
    if requested:
        message = f"{message[:asked.end('head')]} : {message[asked.end():]}"
    m = _LISTED.match(fold(message).strip())
    if not m:
        return None
    start = m.start("items")
    items = re.split(r"\s*,\s*(?:et\s+)?|\s+(?:et|ainsi que)\s+(?=(?:le|la|les|l'|du|des|un|une)\b)|\s+et\s+(?=[^,]*$)",
                     message.strip()[start:])
    items = [i.strip(" .?") for i in items if i.strip(" .?")]
    bare = r"(?:le|la|les|l')\s?[\w-]+"
    if requested and not all(re.fullmatch(bare, fold(i)) for i in items[:-1]):
        return None  # "donne-moi le numéro de portable et l'adresse de X": one request, not a list of things counted
    # ("…: la thématique qui revient le plus, …": an item that is a noun and its relative "qui" asks nothing)
    if any(re.search(r"\b(?:combien|cb|quand|qd|qui|quel\w*|lequel|laquelle|comment|pourquoi|quoi|est-ce)\b",
                     re.sub(r"^\s*(?:le|la|les|l'|un|une|des)\s?[\w-]+ qui\b", " ", fold(i))) for i in items):
        return None  # "Point BDD : combien …, et ça fait quel taux ?": questions, split as such
    # "État de la base en décembre 2024 : contacts globaux, …": the time the head names is each item's
    when = re.search(r"\b(?:(?:en |fin |debut )?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|"
                     r"decembre) )?(?:19|20)\d\d\b", m.group("head"))
    if when:
        said = message.strip()[m.start("head") + when.start():m.start("head") + when.end()]
        items = [i if re.search(r"\b(?:19|20)\d\d\b", i) else f"{i} {said}" for i in items]
    elif tail := re.search(r"\s+((?:en |pour )?(?:19|20)\d\d)\W*$", items[-1]):
        # "…, les structures et les membres 2024": the year said after the last item is said of each
        items = [i if re.search(r"\b(?:19|20)\d\d\b", i) else f"{i} {tail.group(1)}" for i in items]
    # ("le portable et le mail de Henri X": of someone named; "le nombre de participants" counts, of nothing)
    of_named = re.search(r"\sde [A-ZÀ-Ý]", items[-1])
    if (of := re.match(rf"{bare}\s+(?:du|de la|de l'|des|d'{'|de' if of_named else ''})\s?.+$", fold(items[-1]))) \
            and len(items[-1]) == len(of.group()):
        # "la date et le lieu du forum": what the last item is of is what the bare ones before it are of
        complement = items[-1][re.match(r"\S+\s?[\w-]+\s+", of.group()).end():]
        items = [f"{i} {complement}" if re.fullmatch(bare, fold(i)) else i for i in items]
    if len(items) < 2 or any(len(i.split()) < 2 for i in items):
        return None
    # "Forum Eau et Forum Sols : les dates et le nombre de participants": the head names what each item is asked of;
    # "j'aurais besoin de trois données : …", "2 questions : …", "il veut : …" only announce the items
    head = message.strip()[:m.end("head")].strip()
    if not re.search(r"\b(?:\d+|deux|trois|quatre|cinq|six|quelques|plusieurs)\b", fold(head)) \
            and not _ANNOUNCES.search(fold(head)):
        items = [f"{head} : {i}" for i in items]
    return items


# "il me faut 1) le nombre de … 2) le nombre de … 3) …", "a) … b) …": items numbered in order are as many questions;
# a time said once for all of them ("le tout pour 2024", or in the words before the first item) is each item's.
_MARK = re.compile(r"(?:^|(?<=[\s,;:]))(?P<mark>[1-9]|[a-e])\s?[)/]\s+")
_FOR_ALL = re.compile(r"[\s,;.]*\b(?:le tout|tout ca|tout ça|pour (?:les|ces|tous) (?:deux|trois|quatre|[2-9])\b)(?P<tail>.*)$",
                      re.I | re.S)
_TIME = re.compile(r"\b(?:(?:en |fin |debut )?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
                   r"novembre|decembre) )?(?:19|20)\d\d\b")


def _numbered(message: str) -> list[str] | None:
    marks = list(_MARK.finditer(message))
    sequence = "123456789" if marks and marks[0].group("mark").isdigit() else "abcde"
    marks = [m for i, m in enumerate(marks) if i < len(sequence) and m.group("mark") == sequence[i]]
    if len(marks) < 2:
        return None
    items = [message[m.end():n.start()] for m, n in zip(marks, marks[1:])] + [message[marks[-1].end():]]
    said = fold(message[:marks[0].start()])
    if for_all := _FOR_ALL.search(items[-1]):
        said += " " + fold(for_all.group("tail"))
        items[-1] = items[-1][:for_all.start()]
    when = _TIME.search(said)
    items = [i.strip(" ,;.?!") for i in items]
    if any(len(i.split()) < 2 for i in items):
        return None
    return [f"{i} {said[when.start():when.end()]} ?" if when and not _TIME.search(fold(i)) else f"{i} ?" for i in items]


# "Le forum sols a-t-il attiré plus de monde que le forum eau ?": two things measured alike — how much for the first,
# and for the second. Not two years ("plus de membres qu'en 2023"), nor a threshold ("plus de 50 participants").
_COMPARED = re.compile(r"\b(?:plus|moins|davantage|autant) (?P<what>(?:de |d')[a-z'-]+(?: [a-z'-]+)?) "
                       r"(?:que|qu') ?(?P<other>(?:le|la|les|l'|celle|celui|ceux|celles|[a-z]+ )(?:(?!\d)[^?]){2,60}?)\s*\??\s*$")


# "combien de projets suivis, par rapport à l'objectif fixé ?": the thing set against it, asked as well
_AGAINST = re.compile(r",?\s+(?:par rapport (?:a |au |aux )|compare\w* (?:a |au |aux )|vs\.? |versus )"
                      r"(?P<other>(?:l'|la |le |les )(?!(?:an|annee|mois|periode|exercice|semaine|trimestre|semestre)\b)"
                      r"[a-z][^?\d]{2,50}?)\s*\??\s*$")


def _compared(message: str) -> list[str] | None:
    folded = fold(message).strip()
    text = message.strip()
    if len(folded) != len(text):
        return None
    if (m := _AGAINST.search(folded)) and re.search(rf"\b(?:{ASK})\b", folded[:m.start()]):
        return [f"{text[:m.start()].rstrip(' ,')} ?", f"et {text[m.start('other'):m.end('other')].strip()} ?"]
    m = _COMPARED.search(folded)
    if not m or re.match(r"en |l'an|l'annee|avant|apres", m.group("other")):
        return None
    first = f"{text[:m.start()].rstrip()} combien {text[m.start('what'):m.end('what')]} ?"
    return [first, f"et {text[m.start('other'):m.end('other')].strip()} ?"]


# "Combien de contacts, de structures et de membres en 2024 ?": one count asked of several things, each named after
# its own "de"; what follows the last one ("en 2024", "le cluster avait-il") is said of each. "Le nombre total de X
# et de Y" asks one total.
_COUNTED = re.compile(r"\b(?:combien|cb|nombre|nb) (?:de |d')")  # not "le nombre total d'actions et d'accompagnements"
_ITEMS = re.compile(r"(?P<first>[^,?]+?)(?P<more>(?:\s*,\s*(?:de |d')[^,?]+?)*)\s*,?\s+et (?:de |d')"
                    # "… et de mises en relation proposées": "en" opens what is said of each only before a time
                    r"(?P<last>[\w'-]+(?: [\w'-]+){0,3}?)(?P<rest>(?:,?\s+(?:le|la|les|l'|en(?= (?:\d|(?:" + "|".join(MONTHS) +
                    r")\b))|dans|pour|au|aux|a|sur|chez|du|"
                    r"des|depuis|entre|par|parmi|selon|hors|pendant|lors|ont|a-t-il|avait|avait-il|sont|y|il|ils|on|vous|nous)\b[^?]*)?"
                    r"\s*\??\s*)$")


def coordinated(message: str) -> list[str] | None:
    folded = fold(message)
    m = _COUNTED.search(folded)
    if not m or len(folded) != len(message):
        return None
    items = _ITEMS.fullmatch(folded, m.end())
    if not items:
        return None
    head, rest = message[:m.end()], message[items.start("rest"):].strip(" ?")
    named = [message[items.start("first"):items.end("first")]]
    named += [re.sub(r"^\s*,\s*(?:de |d')", "", x) for x in re.findall(r"\s*,\s*(?:de |d')[^,?]+?(?=\s*,|$)",
                                                                      message[items.start("more"):items.end("more")])]
    named.append(message[items.start("last"):items.end("last")])
    if any(len(x.split()) > 4 or re.search(rf"\b(?:{ASK})\b", fold(x)) for x in named) \
            or re.search(r"\b(?:au total|en tout|ensemble|cumul\w*|additionn\w*|somme)\b", folded):
        return None  # "… d'adhésions, et de combien ?"; "combien de PME et d'ETI en tout ?" asks one sum
    if re.search(rf"\b(?:{ASK})\b", fold(rest)):
        return None  # "… envoyés en 2024, et à combien de contacts ?": another question follows, split first
    frame = re.sub(r"(?:de |d')$", "", head)
    return [f"{frame}{'d' + chr(39) if re.match(r'[aeiouyh]', fold(x.strip())) else 'de '}{x.strip()}"
            f"{' ' + rest if rest else ''} ?" for x in named]


# "Répartition des membres par secteur, combien en eau et en sols ?": one question asked of two things, each after the
# same preposition; what follows the last one ("en 2024") is said of each
_EACH = re.compile(r"(?P<head>.*\b(?:combien|cb|nombre|nb|quel|quelle|quels|quelles|part|pourcentage)\b[^?]*?\s)"
                   r"(?P<prep>en|pour|sur|dans|chez|parmi|cote) (?P<a>[\w'-]+(?: [\w'-]+){0,2}?)\s*,?\s+et (?P=prep) "
                   r"(?P<b>[\w'-]+(?: [\w'-]+){0,2}?)(?P<rest>\s+(?:en|au|a|pour|dans|depuis|sur) [^?]*)?\s*\??\s*$")


def _each(message: str) -> list[str] | None:
    folded = fold(message).strip()
    text = message.strip()
    m = _EACH.match(folded)
    if not m or len(folded) != len(text) or re.search(r"\b(?:au total|en tout|ensemble|cumul\w*|somme)\b", folded):
        return None
    things = [m.group("a"), m.group("b")]
    if any(re.search(rf"\d|\b(?:{'|'.join(MONTHS)}|annee|an|mois|semaine|trimestre|semestre|{ASK})\b", t) for t in things):
        return None  # "en mars et en avril", "en 2023 et en 2024": one period, read by the dates
    if all(re.fullmatch(r"(?:nombre|valeur|chiffres?|volume|%|pourcentages?|pourcent|part|proportion|taux)", t) for t in things):
        return None  # "en nombre et en %": one thing, measured both ways
    head, rest = text[:m.end("head")], text[m.start("rest"):m.end("rest")] if m.group("rest") else ""
    return [f"{head}{text[m.start('prep'):m.end('a')]}{rest} ?",
            f"{head}{m.group('prep')} {text[m.start('b'):m.end('b')]}{rest} ?"]


# "Pareil pour les sols.", "et les sols, idem ?", "même chose avec la newsletter": the questions asked so far, of another
# subject
_AGAIN = re.compile(r"^(?:et\s+)?(?:c'est\s+)?(?:pareil|idem|de meme|meme chose|meme question)\s*,?\s*(?:pour|avec|chez|sur|en|a)\s+"
                    r"(?P<a>[^?.!]+?)[\s?.!]*$|^(?:et\s+)?(?P<b>[^?.!]+?)\s*,?\s+(?:pareil|idem|de meme)[\s?.!]*$")


def again(part: str) -> str | None:
    """"Pareil pour les sols ?" → "les sols"."""
    m = _AGAIN.match(fold(part).strip())
    if not m:
        return None
    start, end = m.span("a") if m.group("a") else m.span("b")
    return part.strip()[start:end] if len(fold(part.strip())) == len(part.strip()) else (m.group("a") or m.group("b"))


# "on m'a dit que ça avait bcp augmenté avec les défis": who said it and why it moved are not what is checked
_HEARSAY = re.compile(r"^(?:(?:on m'a|on m'avait|on nous a) dit|il para[iî]t|paraît|j'ai (?:entendu(?: dire)?|lu|cru comprendre)|"
                      r"apparemment|visiblement)(?: que| qu')?\s*")
_CAUSE = re.compile(r"\s+(?:avec|grace (?:a|au|aux)|a cause d\w*|suite (?:a|au|aux)|du fait d\w*|via|depuis que|parce qu\w*)\b.*$")


def _change_said(part: str) -> str:
    folded = fold(part)
    if len(folded) != len(part):
        return part
    start = m.end() if (m := _HEARSAY.match(folded)) else 0
    end = c.start() if (c := _CAUSE.search(folded, start)) and (RISE.search(folded[start:c.start()]) or
                                                                 FALL.search(folded[start:c.start()])) else len(part)
    return part[start:end].strip() or part


# "parmi les adhérents arrivés en 2024, lequel …", "selon la répartition par collège, combien de PME …": the set the
# question after the comma is asked within, not a question of its own
FRAME = re.compile(r"(?:parmi|selon|d'apres|concernant|au sujet d[eu']|pour ce qui est d[eu']|s'agissant d[eu'])\b")


def frames(part: str) -> bool:
    """Whether a part opening a message only names the set the next part asks within."""
    folded = fold(part).strip()
    return bool(FRAME.match(folded)) and "?" not in folded and not re.search(rf"\b(?:{ASK})\b", folded)


RELATIVE_WHERE = re.compile(r"\b[a-z]{3,} ou (?:un|une|le|la|les|l'|des|on|je|il|elle|ils|elles|nous|vous)\b[^,;?]*")
# A question that asks only the name of what the one before describes: "il s'appelle comment ?", "c'est lequel ?"
NAME_ASKED = re.compile(r"(?:et |du coup |alors )?(?:(?:il|elle|ils|elles|ca) s'appell?\w* comment|comment (?:il|elle|ils|elles|ca) "
                        r"s'appell?\w*|c'est (?:qui|lequel|laquelle|lesquels|lesquelles)|(?:c'est )?quoi son nom|son nom|"
                        r"lequel|laquelle|lesquels|lesquelles|qui (?:ca|donc))\s*[?!.]*")


_FRAME = r"(?:c'etait|c'est|ca s'est passe|ca a eu lieu|a eu lieu|avait lieu|se tenait|s'est tenue?|etait|est)"


def _shared_subject(first: str, second: str) -> str | None:
    """"C'était quand et où le forum eau ?": a first question made of its question word alone asks of the subject
    the next one names; that subject, as typed, or None."""
    if not re.fullmatch(rf"(?:et |mais )?(?:{_FRAME} )?(?:{ASK})(?: {_FRAME})?\s*\??", fold(first).strip()):
        return None
    m = re.match(rf"(?:et |puis )?(?:{ASK})\s+(?:{_FRAME}\s+)?(?P<subject>(?:le|la|les|l'|du|de la|des|ce|cette|ces)\s?\S.*)$",
                 fold(second).strip())
    if not m or len(fold(second).strip()) != len(second.strip()):
        return None
    return second.strip()[m.start("subject"):].rstrip(" ?")


# "c koi la diff entre la newsletter et le flash info ?": what each of two things is (not two years or amounts compared)
_DIFFERENCE = re.compile(r"\b(?:diff|differences?|distinction) entre (?P<a>(?:le |la |les |l'|un |une )?[^,?]+?) et "
                         r"(?P<b>(?:le |la |les |l'|un |une )?[^,?]+?)\s*(?:\?|$)")


def _distinguished(message: str) -> list[str] | None:
    folded = fold(message)
    if len(folded) != len(message) or not (m := _DIFFERENCE.search(folded)) \
            or any(re.search(r"\d|\b(?:annee|mois|an)\b", m.group(k)) for k in ("a", "b")):
        return None
    return [f"c'est quoi {message[m.start(k):m.end(k)].strip()} ?" for k in ("a", "b")]


# "nb de projets visé et effectivement suivis": what was aimed at and what was done, two figures of one thing
_AIMED = re.compile(r"^(?P<head>.*\b(?:combien|cb|nombre|nb)\b[^?]*?)\s+(?P<aimed>(?:vise|cible|escompte|attendu)e?s?)\s+et\s+"
                    r"(?P<done>(?:(?:effectivement|reellement|vraiment|finalement)\s+)?(?:realise|atteint|suivi|obtenu|effectue|"
                    r"accompli|fait)e?s?)\b(?P<rest>[^?]*)\??\s*$")


def _aimed(message: str) -> list[str] | None:
    text = message.strip()
    if len(fold(text)) != len(text) or not (m := _AIMED.match(fold(text))):
        return None
    head, rest = text[:m.end("head")], text[m.start("rest"):m.end("rest")].rstrip()
    return [f"{head} {text[m.start('aimed'):m.end('aimed')]}{rest} ?", f"{head} {text[m.start('done'):m.end('done')]}{rest} ?"]


def _requested(chunk: str) -> list[str]:
    """"Donne-moi son portable. Sinon, dis-moi son rôle.": a request in the imperative is a question of its own, though
    ended by a full stop, when a sentence that asks comes after it."""
    sentences = re.split(r"(?<=[.!])\s+(?=\S)", chunk)
    parts = sentences[:1]
    for sentence in sentences[1:]:
        if REQUESTED.match(fold(parts[-1])) and (re.search(rf"\b(?:{ASK})\b", fold(sentence)) or sentence.endswith("?")):
            parts.append(sentence)
        else:
            parts[-1] = f"{parts[-1]} {sentence}"
    return parts


def split_questions(message: str) -> list[str]:
    """The questions of a message, in order; one part when it asks one thing."""
    if numbered := _numbered(message):
        return numbered
    if aimed := _aimed(message):
        return aimed
    if listed := _listed(message):
        return [f"{item} ?" for item in listed]
    if distinguished := _distinguished(message):
        return distinguished
    if compared := _compared(message):
        return compared
    if parts := coordinated(message.strip()):
        return parts
    if parts := _each(message):
        return parts
    parts = []
    for chunk in (c for typed in re.split(r"(?<=\?)\s*(?=\S)", message.strip()) for c in _requested(typed)):
        folded = fold(chunk)  # same length as the text: offsets carry over
        if len(folded) != len(chunk):
            parts.append(chunk)
            continue
        start = 0
        for m in BOUNDARY.finditer(folded):
            left = folded[start:m.start()]
            # the left part asks too ("parmi les événements où un nombre est donné, lequel …": a relative "où" asks
            # nothing); "abonnés LinkedIn en juin 2024, et c'était quel gain ?": a dated thing opening the message,
            # then ", et", is asked for itself
            # ("la prochaine réunion du bureau, qui valide les adhésions, c'est quand ?": a relative between commas asks
            # nothing)
            if len(left.split()) >= 2 and (re.search(rf"\b(?:{ASK})\b", APPOSITIVE.sub(" ", RELATIVE_WHERE.sub(" ", left)))
                                           or not parts
                                           and not start and "," in folded[m.start():m.end()]
                                           and (re.search(r"\d", left) and folded[m.end():].startswith("et ")
                                                or frames(left))):
                parts.append(chunk[start:m.start()])
                start = m.end()
        parts.append(chunk[start:])
    parts = [p.strip(" ,;") for p in parts if p.strip(" ,;?")]
    if len(parts) > 1 and (subject := _shared_subject(parts[0], parts[1])):
        parts[0] = f"{parts[0].rstrip(' ?')} {subject} ?"  # "c'était quand et où, le forum eau ?": of it, both
    # After a question, a remark that asks nothing is no question of its own: "… ? je comprends pas
    # trop" is left out, "… ? en 2023" adds its date to the question before it.
    merged: list[str] = []
    for i, p in enumerate(parts):
        if merged and re.match(r"(?:ou|or) (?:bien )?(?:son|sa|ses|leurs?|ton|ta|tes|votre|vos|his|her|their)\b", fold(p)):
            merged[-1] = f"{merged[-1].rstrip(' ?')} {p}"  # "son numéro ? ou son mail ?": one request, two ways
            continue
        if merged and re.fullmatch(r"(?:et |puis )?(?:de |a )?(?:combien|cb|cmb)(?: de fois)?(?: exactement)?\s*\??",
                                   fold(p).strip()):
            merged[-1] = f"{merged[-1].rstrip(' ?')} ?"
            continue  # "quel mois a le moins progressé, et de combien ?", "…, et combien de fois ?": the same answer
        if merged and re.fullmatch(r"(?:et |puis )?(?:combien |cb |cmb )?(?:en|pour|sur) (?:19|20)\d\d\s*\??", fold(p).strip()):
            merged[-1] = f"{merged[-1].rstrip(' ?')} et {re.sub(r'^(?:et |puis )?(?:combien |cb |cmb )?', '', fold(p))}"
            continue  # "… combien d'envois en 2024, et combien en 2023 ?": the same question, for another year too
        if merged and (m := re.fullmatch(r"(?:et |puis )?(?:combien |cb |cmb )?(?:de |d')?(plus|moins) (?:qu'en|que en|"
                                         r"par rapport a) ((?:19|20)\d\d)\s*\??", fold(p).strip())):
            merged[-1] = f"{merged[-1].rstrip(' ?')} et en {m.group(2)} avec l'écart ?"
            continue  # "… combien en 2024, et combien de plus qu'en 2023 ?": both years, and the gap between them
        if merged and re.fullmatch(r"(?:pour|pr|en tant que|dans le cas d'|si (?:on est|je suis|c'est))\s*"
                                   r"(?:un |une |des |les |le |la |l'|mon |ma |notre )?[\w'-]+(?: [\w'-]+){0,2}\s*\?*",
                                   fold(p).strip()) and not re.search(rf"\b(?:{ASK})\b", fold(p)):
            merged[-1] = f"{merged[-1].rstrip(' ?')} {p}"  # "ça coûte combien ? pour une PME ?": whom the question is for
            continue
        if merged and "?" in p and re.match(r"(?:genre|par exemple|style|typiquement)\b", fold(p)) \
                and not re.search(rf"\b(?:{ASK})\b", fold(p)):
            merged[-1] = f"{merged[-1].rstrip(' ?')}, {p}"  # "… ? genre un atelier ?": an example of what was asked
            continue
        if merged and "?" not in p and re.match(r"(?:et |puis )?(?:pour |sur |a )?(?:l'(?:annee|an|exercice) (?:d'avant|"
                                                 r"precedente?|suivante?|d'apres)|le mois (?:d'avant|avant|precedent|suivant|d'apres|apres))\b",
                                                 fold(p)):
            merged.append(f"{p} ?")  # "… en 2024 ?? et l'an d'avant stp": the same, a year before
            continue
        if merged and "?" not in p and re.match(r"(?:et |mais )?(?:avec|en donnant|en precisant) (?:les|le|la|l'|leurs?|ses|des) ?\w",
                                                 fold(p)):
            # "… l'eau ? et celle des sols ? Avec les pourcentages svp.": what each answer should give too (a part that
            # leans on the one before, "et celle des sols ?", takes it from there)
            merged = [m if re.match(r"(?:et|puis|mais)\b", fold(m)) else f"{m.rstrip(' ?')} {p.rstrip(' .!')} ?" for m in merged]
            continue
        if merged and NAME_ASKED.fullmatch(fold(p).strip()):
            merged[-1] = f"{merged[-1].rstrip(' ?')}, {p}"  # "ya un domaine qui s'occupe du numérique ? il s'appelle
            continue  # comment ?": the one the question before describes, named
        if merged and "?" not in p and i == len(parts) - 1 and (RISE.search(fold(p)) or FALL.search(fold(p))):
            merged.append(f"{_change_said(p)} ?")  # "… en 2024 ? ça a augmenté par rapport à 2023": typed without its "?"
            continue
        if merged and "?" not in p and i == len(parts) - 1 and re.fullmatch(
                r"(?:et|puis) (?!(?:merci|voila|bonne|bon|bravo|bisous?|encore)\b)(?:[\w'-]+\s*){1,4}[.!]*", fold(p).strip()):
            merged.append(f"{p.rstrip(' .!')} ?")  # "c quoi revit'ems ? et num'ems": the same question, of another
            continue
        if merged and "?" not in p and i == len(parts) - 1 and re.match(r"(?:et|mais|puis)\b", fold(p)) and re.search(
                r"\b(?:il|elle|ils|elles|on) (?:a|ont|est|sont|etait|etaient|avait|avaient|aura|auront)\b", fold(p)):
            merged.append(f"{p} ?")  # "… ? Et le bureau du 21 novembre, il a bien eu lieu": a question of its own
            continue
        if merged and re.search(rf"\by en (?:a|aurait|avait) (?:\d+|{'|'.join(NUMBER_WORDS)})\b"
                                    r"(?:,? (?:je crois|je pense|il me semble|non|c'est ca|apparemment))?\W*$", fold(p)):
            merged[-1] = f"{merged[-1].rstrip(' ?')}, {p.rstrip(' .!?')} ?"  # "… ? il paraît qu'il y en a quatre": how many
            continue
        if merged and "?" not in p and not re.search(rf"\b(?:{ASK})\b", fold(expand(p))) and not again(p) \
                and not YOU_ASKED.search(fold(p)):  # "c koi"; "… ? et tu peux me filer son 06" asks a thing of its own
            # "… ? genre la plus grosse hausse de membres": the question said again, in other words
            restated = re.match(r"(?:genre|c'est-a-dire|c-a-d|cad|je veux dire|je parle d[eu']|en clair|autrement dit)\b[\s,:]*",
                                fold(p))
            # "… l'atelier sur la ville en été ? (les îlots de fraîcheur)": a gloss (not a remark, "(on est adhérents)", nor
            # examples, "(ateliers, forums, tout)")
            if re.fullmatch(r"\((?!\s*(?:on|je|j'|nous|vous|il|elle|ils|elles|c'est|ca)\b)[^(),;]+\)[\s.!]*", fold(p)):
                merged[-1] = f"{merged[-1].rstrip(' ?')} {p.strip(' .!')} ?"
                continue
            # "… ? en 2023", "…, ainsi que le chiffre de 2023"; not a claim of its own ("on est passé sous les 190 il paraît")
            if re.search(r"\d", p) and (len(p.split()) <= 4 or re.match(r"(?:ainsi que|et|puis|avec)\b", fold(p))) or restated:
                merged[-1] = f"{merged[-1].rstrip(' ?')} {p[restated.end():] if restated else p} ?"
            elif heard := re.match(r"(?:(?:on|il|elle|[\w' ]{2,30}) (?:m'|nous )a (?:parle|cause)|j'ai entendu parler) "
                                   r"d(?:e |u |es |')", fold(p)):
                # "… quels objectifs ? On m'a parlé de 4 grands enjeux": what the question is about, heard of
                merged[-1] = f"{merged[-1].rstrip(' ?')}, {p[heard.end():].rstrip(' .!')} ?"
            continue
        merged.append(p)
    parts = merged
    if len(parts) > 1 and (head := re.match(r"([^:?\d]{3,60}):\s+\S", parts[0])) \
            and not re.search(rf"\b(?:{ASK})\b|^\s*(?:pour|dans|en|sur|cote|niveau|point|question)\b", fold(head.group(1))) \
            and len(head.group(1).split()) <= 6:
        # "Guide-formation Biodéchets : ça dure combien et quelles filières sont présentées ?": what the head names
        # is what each question after it asks of; not a part that asks again ("et en 2023 ?") or leans on the one
        # before ("et quel autre forum le même jour ?"), nor after a head that says why it is asked ("Pour le CA :")
        parts = parts[:1] + [f"{head.group(1).strip()} : {p}" if re.search(rf"\b(?:{ASK})\b", fold(p))
                             and not re.search(r"\b(?:autres?|meme|celui|celle|ceux|celles|cela|ca|il|elle|ils|elles)\b", fold(p))
                             else p for p in parts[1:]]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return parts
    return parts if len(parts) == 1 else [message]
