"""Greetings, thanks and acknowledgements: a short friendly reply that says what the assistant can do."""
from __future__ import annotations

import re

from assistant.reading.normalize import STOPWORDS, fold
from assistant.reading.shorthand import expand

CAPABILITIES = ("Je réponds sur le Cluster Eau‑Milieux‑Sols : ses événements (« les prochains ateliers »), "
                "ses membres, ses chiffres clés, ses guides‑formations et ses domaines d'intérêt stratégique (DIS).")
REPLIES = {
    "greeting": "Bonjour ! " + CAPABILITIES + " Que voulez‑vous savoir ?",
    "thanks": "Avec plaisir ! N'hésitez pas si vous avez une autre question.",
    "goodbye": "À bientôt ! Je reste disponible pour vos questions sur le cluster.",
    "ack": "Très bien. Autre chose ? " + CAPABILITIES,
    "help": CAPABILITIES + " Posez votre question en quelques mots, comme dans une conversation.",
    "unclear": "Je n'ai pas saisi la question. " + CAPABILITIES + " Par exemple : « le prochain atelier sur les sols ? ».",
    "self": "Je suis l'assistant du Cluster EMS : un programme, pas une personne, qui répond à partir de la base du "
            "cluster. " + CAPABILITIES + " Je comprends aussi les questions posées en anglais et je réponds en français.",
}
KINDS = {
    "greeting": r"bonjour|bonsoir|salut|coucou|(?:hello|hey|hi) there|hello|hey|yo|re|hi|bjr|bsr|slt|cc|wesh|(?:comment )?ca va(?: bien)?|comment (?:vas-tu|allez-vous)|(?:tu vas|vous allez) bien|"
                r"la forme|(?:vous etes|tu es|t'es|(?:il )?y a quelqu'un) la",  # "vous êtes là ?": anyone there
    "thanks": r"merci\w*|thanks?|thx|cimer",
    "goodbye": r"au revoir|bye|a plus|a\+|ciao|a (?:bientot|demain|lundi|tout a l'heure)|"
               r"bon (?:week-?end|wk?e?nd|we|dimanche|apres-midi)|bonnes? (?:journee|soiree|nuit|semaine|vacances|fetes|"
               r"fin de (?:journee|semaine))",
    "ack": r"ok|okay|oki|d'accord|dac|daccord|parfait|super|genial|top|cool|compris|entendu|tres bien|bien|nickel|"
           r"ca marche|oui|non|ah|oh|bon|ben|euh|ouais|yes|haha\w*|hihi|lol|mdr|ptdr|xd",
    "help": r"aide|help|a l'aide|tu sers a quoi|tu fais quoi|que sais-tu faire|qu'est-ce que tu sais faire|"
            r"tu peux faire quoi|comment (?:ca marche|t'utiliser)|par ou commencer|je commence par quoi|"
            r"qu'est-ce que (?:je peux|on peut) (?:te |vous )?demander|"
            r"(?:tu peux|vous pouvez|peux-tu|pouvez-vous) (?:m'|nous )?aider (?:a quoi|en quoi|pour quoi|sur quoi)|"  # what it helps with
            r"(?:tu peux|vous pouvez|peux-tu|pouvez-vous|qui peut|quelqu'un peut) m'aider|"
            r"can you help(?: me)?|could you help(?: me)?|"
            r"j'ai (?:quelques |des |une |plusieurs )?questions?|je (?:ne )?comprends pas|je comprends rien|je capte rien|"
            r"j'ai pas compris|j'ai rien compris|"
            r"(?:je peux|on peut|puis-je|est-ce que je peux) (?:te |vous )?(?:poser|demander) (?:des|une|quelques) questions?",
}
# Asking what the assistant is ("t'es un robot ?", "vous êtes une IA ?", "tu es qui ?").
_SELF = re.compile(r"\b(?:(?:t|t'es|c'est) qui toi|qui es-tu|qui etes-vous)\b|"
                   r"\b(?:t'es|tu es|es-tu|vous etes|etes-vous) (?:qui|quoi|un (?:robot|bot|humain|chatbot)|"
                   r"une (?:ia|personne|machine|vraie personne)|humaine?|un programme)\b|"
                   r"^(?:c'est|c'est bien) (?:un (?:robot|bot|chatbot|humain|programme)|une (?:ia|vraie personne))\b|"
                   r"\b(?:tu parles|parles-tu|vous parlez|parlez-vous|tu comprends|comprends-tu) (?:l')?(?:anglais|english|"
                   r"francais|d'autres langues)\b|\bdo you speak\b")
FILL = r"beaucoup|bcp|encore|a vous|a toi|a tous|tous|tout le monde|l'equipe|madame|monsieur|la|le|les|et|there|everyone|all|" \
       r"svp|stp|s'il (?:te|vous) plait|please|" \
       r"!|\?|\.|,|:\)|;\)"
_PATTERN = re.compile(rf"^(?:\s*(?:{'|'.join(KINDS.values())}|{FILL})\b\W*)+$")


# A question word or a request ("donne-moi", "je voudrais"), in a folded message.
ASKING = re.compile(r"\b(?:combien|quand|ou|qui|quel\w*|quoi|comment|pourquoi|est-ce|lequel|laquelle|donne\w*|"
                    r"montre\w*|liste\w*|cherche\w*|veux|voudrais|aimerais|peux|pouvez|dis-moi|affiche\w*|"
                    r"envoie\w*|cite\w*|savoir)\b")
# What makes a message ask something: a question mark, a question word, a number, a request, a follow-up.
_ASKS = re.compile(rf"\?|\d|{ASKING.pattern}|\b(?:et|sinon|mais|aussi|autre|which|what|who|when|where|how)\b")
# Asking how to use the assistant, wherever it sits in a short message ("je suis nouveau, par où commencer ?").
_HELP = re.compile(r"\b(?:" + "|".join(p for p in KINDS["help"].split("|") if " " in p or "'" in p) + r")\b")
# Introducing oneself after a greeting ("bonjour, je découvre le cluster"): nothing asked yet.
_ABOUT_ME = re.compile(r"^(?:(?:" + KINDS["greeting"] + r")\b\W*)+(?:je|j'|moi)\b")
_SOCIAL_WORDS = {"cluster", *re.findall(r"[a-z]{4,}", "|".join(KINDS.values()))}
_COURTESY = re.compile(rf"\b(?:{KINDS['greeting']}|{KINDS['thanks']}|svp|stp|s'il (?:te|vous) plait|please)\b")
_CLOSERS = re.compile(rf"\b(?:{KINDS['thanks']}|{KINDS['goodbye']})\b")  # a greeting often opens a question


def _words(text: str) -> int:
    return len(re.findall(r"[\w']+", text))


def smalltalk(message: str) -> str | None:
    """The reply to a social message: made only of social words, or a short thanks or goodbye with a
    remark ("yo merci t'es au top", "super, merci pour l'info") that asks nothing. None when it asks
    something."""
    folded = fold(expand(message)).strip()  # "kels events … merci" asks ("quels")
    count = _words(folded)  # words only: "salut ! t'es un humain ou un robot ? 😄"
    # "coucou, merci pour votre aide de la semaine dernière, c'était top 👌": a longer message that opens on thanks
    # ("… for road surfacing merci" asks, and thanks only at its end)
    closing = _CLOSERS.search(folded)
    leading = bool(closing) and _words(_COURTESY.sub(" ", folded[:closing.start()])) <= 2
    about_me = _ABOUT_ME.match(folded)
    # "Bonjour ! Je découvre votre réseau, merci d'avance pour votre aide" (not "… le nom de Jean Dupont parmi …")
    long_intro = about_me and not re.search(r"(?<=[\w,] )[A-ZÀ-Ý]", message)
    short = count <= 8 or (leading or long_intro) and count <= 14
    if _SELF.search(folded) and _words(_COURTESY.sub(" ", folded)) <= 8 and not re.search(r"\d", folded):
        return REPLIES["self"]  # "hello bonsoir ! t'es un bot ou un vrai humain ? stp"
    if (m := _HELP.search(folded)) and not re.search(r"\d", folded):
        rest = _HELP.sub(" ", folded)  # "vous pouvez m'aider à trouver la date du forum ?" asks more than help
        content = [w for w in re.findall(r"[a-z]{4,}", rest) if w not in STOPWORDS and w not in _SOCIAL_WORDS]
        # "… m'aider à cartographier la pollution d'un terrain ?" names a task: a question
        if len(content) <= 3 and not _ASKS.search(rest.replace("?", " ")) \
                and not re.search(r"\baider (?:a|pour) (?!quoi\b)\w", folded):
            return REPLIES["help"]
    # "… merci d'avance": thanks for an answer to come, after what is asked ("bonjour, leequel fait des composteurs")
    # ("top merci t'es un boss 🙏 ??": marks closing thanks and a word on the helper ask nothing)
    praised = re.search(rf"\b(?:{KINDS['thanks']})\b", folded) and re.search(r"\b(?:t'es|tu es|vous etes|c'etait)\b", folded)
    # "merci pour ton aide", "merci d'avance pour votre aide": thanks and what for
    thanked = re.sub(r"\b(merci\w*)((?: d'avance| par avance)?) (?:pour|de) (?:ton|ta|tes|votre|vos|l'|la|les) ?\w+", r"\1\2",
                     folded)
    # "bonjour, vous êtes là ? …": a greeting asked asks nothing
    said = re.sub(rf"\b(?:{KINDS['greeting']})\s*\?", " ", folded)
    social = _PATTERN.match(folded + " ") or (
        # ("bonjour ! merci d'avance pour votre aide ?": a "?" after thanks for what is to come asks nothing either)
        (closing or about_me) and short and not _ASKS.search(re.sub(r"[\s?]+$", "", said) if praised or re.search(
            r"\b(?:d'avance|par avance)\W*$", thanked) else said)
        and not (re.search(r"\b(?:d'avance|par avance)\b", thanked) and not about_me and re.search(r"[a-z]{3,}", re.sub(
            r"\b(?:d'avance|par avance)\b", " ", _COURTESY.sub(" ", thanked)))))
    if not folded or not social:
        return None
    # "Bonjour ! Je débute ici, merci d'avance": a newcomer greeting, greeted
    for kind in ("greeting",) * bool(about_me or re.search(r"\b(?:d'avance|par avance)\b", folded)) + ("help", "thanks", "goodbye", "greeting", "ack"):
        if re.search(rf"\b(?:{KINDS[kind]})\b", thanked):
            return REPLIES[kind]
    return None


# A request wrapped around a question: "vous pouvez m'aider à retrouver …", "j'aimerais savoir …".
_REQUEST = (r"(?:est-ce que |est ce que )?(?:tu peux|tu pourrais|vous pouvez|vous pourriez|pourriez-vous|pouvez-vous|"
            r"peux-tu|pourrais-tu)(?: m'aider a| me dire| m'indiquer| me donner| me rappeler| me redonner| me preciser|"
            r" preciser| indiquer| me communiquer)?|"
            r"(?:j'aimerais|je voudrais|je souhaiterais|je veux) (?:savoir|connaitre)|dis-moi|dites-moi|"
            r"(?:(?:peux-tu|pouvez-vous|tu peux|vous pouvez) )?(?:check|verifie|verifiez)(?: pour moi| svp| stp)?|"
            r"(?:can|could|would) you(?: please)?(?: tell me(?: about)?| give me| show me)?|"  # in English
            r"(?:please )?(?:tell me|let me know)|quick (?:one|question)|"
            r"(?:il|elle|on|ils|elles) (?:me|nous) (?:demande|demandent|a demande|ont demande)|"  # "mon boss … il me demande …"
            r"(?:il|elle|ils|elles) (?:veut|veulent|voudrai\w*|aimerai\w*|souhaite\w*) (?:savoir|connaitre)")  # "… il veut savoir …"
# Greetings before a question and politeness after it ("slt, ...", "... merci d'avance").
_OPENING = re.compile(rf"^\s*(?:(?:{KINDS['greeting']}|petite question|une question|question|(?:une )?(?:derniere|autre) (?:chose|question)|"
                      rf"encore une question|(?:one )?last (?:thing|question)|one more thing|{_REQUEST})\b[\s,!.:-]*|"
                      # whom it is said to: "salut la team 👋", "bonjour à tous," (not "bjr les guides, c'est pour qui ?")
                      rf"(?<=\s)(?:(?:la|les|l') ?[\w-]+(?=\s*(?:!|[^\w\s'?,.:;-]))|(?:tout le monde|a tou(?:te)?s)(?=\s*(?:[,!.:]|[^\w\s'?]|$)))(?:[\s,!.:]|[^\w\s'?])*|"
                      rf"(?:{KINDS['ack']}|(?:{KINDS['thanks']})(?: d'avance| par avance)?)\s*(?:[,.!]+\s*|(?=et\s)|(?=(?:{KINDS['ack']}|{KINDS['thanks']})\b))|"
                      # "merci pour hier t'es top 🙏 au fait …": thanks said first, closed by an emoji or a "!"
                      rf"(?:{KINDS['thanks']})\b[^?.!\U0001F300-\U0001FAFF\u2600-\u27BF]{{0,60}}?(?:[!.]+|[\U0001F300-\U0001FAFF\u2600-\u27BF]+)\s*|"
                      r"au fait\b[\s,]*)+",
                      re.I)  # "D'accord. Et …", "ok et …", "ok merci, …"
# What the asker will do with the answer, with their own document ("Pour notre rapport annuel, …", "Dans le cadre
# d'une note au bureau, …"; an indefinite or possessive article: "pour les PME, …" is a question's own subject),
# and where they expect it to be written ("…, tel qu'il figure dans le tableau ?"): the frame, not the question.
_PURPOSE = re.compile(r"^\s*(?:dans le cadre (?:d'une?|du|de la|des) |(?:pour|pr) (?:notre|mon|ma|mes|nos|votre|vos|un|une) |afin d'|afin de |"
                      r"en vue d'une? |en prevision d'une? )[^,?]{3,80}?(?:,\s*|\s+(?=(?:j'ai|on a|j'aurais|il me faut|"
                      r"il me faudrait|(?:je|j'|on|nous) (?:voudrai\w*|voudrions|aimerai\w*|aimerions|cherch\w*|souhait\w*|dois|devons|"
                      r"doit|vais|allons|va)|jdois|jvais|jveux|jai)\b))|"
                      # "pour ma présentation j'ai besoin de …", "pour notre résidence on voudrait des bacs, qui en fait ?"
                      # "Pour la préparation du CA, pourriez-vous m'indiquer le nombre total …": a definite article
                      # frames only before a request that names its own subject ("pour la formation sols,
                      # pouvez-vous m'indiquer la durée ?" asks about the formation)
                      rf"^\s*pour (?:la |le |l')[^,?]{{3,80}},\s*(?=(?:{_REQUEST})(?:[^?]*?\b[a-z]{{4,}}\b){{3}})|"
                      # "Pour la newsletter je reprends : le forum …", "je vérifie : …": what the asker is doing, said
                      # in a few words before a colon
                      r"^\s*(?:pour (?:la |le |l')[^,?:]{3,40}?\s+)?(?:je |j'|on |nous )(?:\S+\s?){1,2}:\s*(?=\S)")
# "jprépare un récap pr mon équipe, quelles visites …": the document the asker is writing, said before the question
# (not what it is about: "un rapport sur les sols, …" keeps its subject)
_WRITING = (r"recap\w*|rapport|point|note|presentation|diaporama|slides?|compte[- ]rendu|cr|bilan|dossier|article|post|"
            r"support|tableau|synthese|fiche|mail")
_TASK = re.compile(rf"^\s*(?:je |j)(?:(?:dois|vais) )?(?:prepare|fais|faire|redige|monte|boucle|finalise|ecris|complete|remplis|"
                   rf"preparer|rediger|monter|boucler|finaliser|ecrire|completer|remplir)\s+"
                   rf"(?:un|une|le|la|l'|mon|ma|notre|des|mes|nos)\s?(?:{_WRITING})\b(?:(?! sur | about )[^,?:]){{0,80}},\s*(?=\S)|"
                   # "Pour le CR du CA : …", "pour le rapport au bureau, …": the document, said before a colon or a comma
                   # (not a subject of its own: "pour le bilan des formations" or a year keep the question's words)
                   rf"^\s*(?:pour|pr) (?:le |la |l')(?!bilan|tableau)(?:{_WRITING})\b(?:(?! sur | des | about )[^,?:\d]){{0,30}}[:,]\s*(?=\S)|"
                   # "For my report in English: …": the same, in English
                   r"^\s*for (?:my|our) (?:report|presentation|slides|deck|memo|boss|manager|team|meeting|newsletter|article|post)\b"
                   r"[^,?:\d]{0,30}[:,]\s*(?=\S)")
_WHERE_WRITTEN = re.compile(r",?\s*\btel(?:le)?s? qu(?:e |'(?:il|elle|ils|elles|on) )[^,?]{3,80}(?=\?|$)")
_CLOSING = re.compile(r"(?:[\s,!.]*\b(?:merci(?: beaucoup| bien)?(?: d'avance| par avance| a vous| a toi)?|stp|svp|"
                      r"(?:c'est|c) (?:urgent|presse)|asap|"  # "c urgent merci"
                      # "…, tu peux me sortir ça ?": the request for what was just asked
                      r"(?:tu peux|vous pouvez|tu pourrais|vous pourriez|peux-tu|pouvez-vous|tu) (?:me |nous )?(?:sortir|donner|"
                      r"trouver|retrouver|envoyer|filer|passer) (?:ca|cela|l'info|les infos|les chiffres|le chiffre)(?: stp| svp)?|"
                      r"s'il (?:te|vous) pla[iî]t|please|bonne (?:journee|soiree)|thx|thanks|"
                      # "…, une reco ?", "Any recommendation?": asking for advice on what was just asked
                      r"(?:une?|des|vos) (?:reco|recommandation|idee|piste|suggestion)s?|"
                      r"any (?:recommendation|idea|tip|suggestion)s?)\W*)+$", re.I)


def strip_courtesy(message: str) -> str:
    """The question without the greeting that opens it or the thanks that close it."""
    folded = fold(message)  # same length as the message: offsets carry over
    if len(folded) != len(message):
        return message
    stripped = message
    if m := _CLOSING.search(folded):
        stripped = message[:m.start()] + ("?" if "?" in message[m.start():] else "")
    if m := _WHERE_WRITTEN.search(fold(stripped)):
        stripped = stripped[:m.start()] + stripped[m.end():]
    while m := _PURPOSE.match(fold(stripped)) or _OPENING.match(fold(stripped)) or _TASK.match(fold(stripped)):
        if not m.end():
            break
        stripped = stripped[m.end():]
    return stripped.strip() if re.search(r"\w", stripped) else message  # "merci pour les infos 👍 ?" is all courtesy
