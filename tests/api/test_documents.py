"""Staff drop a report without a shell: POST, GET and DELETE /admin/documents on a store of their own.

The tests run in order on one module-scoped app: upload, refusals (nothing changed), list,
replace, delete.
"""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import ADMIN_KEY
from tests.conftest import make_settings
from tests.ingestion.test_report_tables import report_files  # noqa: F401  (session fixture)

pytestmark = pytest.mark.slow
HEADERS = {"X-API-Key": ADMIN_KEY}
EVENTS_CSV = "date;titre;participants\n2025-03-13;Atelier compost partagé;21\n"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from assistant.service import Assistant

    settings = make_settings(tmp_path_factory.mktemp("documents-store"),
                             corpus_dir=tmp_path_factory.mktemp("documents-corpus"),
                             admin_api_key=ADMIN_KEY, chat_rate_limit=0)
    with TestClient(create_app(Assistant.from_settings(settings), settings)) as test_client:
        test_client.corpus_dir = settings.corpus_dir
        yield test_client


def _upload(client, name: str, data: bytes, replace: bool = False):
    return client.post("/admin/documents", params={"replace": "true"} if replace else None,
                       files={"file": (name, data, "application/octet-stream")}, headers=HEADERS)


def _corpus(client) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in client.corpus_dir.iterdir()}


def test_a_report_is_stored_under_a_safe_name_and_ingested_at_once(client, report_files):  # noqa: F811
    response = _upload(client, "Bilan d'activités 2024.pdf", report_files["pdf"].read_bytes())

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["document"] == "Bilan-d-activites-2024.pdf" and body["replaced"] is False
    assert body["added"] == ["Bilan-d-activites-2024.pdf"] and body["ok"] is True
    assert list(_corpus(client)) == ["Bilan-d-activites-2024.pdf"]
    answer = client.post("/chat", json={"message": "Combien de participants au forum régional sols ?"}).json()
    assert "170" in answer["answer"]


def test_bad_uploads_get_a_french_4xx_and_change_nothing(client):
    before = _corpus(client)
    health = client.get("/health").json()
    refusals = [
        (("../../etc/passwd.pdf", b"%PDF-1.4"), 422, "sans chemin"),
        (("rapport.exe", b"MZ"), 415, "Format non pris en charge"),
        (("vide.pdf", b""), 422, "Fichier vide"),
        (("abime.pdf", b"%PDF-1.4 pas vraiment un PDF"), 422, "Document illisible"),
        (("Bilan d'activités 2024.pdf", b"%PDF-1.4 autre"), 409, "replace=true"),
    ]
    for (name, data), status, message in refusals:
        response = _upload(client, name, data)
        assert response.status_code == status, (name, response.text)
        assert message in response.json()["detail"]
    too_big = _upload(client, "enorme.csv", b"a" * (21 * 1024 * 1024))
    assert too_big.status_code == 413 and "trop volumineu" in too_big.json()["detail"]
    assert _corpus(client) == before
    assert client.get("/health").json() == health


def test_the_corpus_files_are_listed_with_their_state(client):
    listed = client.get("/admin/documents", headers=HEADERS)
    assert listed.status_code == 200
    (entry,) = listed.json()
    assert entry["name"] == "Bilan-d-activites-2024.pdf" and entry["state"] == "ingéré"
    assert entry["records"] > 100 and entry["passages"] > 0
    # A file copied in by hand that cannot be read is listed as failed, with the reason, after an ingest.
    (client.corpus_dir / "casse.docx").write_bytes(b"PK\x03\x04 pas un docx")
    client.post("/admin/ingest", headers=HEADERS)
    response = _upload(client, "agenda.csv", EVENTS_CSV.encode())
    assert response.status_code == 201
    states = {d["name"]: d for d in client.get("/admin/documents", headers=HEADERS).json()}
    assert states["casse.docx"]["state"] == "en échec" and "DOCX illisible" in states["casse.docx"]["problems"][0]
    assert states["agenda.csv"]["state"] == "ingéré" and states["agenda.csv"]["records"] == 1


def test_an_existing_name_is_replaced_only_on_demand(client):
    response = _upload(client, "agenda.csv", EVENTS_CSV.replace("21", "25").encode(), replace=True)
    assert response.status_code == 201 and response.json()["replaced"] is True
    assert response.json()["updated"] == ["agenda.csv"]
    answer = client.post("/chat", json={"message": "Combien de participants à l'atelier compost partagé ?"}).json()
    assert "25" in answer["answer"] and "21" not in answer["answer"]


def test_delete_removes_the_file_its_records_and_passages(client):
    before = client.get("/health").json()
    response = client.delete("/admin/documents/Bilan-d-activites-2024.pdf", headers=HEADERS)
    assert response.status_code == 200, response.text
    assert response.json()["removed"] == ["Bilan-d-activites-2024.pdf"]
    after = client.get("/health").json()
    assert after["events"] == 1 and after["figures"] == 0 and after["passages"] < before["passages"]
    assert "Bilan-d-activites-2024.pdf" not in _corpus(client)
    missing = client.delete("/admin/documents/Bilan-d-activites-2024.pdf", headers=HEADERS)
    assert missing.status_code == 404 and "Aucun document" in missing.json()["detail"]
    escape = client.delete("/admin/documents/..%2F..%2Fpyproject.toml", headers=HEADERS)
    assert escape.status_code in (404, 422)


def test_document_routes_need_the_key(client):
    assert client.get("/admin/documents").status_code == 401
    assert client.delete("/admin/documents/agenda.csv").status_code == 401
    assert _upload_without_key(client).status_code == 401
    assert "agenda.csv" in _corpus(client)


def _upload_without_key(client):
    return client.post("/admin/documents", files={"file": ("x.csv", EVENTS_CSV.encode(), "text/csv")})
