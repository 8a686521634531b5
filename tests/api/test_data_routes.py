"""Search, events, members, guides and health over the ingested corpus."""
from __future__ import annotations


def test_health_reports_status_and_counts(api_client):
    body = api_client.get("/health").json()

    assert body["status"] == "ok"
    for kind in ("events", "members", "figures", "guides", "passages"):
        assert body[kind] > 0, kind


def test_search_returns_k_sources_best_first(api_client):
    results = api_client.get("/search", params={"q": "gestion durable des sols", "k": 3}).json()

    assert 1 <= len(results) <= 3
    assert set(results[0]) == {"id", "title", "kind", "excerpt", "date", "score"}
    assert "sol" in (results[0]["title"] + results[0]["excerpt"]).lower()
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_events_filtered_by_dates_and_theme(api_client):
    june = api_client.get("/events", params={"from": "2024-06-01", "to": "2024-06-30"}).json()
    june_water = api_client.get("/events", params={"from": "2024-06-01", "to": "2024-06-30", "theme": "eau"}).json()

    assert [e["date"] for e in june] == ["2024-06-06", "2024-06-07", "2024-06-13", "2024-06-25"]
    assert [e["date"] for e in june_water] == ["2024-06-13"]
    assert "Serbie" in june_water[0]["title"]
    assert set(june[0]) >= {"id", "date", "title", "type_code", "type_label", "themes", "participants"}


def test_events_filtered_by_type_and_words(api_client):
    visits = api_client.get("/events", params={"type": "Visite"}).json()
    forum = api_client.get("/events", params={"q": "forum eau"}).json()

    assert visits and all("visite" in e["type_label"].lower() for e in visits)
    assert any(e["participants"] == 126 and e["date"] == "2024-04-26" for e in forum)


def test_members_by_words_and_sector(api_client):
    trizzy = api_client.get("/members", params={"q": "Trizzy"}).json()
    biowaste = api_client.get("/members", params={"sector": "biodéchets"}).json()

    assert [m["name"] for m in trizzy] == ["Trizzy"]
    assert "Solubio" in {m["name"] for m in biowaste}
    assert all("biodéchets" in m["sectors"] for m in biowaste)


def test_guides_list_and_one_guide(api_client):
    guides = api_client.get("/guides").json()
    ids = {g["id"] for g in guides}

    assert "gestion-durable-des-sols" in ids and len(guides) >= 4
    assert all("body" not in g for g in guides)  # the list stays light
    guide = api_client.get("/guides/gestion-durable-des-sols").json()
    assert guide["title"] == "Gestion durable des sols"
    assert "##" in guide["body"]


def test_unknown_guide_is_404_in_french(api_client):
    response = api_client.get("/guides/guide-qui-n-existe-pas")

    assert response.status_code == 404
    assert response.json()["detail"] == "Aucun guide-formation n'a l'identifiant « guide-qui-n-existe-pas »."
