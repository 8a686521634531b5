"""Admin routes (header X-API-Key): re-ingest the corpus, read the unanswered questions, drop,
list and remove corpus documents."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Body, File, HTTPException, Query, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from api.deps import AdminOnly, AssistantDep
from api.schemas import (VALIDATION_RESPONSES, DocumentIngestOut, DocumentStateOut, ErrorOut, IngestReportOut,
                         IngestRequest)
from ingestion import corpus_files
from ingestion.corpus_files import UploadRefused

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
        corpus_files.remember_failures(assistant.settings.data_dir, report)
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


BUSY = "Une ingestion est déjà en cours ; réessayez quand elle sera finie."


@router.post(
    "/documents",
    summary="Déposer un document dans le corpus",
    response_model=DocumentIngestOut,
    status_code=201,
    responses={
        409: {"model": ErrorOut,
              "description": "Un document de ce nom existe (sans ?replace=true), ou ingestion en cours."},
        413: {"model": ErrorOut, "description": "Fichier trop volumineux."},
        415: {"model": ErrorOut, "description": "Format non pris en charge."},
        422: {"model": ErrorOut, "description": "Nom refusé, fichier vide ou document illisible."},
    },
)
async def upload_document(
    request: Request,
    assistant: AssistantDep,
    file: Annotated[UploadFile, File(description="PDF, Word (.docx), CSV, YAML, JSON, Markdown ou texte.")],
    replace: Annotated[bool, Query(description="Remplacer un document du même nom.")] = False,
) -> dict:
    """Range le document dans le corpus sous un nom sûr, l'ingère aussitôt et renvoie le rapport d'ingestion.

    Les tableaux d'un PDF ou d'un Word deviennent des fiches (événements, chiffres) ; ce qui ne peut être lu
    est signalé dans `problems`, le reste est gardé. Un dépôt refusé ne change rien au corpus ni à la base.
    """
    lock: asyncio.Lock = request.app.state.ingest_lock
    if lock.locked():
        raise HTTPException(status_code=409, detail=BUSY)
    data = await file.read()
    corpus_dir = assistant.settings.corpus_dir
    async with lock:
        try:
            stored = await run_in_threadpool(corpus_files.store_upload, corpus_dir, file.filename or "", data,
                                             replace)
        except UploadRefused as exc:
            log.info("admin upload refused (%s): %s", file.filename, exc)
            raise HTTPException(status_code=exc.status, detail=str(exc)) from exc
        report = await run_in_threadpool(assistant.ingest, [stored.path], False)
        corpus_files.remember_failures(assistant.settings.data_dir, report)
    log.info("admin upload: %s stored (%s), %d failed", stored.name, "replaced" if stored.replaced else "new",
             len(report.failed))
    return {"ok": report.ok(), **asdict(report), "document": stored.name, "replaced": stored.replaced,
            "problems": stored.problems}


@router.get("/documents", summary="Documents du corpus et leur état", response_model=list[DocumentStateOut])
def list_documents(assistant: AssistantDep) -> list[dict]:
    """Les fichiers du corpus que l'assistant sait lire, avec leur état : ingéré, en échec (et pourquoi)…"""
    states = corpus_files.list_documents(assistant.settings.corpus_dir, assistant.settings.data_dir)
    return [asdict(s) for s in states]


@router.delete(
    "/documents/{name:path}",
    summary="Retirer un document du corpus",
    response_model=IngestReportOut,
    responses={404: {"model": ErrorOut, "description": "Aucun document de ce nom."},
               409: {"model": ErrorOut, "description": "Ingestion en cours."}},
)
async def delete_document(request: Request, assistant: AssistantDep, name: str) -> dict:
    """Supprime le fichier du corpus, puis ses passages et ses fiches de la base ; renvoie le rapport."""
    lock: asyncio.Lock = request.app.state.ingest_lock
    if lock.locked():
        raise HTTPException(status_code=409, detail=BUSY)
    async with lock:
        try:
            path = corpus_files.corpus_file(assistant.settings.corpus_dir, name)
        except UploadRefused as exc:
            raise HTTPException(status_code=exc.status, detail=str(exc)) from exc
        path.unlink()
        corpus_files.forget(assistant.settings.data_dir, name)
        report = await run_in_threadpool(assistant.ingest, None, False)
    log.info("admin delete: %s removed (%s)", name, ", ".join(report.removed) or "nothing indexed")
    return {"ok": report.ok(), **asdict(report)}
