"""GET /events.ics and /events/{id}.ics: the feed parsed back by icalendar and checked event by event."""
from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar


def parse(response) -> Calendar:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_feed_holds_every_event_with_its_date_and_unique_uids(api_client, assistant):
    feed = parse(api_client.get("/events.ics"))
    every = assistant.events()

    assert len(feed.events) == len(every) > 40
    assert sorted(e.start for e in feed.events) == sorted(e.date for e in every)
    uids = [str(e["uid"]) for e in feed.events]
    assert len(set(uids)) == len(uids)
    assert str(feed["x-wr-timezone"]) == "Europe/Paris"
    for vevent in feed.events:  # all-day events: a date, no hour, ending the next day
        assert type(vevent.start) is date and vevent.end == vevent.start + timedelta(days=1)


def test_feed_for_september_holds_exactly_septembers_events(api_client):
    september = parse(api_client.get("/events.ics", params={"from": "2024-09-01", "to": "2024-09-30"}))
    listed = api_client.get("/events", params={"from": "2024-09-01", "to": "2024-09-30"}).json()

    assert len(september.events) == len(listed) == 10
    assert all(date(2024, 9, 1) <= e.start <= date(2024, 9, 30) for e in september.events)
    titles = {str(e["summary"]) for e in september.events if e.start == date(2024, 9, 12)}
    assert titles == {"Forum régional Biodéchets", "Forum régional Sols"}


def test_feed_filters_like_events_and_uids_stay_the_same(api_client):
    water = parse(api_client.get("/events.ics", params={"theme": "eau", "type": "visite"}))
    listed = api_client.get("/events", params={"theme": "eau", "type": "visite"}).json()
    assert [str(e["summary"]) for e in water.events] == [e["title"] for e in listed] != []

    again = parse(api_client.get("/events.ics", params={"theme": "eau", "type": "visite"}))
    assert [str(e["uid"]) for e in again.events] == [str(e["uid"]) for e in water.events]


def test_one_event_as_ics_with_type_organisation_and_description(api_client):
    [forum] = api_client.get("/events", params={"from": "2024-04-26", "to": "2024-04-26"}).json()
    response = api_client.get(f"/events/{forum['id']}.ics")
    [vevent] = parse(response).events

    assert response.headers["content-disposition"] == f'attachment; filename="{forum["id"]}.ics"'
    assert str(vevent["summary"]) == forum["title"]
    assert vevent.start == date.fromisoformat(forum["date"])
    description = str(vevent["description"])
    assert f"Participants : {forum['participants']}" in description
    assert "Organisation : " in description and forum["type_label"] in description
    feed = parse(api_client.get("/events.ics"))
    assert str(vevent["uid"]) in {str(e["uid"]) for e in feed.events}  # the same UID in both


def test_unknown_event_and_bad_date_are_french_errors(api_client):
    missing = api_client.get("/events/nimporte-quoi.ics")
    assert missing.status_code == 404 and "nimporte-quoi" in missing.json()["detail"]
    assert api_client.get("/events.ics", params={"from": "2024-13-01"}).status_code == 422


def test_calendar_routes_are_documented(api_client):
    paths = api_client.get("/openapi.json").json()["paths"]
    feed = paths["/events.ics"]["get"]
    assert "iCalendar" in feed["description"]
    assert [p["name"] for p in feed["parameters"]] == ["from", "to", "theme", "type"]
    assert "text/calendar" in feed["responses"]["200"]["content"]
    assert "404" in paths["/events/{event_id}.ics"]["get"]["responses"]
