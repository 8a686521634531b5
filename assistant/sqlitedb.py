"""Small SQLite files shared by several worker processes (conversation memory, unanswered log).

WAL mode lets readers work while one process writes. Each thread of each process keeps its own connection
per file (opening and closing one per operation cost a WAL checkpoint each time), so the stores are safe from
any thread and across forked or spawned processes; a file deleted or replaced on disk is opened again.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 10.0
_HELD = threading.local()  # {(path, pid): (connection, inode)} for this thread


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """This thread's autocommit connection (no implicit transactions) that waits for locks instead of failing."""
    held = _HELD.__dict__.setdefault("connections", {})
    key = (str(path), os.getpid())  # a forked child opens its own
    conn, inode = held.get(key, (None, None))
    if conn is None or inode != _inode(path):
        if conn is not None:
            conn.close()
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable enough, no fsync per write
        held[key] = (conn, _inode(path))
    yield conn


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


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
