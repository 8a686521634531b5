"""The events as an iCalendar (RFC 5545) feed, written with the icalendar library.

Events carry a date but no hour, so each is an all-day event (DTSTART;VALUE=DATE, DTEND the next
day), which calendar applications show on that day whatever their time zone; the feed still names
Europe/Paris, the cluster's time zone. A UID is derived from the event's date and title, not from
its position in a file, so it stays the same when rows are added and calendar applications update
the event instead of duplicating it.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from assistant.reading.normalize import fold
from assistant.knowledge.records import Event

PRODID = "-//Cluster Eau-Milieux-Sols//Assistant//FR"
CALENDAR_NAME = "Événements du Cluster Eau-Milieux-Sols"
TIMEZONE_NAME = "Europe/Paris"
UID_DOMAIN = "assistant.cluster-ems"
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, UID_DOMAIN)
ORGANISATION_LABELS = {"organisation": "organisé par le cluster",
                       "co-organisation": "co-organisé par le cluster"}


def event_uid(event: Event) -> str:
    """Stable across re-ingestions: the same date and title give the same UID."""
    key = f"{event.date.isoformat()}|{fold(event.title)}|{fold(event.type_code)}"
    return f"{uuid.uuid5(_UID_NAMESPACE, key)}@{UID_DOMAIN}"


def to_ical(events: Iterable[Event], name: str = CALENDAR_NAME) -> bytes:
    """A VCALENDAR holding one all-day VEVENT per event."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE_NAME)
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for event in events:
        calendar.add_component(_vevent(event, stamp))
    return calendar.to_ical()


def _vevent(event: Event, stamp: datetime) -> CalendarEvent:
    vevent = CalendarEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.date)
    vevent.add("dtend", event.date + timedelta(days=1))
    vevent.add("summary", event.title)
    vevent.add("description", description(event))
    vevent.add("transp", "TRANSPARENT")  # an all-day event should not block the day
    categories = [c for c in (event.type_label, *event.themes) if c]
    if categories:
        vevent.add("categories", categories)
    return vevent


def description(event: Event) -> str:
    """Type, organisation, themes, participants and notes, one per line, in French."""
    lines = []
    if event.type_label or event.type_code:
        lines.append("Type : " + " ".join(p for p in (event.type_label, f"({event.type_code})"
                                                      if event.type_code else "") if p))
    if event.organisation:
        lines.append("Organisation : " + ORGANISATION_LABELS.get(event.organisation, event.organisation))
    if event.themes:
        lines.append("Thèmes : " + ", ".join(event.themes))
    if event.participants is not None:
        lines.append(f"Participants : {event.participants}")
    if event.notes:
        lines.append(event.notes)
    lines.append("Cluster Eau-Milieux-Sols")
    return "\n".join(lines)
