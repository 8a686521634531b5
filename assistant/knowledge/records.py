"""Typed records (events, members, figures): the exact side of the knowledge base.

Ingestion recognises them in tables and YAML/JSON files by their columns or keys and
persists them as one JSON file beside the vector store; the answer engine loads them
to count, sum, filter and look up exactly.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from pathlib import Path

RECORDS_FILE = "records.json"


@dataclass
class Event:
    id: str
    date: date
    title: str
    organisation: str = ""  # "organisation" (organised by the cluster) or "co-organisation"
    type_code: str = ""  # e.g. "WP4"
    type_label: str = ""  # e.g. "Visite"
    themes: list[str] = field(default_factory=list)  # among eau, sols, milieux, biodéchets
    participants: int | None = None
    participants_other: int | None = None  # another count the report gives for it (a garbled or repeated line)
    notes: str = ""
    source: str = ""


@dataclass
class Member:
    id: str
    name: str
    kind: str = ""  # PME, personne qualifiée, collectivité, ...
    activity: str = ""
    sectors: list[str] = field(default_factory=list)
    validated_by: str = ""  # e.g. "Bureau du 5 septembre 2024"
    validated_on: date | None = None
    notes: str = ""
    source: str = ""


@dataclass
class Figure:
    id: str
    metric: str  # human label, e.g. "Abonnés LinkedIn"
    period: str  # "2024", "2024-09", or "" when timeless
    value: float
    unit: str = ""  # "", "%", "€", ...
    group: str = ""  # table it comes from, e.g. "Chiffres clés"
    note: str = ""
    source: str = ""
    aliases: list[str] = field(default_factory=list)  # other names users give the metric


@dataclass
class Guide:
    id: str  # slug of the file name, e.g. "gestion-durable-des-sols"
    title: str
    format: str = ""  # e.g. "demi-journée"
    audience: str = ""
    themes: list[str] = field(default_factory=list)
    dis: list[str] = field(default_factory=list)
    summary: str = ""
    body: str = ""  # the Markdown body
    source: str = ""

    def facts(self) -> list[tuple[str, str]]:
        """What a reader wants first, as French label/value pairs; empty ones left out."""
        pairs = (("Format", self.format), ("Public", self.audience), ("Thèmes", ", ".join(self.themes)),
                 ("DIS", ", ".join(self.dis)))
        return [(label, value) for label, value in pairs if value]


@dataclass
class RecordSet:
    events: list[Event] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    guides: list[Guide] = field(default_factory=list)

    def extend(self, other: "RecordSet") -> None:
        self.events += other.events
        self.members += other.members
        self.figures += other.figures
        self.guides += other.guides

    def counts(self) -> dict[str, int]:
        return {k: len(getattr(self, k)) for k in _KINDS}

    def save(self, data_dir: Path) -> None:
        """Atomic write: a crash mid-way leaves the previous file intact."""
        data_dir.mkdir(parents=True, exist_ok=True)
        payload = {k: [_dump(r) for r in getattr(self, k)] for k in _KINDS}
        fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".records-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, data_dir / RECORDS_FILE)

    @classmethod
    def load(cls, data_dir: Path) -> "RecordSet":
        path = data_dir / RECORDS_FILE
        if not path.exists():
            return cls()
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{k: [_load(t, d) for d in raw.get(k, [])] for k, t in _KINDS.items()})


_KINDS = {"events": Event, "members": Member, "figures": Figure, "guides": Guide}


def _dump(obj) -> dict:
    d = asdict(obj)
    for k, v in d.items():
        if isinstance(v, date):
            d[k] = v.isoformat()
    return d


def _load(cls, d: dict):
    names = {f.name for f in fields(cls)}
    kw = {k: v for k, v in d.items() if k in names}
    for k in ("date", "validated_on"):
        if isinstance(kw.get(k), str) and kw[k]:
            kw[k] = date.fromisoformat(kw[k])
    return cls(**kw)
