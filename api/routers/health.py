"""Health route: is the service up, and what does its knowledge base hold."""
from __future__ import annotations

from fastapi import APIRouter

from api.deps import AssistantDep

router = APIRouter(tags=["Supervision"])


@router.get("/health", summary="État du service")
def health(assistant: AssistantDep) -> dict:
    """État du service et contenu de la base.

    `{"status": "ok", "events": …, "members": …, "figures": …, "guides": …, "passages": …}`.
    `"status": "degraded"` avec `"reason"` tant que la base vectorielle (Chroma) est injoignable :
    les réponses continuent, les passages venant alors de l'index par mots-clés seul.

    Répond 503 tant que l'assistant charge ses index au démarrage.
    """
    return assistant.health()
