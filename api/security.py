"""Admin access: header X-API-Key compared in constant time with EMS_ADMIN_API_KEY."""
from __future__ import annotations

import secrets

from fastapi import HTTPException, Request, Security
from fastapi.security import APIKeyHeader

API_KEY_HEADER = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="Clé d'administration : la valeur de EMS_ADMIN_API_KEY.",
)


async def require_admin(request: Request, api_key: str | None = Security(API_KEY_HEADER)) -> None:
    """403 when administration is disabled (no key configured), 401 when the key is missing or wrong."""
    expected = request.app.state.settings.admin_api_key
    if not expected:
        raise HTTPException(
            status_code=403,
            detail="L'administration est désactivée : définissez EMS_ADMIN_API_KEY sur le serveur pour l'activer.",
        )
    if not api_key:
        raise HTTPException(
            status_code=401,
            detail="Clé d'administration manquante : envoyez l'en-tête X-API-Key.",
            headers={"WWW-Authenticate": "APIKey"},
        )
    if not secrets.compare_digest(api_key.encode(), expected.encode()):
        raise HTTPException(
            status_code=401,
            detail="Clé d'administration invalide.",
            headers={"WWW-Authenticate": "APIKey"},
        )
