"""Answers from member records: who a member is, and which members work on a subject."""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding as Embedder

from assistant.reading.dates import format_date
from assistant.answers.draft import Draft, member_source
from assistant.reading.normalize import STOPWORDS, content_stems, fold, related, stem
from assistant.knowledge.records import Member
from assistant.reading.smalltalk import ASKING
from assistant.reading.understanding import THEME_STEMS, THEME_WORDS, Lexicon, Query, canonical, english_content
from assistant.reading.vocabulary import COMMON_ZIPF, zipf

WORKS_ON = re.compile(r"\b(travail\w*|bosse\w*|s'occup\w*|s'y connai\w*|specialis\w*|propos\w*|fabriqu\w*|produi\w*|"
                      r"con[cç]oi\w*|concev\w*|vend\w*|fourni\w*|fait|font)\b")
MEMBER_WORDS = set(content_stems("membre membres adherent adherents nouveaux nouveau structure structures qui valide "
                                 "entreprise entreprises societe start-up association organisme organisation organisations"))
# "qui plante des arbres fruitiers ?": who does something, a verb right after "qui"
DOES = re.compile(r"(?:et )?quelqu'un (?:pour|qui (?:peut|pourrait|sait|saurait)) (?:m'|me |nous |l'|les? |la |en |y )?"
                  r"[a-z]+(?:er|ir|re)\b|"  # "quelqu'un pour aider une mairie à … ?"
                  # "qui dans le cluster …", "c'est qui dans le réseau qui …", "c'est qui qui …"
                  r"(?:et )?(?:c'est |c )?qui (?:qui )?(?:(?:dans|parmi|chez) (?:le |la |les |l'|vos |nos )?[\w-]+ (?:qui )?)?"
                  r"(?!(?:est|sont|etait|etaient|c'est|a ete|ont ete|sera|anime\w*|organise\w*|dirige\w*|"
                  r"gere\w*|s'occupe\w*|forme\w*|intervien\w*|presente\w*|\w*[ai]ble)\b)"
                  r"(?:(?:peut|peuvent|pourrait|pourraient|sait|savent|saurait) (?:m'|me |nous |l'|les? |la |en |y )?"
                  r"[a-z]+(?:er|ir|re)|"  # "qui peut retraiter …", "qui pourrait nous aider …"
                  r"[a-z]+(?:e|ent|it|end|oit))\b")
# "vous connaissez un fabricant de bacs à compost ?", "je cherche un presta pour …", "any startup that …": someone
# who provides something, sought (an indefinite one: "le fabricant" names one already known)
PROVIDERS = (r"(?:fabricant|presta|prestataire|fournisseur|boite|entreprise|societe|bureau d'etudes?|cabinet|specialiste|"
             r"expert|ingenieur|inge|consultant|start-?up|asso|association|structure|acteur|labo|laboratoire|organisme|"
             r"contact|supplier|company|compan|firm|manufacturer|provider|consultancy|contractor|lab|member|business|"
             r"organi[sz]ation)(?:s|es|ies|x)?")
PROVIDER = re.compile(rf"\b(?:un|une|a|an|any|some) (?:\w+ )?{PROVIDERS}\b|"
                      r"\b(?:qqn|quelqu'un|someone|anyone|somebody|anybody) (?:qui|dans|chez|parmi|de|who|that|in|to|"
                      r"(?:peut|pourrait|sait|saurait|can|could)(?= (?:m'|me |nous |l'|les? |la |en |y )?[a-z]+(?:er|ir|re)?\b))\b|"
                      # "quelqu'un pour cartographier …": someone to do something ("quelqu'un pour l'aider" is a helper)
                      r"\b(?:qqn|quelqu'un) pour (?!(?:l'|le |la |les |lui |leur |m'|me |nous |vous |t'|te ))|"
                      # "vous connaissez qqn ?", "vous auriez quelqu'un à conseiller ?": someone known, had, advised
                      r"\b(?:conn\w*|avez|avait|auri\w*|as|aurais|conseill\w*|recommand\w*) (?:qqn|quelqu'un)\b|"
                      r"\b(?:qqn|quelqu'un) (?:conna\w*|conai\w*)\b")  # "…, qqn connaît ?"
# What a request for a member asks to be done or supplied: the noun after a verb of doing ("qui vend des sacs pour …",
# "qui fait de la dératisation"), after a search ("on cherche des sacs …"), after a kind of provider ("une entreprise
# d'élagage", "un fabricant de bacs"), with the nouns set beside it as alternatives ("des entrepôts / plateformes").
# The words around it ("… pour ramasser les restes de repas à la cantine") say what for, where, who asks.
_DETERMINER = r"(?:de la |de l'|des |du |de |d'|les |le |la |l'|un |une |en |nos |vos |mes |ces |leurs? )"
_SOUGHT = re.compile(rf"\b(?:qui,? (?:(?:dans|parmi|chez) (?:{_DETERMINER}|(?:votre|notre|ton|ce|cet|cette) )?[a-z-]+,? )?"  # "qui dans votre réseau sait …"
                     rf"(?:(?:peut|peuvent|pourrait|sait|saurait) )?(?:m'|me |nous |l'|les |la |en |y |se |s')?"
                     rf"(?P<verb>[a-z]+)(?: et (?P<verb2>[a-z]+))?|cherch\w*|recherch\w*|besoin|"
                     rf"(?<!le )(?<!la )(?<!les )responsable|{PROVIDERS})\b"  # "responsable": "gère" read; not the role
                     rf"(?=\s*(?:pour |en |dans |sur )?{_DETERMINER}?(?P<head>[a-z][\w-]*)"
                     rf"(?P<more>(?:\s*/\s*|\s+(?:ou|et)\s+){_DETERMINER}?[a-z][\w-]*)*)")
MEMBERS_PROPER = set(content_stems("membre membres adherent adherents"))
NEWCOMERS = set(content_stems("nouveaux nouveau nouvelles nouvelle valide valides validee validees validation adhesion "
                               "adhesions"))
# A member described in other words: the question's description, embedded, is nearest one member's activity (and
# sectors), by enough and ahead of the next member. A short, general activity ("produit des matériaux") is near every
# question: each similarity is taken relative to how near the text is to the base's own words (the mean of its 200
# nearest, "hubness"). An activity of several parts ("toitures végétalisées ainsi que des tapis couvre-sol") is read
# whole and by its parts: a member's nearness is the mean of the whole's and of its nearest part's. The description
# keeps the words that say something: not the most frequent of French or English ("faire", "chose", "that", "we").
# Calibrated on 199 descriptions of members in everyday words and in English (work sets) and 37 requests for an
# activity no member has: at 0.032, 0.005 ahead of the next, 120 of the 199 are found, 2 wrongly, and none of the
# 37 (the reading before, 0.034 without a lead, whole activity, all words: 104 found, 6 wrong or absent). The
# answer still says it is the nearest member, not a match.
MEANING_SIMILARITY = 0.032
MEANING_LEAD = 0.005
# A description in English words is farther from the activities, written in French, than one in French: its own
# threshold and lead, its scores mapped onto the French scale so that one rule reads both. Calibrated on 68 English
# descriptions of members and 32 English requests for an activity no member has: read so when a quarter of its words
# are English once read, 43 of the 68 are found, none of the 32.
ENGLISH_SIMILARITY = -0.01
ENGLISH_LEAD = 0.01
ENGLISH_SHARE = 0.25
HUB_NEIGHBOURS = 200
# Someone sought ("vous connaissez un fabricant de …") whom the members found share less of the words asked: none
SOUGHT_COVERAGE = 0.5
NAME_WORD_ZIPF = 4.8  # "transition" 4.3, "foncière" 3.3 describe; "ensemble" 5.3 is said of anything
SAYS_LITTLE_ZIPF = 5.5  # "faire" 6.3, "chose" 5.7, "that" 7.0; "projet" 5.4, "terrain" 5.0 say something
# The parts of an activity: "X, Y et Z", "X ainsi que Y", "X pour Y", "X (Y)"
ACTIVITY_PARTS = re.compile(r"[,;()]| ainsi que | et | pour ")
PART_WORDS = 4  # a part says something of its own ("des tapis couvre-sol prêts à poser"), not "facilitant le compostage"
# "qqn dans le réseau ?", "ça existe chez vous ?", "y en a un parmi vos adhérents ?": asked of the network, a member
AMONG_MEMBERS = re.compile(r"\b(?:chez vous|dans (?:le|votre|ton) (?:reseau|cluster)|(?:dans|parmi) (?:les|vos|tes) (?:membres|adherents)|"
                           rf"{PROVIDERS} (?:du|de votre|de ton) (?:reseau|cluster))\b")  # "une boîte du réseau"
# "le maître d'ouvrage du nouveau métro, il fait partie du cluster ?", "…, c'est un adhérent ?": whether the one
# described is a member, so which one it is
IS_MEMBER = re.compile(r"\b(?:fait|ferait) partie (?:du|de notre|de votre|de ton) (?:cluster|reseau)\b|"
                       r"\b(?:est|serait)(?:-(?:il|elle))? (?:un |une )?(?:membre|adherent|adherente)\b")
# "…, lequel ?": one asked for among them
WHICH = re.compile(r"\b(?:lequel|laquelle|lesquels|lesquelles)\b")
# "un membre spécialisé dans le béton ?", "…, un adhérent fait ça ?", "quel nouveau membre propose … ?": one of them asked
ONE_OF_THEM = re.compile(r"^(?:et )?les (?:membres?|adherents?|structures?|entreprises?)\b|"
                         r"\b(?:un|une|des|d'autres|(?:quel|quelle|quels|quelles)(?: \w+)?) "
                         r"(?:membres?|adherents?|structures?|entreprises?)\b")
# "quel expert a rejoint le cluster en 2024 ?": one who joined is a member
JOINED = re.compile(r"\b(?:a|ont|avait|avaient|ayant) rejoint (?:le|notre|votre|ton|ce) (?:cluster|reseau)\b")
# Words that frame the description, not part of it
FRAMING = set(content_stems("cluster reseau connait connaissez quelqu'un qqn cherche cherchons recherche peut pourrait "
                            "aider propose lequel laquelle"))
# "validé en même temps que X", "le même jour que X", "au même bureau que X": X's fellow newcomers.
SAME_TIME = re.compile(r"\b(?:en meme temps que|le meme jour que|(?:au|a la|lors du|lors de la) meme (?:bureau|seance|"
                       r"reunion|assemblee|instance|ag) que)\b")
# … and of the one just shown: "qui d'autre dans la même fournée ?", "au même bureau ?", "en même temps ?"
SAME_BATCH = re.compile(r"\b(?:en meme temps|le meme jour|(?:au|a la|lors du|lors de la|dans la|dans le|de la|du|pendant la) "
                        r"meme [a-z]+|(?:ce|cette) (?:jour|fois|bureau|seance|reunion|assemblee|ag)[- ]la)\b")  # "ce jour-là"
# How joining is told, not what: "accepté comme nouveau membre lors de la réunion de bureau de mai".
JOINING = set(content_stems("accepte acceptes acceptee admis admise admises integre integres arrive arrives accueilli "
                            "accueillis accueillie accueillies "
                            "reunion seance lors"))


# A company's legal form, said after its name or not at all
LEGAL_FORM = re.compile(r"\s+(?:sas|sasu|sa|sarl|eurl|sci|scop|scic|gie|sem|spl|gmbh|ltd|inc|bv)\.?\s*$")


def _names(m: Member) -> list[str]:
    """Folded ways to name a member: its name, the part before a parenthesis, an acronym in it."""
    names = {fold(m.name).strip()}
    names.add(LEGAL_FORM.sub("", fold(m.name)).strip())  # "Ortie SAS" is "Ortie"
    if "(" in m.name:
        base, _, inner = m.name.partition("(")
        names.add(fold(base).strip())
        names.add(fold(inner.rstrip(")")).strip())
    return [n for n in names if len(n) >= 3]


class MemberBook:
    def __init__(self, members: list[Member], lexicon: Lexicon, counted: set[str] = frozenset(),
                 embedder: Embedder | None = None):
        """`counted`: the names of the figures and of their tables (folded), which count some kinds of members ("PME")
        and break them down ("membres par collège");
        `embedder`: reads a member described in other words than its own ("du matos pour les routes")."""
        self.members = members
        self.embedder = embedder
        self._activities: np.ndarray | None = None  # each member's activity, whole and by parts, on first need
        self._owners = np.zeros(0, np.int64)  # the member each of those texts describes
        self._hubness = np.zeros(0, np.float32)  # how near each of those texts is to any of the base's words
        self.lexicon = lexicon
        self.counted = counted
        self.patterns = [(m, re.compile(r"\b(" + "|".join(re.escape(n) for n in _names(m)) + r")\b"))
                         for m in members]
        # "Est Ensemble" for "EPT Est Ensemble": the name without the acronym of its kind, as written (capitals),
        # since its words may be everyday ones ("c'est ensemble")
        self.bare = [(m, re.compile(r"\b" + re.escape(rest) + r"\b")) for m in members
                     if (rest := re.sub(r"^[A-Z]{2,5}\s+", "", m.name.strip())) != m.name.strip() and len(rest) >= 5]
        # "la PME d'Henri Chantepie": a member named by a person its notes cite, by full name or by surname
        self.people = [(m, re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")) for m in members
                       if (names := _people(m))]
        self.stems = {m.id: _activity_stems(m) for m in members}
        self.validation_stems = set().union(*(content_stems(canonical(m.validated_by)) for m in members))
        # what members are grouped by: "par instance", "par type", the tables' own "par collège" ("suivre par
        # modélisation" says how, not by what)
        self.dimensions = self.validation_stems | set(content_stems("type categorie genre mois annee instance")) \
            | {stem(w) for name in counted for w in re.findall(r"\bpar (\w+)", name)}
        # The kinds the data gives its members ("start-up", "PME", "bureau d'études"), as typed in questions:
        # hyphen or not, singular or plural; "collectivité/territoire" is either word.
        self.kinds = {k: re.compile(r"\b(?:" + "|".join(r"[\s-]?".join(re.escape(w) + r"[sx]?" for w in re.split(r"[\s-]+", alt))
                                                     for alt in re.split(r"\s*/\s*", k)) + r")\b")
                      for k in {fold(m.kind) for m in members if m.kind}}
        self.kind_names = {fold(m.kind): m.kind for m in members if m.kind}

    def named(self, q: Query) -> list[Member]:
        """Members the question names, spelt right or (one-word names) corrected like any word."""
        folded = fold(q.text)
        topic = set(q.topic)
        return [m for m, pat in self.patterns if pat.search(folded)
                or (" " not in m.name.strip() and len(m.name) >= 5 and stem(fold(m.name)) in topic)] \
            or [m for m, pat in self.bare if pat.search(q.text)] or [m for m, pat in self.people if pat.search(folded)]

    def answer(self, q: Query, focus: list[str] | None = None) -> Draft | None:
        named = self.named(q)
        shown = [m for m in self.members if m.id in focus] if focus and not named else []
        if shown:
            named = self._among(shown, q)
        if named and SAME_TIME.search(q.folded) and (peers := self._peers(named)):
            return peers  # "qui a été validé en même temps que Sogaris ?"
        if len(named) == 1 and (batch := SAME_BATCH.search(q.folded)):
            # "et qui d'autre dans la même fournée bosse sur les biodéchets ?" of the one shown ("fournée" says when)
            said = set(content_stems(batch.group()))
            if peers := self._peers(named, replace(q, topic=[s for s in q.topic if s not in said])):
                return peers
        if named:
            draft = self._describe(q, named)
            if len(named) < len(shown):  # "lequel d'entre eux fait de la logistique ?": picked by what it does
                draft.focus["sought"] = True
                if WHICH.search(q.folded):  # "et parmi eux, lequel est une collectivité ?": one of them, not a count
                    draft.coverage = 1.0
            return draft
        if q.has("joining"):
            return None  # "comment devenir membre ?", "faut être validé par qui ?": how one joins, not who joined
        if q.has("max", "min") and _asks_other_than_a_member(q.folded):
            return None  # "parmi les membres, quel secteur revient le plus ?": a ranking of kinds, counted by figures
        newcomers = (NEWCOMERS & set(q.topic) and MEMBERS_PROPER & set(q.topic)) or q.has("validated") \
            or bool(JOINED.search(q.folded))
        grouping = {stem(w) for w in re.findall(r"\b(?:par|chaque|selon) (?:le |la |les |l')?(\w+)(?: de \w+)?", q.folded)}
        grouping |= {stem(w) for w in re.findall(r"\b(?:par|chaque|selon) (?:le |la |les |l')?\w+ de (\w+)", q.folded)}
        grouping &= self.dimensions
        rest = set(q.topic) - MEMBER_WORDS - NEWCOMERS - JOINING - grouping  # "par instance": how to group
        typed = re.sub(r"\bstart ?ups?\b", "start-up", fold(q.text))  # as typed: "personnes" stays itself
        typed = AMONG_MEMBERS.sub(" ", typed)  # "vous avez ça dans le réseau ?" asks no member of the kind "réseau"
        # "un assistant zéro-déchet pour les collectivités", "acheter auprès des start-up": those it serves or deals with,
        # not a kind of member asked for
        kinds = [k for k, pattern in self.kinds.items()
                 if any(not re.search(r"\b(?:pour|aux?|aupres|destinee?s? aux?|(?:membres?|adherents?) d[ue]s?)\s+(?:les |des |la |le |l')?(?:[\w/-]+ (?:et|ou) (?:les |des |la |le |l')?)?$", typed[:m.start()])
                        for m in pattern.finditer(typed))]
        joined = NEWCOMERS & set(q.topic) or re.search(r"\b(rejoint|valide\w*|arrive\w*)\b", q.folded)
        if kinds and joined and (listing := self._of_kind(q, kinds)):
            return listing  # "il y a des start-up parmi les nouveaux membres ?" (not "les PME adhérentes")
        among_words = {s for m in AMONG_MEMBERS.finditer(q.folded) for s in content_stems(m.group())}
        # "y a des start-up parmi les membres ?": a kind no figure counts, among the members described
        uncounted = [k for k in kinds if not any(self.kinds[k].search(name) for name in self.counted)]
        # asked of the network, unless of a kind its figures count ("beaucoup de PME parmi les membres ?")
        # ("un évènement sur le compost chez vous ?" asks of the cluster's events, not of its members)
        among = bool(AMONG_MEMBERS.search(q.folded)) and kinds == uncounted and not q.has("events")
        # "qui bosse sur les sols ?", "qqn qui … a rejoint le cluster ?": who works, who joined, are members
        seeks = bool(PROVIDER.search(q.folded) or IS_MEMBER.search(q.folded)) \
            and not q.has("count", "when", "participants")
        about_members = among or seeks or MEMBER_WORDS & set(q.topic) or JOINED.search(q.folded) \
            or newcomers and NEWCOMERS & set(q.topic) or (q.has("who") and (
            q.themes or WORKS_ON.search(q.folded) or q.has("validated") or DOES.match(q.folded)))
        if kinds and not uncounted and not joined and not rest - set(content_stems(" ".join(kinds))) - among_words:
            # "il y a des collectivités parmi les membres ?": a kind the figures count, counted; "lesquelles ?": those
            # of that kind among the members described
            asks_which = q.has("who") or re.search(r"\bquel(?:le)?s\b", q.folded) or WHICH.search(q.folded)
            return self._of_kind(q, kinds, joined=False) if asks_which else None
        if grouping & set(q.topic) and not newcomers:
            return None  # "les membres par collège ?": a breakdown the figures give, not members described by its word
        if uncounted and MEMBER_WORDS & set(q.topic) and q.has("who", "list", "whether") and not q.has("count") \
                and (listing := self._of_kind(q, uncounted, joined=False)):
            return listing
        if newcomers and (about_members or q.has("validated")) and rest <= self.validation_stems \
                and not (q.has("upcoming") and q.has("when")):  # "le prochain bureau qui valide les membres, quand ?"
            # "combien de nouveaux membres validés par le bureau en mai ?"
            return self._newcomers(q, rest, bool(grouping))
        # "il y a un nouveau membre dont le siège est aux Pays-Bas ?" asks which one too
        asks_which = seeks or q.has("who", "list", "whether") or "?" in q.text and bool(
            among or JOINED.search(q.folded) or WHICH.search(q.folded) or ONE_OF_THEM.search(q.folded)
            or re.search(r"\bs'appel\w*|\bson nom\b", q.folded))  # "…, elle s'appelle comment ?"
        if asks_which and about_members and not (q.has("count") and not q.has("list")):
            return self._who(q, seeks)
        return None

    def confirms(self, q: Query, member_id: str) -> bool:
        """Whether a yes-or-no question about one member is answered yes by its card: "Est Ensemble, c'est un membre
        ?", "ils font aussi de la dépollution ?" (every word it asks, its name and the verb aside, in the card)."""
        member = next((m for m in self.members if m.id == member_id), None)
        if member is None:
            return False
        if IS_MEMBER.search(q.folded) or re.search(r"\b(?:c'est|est)(?:-(?:il|elle))? (?:un |une )?(?:membre|adherent)", q.folded):
            return True
        if not (WORKS_ON.search(q.folded) or q.has("whether")):
            return False
        asked = set(q.topic) - MEMBER_WORDS - set(content_stems(member.name)) - {stem(w) for w in WORKS_ON.findall(q.folded)}
        return bool(asked) and related(asked, self.stems[member.id] | set(content_stems(member.name))) == asked

    def _peers(self, named: list[Member], q: Query | None = None) -> Draft | None:
        """The members validated by the same instance as the one named; of those, the ones whose description holds
        the words `q` asks, if any does."""
        by = named[0].validated_by
        peers = [m for m in self.members if by and m.validated_by == by and m not in named]
        if peers and q is not None:
            peers = self._among(peers, q)
        if not peers:
            return None
        text = f"Validés en même temps que {named[0].name} ({by}) : " + ", ".join(m.name for m in peers) + "."
        return Draft(text, [member_source(m) for m in [named[0], *peers]], coverage=1.0,
                     focus={"kind": "members", "ids": [m.id for m in peers]})

    def _among(self, shown: list[Member], q: Query) -> list[Member]:
        """"Et laquelle fait des grands projets d'infrastructures ?" after a list: the members of the list whose
        description holds the words asked (all of them when none does); "lequel a été validé en mai ?": those
        validated then."""
        if period := q.dates.period:
            shown = [m for m in shown if m.validated_on and period.contains(m.validated_on)]
        asked = set(q.topic) - MEMBER_WORDS - NEWCOMERS - JOINING
        scores = {m.id: self.lexicon.weight(asked & self.stems[m.id]) for m in shown}
        best = max(scores.values(), default=0.0)
        return [m for m in shown if scores[m.id] >= 0.8 * best] if best > 0 else shown

    def _newcomers(self, q: Query, body: set[str], grouped: bool = False) -> Draft | None:
        """New members, by when and by whom (bureau, assemblée générale) they were validated; `grouped` by the
        instance ("par instance", "par bureau")."""
        period = q.dates.period
        chosen = [m for m in self.members if (not period or (m.validated_on and period.contains(m.validated_on)))
                  and body <= set(content_stems(canonical(m.validated_by)))]
        if not chosen:
            return None
        when = f" ({period.label})" if period else ""
        if grouped:  # "par instance", "par bureau": grouped, counted
            groups: dict[str, list[str]] = {}
            for m in chosen:
                groups.setdefault(m.validated_by or "instance non précisée", []).append(m.name)
            lines = [f"- {by} : {len(names)} ({', '.join(names)})" for by, names in groups.items()]
        else:
            lines = [f"- {m.name} — {m.validated_by}" for m in chosen]
        text = f"{len(chosen)} nouveaux membres validés{when} :\n" + "\n".join(lines)
        return Draft(text, [member_source(m) for m in chosen], coverage=1.0,
                     focus={"kind": "members", "ids": [m.id for m in chosen]})

    def _of_kind(self, q: Query, kinds: list[str], joined: bool = True) -> Draft | None:
        """The members of the kinds the question names, validated in the period asked."""
        period = q.dates.period
        chosen = [m for m in self.members if fold(m.kind) in kinds
                  and (not period or (m.validated_on and period.contains(m.validated_on)))]
        label = " / ".join(self.kind_names[k] for k in kinds)
        when = f", {period.label}" if period else ""
        if not chosen:
            return None  # "quelles entreprises ont rejoint … ?": a PME or a start-up is one too
        said = set(content_stems(" ".join(kinds))) | MEMBER_WORDS | NEWCOMERS | JOINING | self.validation_stems
        if joined and (rest := set(q.topic) - said - THEME_STEMS) and not any(
                related(rest, self.stems[m.id]) or set(q.themes) & {fold(s) for s in m.sectors} for m in chosen):
            return None  # "quelle nouvelle entreprise a son siège aux Pays-Bas ?": which one, by what the rest says
        lines = [f"- {m.name}" + (f" : {m.activity.rstrip('.')}" if m.activity else "") for m in chosen]
        text = (f"{len(chosen)} nouveau{'x' if len(chosen) > 1 else ''} membre{'s' if len(chosen) > 1 else ''} "
                f"de type « {label} »{when} :\n" + "\n".join(lines))
        # the data's own kind, named whole with joining: a sure answer; named among members only ("des solutions de
        # start-ups" is a guide's subject), an answer that explains every word asked is a better one
        explained = set(content_stems(" ".join(kinds))) | MEMBER_WORDS | set().union(*(self.stems[m.id] for m in chosen))
        coverage = 1.0 if joined else max(0.9, _coverage(self.lexicon, set(q.topic), explained))
        return Draft(text, [member_source(m) for m in chosen], coverage=coverage,
                     focus={"kind": "members", "ids": [m.id for m in chosen]})

    def _describe(self, q: Query, members: list[Member]) -> Draft:
        lines = [_card(m) for m in members]
        name_stems = set().union(*(set(content_stems(m.name)) for m in members))
        explained = name_stems | set().union(*(self.stems[m.id] for m in members)) | MEMBER_WORDS
        coverage = min(1.0, _coverage(self.lexicon, set(q.topic), explained, bonus=0.3))  # named: the subject,
        if q.has("participants"):  # but a member has no attendance ("la visite chez X, ça a réuni combien ?")
            coverage = min(coverage, 0.5)
        draft = Draft("\n".join(lines), [member_source(m) for m in members], coverage=coverage,
                      focus={"kind": "members", "ids": [m.id for m in members]})
        if len(members) == 1 and q.has("count") and not re.search(r"\d", f"{members[0].activity} {members[0].notes}"):
            # "Phytopolis, ils ont planté combien d'arbres ?": the description holds no number to give
            draft.text = "Le bilan ne donne pas ce chiffre. Ce qu'il dit de ce membre : " + draft.text
            draft.abstained, draft.reason = True, "aucun chiffre dans la description du membre"
        return draft

    def _who(self, q: Query, seeks: bool = False) -> Draft | None:
        among = {s for pattern in (AMONG_MEMBERS, IS_MEMBER) for m in pattern.finditer(q.folded)
                 for s in content_stems(m.group())}  # "dans le réseau", "fait partie du cluster"
        wanted = set(q.topic) - MEMBER_WORDS - among
        if doing := {stem(w) for w in WORKS_ON.findall(q.folded)}:  # "qui fabrique des composteurs ?": the thing made
            wanted = wanted - doing or wanted
        themes = set(q.themes)
        scored, worded = [], set()
        period = q.dates.period
        for m in self.members:
            if period and not (m.validated_on and period.contains(m.validated_on)):
                continue
            hit = related(wanted, self.stems[m.id])
            if hit - THEME_STEMS:  # words of its activity, not only the name of its sector
                worded.add(m.id)
            if themes & {fold(s) for s in m.sectors} or hit:
                scored.append((self.lexicon.weight(hit) + 3 * len(themes & {fold(s) for s in m.sectors}), m))
        scored.sort(key=lambda x: -x[0])
        best = scored[0][0] if scored else 0.0
        # no member's description holds most of what is asked ("du matos pour les routes"): read it by meaning
        asked = self.lexicon.weight(wanted - FRAMING) + sum(self.lexicon.idf("") for _ in q.unknown)
        described = best < 0.5 * asked and (seeks or MEMBERS_PROPER & set(q.topic) or WORKS_ON.search(q.folded)
                                            or DOES.match(q.folded))
        first = [m for x, m in scored if x == best]  # those its words point to most
        tied = len(first) > 1
        # the description embedded once, for any of three uses
        near = self._nearness(q, wanted) if best < asked and (described or 0 < len(first) <= 3) or tied else None
        nearest = None if near is None else (self.members[int(np.argmax(near))], bool(
            near.max() >= MEANING_SIMILARITY and near.max() - np.sort(near)[-2] >= MEANING_LEAD))
        if described and nearest and nearest[1] and (draft := self._described(q, nearest[0])):
            if seeks:  # someone sought for what they do: the members answer it, not a passage that uses its words
                draft.coverage = 0.9
            return draft
        # the member its words point to most is also the nearest by meaning: that tells what the other words mean
        # (words, not only a sector: "qui fait du dessalement d'eau de mer ?" names the water sector of two members,
        # neither near); of a few its words point to alike, the nearest must be near by half the measure of a member
        # found by meaning alone
        confirmed = bool(nearest and nearest[0] in first and nearest[0].id in worded and (
            len(first) == 1 or len(first) <= 3 and near.max() >= MEANING_SIMILARITY / 2))
        if not scored:
            return self._none_sought(q, []) if seeks else None
        if tied and near is not None:  # members the words point to alike: the nearest by meaning first
            index = {m.id: i for i, m in enumerate(self.members)}
            scored.sort(key=lambda x: (-x[0], -near[index[x[1].id]]))
        chosen = [m for s, m in scored if s >= 0.5 * best][:15]
        # one member found: its whole card ("… Interlocuteur cité dans le bilan : …")
        lines = [f"- {_card(chosen[0])}"] if len(chosen) == 1 else \
            [f"- {m.name}" + (f" : {m.activity.rstrip('.')}" if m.activity else "") for m in chosen]
        explained = set().union(*(related(wanted, self.stems[m.id]) for m in chosen)) | MEMBER_WORDS | among \
            | {stem(t) for t in themes}
        explained |= {stem(w) for w in WORKS_ON.findall(q.folded)}  # "qui travaille sur …" says how, not what
        explained |= {stem(w) for t in themes for w in THEME_WORDS.get(t, [])}
        years = sorted({m.validated_on.year for m in self.members if m.validated_on})
        which = f" (adhésions validées en {', '.join(map(str, years))})" if years else ""
        text = (f"Parmi les membres décrits dans la base{which}, "
                f"{len(chosen)} correspond{'ent' if len(chosen) > 1 else ''} :\n" + "\n".join(lines))
        # members found by their sector alone: a word the base does not know is what is asked ("spécialisé dans le
        # dessalement d'eau de mer": "eau" is not it)
        unknown = [] if {m.id for m in chosen} & worded else q.unknown
        # what a request asks of a member (not of another kind of thing: "lequel des DIS s'occupe de …")
        heads, qualifiers, defining, verbs = sought(q.folded) if not _asks_other_than_a_member(q.folded) \
            else ([], [], [], [])
        done = set().union(*(self.stems[m.id] for m in chosen))
        found = [h for h in heads + verbs if related({stem(h)}, done)]
        if heads and set(heads + qualifiers) & set(q.unknown) and (
                set(defining) & set(q.unknown) or not related(set(map(stem, heads + qualifiers + verbs)), done)):
            # "une entreprise d'élagage", "des solutions de cybersécurité" (not "des bacs à compost" of a maker of
            # composters): what is sought is nowhere in the base, no passage holds it either
            return self._none_sought(q, chosen, certain=True)
        # what is sought ("qui vend des sacs …") is what they do: the words around it say what for, where, who asks
        # ("… pour ramasser les restes de repas à la cantine"), those the base lacks too
        unknown = [w for w in unknown if w in heads] if found else unknown
        coverage = _coverage(self.lexicon, set(q.topic), explained, unknown=len(unknown))
        if found:
            coverage = max(coverage, 0.9)
        if confirmed:
            coverage = max(coverage, 0.9 if seeks else 0.8)
        elif seeks and coverage < SOUGHT_COVERAGE:
            return self._none_sought(q, chosen)
        return Draft(text, [member_source(m) for m in chosen], coverage=coverage,
                     focus={"kind": "members", "ids": [m.id for m in chosen], "described": confirmed,
                            "sought": bool(found)})

    def _nearness(self, q: Query, wanted: set[str]) -> np.ndarray | None:
        """How near by meaning each member's activity is to what the question describes ("qui fait du matos pour
        les routes ?" -> revêtement de voirie), relative to how near it is to any of the base's words."""
        skip = MEMBER_WORDS | NEWCOMERS | JOINING | FRAMING
        words = [w for w in re.findall(r"[\w-]+", q.folded) if (stem(w) in wanted or stem(w) in q.hints or w in q.unknown
                                                            or english_content(w))
                 and stem(w) not in skip and not ASKING.fullmatch(w) and not WORKS_ON.fullmatch(w) and w != "genre"
                 and max(zipf(w, "fr"), zipf(w, "en")) < SAYS_LITTLE_ZIPF]
        if not self.embedder or len(self.members) < 2 or not words:
            return None
        if self._activities is None:
            texts, owners = [], []
            for i, m in enumerate(self.members):
                whole = m.activity or m.name
                parts = [p.strip() for p in ACTIVITY_PARTS.split(whole) if len(p.split()) >= PART_WORDS and p.strip() != whole]
                for text in [whole, *parts]:  # the whole first
                    texts.append(f"{text} {' '.join(m.sectors)}")
                    owners.append(i)
            self._activities = np.asarray(self.embedder.get_text_embedding_batch(texts), dtype=np.float32)
            self._owners = np.asarray(owners)
            words_near = self._activities @ self.lexicon.meaning.vectors.T if self.lexicon.meaning else None
            self._hubness = np.sort(words_near, axis=1)[:, -HUB_NEIGHBOURS:].mean(axis=1) \
                if words_near is not None and words_near.shape[1] else np.zeros(len(texts), np.float32)
        near = self._activities @ np.asarray(self.embedder.get_query_embedding(" ".join(words)), dtype=np.float32) \
            - self._hubness
        nearest_part = np.full(len(self.members), -np.inf, np.float32)
        np.maximum.at(nearest_part, self._owners, near)
        whole = near[np.searchsorted(self._owners, np.arange(len(self.members)))]  # each member's first text
        near = (whole + nearest_part) / 2
        if sum(map(english_content, words)) >= ENGLISH_SHARE * len(words):  # a description in English words
            near = MEANING_SIMILARITY + (near - ENGLISH_SIMILARITY) * MEANING_LEAD / ENGLISH_LEAD
        return near

    @staticmethod
    def _none_sought(q: Query, partial: list[Member], certain: bool = False) -> Draft:
        """Someone sought that no member's description matches: said so, with those sharing some of its words;
        `certain` when the base holds nothing of what is sought."""
        text = "Je ne trouve pas de membre qui fasse cela dans la base du Cluster EMS."
        if partial:
            text += " Leur description en partage quelques mots, sans y répondre : " \
                + ", ".join(m.name for m in partial[:5]) + "."
        return Draft(text, [member_source(m) for m in partial[:5]], True, 1.0 if certain else 0.85,
                     {"kind": "members", "ids": [m.id for m in partial[:5]]}, "aucun membre ne fait ce qui est cherché")

    @staticmethod
    def _described(q: Query, m: Member) -> Draft | None:
        """A member found by meaning, said to be the nearest (not a match), if it joined in the period asked."""
        period = q.dates.period
        if period and not (m.validated_on and period.contains(m.validated_on)):
            return None
        return Draft(f"Le membre dont l'activité s'en rapproche le plus : {_card(m)}", [member_source(m)],
                     coverage=0.8, focus={"kind": "members", "ids": [m.id], "described": True})


def _asks_other_than_a_member(folded: str) -> bool:
    """"Lequel des DIS s'occupe de …", "quel secteur revient le plus ?": the question asks for a thing of another kind
    than a member (not "quelle entreprise", "quel bureau d'études")."""
    kind = re.search(r"\b(?:quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles) (?:des |de |du |d')?([a-z]{2,})",
                     folded)
    return bool(kind) and stem(kind.group(1)) not in MEMBER_WORDS and not re.fullmatch(PROVIDERS, kind.group(1))


def sought(folded: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """What a request for a member seeks: the nouns naming it, the words qualifying them, of those the ones that
    define it (an adjective, a complement with "de"; "en", "à" may say where or what for), and the verbs saying what
    is done to it. "qui vend des sacs en papier pour ramasser les restes de repas ?" -> ["sacs"], ["papier"], [], [];
    "qqn qui gère des entrepôts / plateformes logistiques ?" -> ["entrepots", "plateformes"], ["logistiques"],
    ["logistiques"], []; "qui sait modéliser et suivre les déblais ?" -> ["deblais"], [], [], ["modeliser",
    "suivre"]; a kind of provider is passed over for what it provides ("une entreprise d'élagage" -> ["elagage"])."""
    for m in _SOUGHT.finditer(folded):
        if m.group("verb") and (m.group("verb") in STOPWORDS or re.fullmatch(PROVIDERS, m.group("verb"))):
            continue  # "qui dans le réseau …", "qui est …": no verb of doing
        words = [m.group("head")] + re.findall(r"(?:/\s*|\b(?:ou|et)\s+)(?:" + _DETERMINER + r")?([a-z][\w-]*)",
                                                m.group("more") or "")
        words = [w for w in words if w not in STOPWORDS and w != "responsable" and not re.fullmatch(PROVIDERS, w)
                 and stem(w) not in MEMBER_WORDS]
        heads, qualifiers, defining = [], [], []
        for word in words:
            qualifier, joined = _qualifier(folded, word, m.start())
            # a word said of anything is told by what follows, all of it: "de gros chantiers d'infrastructures",
            # "des pièces préfabriquées en béton"
            told, passed = zipf(word) >= NAME_WORD_ZIPF, {word}
            while zipf(word) >= NAME_WORD_ZIPF and qualifier and qualifier not in passed:  # a word met twice ends it
                word, (qualifier, joined) = qualifier, _qualifier(folded, qualifier, m.start())
                passed.add(word)
            if zipf(word) < NAME_WORD_ZIPF:
                heads += [word, qualifier] if told and qualifier else [word]
                qualifiers += [qualifier] if qualifier and not told else []
                defining += [qualifier] if qualifier and not told and joined in ("", "de ", "d'") else []
        if heads:
            # the verbs that say what is done ("qui sait modéliser et suivre les déblais"), not those said of any work
            verbs = [v for v in (m.group("verb"), m.group("verb2")) if v and not WORKS_ON.fullmatch(v)]
            return heads, qualifiers, defining, verbs
    return [], [], [], []


def _qualifier(folded: str, word: str, start: int) -> tuple[str | None, str]:
    """The word qualifying `word` where it stands after `start`, and the preposition between them: "sacs en papier",
    "bacs à compost", "toitures végétalisées"."""
    q = re.compile(rf"\b{re.escape(word)}\s+(de |d'|en |a |au |aux )?([a-z][\w-]*)").search(folded, start)
    if q and q.group(2) not in STOPWORDS and q.group(2) != "responsable":
        return q.group(2), q.group(1) or ""
    return None, ""


def _people(m: Member) -> list[str]:
    """Folded ways to name the people a member's notes cite ("Interlocuteur : Henri Chantepie"): the full name,
    and the surname; the surname is no common word ("Voisin" is one, "Grand Paris" a place)."""
    names = []
    for person in re.findall(r"\b[A-ZÀ-Ý][\w'-]+(?: [A-ZÀ-Ý][\w'-]+)+", m.notes):
        if zipf(surname := fold(person.split()[-1])) < COMMON_ZIPF:  # "Grand Paris" is a place
            names += [fold(person)] + ([surname] if len(surname) >= 5 else [])
    return names


def _activity_stems(m: Member) -> set[str]:
    """The stems of what a member does, without its own name written in it: "Tadjine Aïda et Simon Morin" in the
    notes says who, and "aïda" would read as "aider"."""
    text = f"{m.activity} {' '.join(m.sectors)} {m.kind} {m.notes}"
    # a name's long words of the language tell what it does ("Institut de la Transition Foncière"), not a first name
    # ("Aïda") nor an everyday word ("Est Ensemble")
    named = {fold(w) for w in re.findall(r"\w+", m.name) if len(w) < 6 or not 0 < zipf(fold(w)) < NAME_WORD_ZIPF}
    proper = {stem(fold(w)) for w in re.findall(r"\b[^\W\d_a-z]\w+", text) if fold(w) in named}
    return set(content_stems(canonical(text))) - proper


def _card(m: Member) -> str:
    """What the base says of a member, in one paragraph."""
    kind = f" ({m.kind})" if m.kind else ""
    if m.activity and fold(m.activity).startswith(fold(m.name)):
        line = m.activity.rstrip(".") + "."  # the activity already names the member
    else:
        line = f"{m.name}{kind} : {m.activity.rstrip('.')}." if m.activity else f"{m.name}{kind}."
    if m.notes and len(m.notes) <= 160:
        line += f" {m.notes.rstrip('.')}."
    if m.validated_by:
        when = f" ({format_date(m.validated_on)})" if m.validated_on else ""
        line += f" Nouveau membre validé par : {m.validated_by}{when}."
    return line


def _coverage(lexicon: Lexicon, topic: set[str], explained: set[str], bonus: float = 0.0, unknown: int = 0) -> float:
    total = lexicon.weight(topic)
    if not total:
        return 0.5 + bonus
    return lexicon.weight(topic & explained) / (total + unknown * lexicon.idf("")) + bonus
