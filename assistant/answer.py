"""What an answer is, as every adapter receives it: the text, its sources, whether it abstained."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Source:
    id: str
    title: str
    kind: str  # event, member, figure, guide, document, ...
    excerpt: str
    date: str | None = None  # ISO date when the source has one
    score: float = 0.0


@dataclass
class Answer:
    answer: str
    sources: list[Source] = field(default_factory=list)
    abstained: bool = False
    conversation_id: str = ""

    def to_dict(self) -> dict:
        return asdict(self)
