"""Questions the assistant abstained on, kept for staff to see what the knowledge base lacks."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path

from assistant.privacy import redact_contacts

BUSY_TIMEOUT_SECONDS = 10.0

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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.executescript(_SCHEMA)

    @classmethod
    def from_settings(cls, settings) -> UnansweredLog:
        return cls(Path(settings.data_dir) / "unanswered.sqlite3")

    def record(self, question: str, conversation_id: str, reason: str) -> None:
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO unanswered (question, conversation_id, reason, at) VALUES (?, ?, ?, ?)",
                (redact_contacts(question), conversation_id, reason, at),
            )

    def list(self, limit: int = 100) -> list[dict]:
        """The latest entries, newest first: dicts with id, question, conversation_id, reason, at."""
        with self._connect() as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute(
                "SELECT id, question, conversation_id, reason, at FROM unanswered ORDER BY id DESC LIMIT ?",
                (max(0, limit),),
            ).fetchall()
        return [dict(row) for row in rows]

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # Autocommit: each statement is its own short transaction.
        with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)) as conn:
            yield conn
