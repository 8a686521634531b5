"""What the Telegram bot says and reads: its French texts, answers and records rendered as
compact HTML messages split to fit, and the period argument of /evenements.

Everything that comes from the knowledge base goes through esc() (html.escape), so a name such as
"Eau & Sols <SAS>" can never break Telegram's HTML parse mode. Tags are only put around short
single-line labels, which is what lets split_message cut long texts safely.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from html import escape as html_escape

from assistant.answer import Answer
from assistant.reading.dates import MONTH_NAMES as MONTHS
from assistant.reading.dates import format_date
from assistant.knowledge.records import Event, Guide, Member
from assistant.agenda.reminders import Notice

TELEGRAM_MAX_CHARS = 4096
MAX_SOURCES = 3
MAX_LISTED = 15

COMMANDS = (
    ("start", "Présentation et questions pour commencer"),
    ("aide", "Ce que je sais faire"),
    ("evenements", "Événements à venir, ou d'une période : /evenements novembre 2024"),
    ("membres", "Chercher un membre : /membres biodéchets"),
    ("guides", "Les guides-formations du cluster"),
    ("dis", "Les domaines d'intérêt stratégique (DIS)"),
    ("nouveau", "Nouvelle conversation (j'oublie le contexte)"),
    ("abonner", "Rappels des événements : /abonner ou /abonner eau"),
    ("desabonner", "Ne plus recevoir les rappels"),
)
STARTER_QUESTIONS = (
    "Combien de participants au Forum Eau ?",
    "Quels événements en novembre 2024 ?",
    "Combien de membres compte le cluster ?",
    "Que recouvre le DIS Eau ?",
)
DIS_QUESTION = "Quels sont les domaines d'intérêt stratégique (DIS) du cluster ?"

WELCOME = (
    "<b>Bonjour ! Je suis l'assistant du Cluster Eau-Milieux-Sols.</b>\n\n"
    "Posez-moi vos questions en français sur le cluster : ses événements passés et à venir, "
    "ses membres, ses guides-formations, ses domaines d'intérêt stratégique et ses chiffres clés. "
    "Je cite mes sources, et je vous le dis quand une information n'est pas dans la base.\n\n"
    "Pour commencer, touchez une question ci-dessous ou tapez /aide."
)
HELP = (
    "<b>Ce que je sais faire</b>\n"
    "Écrivez simplement votre question, par exemple « Combien de membres en 2022 ? » "
    "puis « et l'année d'avant ? » : je garde le fil de la conversation.\n\n"
    "/evenements — les prochains événements ; /evenements novembre 2024 ou /evenements 2024 "
    "pour une période, /evenements visite pour un mot-clé\n"
    "/membres &lt;mot-clé&gt; — les membres (nom, activité, secteur)\n"
    "/guides — les guides-formations\n"
    "/dis — les domaines d'intérêt stratégique\n"
    "/nouveau — repartir d'une conversation vierge\n"
    "/abonner [thème] — chaque lundi le programme des deux semaines à venir, et un rappel la veille "
    "de chaque événement (/abonner sols pour un seul thème) ; /desabonner pour arrêter\n\n"
    "Dans un groupe, mentionnez-moi (@{username}) ou répondez à l'un de mes messages."
)
REFUSED = ("Désolé, ce bot est réservé aux membres du Cluster Eau-Milieux-Sols et n'est pas "
           "ouvert dans cette conversation. Contactez l'équipe du cluster pour y avoir accès.")
RATE_LIMITED = ("Doucement 🙂 Vous m'envoyez beaucoup de messages : je reprends dans une minute.")
APOLOGY = "Désolé, une erreur m'a empêché de répondre. Réessayez dans un instant."
FORGOTTEN = "C'est noté : nouvelle conversation. Posez votre question."
UNKNOWN_COMMAND = "Je ne connais pas cette commande. Tapez /aide pour voir ce que je sais faire."
EMPTY_QUESTION = "Oui ? Posez-moi votre question sur le cluster."
STALE_BUTTON = "Ce bouton n'est plus valable."
SUBSCRIBED = ("C'est noté{theme} : chaque lundi à 9 h, je vous envoie les événements des deux "
              "semaines à venir, et un rappel la veille de chaque événement. /desabonner pour arrêter.")
UNSUBSCRIBED = "C'est fait : vous ne recevrez plus de rappels. /abonner pour les retrouver."
NOT_SUBSCRIBED = "Vous n'êtes pas abonné aux rappels. /abonner pour les recevoir."
ADD_TO_CALENDAR = "Ajouter à mon agenda"
MISSING_TOKEN = (
    "Erreur : la variable d'environnement TELEGRAM_BOT_TOKEN n'est pas définie.\n"
    "Créez un bot auprès de @BotFather sur Telegram, puis : export TELEGRAM_BOT_TOKEN=\"<jeton>\""
)

_FILLER_WORDS = {"en", "de", "du", "des", "d", "le", "la", "les", "l", "au", "aux", "pour",
                 "mois", "annee", "an"}


# A cut must never fall inside a tag ("<b>") or an entity ("&amp;").
_TAG_OR_ENTITY = re.compile(r"<[^<>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


def esc(text: str) -> str:
    """Escape for Telegram HTML: &, < and > (quotes need no escaping outside tags)."""
    return html_escape(text, quote=False)


def format_answer(answer: Answer, question: str | None = None) -> str:
    """The answer text, then up to MAX_SOURCES distinct sources on one line each."""
    parts = []
    if question:
        parts.append(f"<i>« {esc(question)} »</i>")
    parts.append(esc(answer.answer.strip()))
    if not answer.abstained:
        lines = []
        seen: set[str] = set()
        for source in answer.sources:
            if source.title in seen:
                continue
            seen.add(source.title)
            label = esc(source.title)
            if source.date:
                label += f" ({esc(_iso_to_french(source.date))})"
            lines.append(f"• {label}")
            if len(lines) == MAX_SOURCES:
                break
        if lines:
            parts.append("<i>Sources :</i>\n" + "\n".join(lines))
    return "\n\n".join(parts)


def format_events(events: list[Event], heading: str, with_notes: bool = False,
                  link: Callable[[Event], str] | None = None) -> str:
    """A dated list of events, the first MAX_LISTED of them, with participants (and notes, which
    matter for events to come: "reporté au 7 janvier"), each with its calendar link if given."""
    lines = [f"<b>{esc(heading)}</b> ({len(events)})"]
    for event in sorted(events, key=lambda e: e.date)[:MAX_LISTED]:
        details = [d for d in (event.type_label, _participants(event.participants)) if d]
        line = f"• <b>{esc(format_date(event.date))}</b> — {esc(event.title)}"
        if details:
            line += f" ({esc(', '.join(details))})"
        if with_notes and event.notes:
            line += f"\n  <i>{esc(event.notes)}</i>"
        if link is not None:
            line += f'\n  📅 <a href="{html_escape(link(event))}">{ADD_TO_CALENDAR}</a>'
        lines.append(line)
    if len(events) > MAX_LISTED:
        lines.append(f"… et {len(events) - MAX_LISTED} autres : précisez la période, "
                     "par exemple /evenements novembre 2024.")
    return "\n".join(lines)


def format_subscribed(theme: str | None) -> str:
    return SUBSCRIBED.format(theme=f" pour le thème « {esc(theme)} »" if theme else "")


def format_notice(notice: Notice, link: Callable[[Event], str]) -> str:
    """A digest ("Vos événements du 9 au 22 septembre 2024") or a reminder ("Rappel : demain")."""
    theme = f" — {notice.theme}" if notice.theme else ""
    if notice.kind == "digest":
        heading = f"Vos événements du {_span(notice.start, notice.end)}{theme}"
    else:
        heading = f"Rappel : demain, {format_date(notice.start)}{theme}"
    footer = "\n\n<i>Vous recevez ce message car vous êtes abonné. /desabonner pour arrêter.</i>"
    return format_events(notice.events, heading, with_notes=True, link=link) + footer


def format_members(members: list[Member], heading: str) -> str:
    """Name, kind, activity and validation of each member (never contact details)."""
    lines = [f"<b>{esc(heading)}</b> ({len(members)})"]
    for member in members[:MAX_LISTED]:
        line = f"• <b>{esc(member.name)}</b>"
        if member.kind:
            line += f" ({esc(member.kind)})"
        if member.activity:
            line += f" — {esc(member.activity)}"
        if member.validated_by:
            line += f"\n  <i>Validé : {esc(member.validated_by)}</i>"
        lines.append(line)
    if len(members) > MAX_LISTED:
        lines.append(f"… et {len(members) - MAX_LISTED} autres : affinez le mot-clé.")
    return "\n".join(lines)


def format_guides(guides: list[Guide]) -> str:
    lines = [f"<b>Guides-formations</b> ({len(guides)})"]
    for guide in guides:
        details = [d for d in (guide.format, guide.audience) if d]
        line = f"• <b>{esc(guide.title)}</b>"
        if details:
            line += f" — {esc(' · '.join(details))}"
        lines.append(line)
    lines.append("\nTouchez un guide pour en voir le résumé.")
    return "\n".join(lines)


def format_guide(guide: Guide) -> str:
    lines = [f"<b>{esc(guide.title)}</b>"]
    lines += [f"<i>{label} :</i> {esc(value)}" for label, value in guide.facts()]
    if guide.summary:
        lines.append("\n" + esc(guide.summary.strip()))
    return "\n".join(lines)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # e.g. "novembre 2024"
    rest: str  # what the text says beside the period, e.g. "visite"


def parse_period(text: str, today: date) -> Period | None:
    """A month or a year in a command argument: "novembre 2024", "2024", "11/2024", "2024-11",
    "novembre" (this year). None when the text names no period."""
    folded = "".join(_fold(char) for char in text)  # same length as text: spans carry over
    month_names = "|".join(_fold_word(m) for m in MONTHS)
    patterns = (
        r"\b(?P<year>\d{4})-(?P<month>\d{1,2})\b",
        r"\b(?P<month>\d{1,2})/(?P<year>\d{4})\b",
        rf"\b(?P<name>{month_names})\b(?:\s+(?P<year>\d{{4}})\b)?",
        r"\b(?P<year>(?:19|20)\d{2})\b",
    )
    for pattern in patterns:
        match = re.search(pattern, folded)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"]) if groups.get("year") else today.year
        if groups.get("name"):
            month: int | None = [_fold_word(m) for m in MONTHS].index(groups["name"]) + 1
        else:
            month = int(groups["month"]) if groups.get("month") else None
        if month is not None and not 1 <= month <= 12:
            continue
        words = re.findall(r"\w+", text[:match.start()] + " " + text[match.end():])
        rest = " ".join(w for w in words if _fold_word(w) not in _FILLER_WORDS)
        if month is None:
            return Period(date(year, 1, 1), date(year, 12, 31), str(year), rest)
        last_day = calendar.monthrange(year, month)[1]
        return Period(date(year, month, 1), date(year, month, last_day),
                      f"{MONTHS[month - 1]} {year}", rest)
    return None


def _fold(char: str) -> str:
    return unicodedata.normalize("NFD", char.lower())[0]


def _fold_word(word: str) -> str:
    return "".join(_fold(char) for char in word)


def split_message(text: str, limit: int = TELEGRAM_MAX_CHARS) -> list[str]:
    """Cut text into messages of at most `limit` UTF-16 units (Telegram's unit).

    Paragraph boundaries first, then line boundaries, then a hard cut that avoids
    splitting a tag or an entity. Pieces keep their order; blank separators are dropped.
    """
    chunks: list[str] = []
    current = ""
    for piece in _pieces(text, limit):
        candidate = f"{current}{piece.separator}{piece.text}" if current else piece.text
        if _units(candidate) <= limit:
            current = candidate
        else:
            if current:
                chunks.append(current)
            current = piece.text
    if current:
        chunks.append(current)
    return chunks


class _Piece:
    __slots__ = ("text", "separator")

    def __init__(self, text: str, separator: str) -> None:
        self.text = text
        self.separator = separator


def _pieces(text: str, limit: int) -> Iterable[_Piece]:
    """Paragraphs, or their lines, or hard-cut parts of a line: each fits within limit."""
    for paragraph in re.split(r"\n{2,}", text.strip()):
        if _units(paragraph) <= limit:
            yield _Piece(paragraph, "\n\n")
            continue
        first_line = True
        for line in paragraph.split("\n"):
            separator = "\n\n" if first_line else "\n"
            first_line = False
            for part in _hard_cut(line, limit):
                yield _Piece(part, separator)
                separator = ""


def _hard_cut(line: str, limit: int) -> list[str]:
    parts = []
    while _units(line) > limit:
        cut = _fit(line, limit)
        # Prefer the last space before the cut, unless it would leave a tiny piece.
        space = line.rfind(" ", 0, cut)
        if space > cut // 2:
            cut = space + 1
        for match in _TAG_OR_ENTITY.finditer(line):
            if match.start() >= cut:
                break
            if cut < match.end():
                cut = match.start()
                break
        cut = cut or _fit(line, limit)
        parts.append(line[:cut])
        line = line[cut:]
    if line:
        parts.append(line)
    return parts


def _fit(text: str, limit: int) -> int:
    """The longest prefix length (in code points) whose UTF-16 length is within limit."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return max(index, 1)
    return len(text)


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _span(start: date, end: date) -> str:
    """9 au 22 septembre 2024; 23 septembre au 6 octobre 2024; 30 décembre 2024 au 12 janvier 2025."""
    if start.year != end.year:
        return f"{format_date(start)} au {format_date(end)}"
    if start.month != end.month:
        return f"{format_date(start, with_year=False)} au {format_date(end)}"
    return f"{'1er' if start.day == 1 else start.day} au {format_date(end)}"


def _participants(count: int | None) -> str:
    if count is None:
        return ""
    return f"{count} participant{'s' if count > 1 else ''}"


def _iso_to_french(value: str) -> str:
    try:
        return format_date(date.fromisoformat(value[:10]))
    except ValueError:
        return value
