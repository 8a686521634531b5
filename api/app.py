"""The FastAPI application: routes per domain over one Assistant, the web chat page, error handling.

`create_app()` is a factory: `uvicorn.run("api.app:create_app", factory=True, workers=N)` gives each
worker its own app, whose Assistant is built at startup (lifespan) from the environment settings.
Tests pass a ready Assistant and their own Settings.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from swagger_ui_bundle import swagger_ui_path

from api.bodylimit import BodySizeLimit
from api.errors import install_error_handlers
from api.ratelimit import SlidingWindowLimiter
from api.routers import admin, chat, events, guides, health, members, search
from assistant.service import Assistant
from assistant.settings import Settings, get_settings
from ingestion.corpus_files import MAX_UPLOAD_BYTES

log = logging.getLogger("ems.api")

STATIC_DIR = Path(__file__).resolve().parent / "static"
# The page loads nothing from elsewhere: every script, style and request stays on this server.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

DESCRIPTION = """
Assistant conversationnel du **Cluster Eau-Milieux-Sols** (Paris Île-de-France) : ses thématiques
(les 8 DIS, les 4 enjeux), ses guides-formations, ses événements passés et à venir, ses membres et
ses chiffres clés. Chaque réponse cite ses sources ; quand la base ne contient pas l'information,
l'assistant le dit.

Les erreurs sont renvoyées en JSON : `{"detail": "message en français"}`.
"""

TAGS = [
    {"name": "Conversation", "description": "Poser des questions, avec ou sans diffusion progressive (SSE)."},
    {"name": "Recherche", "description": "Chercher des passages et des enregistrements."},
    {"name": "Événements", "description": "Les événements du cluster, filtrés par date, thème, type ; en JSON, "
     "ou en iCalendar (`.ics`) pour s'y abonner depuis un agenda."},
    {"name": "Membres", "description": "Les membres du cluster."},
    {"name": "Guides-formations", "description": "Les guides-formations proposés par le cluster."},
    {"name": "Supervision", "description": "État du service."},
    {"name": "Administration", "description": "Réservé aux administrateurs (en-tête `X-API-Key`)."},
]


def create_app(assistant: Assistant | None = None, settings: Settings | None = None) -> FastAPI:
    """Build the app around `assistant`, or around one built from `settings` at startup."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.assistant is None:
            log.info("loading the assistant from %s", settings.data_dir)
            app.state.assistant = await run_in_threadpool(Assistant.from_settings, settings)
        yield

    app = FastAPI(
        title="Assistant du Cluster Eau-Milieux-Sols",
        description=DESCRIPTION,
        version="0.1.0",
        openapi_tags=TAGS,
        lifespan=lifespan,
        docs_url=None,  # served below from local files: no CDN
        redoc_url=None,
    )
    app.state.assistant = assistant
    app.state.settings = settings
    app.state.chat_limiter = SlidingWindowLimiter(settings.chat_rate_limit)
    app.state.ingest_lock = asyncio.Lock()

    install_error_handlers(app)
    # Documents are uploaded whole: their route gets the upload limit (plus the multipart envelope).
    app.add_middleware(BodySizeLimit, larger={"/admin/documents": MAX_UPLOAD_BYTES + 64 * 1024})
    for module in (chat, search, events, members, guides, health, admin):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers=PAGE_HEADERS)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title=f"{app.title} — documentation",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon-32x32.png")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/docs-static", StaticFiles(directory=str(swagger_ui_path)), name="docs-static")
    return app
