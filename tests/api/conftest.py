"""API fixtures: the app over the session's real Assistant, in-process and behind a real uvicorn."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi.testclient import TestClient

from api.app import create_app

ADMIN_KEY = "cle-admin-de-test"


@pytest.fixture(scope="session")
def api_settings(corpus_settings):
    """The corpus settings with an admin key, and no rate limit (tests send many messages)."""
    return corpus_settings.model_copy(update={"admin_api_key": ADMIN_KEY, "chat_rate_limit": 0})


@pytest.fixture(scope="session")
def api_client(assistant, api_settings) -> Iterator[TestClient]:
    with TestClient(create_app(assistant, api_settings)) as client:
        yield client


class LiveServer:
    """A real uvicorn serving `app` in a thread, on a socket bound to a free port."""

    def __init__(self, app) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = "http://127.0.0.1:%d" % self.socket.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        while not self.server.started and self.thread.is_alive():
            time.sleep(0.05)
        assert self.server.started, "uvicorn n'a pas démarré"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.socket.close()


@pytest.fixture(scope="session")
def live_server(assistant, api_settings) -> Iterator[LiveServer]:
    with LiveServer(create_app(assistant, api_settings)) as server:
        yield server


@pytest.fixture(scope="session")
def admin_headers() -> dict[str, str]:
    return {"X-API-Key": ADMIN_KEY}
