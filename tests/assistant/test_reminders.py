"""Who is due what, over the real event records: digest on Mondays, reminders the day before,
themes, empty weeks, the allowed chats and the delivery log."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.agenda.reminders import Reminders
from assistant.agenda.subscriptions import SubscriptionStore


@pytest.fixture
def store(tmp_path) -> SubscriptionStore:
    return SubscriptionStore(tmp_path / "subscriptions.sqlite3")


def titles(notice) -> list[str]:
    return [e.title for e in notice.events]


def test_monday_digest_covers_fourteen_days_and_tomorrows_reminder(assistant, store):
    reminders = Reminders(store, assistant.events, set())
    reminders.subscribe(1)
    [digest] = reminders.due(date(2024, 9, 9))  # no event on the 10th: no reminder
    assert (digest.kind, digest.start, digest.end) == ("digest", date(2024, 9, 9), date(2024, 9, 22))
    assert [e.date.day for e in digest.events] == [11, 12, 12, 17]

    [reminder] = reminders.due(date(2024, 9, 10))  # Tuesday: no digest, the reminder of the 11th
    assert reminder.kind == "reminder" and titles(reminder) == ["Accueil d'une délégation chinoise"]


def test_theme_subscription_empty_fortnight_and_unknown_theme(assistant, store):
    reminders = Reminders(store, assistant.events, set())
    assert reminders.subscribe(1, "BIODECHETS").theme == "biodéchets"  # the base's spelling
    [digest] = reminders.due(date(2024, 9, 9))
    assert titles(digest) == ["Forum régional Biodéchets"]
    assert reminders.due(date(2024, 9, 16)) == []  # no biodéchets event in the fortnight: nothing
    with pytest.raises(ValueError, match="Thèmes possibles : biodéchets, eau, milieux, sols"):
        reminders.subscribe(2, "vélo")
    assert reminders.subscription(2) is None


def test_delivery_log_and_allowed_chats(assistant, store):
    reminders = Reminders(store, assistant.events, set())
    for chat_id in (1, 2):
        reminders.subscribe(chat_id)
    notices = reminders.due(date(2024, 9, 9))
    assert [n.chat_id for n in notices] == [1, 2]
    reminders.delivered(notices[0])
    assert [n.chat_id for n in reminders.due(date(2024, 9, 9))] == [2]

    only_two = Reminders(store, assistant.events, {2})  # EMS_TELEGRAM_ALLOWED_CHATS=2
    assert [(n.chat_id, n.kind) for n in only_two.due(date(2024, 9, 16))] == [(2, "digest"), (2, "reminder")]


def test_subscriptions_persist_in_the_file_and_unsubscribe_forgets(tmp_path):
    path = tmp_path / "subscriptions.sqlite3"
    SubscriptionStore(path).subscribe(5, "eau")
    SubscriptionStore(path).subscribe(5, None)  # a new /abonner changes the theme
    reopened = SubscriptionStore(path)
    assert [(s.chat_id, s.theme) for s in reopened.all()] == [(5, None)]
    reopened.mark_delivered(5, "digest:2024-09-09")
    assert reopened.unsubscribe(5) and not reopened.unsubscribe(5)
    assert not reopened.delivered(5, "digest:2024-09-09")
