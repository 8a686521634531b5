"""Staff log of abstained questions: newest first, UTC times, no contact details stored."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fixtures.processes import run_together

from assistant.settings import Settings
from assistant.conversation.unanswered import UnansweredLog


def make_log(tmp_path: Path) -> UnansweredLog:
    return UnansweredLog.from_settings(Settings(_env_file=None, data_dir=tmp_path / "data"))


def test_entries_come_back_newest_first_with_all_fields(tmp_path: Path):
    log = make_log(tmp_path)
    log.record("Quel temps fera-t-il demain ?", "c1", "hors sujet")
    log.record("Qui est Jean Inconnu ?", "c2", "aucune source")

    entries = log.list()

    assert [e["question"] for e in entries] == ["Qui est Jean Inconnu ?", "Quel temps fera-t-il demain ?"]
    assert set(entries[0]) == {"id", "question", "conversation_id", "reason", "at"}
    assert entries[0]["conversation_id"] == "c2" and entries[0]["reason"] == "aucune source"
    assert entries[0]["id"] > entries[1]["id"]


def test_time_is_utc_iso(tmp_path: Path):
    log = make_log(tmp_path)
    log.record("Combien de membres en 2010 ?", "c1", "aucune donnée pour cette année")

    at = datetime.fromisoformat(log.list()[0]["at"])

    assert at.utcoffset() == timedelta(0)
    assert abs(datetime.now(timezone.utc) - at) < timedelta(minutes=5)


def test_limit_and_persistence_across_instances(tmp_path: Path):
    log = make_log(tmp_path)
    for i in range(5):
        log.record(f"question {i}", "c", "aucune source")

    entries = make_log(tmp_path).list(limit=2)

    assert [e["question"] for e in entries] == ["question 4", "question 3"]
    assert (tmp_path / "data" / "unanswered.sqlite3").exists()


def test_contact_details_are_not_stored(tmp_path: Path):
    log = make_log(tmp_path)
    log.record(
        "Je suis marie.durand@example.org, rappelez-moi au 06 12 34 56 78 ou +33 1 23 45 67 89 "
        "pour les 1 692 adhérents de 2024",
        "c1",
        "aucune source",
    )

    question = log.list()[0]["question"]
    with sqlite3.connect(tmp_path / "data" / "unanswered.sqlite3") as conn:
        on_disk = " ".join(row[0] for row in conn.execute("SELECT question FROM unanswered"))

    for stored in (question, on_disk):
        assert "marie.durand" not in stored and "example.org" not in stored
        assert "06 12 34 56 78" not in stored and "23 45 67 89" not in stored
        assert "[e-mail masqué]" in stored and "[téléphone masqué]" in stored
        assert "1 692 adhérents de 2024" in stored  # ordinary numbers are kept


def _record_many(data_dir: str, worker: int, count: int, start) -> None:
    log = UnansweredLog.from_settings(Settings(_env_file=None, data_dir=Path(data_dir)))
    start.wait()
    for i in range(count):
        log.record(f"w{worker}-{i}", f"c{worker}", "aucune source")


def test_concurrent_processes_lose_no_entry(tmp_path: Path):
    data = str(tmp_path / "data")
    assert run_together(_record_many, lambda w, start: (data, w, 100, start)) == [0, 0]

    questions = [e["question"] for e in make_log(tmp_path).list(limit=1000)]
    assert sorted(questions) == sorted(f"w{w}-{i}" for w in (1, 2) for i in range(100))
