"""Member routes: the cluster's member organisations."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AssistantDep
from api.schemas import VALIDATION_RESPONSES
from assistant.knowledge.records import Member

router = APIRouter(responses=VALIDATION_RESPONSES, tags=["Membres"])


@router.get("/members", summary="Lister les membres", response_model=list[Member])
def members(
    assistant: AssistantDep,
    q: Annotated[
        str | None, Query(max_length=200, description="Nom ou activité recherchés.", examples=["dépollution"])
    ] = None,
    sector: Annotated[str | None, Query(max_length=100, description="Secteur d'activité.")] = None,
) -> list[Member]:
    """Liste les membres du cluster (nom, nature, activité, secteurs), filtrés par mots ou par secteur."""
    return assistant.members(q=q, sector=sector)
