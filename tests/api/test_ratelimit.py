"""Per-client sliding window on the chat routes: 429 with Retry-After beyond the limit."""
from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from api.ratelimit import SlidingWindowLimiter


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_window_slides():
    clock = ManualClock()
    limiter = SlidingWindowLimiter(2, window=60, clock=clock)

    assert limiter.hit("a") == 0 and limiter.hit("a") == 0
    assert limiter.hit("a") == 60  # the first hit leaves the window in 60 s
    assert limiter.hit("b") == 0  # other clients are counted apart
    clock.now += 30
    assert limiter.hit("a") == 30
    clock.now += 30
    assert limiter.hit("a") == 0  # the first hit has left the window


def test_zero_disables_the_limit():
    limiter = SlidingWindowLimiter(0)
    assert all(limiter.hit("a") == 0 for _ in range(100))


def test_chat_beyond_the_limit_gets_429_with_retry_after(assistant, api_settings):
    app = create_app(assistant, api_settings.model_copy(update={"chat_rate_limit": 2}))
    with TestClient(app) as client:
        statuses = [client.post("/chat", json={"message": "Quels sont les DIS ?"}).status_code for _ in range(2)]
        limited = client.post("/chat/stream", json={"message": "Quels sont les DIS ?"})
        health = client.get("/health")

    assert statuses == [200, 200]
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert "Trop de messages" in limited.json()["detail"]
    assert health.status_code == 200  # only the chat routes are limited
