"""Admin routes: X-API-Key against EMS_ADMIN_API_KEY, disabled without it; ingest and unanswered."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app

ADMIN_ROUTES = [("POST", "/admin/ingest"), ("GET", "/admin/unanswered")]


@pytest.mark.parametrize("method,url", ADMIN_ROUTES)
def test_missing_key_is_401(api_client, method, url):
    response = api_client.request(method, url)
    assert response.status_code == 401
    assert "X-API-Key" in response.json()["detail"]


@pytest.mark.parametrize("method,url", ADMIN_ROUTES)
def test_wrong_key_is_401(api_client, method, url, admin_headers):
    response = api_client.request(method, url, headers={"X-API-Key": admin_headers["X-API-Key"] + "x"})
    assert response.status_code == 401
    assert response.json()["detail"] == "Clé d'administration invalide."


@pytest.mark.parametrize("method,url", ADMIN_ROUTES)
def test_admin_is_disabled_without_the_setting(assistant, api_settings, method, url):
    app = create_app(assistant, api_settings.model_copy(update={"admin_api_key": None}))
    with TestClient(app) as client:
        response = client.request(method, url, headers={"X-API-Key": "n'importe quoi"})
    assert response.status_code == 403
    assert "EMS_ADMIN_API_KEY" in response.json()["detail"]


def test_unanswered_lists_the_questions_the_assistant_abstained_on(api_client, admin_headers):
    question = "Quelle est la recette de la tarte Tatin ?"
    assert api_client.post("/chat", json={"message": question}).json()["abstained"] is True

    response = api_client.get("/admin/unanswered", params={"limit": 5}, headers=admin_headers)

    assert response.status_code == 200
    entries = response.json()
    assert len(entries) <= 5
    assert any(entry["question"] == question for entry in entries)


def test_ingest_indexes_a_new_corpus_and_reports_it(tmp_path, api_settings, admin_headers):
    """A store of its own (the session store is shared): one guide dropped in an empty corpus."""
    from assistant.service import Assistant

    corpus = tmp_path / "corpus"
    (corpus / "guides").mkdir(parents=True)
    (corpus / "guides" / "eaux-pluviales.md").write_text(
        "---\ntype: guide-formation\ntitle: Gestion des eaux pluviales\nformat: demi-journée\n"
        "audience: collectivités\nthemes: [eau]\ndis: [Eau]\nsummary: Infiltrer la pluie là où elle tombe.\n---\n"
        "## Contenu\n\nNoues, jardins de pluie et chaussées réservoirs pour infiltrer les eaux pluviales.\n",
        encoding="utf-8",
    )
    settings = api_settings.model_copy(update={"data_dir": tmp_path / "data", "corpus_dir": corpus})
    with TestClient(create_app(Assistant.from_settings(settings), settings)) as client:
        response = client.post("/admin/ingest", headers=admin_headers)
        again = client.post("/admin/ingest", headers=admin_headers, json={"reset": False})
        guides = client.get("/guides").json()

    assert response.status_code == 200, response.text
    report = response.json()
    assert report["ok"] is True and report["failed"] == []
    assert [p for p in report["added"] if p.endswith("eaux-pluviales.md")]
    assert report["chunks"] >= 1
    assert again.json()["added"] == [] and again.json()["unchanged"]
    assert [g["id"] for g in guides] == ["eaux-pluviales"]


def test_ingest_rejects_a_bad_body(api_client, admin_headers):
    response = api_client.post("/admin/ingest", headers=admin_headers, json={"reset": "peut-être"})
    assert response.status_code == 422
    assert "reset" in response.json()["detail"]
