"""Who is due what: the weekly digest and the day-before reminders of the events, per subscribed chat.

The rules live here, once, for every way of sending (the bot's daily job, `ems remind` from cron):
- on Mondays, a digest of the events of the next DIGEST_DAYS days (today included);
- every day, a reminder of the events of tomorrow;
- each filtered by the chat's theme; nothing when there is no event; nothing sent twice
  (the delivery log); nothing to a chat outside EMS_TELEGRAM_ALLOWED_CHATS when that list is set.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from assistant.reading.normalize import fold
from assistant.knowledge.records import Event
from assistant.agenda.subscriptions import Subscription, SubscriptionStore

log = logging.getLogger(__name__)

TIMEZONE = ZoneInfo("Europe/Paris")
SEND_TIME = time(9, 0, tzinfo=TIMEZONE)  # the daily job's hour; the digest goes on DIGEST_WEEKDAY
DIGEST_WEEKDAY = 0  # Monday
DIGEST_DAYS = 14

# The events query of the Assistant (same filters as GET /events).
EventQuery = Callable[..., list[Event]]


@dataclass(frozen=True)
class Notice:
    """One message due to one chat: a digest of a period or a reminder of tomorrow's events."""

    chat_id: int
    kind: Literal["digest", "reminder"]
    start: date
    end: date
    theme: str | None
    events: list[Event] = field(hash=False)

    @property
    def key(self) -> str:
        """What the delivery log remembers: one digest per period, one reminder per day."""
        return f"{self.kind}:{self.start.isoformat()}"


def paris_today() -> date:
    return datetime.now(TIMEZONE).date()


class Reminders:
    """Subscriptions, and the notices due on a date; the adapters only send and report back."""

    def __init__(self, store: SubscriptionStore, events: EventQuery, allowed_chats: set[int]) -> None:
        self.store = store
        self._events = events
        self.allowed_chats = allowed_chats

    def themes(self) -> list[str]:
        """The themes events are tagged with in the base, e.g. biodéchets, eau, milieux, sols."""
        return sorted({theme for event in self._events() for theme in event.themes}, key=fold)

    def subscribe(self, chat_id: int, theme: str | None = None) -> Subscription:
        """Subscribe (or change the theme); ValueError with a French message for an unknown theme."""
        if theme:
            known = {fold(t): t for t in self.themes()}
            if fold(theme) not in known:
                raise ValueError(f"Je ne connais pas le thème « {theme} ». Thèmes possibles : "
                                 f"{', '.join(known.values())}.")
            theme = known[fold(theme)]
        self.store.subscribe(chat_id, theme or None)
        log.info("chat %s subscribed (theme=%s)", chat_id, theme)
        return Subscription(chat_id, theme or None)

    def unsubscribe(self, chat_id: int) -> bool:
        removed = self.store.unsubscribe(chat_id)
        log.info("chat %s unsubscribed (was subscribed: %s)", chat_id, removed)
        return removed

    def subscription(self, chat_id: int) -> Subscription | None:
        return self.store.get(chat_id)

    def due(self, as_of: date) -> list[Notice]:
        """The notices due on `as_of` and not delivered yet, digest before reminder in each chat."""
        notices = []
        for subscription in self.store.all():
            if self.allowed_chats and subscription.chat_id not in self.allowed_chats:
                continue
            candidates = [self._notice(subscription, "reminder", as_of + timedelta(days=1),
                                       as_of + timedelta(days=1))]
            if as_of.weekday() == DIGEST_WEEKDAY:
                candidates.insert(0, self._notice(subscription, "digest", as_of,
                                                  as_of + timedelta(days=DIGEST_DAYS - 1)))
            notices += [n for n in candidates
                        if n.events and not self.store.delivered(n.chat_id, n.key)]
        return notices

    def delivered(self, notice: Notice) -> None:
        self.store.mark_delivered(notice.chat_id, notice.key)

    def blocked(self, chat_id: int) -> None:
        """The chat blocked the bot (or was deleted): stop writing to it (the sender logs why)."""
        self.store.unsubscribe(chat_id)

    def _notice(self, subscription: Subscription, kind: Literal["digest", "reminder"], start: date,
                end: date) -> Notice:
        events = self._events(date_from=start, date_to=end, theme=subscription.theme)
        return Notice(subscription.chat_id, kind, start, end, subscription.theme, events)
