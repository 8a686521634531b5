"""Guide routes: the cluster's guides-formations."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Path

from api.deps import AssistantDep
from api.schemas import VALIDATION_RESPONSES, ErrorOut, GuideSummary
from assistant.knowledge.records import Guide

router = APIRouter(tags=["Guides-formations"])


@router.get("/guides", summary="Lister les guides-formations", response_model=list[GuideSummary])
def guides(assistant: AssistantDep) -> list[Guide]:
    """Liste les guides-formations du cluster (titre, format, public, thèmes, DIS, résumé)."""
    return assistant.guides()


@router.get(
    "/guides/{guide_id}",
    summary="Lire un guide-formation",
    response_model=Guide,
    responses={404: {"model": ErrorOut, "description": "Guide inconnu."}, **VALIDATION_RESPONSES},
)
def guide(
    assistant: AssistantDep,
    guide_id: str = Path(max_length=200, description="Identifiant du guide (tel que renvoyé par GET /guides)."),
) -> Guide:
    """Renvoie un guide-formation complet, avec son texte en Markdown."""
    found = assistant.guide(guide_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"Aucun guide-formation n'a l'identifiant « {guide_id} ».")
    return found
