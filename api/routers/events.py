"""Event routes: the cluster's events (past and upcoming), filtered exactly on their records."""
from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BeforeValidator

from api.deps import AssistantDep
from api.schemas import VALIDATION_RESPONSES, parse_iso_date
from assistant.records import Event

router = APIRouter(responses=VALIDATION_RESPONSES, tags=["Événements"])

IsoDate = Annotated[date | None, BeforeValidator(parse_iso_date)]


@router.get("/events", summary="Lister les événements", response_model=list[Event])
def events(
    assistant: AssistantDep,
    date_from: Annotated[IsoDate, Query(alias="from", description="Depuis cette date incluse (AAAA-MM-JJ).")] = None,
    date_to: Annotated[IsoDate, Query(alias="to", description="Jusqu'à cette date incluse (AAAA-MM-JJ).")] = None,
    theme: Annotated[
        str | None, Query(max_length=100, description="Thème : eau, sols, milieux, biodéchets…")
    ] = None,
    type: Annotated[str | None, Query(max_length=100, description="Type ou code : Visite, Atelier, WP4…")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Mots à chercher dans le titre et les notes.")] = None,
) -> list[Event]:
    """Liste les événements du cluster (ateliers, visites, groupes thématiques, forums…), par date.

    Exemple : `/events?from=2024-06-01&to=2024-06-30&theme=eau`.
    """
    return assistant.events(date_from=date_from, date_to=date_to, theme=theme, type=type, q=q)
