"""POST /chat and POST /chat/stream over the real Assistant and the shipped corpus."""
from __future__ import annotations

import json

FORUM_QUESTION = "Combien de participants au Forum Eau ?"


def compact(text: str) -> str:
    """Drop the (narrow, non-breaking) spaces French puts inside numbers: "3 643" -> "3643"."""
    return text.replace(" ", "").replace("\u202f", "").replace("\xa0", "")


def parse_sse(text: str) -> list[tuple[str, object]]:
    """Server-Sent Events body -> [(event name, decoded JSON data)]."""
    events = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], json.loads(fields["data"])))
    return events


def test_chat_answers_with_the_number_and_cites_the_event(api_client):
    response = api_client.post("/chat", json={"message": FORUM_QUESTION})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"answer", "conversation_id", "abstained", "sources"}
    assert "126" in body["answer"]
    assert body["abstained"] is False
    assert body["conversation_id"]
    forum = [s for s in body["sources"] if "forum eau" in s["title"].lower()]
    assert forum, body["sources"]
    assert forum[0]["kind"] == "event"
    assert forum[0]["date"] == "2024-04-26"
    assert set(forum[0]) == {"id", "title", "kind", "excerpt", "date", "score"}


def test_conversation_id_carries_the_follow_up(api_client):
    first = api_client.post("/chat", json={"message": "Le nombre de contacts membres en 2024 ?"}).json()
    follow = api_client.post(
        "/chat", json={"message": "et pour 2023 ?", "conversation_id": first["conversation_id"]}
    ).json()

    assert follow["conversation_id"] == first["conversation_id"]
    assert "877" in compact(follow["answer"])


def test_as_of_replaces_today_for_upcoming_events(api_client):
    body = api_client.post(
        "/chat", json={"message": "Il y a un atelier confluence bientôt ?", "as_of": "2024-10-12"}
    ).json()

    assert "artelia" in body["answer"].lower()
    assert body["sources"][0]["date"] == "2024-11-07"


def test_out_of_scope_question_abstains(api_client):
    body = api_client.post("/chat", json={"message": "Quelle est la recette de la ratatouille ?"}).json()

    assert body["abstained"] is True
    assert body["answer"]


def test_stream_sends_sources_then_the_answer_in_pieces_then_done(api_client):
    reference = api_client.post("/chat", json={"message": FORUM_QUESTION}).json()

    with api_client.stream("POST", "/chat/stream", json={"message": FORUM_QUESTION}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = parse_sse(response.read().decode("utf-8"))

    names = [name for name, _ in events]
    assert names[0] == "sources" and names[-1] == "done"
    assert set(names[1:-1]) == {"delta"} and len(names) > 3
    streamed = "".join(data["text"] for name, data in events if name == "delta")
    assert streamed == reference["answer"]
    assert [s["id"] for s in events[0][1]] == [s["id"] for s in reference["sources"]]
    done = events[-1][1]
    assert done["conversation_id"] and done["conversation_id"] != reference["conversation_id"]
    assert done["abstained"] is False


def test_stream_continues_a_conversation(api_client):
    first = api_client.post("/chat", json={"message": "Combien de contacts membres en 2024 ?"}).json()
    with api_client.stream(
        "POST", "/chat/stream", json={"message": "Et en 2023 ?", "conversation_id": first["conversation_id"]}
    ) as response:
        events = parse_sse(response.read().decode("utf-8"))

    assert events[-1][1]["conversation_id"] == first["conversation_id"]
    streamed = "".join(data["text"] for name, data in events if name == "delta")
    assert "877" in compact(streamed)
