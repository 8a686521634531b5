"""`api.app:create_app` served by a real uvicorn with two worker processes, spoken to over HTTP.

Conversations live in SQLite under EMS_DATA_DIR, so a follow-up continues whichever worker takes it.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 180

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(corpus_settings, tmp_path_factory):
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "EMS_DATA_DIR": str(corpus_settings.data_dir),
        "EMS_CORPUS_DIR": str(corpus_settings.corpus_dir),
        "EMS_CHAT_RATE_LIMIT": "0",
        "OMP_NUM_THREADS": "1",
    }
    command = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--workers", "2",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    # cwd away from the repository: no developer .env is read
    process = subprocess.Popen(command, env=env, cwd=tmp_path_factory.mktemp("serve"))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    try:
        while True:
            assert process.poll() is None, "uvicorn s'est arrêté au démarrage"
            assert time.monotonic() < deadline, "uvicorn n'a pas répondu à /health à temps"
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_health_over_http(server_url):
    body = httpx.get(server_url + "/health").json()
    assert body["status"] == "ok" and body["events"] > 0


def test_chat_and_follow_ups_over_http_with_two_workers(server_url):
    with httpx.Client(base_url=server_url, timeout=60) as client:
        forum = client.post("/chat", json={"message": "Combien de participants au Forum Eau ?"}).json()
        assert "126" in forum["answer"]

    # each turn on a fresh connection, so that both workers get some of each conversation
    for _ in range(3):
        with httpx.Client(base_url=server_url, timeout=60) as client:
            first = client.post("/chat", json={"message": "Combien de contacts membres en 2024 ?"}).json()
        with httpx.Client(base_url=server_url, timeout=60) as client:
            follow = client.post(
                "/chat", json={"message": "Et en 2023 ?", "conversation_id": first["conversation_id"]}
            ).json()
        assert follow["conversation_id"] == first["conversation_id"]
        assert "877" in follow["answer"]
