"""Questions the assistant abstained on, kept for staff to see what the knowledge base lacks."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from assistant.privacy import redact_contacts
from assistant.sqlitedb import connect, initialise

_SCHEMA = """
CREATE TABLE IF NOT EXISTS unanswered (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


class UnansweredLog:
    """Append-only SQLite log shared by all worker processes; contact details never reach the disk."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        initialise(self.path, _SCHEMA)

    @classmethod
    def from_settings(cls, settings) -> UnansweredLog:
        return cls(Path(settings.data_dir) / "unanswered.sqlite3")

    def record(self, question: str, conversation_id: str, reason: str) -> None:
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with connect(self.path) as conn:
            conn.execute(
                "INSERT INTO unanswered (question, conversation_id, reason, at) VALUES (?, ?, ?, ?)",
                (redact_contacts(question), conversation_id, reason, at),
            )

    def list(self, limit: int = 100) -> list[dict]:
        """The latest entries, newest first: dicts with id, question, conversation_id, reason, at."""
        with connect(self.path) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute(
                "SELECT id, question, conversation_id, reason, at FROM unanswered ORDER BY id DESC LIMIT ?",
                (max(0, limit),),
            ).fetchall()
        return [dict(row) for row in rows]
