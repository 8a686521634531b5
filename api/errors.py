"""Error responses in French: validation errors, HTTP errors and the unexpected ones.

Every error body is `{"detail": "<phrase française>"}`; validation errors add `errors`, one entry
per faulty field, so a client can point at the field.
"""
from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.knowledge.store import StoreUnavailable

log = logging.getLogger("ems.api")

BODY_NOT_OBJECT = "Le corps de la requête doit être un objet JSON (Content-Type: application/json)."
INTERNAL_ERROR = "Erreur interne du serveur. L'incident a été journalisé ; réessayez plus tard."

# French phrases for the status codes Starlette raises on its own (unknown route, wrong method...).
STATUS_PHRASES = {
    400: "Requête invalide.",
    401: "Authentification requise.",
    403: "Accès refusé.",
    404: "Ressource introuvable.",
    405: "Méthode non autorisée pour cette adresse.",
    413: "Requête trop volumineuse.",
    415: "Type de contenu non pris en charge.",
    429: "Trop de requêtes.",
}

# What is wrong with a field, by pydantic error type (the subject is added in front).
FIELD_PROBLEMS = {
    "missing": "est obligatoire.",
    "string_type": "doit être une chaîne de caractères.",
    "string_too_short": "ne doit pas être vide.",
    "string_too_long": "ne doit pas dépasser {max_length} caractères.",
    "bool_type": "doit valoir true ou false.",
    "bool_parsing": "doit valoir true ou false.",
    "int_type": "doit être un nombre entier.",
    "int_parsing": "doit être un nombre entier.",
    "int_from_float": "doit être un nombre entier.",
    "greater_than_equal": "doit être supérieur ou égal à {ge}.",
    "less_than_equal": "doit être inférieur ou égal à {le}.",
    "date_type": "doit être une date au format AAAA-MM-JJ (par exemple 2024-06-01).",
    "date_parsing": "doit être une date au format AAAA-MM-JJ (par exemple 2024-06-01).",
    "date_from_datetime_parsing": "doit être une date au format AAAA-MM-JJ (par exemple 2024-06-01).",
    "list_type": "doit être une liste.",
    "extra_forbidden": "n'est pas reconnu.",
}
BODY_TYPES = {"model_attributes_type", "dict_type", "model_type"}
SUBJECTS = {"body": "Le champ", "query": "Le paramètre", "path": "Le paramètre", "header": "L'en-tête"}


def french_error(error: dict[str, Any]) -> dict[str, str]:
    """One pydantic/FastAPI validation error -> {"field", "message"} in French."""
    kind = error.get("type", "")
    loc = [str(p) for p in error.get("loc", ())]
    where, names = (loc[0], loc[1:]) if loc else ("body", [])
    field = ".".join(names)
    if kind == "json_invalid":
        return {"field": "", "message": "Le corps de la requête n'est pas un JSON valide."}
    if not names and (kind in BODY_TYPES or kind == "missing"):
        return {"field": "", "message": BODY_NOT_OBJECT}
    problem = FIELD_PROBLEMS.get(kind)
    if problem is not None:
        problem = problem.format(**{k: v for k, v in (error.get("ctx") or {}).items()})
    elif kind == "date_format":  # our own validator already speaks French
        problem = error.get("msg", "") + "."
    else:
        problem = "est invalide."
    return {"field": field, "message": f"{SUBJECTS.get(where, 'Le champ')} « {field} » {problem}"}


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [french_error(e) for e in exc.errors()]
    log.info("validation error on %s %s: %s", request.method, request.url.path, errors)
    return JSONResponse({"detail": errors[0]["message"], "errors": errors}, status_code=422)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail
    if detail == HTTPStatus(exc.status_code).phrase:  # Starlette's English default
        detail = STATUS_PHRASES.get(exc.status_code, detail)
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


async def store_unavailable(request: Request, exc: StoreUnavailable) -> JSONResponse:
    """An ingest while Chroma cannot be reached: nothing was changed, say so and why."""
    log.warning("store unavailable on %s %s: %s", request.method, request.url.path, exc)
    return JSONResponse({"detail": f"Ingestion impossible, la base précédente est conservée : {exc}."},
                        status_code=503)


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return JSONResponse({"detail": INTERNAL_ERROR}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(StoreUnavailable, store_unavailable)
    app.add_exception_handler(Exception, unexpected_error)
