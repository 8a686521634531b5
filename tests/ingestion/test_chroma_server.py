"""Server mode: the store in a Chroma server (`chroma run`) started by the test on a free port."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.records import RecordSet
from assistant.retrieval import Retriever
from ingestion.pipeline import ingest

CHROMA = Path(sys.executable).with_name("chroma")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = free_port()
    log = (tmp_path / "chroma.log").open("w")
    process = subprocess.Popen([str(CHROMA), "run", "--path", str(tmp_path / "server-data"),
                                "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=log)
    try:
        for _ in range(300):  # wait for the server to answer (not a timing assertion)
            if process.poll() is not None:
                pytest.fail(f"chroma run exited: {(tmp_path / 'chroma.log').read_text()}")
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.mark.slow
def test_ingest_and_search_against_a_chroma_server(settings, chroma_server, embedder):
    remote = settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": chroma_server})
    report = ingest(remote, embedder=embedder)
    assert report.ok() and report.chunks == 13
    assert not (remote.data_dir / "chroma").exists()  # nothing embedded locally
    hits = Retriever.from_settings(remote, embedder).search("forum eau participants", k=3)
    assert "126 participants" in hits[0].text
    assert ingest(remote, embedder=embedder).unchanged == report.added
    assert RecordSet.load(remote.data_dir).counts()["events"] == 3
