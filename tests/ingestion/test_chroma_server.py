"""Server mode: the store in a Chroma server (`chroma run`) started by the test on a free port,
killed and restarted to check that the assistant survives it."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.knowledge.records import RecordSet
from assistant.knowledge.retrieval import Retriever
from assistant.service import Assistant
from assistant.knowledge.store import StoreUnavailable
from ingestion.pipeline import ingest

CHROMA = Path(sys.executable).with_name("chroma")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """`chroma run` on a data path and port that survive a kill, so it can be restarted."""

    def __init__(self, path: Path, port: int, log: Path) -> None:
        self.path, self.port, self.log = path, port, log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("a") as log:
            self.process = subprocess.Popen([str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1",
                                             "--port", str(self.port)], stdout=log, stderr=log)
        for _ in range(300):  # wait for the server to answer (not a timing assertion)
            if self.process.poll() is not None:
                pytest.fail(f"chroma run exited: {self.log.read_text()}")
            try:
                httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1).raise_for_status()
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        pytest.fail("chroma run did not answer")

    def kill(self) -> None:
        """SIGKILL: the server dies without closing anything, as in a crash."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)


@pytest.fixture
def server(tmp_path):
    chroma = ChromaServer(tmp_path / "server-data", free_port(), tmp_path / "chroma.log")
    chroma.start()
    try:
        yield chroma
    finally:
        if chroma.process and chroma.process.poll() is None:
            chroma.process.terminate()
            chroma.process.wait(timeout=30)


@pytest.fixture
def remote(settings, server):
    return settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": server.port})


@pytest.mark.slow
def test_ingest_and_search_against_a_chroma_server(remote, embedder):
    report = ingest(remote, embedder=embedder)
    assert report.ok() and report.chunks == 13
    assert not (remote.data_dir / "chroma").exists()  # nothing embedded locally
    hits = Retriever.from_settings(remote, embedder).search("forum eau participants", k=3)
    assert "126 participants" in hits[0].text
    assert ingest(remote, embedder=embedder).unchanged == report.added
    assert RecordSet.load(remote.data_dir).counts()["events"] == 3


def chat(client: TestClient, message: str) -> tuple[dict, float]:
    started = time.perf_counter()
    response = client.post("/chat", json={"message": message, "as_of": "2024-12-01"})
    assert response.status_code == 200, response.text
    return response.json(), time.perf_counter() - started


@pytest.mark.slow
def test_a_dying_server_degrades_the_answers_and_they_come_back(remote, server, embedder):
    assert ingest(remote, embedder=embedder).ok()
    with TestClient(create_app(Assistant.from_settings(remote), remote)) as client:
        assert client.get("/health").json()["status"] == "ok"
        before, _ = chat(client, "Que dit-on du compostage de proximité et de la méthanisation ?")
        assert not before["abstained"]

        server.kill()
        health = client.get("/health").json()
        assert health["status"] == "degraded" and "injoignable" in health["reason"]
        assert health["passages"] == 13 and health["events"] == 3  # the base itself is still there
        # records answer exactly, passages come from BM25: never a 5xx, each within 10 s
        forum, seconds = chat(client, "Combien de participants au Forum Eau ?")
        assert "126" in forum["answer"] and seconds < 10
        passage, seconds = chat(client, "Que dit-on du compostage de proximité et de la méthanisation ?")
        assert seconds < 10 and passage["sources"]
        assert passage["sources"][0]["id"] == before["sources"][0]["id"]
        assert client.get("/search", params={"q": "biodéchets"}).status_code == 200

        # An ingest now fails clearly and leaves the base as it was.
        with pytest.raises(StoreUnavailable, match="injoignable"):
            ingest(remote, reset=True, embedder=embedder)
        assert RecordSet.load(remote.data_dir).counts()["events"] == 3

        server.start()  # same data path, same port: no restart of the assistant
        assert client.get("/health").json()["status"] == "ok"
        time.sleep(2.1)  # past the retry delay of the dense side
        again, _ = chat(client, "Que dit-on du compostage de proximité et de la méthanisation ?")
        assert again["sources"][0]["id"] == before["sources"][0]["id"]
        hits = client.app.state.assistant.retriever.search("compostage de proximité", k=3)
        assert any(h.similarity > 0 for h in hits)  # the dense side answers again


@pytest.mark.slow
def test_an_unreachable_server_stops_the_ingest_with_a_clear_message(settings, embedder):
    nowhere = settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": free_port()})
    with pytest.raises(StoreUnavailable, match=r"serveur Chroma 127\.0\.0\.1:\d+ injoignable"):
        ingest(nowhere, embedder=embedder)
    assert not (nowhere.data_dir / "records.json").exists()
    cli = subprocess.run([str(Path(sys.executable).with_name("ems")), "ingest"], capture_output=True, text=True,
                         env={"EMS_DATA_DIR": str(nowhere.data_dir), "EMS_CORPUS_DIR": str(nowhere.corpus_dir),
                              "EMS_CHROMA_HOST": "127.0.0.1", "EMS_CHROMA_PORT": str(nowhere.chroma_port),
                              "PATH": "/usr/bin:/bin", "OMP_NUM_THREADS": "2"}, timeout=120)
    assert cli.returncode == 2 and "Ingestion impossible" in cli.stderr and "injoignable" in cli.stderr


@pytest.mark.slow
def test_a_hung_server_costs_seconds_not_the_answer(remote, server, embedder):
    assert ingest(remote, embedder=embedder).ok()
    with TestClient(create_app(Assistant.from_settings(remote), remote)) as client:
        before, _ = chat(client, "Que dit-on du compostage de proximité et de la méthanisation ?")
        server.process.send_signal(signal.SIGSTOP)  # alive but silent: every call would wait forever
        try:
            for _ in range(2):
                answer, seconds = chat(client, "Que dit-on du compostage de proximité et de la méthanisation ?")
                assert seconds < 10 and answer["sources"][0]["id"] == before["sources"][0]["id"]
            health = client.get("/health").json()
            assert health["status"] == "degraded" and "ReadTimeout" in health["reason"]
        finally:
            server.process.send_signal(signal.SIGCONT)
        assert client.get("/health").json()["status"] == "ok"
