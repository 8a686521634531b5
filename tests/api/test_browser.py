"""The chat page driven in headless Chromium against a real uvicorn."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Chromium système absent (/usr/bin/chromium) : apt-get install chromium"
    ),
]


@pytest.fixture
def page(live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900}, locale="fr-FR")
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(live_server.url + "/")
        yield page
        browser.close()
        assert errors == [], errors


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """Screenshots go to EMS_SCREENSHOT_DIR when set (to keep them), else to the test's tmp dir."""
    folder = Path(os.environ.get("EMS_SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def test_question_typed_in_the_page_gets_the_answer_and_its_source(page, tmp_path):
    from playwright.sync_api import expect

    page.get_by_label("Votre question").fill("Combien de participants au Forum Eau ?")
    page.keyboard.press("Enter")

    answer = page.locator(".message.assistant .bubble").last
    expect(answer).to_contain_text("126", timeout=60_000)
    sources = page.locator(".message.assistant .sources").last
    expect(sources).to_contain_text("FORUM EAU", ignore_case=True)
    expect(page.locator("#send")).to_be_enabled()
    shot = screenshot_path(tmp_path, "chat-forum-eau.png")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_starter_question_and_conversation_survive_a_reload(page):
    from playwright.sync_api import expect

    page.get_by_role("button", name="Les guides-formations").click()
    expect(page.locator(".message.assistant .sources")).to_have_count(1, timeout=60_000)
    conversation_id = page.evaluate("sessionStorage.getItem('ems.conversation_id')")
    assert conversation_id

    page.reload()
    expect(page.locator(".message.user .bubble")).to_have_text(["Quels guides-formations propose le cluster ?"])
    expect(page.locator("#welcome")).to_be_hidden()
    assert page.evaluate("sessionStorage.getItem('ems.conversation_id')") == conversation_id

    page.get_by_role("button", name="Nouvelle conversation").click()
    expect(page.locator(".message")).to_have_count(0)
    assert page.evaluate("sessionStorage.getItem('ems.conversation_id')") is None


def test_upcoming_panel_and_event_sources_link_to_their_calendar_file(page, live_server, tmp_path):
    from icalendar import Calendar
    from playwright.sync_api import expect

    page.goto(live_server.url + "/?as_of=2024-09-09")  # the page's "today", as POST /chat's as_of
    upcoming = page.locator("#upcoming .upcoming-event")
    expect(upcoming).to_have_count(4)
    expect(upcoming.first).to_contain_text("11 septembre 2024")
    expect(upcoming.first).to_contain_text("délégation chinoise")
    with page.expect_download() as download:
        upcoming.first.get_by_role("link", name="Ajouter à mon agenda").click()
    [vevent] = Calendar.from_ical(Path(download.value.path()).read_bytes()).events
    assert str(vevent["summary"]) == "Accueil d'une délégation chinoise"
    assert vevent.start.isoformat() == "2024-09-11"
    feed = page.request.get(page.get_by_role("link", name="Tous les événements dans mon agenda")
                            .evaluate("link => link.href"))
    assert feed.ok and len(Calendar.from_ical(feed.body()).events) > 40

    page.get_by_label("Votre question").fill("Quels événements en novembre 2024 ?")
    page.keyboard.press("Enter")
    links = page.locator(".message.assistant .sources").last.get_by_role("link", name="Ajouter à mon agenda")
    expect(links.first).to_be_visible(timeout=60_000)
    response = page.request.get(links.first.evaluate("link => link.href"))
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    assert Calendar.from_ical(response.body()).events[0].start.month == 11
    page.screenshot(path=str(screenshot_path(tmp_path, "upcoming-panel.png")), full_page=True)
