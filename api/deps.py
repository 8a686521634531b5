"""Dependency aliases, so that routes read as plain signatures (`assistant: AssistantDep`)."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.ratelimit import SlidingWindowLimiter, retry_after_header
from api.security import require_admin
from assistant.service import Assistant


async def get_assistant(request: Request) -> Assistant:
    assistant = request.app.state.assistant
    if assistant is None:  # the lifespan is still loading the model and the indexes
        raise HTTPException(
            status_code=503,
            detail="L'assistant démarre, réessayez dans quelques secondes.",
            headers={"Retry-After": "5"},
        )
    return assistant


async def limit_chat(request: Request) -> None:
    """Count one chat request for this client; 429 with Retry-After beyond the per-minute limit."""
    limiter: SlidingWindowLimiter = request.app.state.chat_limiter
    client = request.client.host if request.client else "inconnu"
    wait = limiter.hit(client)
    if wait > 0:
        retry = retry_after_header(wait)
        raise HTTPException(
            status_code=429,
            detail=f"Trop de messages : {limiter.limit} par minute au plus. Réessayez dans {retry} s.",
            headers={"Retry-After": retry},
        )


AssistantDep = Annotated[Assistant, Depends(get_assistant)]
ChatLimit = Depends(limit_chat)
AdminOnly = Depends(require_admin)
