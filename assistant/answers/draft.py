"""What an answering strategy produces before the service wraps it: text, sources, and what it covered."""
from __future__ import annotations

from dataclasses import dataclass, field

from assistant.knowledge.records import Event, Figure, Guide, Member
from assistant.answer import Source

NOT_FOUND = "Je ne trouve pas cette information dans la base du Cluster EMS."


@dataclass
class Draft:
    text: str
    sources: list[Source] = field(default_factory=list)
    abstained: bool = False
    coverage: float = 0.0  # share of the question's topic (rarity-weighted) this answer explains
    focus: dict = field(default_factory=dict)  # what follow-ups refer to: {"kind": ..., "ids": [...]}
    reason: str = ""  # why it abstained (for the staff log) or found nothing


def abstain(text: str = NOT_FOUND, reason: str = "") -> Draft:
    return Draft(text, [], True, 0.0, {}, reason or text)


def event_source(e: Event, excerpt: str) -> Source:
    return Source(id=e.id, title=e.title, kind="event", excerpt=excerpt + _documents(e.source),
                  date=e.date.isoformat(), score=1.0)


def _documents(source: str) -> str:
    """A record read from several documents names them all (see record_merge)."""
    return f" (sources : {source.replace(' ; ', ', ')})" if " ; " in source else ""


def member_source(m: Member) -> Source:
    return Source(id=m.id, title=m.name, kind="member", excerpt=m.activity,
                  date=m.validated_on.isoformat() if m.validated_on else None, score=1.0)


def figure_source(f: Figure, excerpt: str) -> Source:
    return Source(id=f.id, title=f.metric, kind="figure", excerpt=excerpt + _documents(f.source), date=None,
                  score=1.0)


def guide_source(g: Guide, excerpt: str, score: float = 1.0) -> Source:
    return Source(id=g.id, title=g.title, kind="guide", excerpt=excerpt, date=None, score=score)
