"""Chat routes: one answer as JSON, or the same answer streamed as Server-Sent Events."""
from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import AsyncIterator
from dataclasses import asdict

from fastapi import APIRouter, HTTPException
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.deps import AssistantDep, ChatLimit
from api.schemas import ChatRequest, ChatResponse, ErrorOut, ValidationErrorOut
from assistant.service import Answer, Assistant

log = logging.getLogger("ems.api")
router = APIRouter(tags=["Conversation"], dependencies=[ChatLimit])

# A word with its trailing spaces, or leading spaces: the pieces join back into the exact answer.
PIECE = re.compile(r"\S+\s*|\s+")
# Pause between streamed pieces: the answer exists whole, the pause only paces the display.
STREAM_PAUSE_SECONDS = 0.01

BAD_REQUEST_RESPONSES: dict[int | str, dict] = {
    413: {"model": ErrorOut, "description": "Corps de requête trop volumineux."},
    422: {"model": ValidationErrorOut, "description": "Message vide ou trop long, date invalide, JSON mal formé."},
    429: {"model": ErrorOut, "description": "Trop de messages : réessayez après le délai indiqué par Retry-After."},
}


async def _answer(assistant: Assistant, body: ChatRequest) -> Answer:
    """Run the CPU-bound `ask` in the thread pool, so the event loop keeps serving other clients."""
    started = time.perf_counter()
    try:
        answer = await run_in_threadpool(assistant.ask, body.message, body.conversation_id, body.as_of)
    except ValueError as exc:  # the Assistant's French message for an empty or over-long message
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    log.info(
        "chat conversation=%s abstained=%s sources=%d %.0f ms",
        answer.conversation_id,
        answer.abstained,
        len(answer.sources),
        (time.perf_counter() - started) * 1000,
    )
    return answer


@router.post("/chat", summary="Poser une question", response_model=ChatResponse, responses=BAD_REQUEST_RESPONSES)
async def chat(body: ChatRequest, assistant: AssistantDep) -> dict:
    """Pose une question à l'assistant et reçoit la réponse avec ses sources.

    Renvoyez le `conversation_id` reçu dans l'appel suivant pour poursuivre la conversation
    (« et en 2023 ? »). `as_of` remplace la date du jour pour les questions relatives
    (« les prochains ateliers »). Quand la base ne contient pas l'information, `abstained` vaut vrai
    et la réponse le dit.
    """
    return (await _answer(assistant, body)).to_dict()


@router.post(
    "/chat/stream",
    summary="Poser une question, réponse diffusée (SSE)",
    responses={
        200: {
            "content": {"text/event-stream": {}},
            "description": "Événements `sources` (liste JSON), puis `delta` ({\"text\": …}) "
            "morceau par morceau, puis `done` ({\"conversation_id\", \"abstained\"}).",
        },
        **BAD_REQUEST_RESPONSES,
    },
)
async def chat_stream(body: ChatRequest, assistant: AssistantDep) -> StreamingResponse:
    """La même conversation que `POST /chat`, diffusée en Server-Sent Events.

    Le flux envoie d'abord l'événement `sources` (la liste des sources), puis la réponse en morceaux
    (événements `delta`, dont les textes mis bout à bout forment la réponse), enfin l'événement
    `done` avec le `conversation_id` et `abstained`. Les erreurs de saisie sont signalées avant le
    flux, en JSON, comme pour `POST /chat`.
    """
    answer = await _answer(assistant, body)
    return StreamingResponse(
        _events(answer),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _events(answer: Answer) -> AsyncIterator[str]:
    yield _sse("sources", [asdict(s) for s in answer.sources])
    for piece in PIECE.findall(answer.answer):
        yield _sse("delta", {"text": piece})
        await asyncio.sleep(STREAM_PAUSE_SECONDS)
    yield _sse("done", {"conversation_id": answer.conversation_id, "abstained": answer.abstained})


def _sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
