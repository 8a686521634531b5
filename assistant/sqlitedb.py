"""Small SQLite files shared by several worker processes (conversation memory, unanswered log).

WAL mode lets readers work while one process writes; every operation opens its own short-lived
connection, so the stores are safe from any thread and across forked or spawned processes.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 10.0


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """An autocommit connection (no implicit transactions) that waits for locks instead of failing."""
    with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)) as conn:
        conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable enough, no fsync per write
        yield conn


@contextmanager
def transaction(path: Path) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the lock up front, so concurrent writers queue instead of failing."""
    with connect(path) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def initialise(path: Path, schema: str) -> None:
    """Create the file (and its folder) in WAL mode with the given schema; safe if workers race to do it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    with connect(path) as conn:
        # Switching to WAL needs an exclusive lock and SQLite does not wait for it: retry briefly.
        while True:
            try:
                conn.execute("PRAGMA journal_mode = WAL")  # a no-op once the file is in WAL mode
                break
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        conn.executescript(schema)
