"""Search route: the passages and records closest to a query, without composing an answer."""
from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AssistantDep
from api.schemas import VALIDATION_RESPONSES, SourceOut

router = APIRouter(responses=VALIDATION_RESPONSES, tags=["Recherche"])


@router.get("/search", summary="Rechercher dans la base", response_model=list[SourceOut])
def search(
    assistant: AssistantDep,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description="Texte recherché.", examples=["gestion des sols"])
    ],
    k: Annotated[int, Query(ge=1, le=50, description="Nombre de résultats.")] = 5,
) -> list[dict]:
    """Recherche dans la base de connaissances (recherche hybride mots-clés + sens).

    Renvoie les `k` sources les plus proches de `q`, la plus pertinente d'abord, avec un extrait.
    """
    return [asdict(s) for s in assistant.search(q, k)]
