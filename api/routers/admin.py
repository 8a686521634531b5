"""Admin routes (header X-API-Key): re-ingest the corpus, read the unanswered questions."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from api.deps import AdminOnly, AssistantDep
from api.schemas import VALIDATION_RESPONSES, ErrorOut, IngestReportOut, IngestRequest

log = logging.getLogger("ems.api")

router = APIRouter(
    prefix="/admin",
    tags=["Administration"],
    dependencies=[AdminOnly],
    responses={
        401: {"model": ErrorOut, "description": "Clé X-API-Key manquante ou invalide."},
        403: {"model": ErrorOut, "description": "Administration désactivée (EMS_ADMIN_API_KEY non défini)."},
        **VALIDATION_RESPONSES,
    },
)


@router.post(
    "/ingest",
    summary="Réingérer le corpus",
    response_model=IngestReportOut,
    responses={409: {"model": ErrorOut, "description": "Ingestion déjà en cours."}},
)
async def ingest(
    request: Request,
    assistant: AssistantDep,
    body: Annotated[IngestRequest | None, Body()] = None,
) -> dict:
    """Réingère le corpus (EMS_CORPUS_DIR) puis recharge l'assistant ; renvoie le rapport fichier par fichier.

    Seuls les fichiers modifiés sont réindexés, sauf avec `{"reset": true}`.
    Une seule ingestion à la fois : une seconde demande reçoit 409.
    """
    lock: asyncio.Lock = request.app.state.ingest_lock
    if lock.locked():
        raise HTTPException(
            status_code=409, detail="Une ingestion est déjà en cours ; réessayez quand elle sera finie."
        )
    async with lock:
        report = await run_in_threadpool(assistant.ingest, None, bool(body and body.reset))
    log.info("admin ingest: %d added, %d updated, %d removed, %d failed", len(report.added),
             len(report.updated), len(report.removed), len(report.failed))
    return {"ok": report.ok(), **asdict(report)}


@router.get("/unanswered", summary="Questions restées sans réponse")
def unanswered(
    assistant: AssistantDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="Nombre maximal de questions.")] = 100,
) -> list[dict]:
    """Les dernières questions restées sans réponse (l'assistant s'est abstenu), les plus récentes d'abord."""
    return assistant.unanswered(limit)
