"""Bad input gets a 4xx with a clear French message, never a 500."""
from __future__ import annotations

import pytest

FRENCH_HINTS = ("message", "champ", "paramètre", "corps", "requête", "date", "vide", "caractères", "JSON")


def assert_french_error(response, status: int) -> str:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail.strip()
    assert any(hint.lower() in detail.lower() for hint in FRENCH_HINTS), detail
    return detail


def test_empty_message(api_client):
    detail = assert_french_error(api_client.post("/chat", json={"message": "   "}), 422)
    assert "vide" in detail.lower()


def test_message_over_2000_characters(api_client):
    assert_french_error(api_client.post("/chat", json={"message": "a" * 2001}), 422)


def test_message_of_exactly_2000_characters_is_accepted(api_client):
    assert api_client.post("/chat", json={"message": "é" * 2000}).status_code == 200


@pytest.mark.parametrize("as_of", ["2024-13-01", "01/06/2024", "demain", "2024-06-01T10:00:00", 20240601])
def test_invalid_as_of(api_client, as_of):
    detail = assert_french_error(api_client.post("/chat", json={"message": "Les prochains ateliers ?", "as_of": as_of}), 422)
    assert "as_of" in detail and "AAAA-MM-JJ" in detail


def test_malformed_json(api_client):
    response = api_client.post("/chat", content=b'{"message": "Bonjour', headers={"Content-Type": "application/json"})
    detail = assert_french_error(response, 422)
    assert "JSON" in detail


@pytest.mark.parametrize(
    "body",
    [{"message": 42}, {"message": None}, {"message": ["a"]}, {"message": "a", "conversation_id": 7}, {}],
    ids=["int", "null", "list", "conversation-id-int", "missing"],
)
def test_wrong_types_and_missing_field(api_client, body):
    detail = assert_french_error(api_client.post("/chat", json=body), 422)
    assert "«" in detail  # names the faulty field


@pytest.mark.parametrize("body", [[{"message": "a"}], "Bonjour", 3])
def test_body_that_is_not_an_object(api_client, body):
    detail = assert_french_error(api_client.post("/chat", json=body), 422)
    assert "objet JSON" in detail


def test_unknown_field_is_refused(api_client):
    detail = assert_french_error(api_client.post("/chat", json={"message": "a", "langue": "fr"}), 422)
    assert "langue" in detail


def test_body_too_big(api_client):
    response = api_client.post("/chat", json={"message": "a" * 70_000})
    detail = assert_french_error(response, 413)
    assert "volumineuse" in detail


def test_body_too_big_without_content_length(api_client):
    def chunks():
        for _ in range(20):
            yield b"a" * 8192

    response = api_client.post("/chat", content=chunks(), headers={"Content-Type": "application/json"})
    assert_french_error(response, 413)


@pytest.mark.parametrize(
    "url", ["/search?q=", "/search?q=sols&k=0", "/search?q=sols&k=abc", "/events?from=hier", "/events?to=2024-02-30"]
)
def test_bad_query_parameters(api_client, url):
    assert_french_error(api_client.get(url), 422)


def test_unknown_route_and_wrong_method_answer_in_french(api_client):
    assert api_client.get("/nulle-part").json()["detail"] == "Ressource introuvable."
    assert api_client.get("/chat").json()["detail"] == "Méthode non autorisée pour cette adresse."
