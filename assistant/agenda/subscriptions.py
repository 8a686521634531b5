"""Chats subscribed to the event digest and reminders, and what each one was already sent.

One SQLite file under the data dir: it survives restarts and is shared by the bot's scheduled job
and `ems remind` run from cron. The delivery log makes a second run on the same day send nothing
twice.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from assistant.settings import Settings
from assistant.sqlitedb import connect, initialise, transaction

SUBSCRIPTIONS_FILE = "subscriptions.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS subscriptions (
    chat_id INTEGER PRIMARY KEY,
    theme TEXT,
    since TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    chat_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (chat_id, key)
);
"""


@dataclass(frozen=True)
class Subscription:
    chat_id: int
    theme: str | None  # None: every event


class SubscriptionStore:
    """Subscriptions by chat id; safe from any thread and across processes (short connections)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        initialise(self.path, _SCHEMA)

    @classmethod
    def from_settings(cls, settings: Settings) -> SubscriptionStore:
        return cls(Path(settings.data_dir) / SUBSCRIPTIONS_FILE)

    def subscribe(self, chat_id: int, theme: str | None = None) -> None:
        """Subscribe the chat, or change the theme of its subscription."""
        with connect(self.path) as conn:
            conn.execute("INSERT INTO subscriptions (chat_id, theme, since) VALUES (?, ?, ?) "
                         "ON CONFLICT (chat_id) DO UPDATE SET theme = excluded.theme",
                         (chat_id, theme, _now()))

    def unsubscribe(self, chat_id: int) -> bool:
        """Forget the chat and what it was sent; False when it was not subscribed."""
        with transaction(self.path) as conn:
            removed = conn.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)).rowcount
            conn.execute("DELETE FROM deliveries WHERE chat_id = ?", (chat_id,))
        return removed > 0

    def get(self, chat_id: int) -> Subscription | None:
        with connect(self.path) as conn:
            row = conn.execute("SELECT chat_id, theme FROM subscriptions WHERE chat_id = ?",
                               (chat_id,)).fetchone()
        return Subscription(*row) if row else None

    def all(self) -> list[Subscription]:
        with connect(self.path) as conn:
            rows = conn.execute("SELECT chat_id, theme FROM subscriptions ORDER BY chat_id").fetchall()
        return [Subscription(*row) for row in rows]

    def delivered(self, chat_id: int, key: str) -> bool:
        with connect(self.path) as conn:
            return conn.execute("SELECT 1 FROM deliveries WHERE chat_id = ? AND key = ?",
                                (chat_id, key)).fetchone() is not None

    def mark_delivered(self, chat_id: int, key: str) -> None:
        with connect(self.path) as conn:
            try:
                conn.execute("INSERT INTO deliveries (chat_id, key, at) VALUES (?, ?, ?)",
                             (chat_id, key, _now()))
            except sqlite3.IntegrityError:  # another run delivered it meanwhile
                pass


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
