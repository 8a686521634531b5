"""GET /: the chat page is French, self-contained (no CDN) and accessible."""
from __future__ import annotations

import re

from api.app import STATIC_DIR as STATIC


def test_page_is_served_with_its_assets_and_a_strict_policy(api_client):
    page = api_client.get("/")

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert '<html lang="fr">' in page.text
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert api_client.get(asset).status_code == 200, asset


def test_page_loads_nothing_from_elsewhere():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href|url)\s*[=(]\s*[\"']?(https?:)?//", text), path.name
        assert "fetch(\"http" not in text, path.name


def test_page_is_accessible_and_offers_starter_questions():
    html = (STATIC / "index.html").read_text(encoding="utf-8")

    assert '<label for="question">' in html
    assert 'aria-live="polite"' in html and 'role="log"' in html
    starters = re.findall(r'data-question="([^"]+)"', html)
    assert any("DIS" in q for q in starters)
    assert any("guides-formations" in q for q in starters)
    assert any("prochains ateliers" in q for q in starters)
