"""/docs: the OpenAPI schema speaks French and carries request examples."""
from __future__ import annotations


def test_openapi_has_french_descriptions_and_examples(api_client):
    schema = api_client.get("/openapi.json").json()

    chat = schema["paths"]["/chat"]["post"]
    assert "Pose une question" in chat["description"]
    request = schema["components"]["schemas"]["ChatRequest"]
    assert request["examples"][0]["message"] == "Combien de participants au Forum Eau ?"
    assert "AAAA-MM-JJ" in request["properties"]["as_of"]["description"]
    assert schema["paths"]["/events"]["get"]["parameters"][0]["name"] == "from"
    assert "X-API-Key" in str(schema["components"]["securitySchemes"])
    assert api_client.get("/docs").status_code == 200


def test_docs_page_loads_nothing_from_elsewhere(api_client):
    html = api_client.get("/docs").text
    assert "/docs-static/swagger-ui-bundle.js" in html and "/docs-static/swagger-ui.css" in html
    assert "https://" not in html  # no CDN script, style or icon
    assert api_client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
