"""Conversation memory: the last turns of each conversation, bounded, expiring, shared via SQLite.

Several server worker processes answer the same conversation, so memory lives in one SQLite file
under the data dir (see assistant.sqlitedb) rather than in a process.
"""
from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.sqlitedb import connect, initialise, transaction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    last_used REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_last_used ON conversations (last_used);
CREATE TABLE IF NOT EXISTS turns (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    state TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_conversation ON turns (conversation_id, seq);
"""


@dataclass
class Turn:
    """One question/answer exchange; `state` is whatever JSON-serialisable context the engine keeps."""

    question: str
    answer: str
    state: dict = field(default_factory=dict)
    at: float = field(default_factory=time.time)


class ConversationStore:
    """Keeps the last `max_turns` turns per conversation; a conversation unused for `ttl_seconds` is gone."""

    def __init__(
        self,
        path: Path,
        max_turns: int = 10,
        ttl_seconds: float = 86400,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_turns < 1:
            raise ValueError("max_turns must be at least 1")
        self.path = Path(path)
        self.max_turns = max_turns
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        initialise(self.path, _SCHEMA)

    @classmethod
    def from_settings(cls, settings) -> ConversationStore:
        return cls(
            Path(settings.data_dir) / "conversations.sqlite3",
            max_turns=settings.conversation_turns,
            ttl_seconds=settings.conversation_ttl_hours * 3600,
        )

    def new_id(self) -> str:
        return uuid.uuid4().hex

    def history(self, conversation_id: str) -> list[Turn]:
        """The kept turns, oldest first; [] for an unknown or expired conversation."""
        with connect(self.path) as conn:
            row = conn.execute(
                "SELECT last_used FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
            if row is None or self._expired(row[0]):
                return []
            rows = conn.execute(
                "SELECT question, answer, state, at FROM turns WHERE conversation_id = ? ORDER BY seq",
                (conversation_id,),
            ).fetchall()
        return [Turn(question=q, answer=a, state=json.loads(s), at=at) for q, a, s, at in rows]

    def append(self, conversation_id: str, turn: Turn) -> None:
        """Add a turn, keep only the last `max_turns`, and drop every expired conversation."""
        state = json.dumps(turn.state, ensure_ascii=False)
        now = self._clock()
        with transaction(self.path) as conn:
            # Purging first means an expired conversation restarts empty instead of resurrecting.
            expired = "SELECT id FROM conversations WHERE last_used < ?"
            cutoff = (now - self.ttl_seconds,)
            conn.execute(f"DELETE FROM turns WHERE conversation_id IN ({expired})", cutoff)
            conn.execute("DELETE FROM conversations WHERE last_used < ?", cutoff)
            conn.execute(
                "INSERT INTO turns (conversation_id, question, answer, state, at) VALUES (?, ?, ?, ?, ?)",
                (conversation_id, turn.question, turn.answer, state, turn.at),
            )
            conn.execute(
                "INSERT INTO conversations (id, last_used) VALUES (?, ?) "
                "ON CONFLICT (id) DO UPDATE SET last_used = excluded.last_used",
                (conversation_id, now),
            )
            conn.execute(
                "DELETE FROM turns WHERE conversation_id = ? AND seq NOT IN "
                "(SELECT seq FROM turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?)",
                (conversation_id, conversation_id, self.max_turns),
            )

    def forget(self, conversation_id: str) -> None:
        with transaction(self.path) as conn:
            conn.execute("DELETE FROM turns WHERE conversation_id = ?", (conversation_id,))
            conn.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    def _expired(self, last_used: float) -> bool:
        return self._clock() - last_used > self.ttl_seconds
