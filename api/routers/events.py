"""Event routes: the cluster's events (past and upcoming), filtered exactly on their records, as JSON
or as an iCalendar feed that calendar applications subscribe to."""
from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response
from pydantic import BeforeValidator

from api.deps import AssistantDep
from api.schemas import VALIDATION_RESPONSES, ErrorOut, parse_iso_date
from assistant.agenda.calendar import to_ical
from assistant.knowledge.records import Event

router = APIRouter(responses=VALIDATION_RESPONSES, tags=["Événements"])

IsoDate = Annotated[date | None, BeforeValidator(parse_iso_date)]
DateFrom = Annotated[IsoDate, Query(alias="from", description="Depuis cette date incluse (AAAA-MM-JJ).")]
DateTo = Annotated[IsoDate, Query(alias="to", description="Jusqu'à cette date incluse (AAAA-MM-JJ).")]
Theme = Annotated[str | None, Query(max_length=100, description="Thème : eau, sols, milieux, biodéchets…")]
EventType = Annotated[str | None, Query(max_length=100, description="Type ou code : Visite, Atelier, WP4…")]

ICALENDAR = "text/calendar; charset=utf-8"
ICALENDAR_RESPONSE = {200: {"content": {"text/calendar": {}},
                            "description": "Calendrier iCalendar (RFC 5545), un VEVENT par événement."}}


@router.get("/events", summary="Lister les événements", response_model=list[Event])
def events(
    assistant: AssistantDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    theme: Theme = None,
    type: EventType = None,
    q: Annotated[str | None, Query(max_length=200, description="Mots à chercher dans le titre et les notes.")] = None,
) -> list[Event]:
    """Liste les événements du cluster (ateliers, visites, groupes thématiques, forums…), par date.

    Exemple : `/events?from=2024-06-01&to=2024-06-30&theme=eau`.
    """
    return assistant.events(date_from=date_from, date_to=date_to, theme=theme, type=type, q=q)


@router.get("/events.ics", summary="Calendrier des événements (iCalendar)", response_class=Response,
            responses=ICALENDAR_RESPONSE)
def events_calendar(
    assistant: AssistantDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    theme: Theme = None,
    type: EventType = None,
) -> Response:
    """Les événements du cluster, passés et à venir, au format iCalendar (RFC 5545), avec les mêmes
    filtres que `GET /events`.

    Abonnez-vous à cette adresse depuis votre agenda (Google Agenda, Outlook, Thunderbird, Calendrier
    d'Apple…) : il se met à jour tout seul. Chaque événement dure la journée (heure non connue), dans
    le fuseau Europe/Paris ; son UID est stable. Exemple : `/events.ics?theme=eau`.
    """
    found = assistant.events(date_from=date_from, date_to=date_to, theme=theme, type=type)
    return Response(to_ical(found), media_type=ICALENDAR)


@router.get(
    "/events/{event_id}.ics",
    summary="Un événement (iCalendar)",
    response_class=Response,
    responses={**ICALENDAR_RESPONSE, 404: {"model": ErrorOut, "description": "Événement inconnu."}},
)
def event_calendar(
    assistant: AssistantDep,
    event_id: str = Path(max_length=200, description="Identifiant de l'événement (champ `id` de GET /events)."),
) -> Response:
    """Un seul événement au format iCalendar : le lien « Ajouter à mon agenda » de la page web et
    du bot Telegram. Le fichier s'ouvre dans l'application d'agenda de l'appareil."""
    found = assistant.event(event_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"Aucun événement n'a l'identifiant « {event_id} ».")
    return Response(to_ical([found], name=found.title), media_type=ICALENDAR,
                    headers={"Content-Disposition": f'attachment; filename="{event_id}.ics"'})
