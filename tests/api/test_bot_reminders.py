"""Event reminders through the real PTB Application polling the local fake Bot API, with a clock the
test moves, and `ems remind` run as a real process against the same fake.

Each test keeps its subscriptions in its own SQLite file (the session's Assistant is shared).
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from api.bot import build_application
from api.bot_format import NOT_SUBSCRIBED, UNSUBSCRIBED
from api.bot_subscriptions import REMINDER_JOB
from assistant.agenda.reminders import Reminders
from assistant.agenda.subscriptions import SubscriptionStore
from fake_telegram import TOKEN, FakeTelegram
from test_bot import BotRunner, bot_settings

ROOT = Path(__file__).resolve().parents[2]
# The events of the two weeks from Monday 9 September 2024, and the ones just outside them.
FIRST_FORTNIGHT = ("Accueil d'une délégation chinoise", "Forum régional Biodéchets", "Forum régional Sols",
                   "Atelier d'échanges et de partenariats")
OUTSIDE = ("Aménagement et qualité des plans d'eau",)  # 24 September


class Clock:
    """The bot's "today", moved by the test."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


class Bot:
    """A fake Bot API and the real Application polling it; restartable on the same data."""

    def __init__(self, assistant, store_path: Path, clock: Clock) -> None:
        self.assistant, self.store_path, self.clock = assistant, store_path, clock
        self.fake = FakeTelegram().start()
        self.runner: BotRunner | None = None

    def start(self) -> None:
        # A new Reminders on the same file: nothing survives a restart but what is on disk.
        self.assistant.reminders = Reminders(SubscriptionStore(self.store_path), self.assistant.events, set())
        self.runner = BotRunner(build_application(self.assistant, bot_settings(self.fake), today=self.clock))
        self.runner.start()

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.stop()
            self.runner = None

    def say(self, chat_id: int, text: str) -> str:
        """Send a command and return the bot's reply to it."""
        before = len(self.fake.find("sendMessage", chat_id=chat_id))
        self.fake.send_text(chat_id, text)
        return self.fake.wait_for("sendMessage", count=before + 1, chat_id=chat_id)[before].params["text"]

    def run_daily_job(self) -> None:
        """What the scheduler does at 9:00, now."""
        application = self.runner.application
        [job] = application.job_queue.get_jobs_by_name(REMINDER_JOB)
        self.runner._run(job.run(application))

    def sent(self, chat_id: int) -> list[str]:
        return [c.params["text"] for c in self.fake.find("sendMessage", chat_id=chat_id) if c.error is None]


@pytest.fixture
def bot(assistant, tmp_path, monkeypatch) -> Iterator[Bot]:
    monkeypatch.setattr(assistant, "reminders", assistant.reminders)  # restored after the test
    started = Bot(assistant, tmp_path / "subscriptions.sqlite3", Clock(date(2024, 9, 8)))
    started.start()
    yield started
    started.stop()
    started.fake.stop()


def test_subscription_survives_a_restart_and_the_monday_digest_names_the_fortnight(bot, api_client):
    assert "chaque lundi" in bot.say(2101, "/abonner")
    bot.stop()
    bot.start()

    [job] = bot.runner.application.job_queue.get_jobs_by_name(REMINDER_JOB)
    assert job.next_t.astimezone(ZoneInfo("Europe/Paris")).time() == time(9, 0)

    bot.run_daily_job()  # Sunday 8 September: no event on Monday 9, no digest on Sundays
    assert bot.sent(2101) == [bot.sent(2101)[0]]  # only the reply to /abonner

    bot.clock.day = date(2024, 9, 9)
    bot.run_daily_job()
    [digest] = bot.fake.wait_for("sendMessage", count=2, chat_id=2101)[1:]
    text = digest.params["text"]
    assert "du 9 au 22 septembre 2024" in text
    assert all(title in text for title in FIRST_FORTNIGHT)
    assert not any(title in text for title in OUTSIDE)
    assert text.count("Ajouter à mon agenda") == len(FIRST_FORTNIGHT)

    # The first link opens that event's .ics on the API.
    path = re.search(r'href="http://127\.0\.0\.1:8000(/events/[^"]+\.ics)"', text)[1]
    [vevent] = Calendar.from_ical(api_client.get(path).content).events
    assert str(vevent["summary"]) == FIRST_FORTNIGHT[0] and vevent.start == date(2024, 9, 11)

    bot.clock.day = date(2024, 9, 10)  # the day before the delegation's visit
    bot.run_daily_job()
    reminder = bot.fake.wait_for("sendMessage", count=3, chat_id=2101)[2].params["text"]
    assert "Rappel : demain, 11 septembre 2024" in reminder and FIRST_FORTNIGHT[0] in reminder
    assert "Forum" not in reminder

    bot.run_daily_job()  # a second run the same day sends nothing twice
    assert len(bot.sent(2101)) == 3


def test_theme_filter_unknown_theme_unsubscribe_and_blocked_chat(bot):
    assert "« sols »" in bot.say(2201, "/abonner Sols")
    bot.say(2202, "/abonner")
    bot.say(2203, "/abonner")
    unknown = bot.say(2204, "/abonner vélo")
    assert "vélo" in unknown and "biodéchets, eau, milieux, sols" in unknown
    bot.fake.blocked.add(2203)

    bot.clock.day = date(2024, 9, 9)
    bot.run_daily_job()
    soils = bot.sent(2201)[-1]
    assert "— sols</b> (1)" in soils and "Forum régional Sols" in soils
    assert "— Forum régional Biodéchets" not in soils and "chinoise" not in soils
    assert all(title in bot.sent(2202)[-1] for title in FIRST_FORTNIGHT)
    assert bot.assistant.reminders.subscription(2203) is None  # blocked: unsubscribed at once
    assert bot.sent(2204) == [unknown]  # never subscribed

    assert bot.say(2202, "/desabonner") == UNSUBSCRIBED
    assert bot.say(2202, "/desabonner") == NOT_SUBSCRIBED
    bot.clock.day = date(2024, 9, 16)  # events on the 17th and 24th, none about soils
    bot.run_daily_job()
    assert len(bot.sent(2201)) == 2 and bot.sent(2202)[-1] == NOT_SUBSCRIBED  # nothing new for either
    assert len(bot.fake.find("sendMessage", chat_id=2203)) == 2  # the reply, then one failed try


def test_ems_remind_sends_the_digest_then_nothing_after_unsubscribing(bot, corpus_settings, tmp_path):
    # `ems remind` is another process: it reads the subscriptions from its EMS_DATA_DIR.
    data_dir = tmp_path / "data"
    shutil.copytree(corpus_settings.data_dir, data_dir)
    bot.stop()
    bot.store_path = data_dir / "subscriptions.sqlite3"
    bot.start()
    bot.say(2301, "/abonner")

    first = remind(bot.fake, data_dir, "2024-09-09")
    assert first.returncode == 0, first.stderr
    assert "2024-09-09 : 1 message envoyé à 1 conversation." in first.stdout
    digest = bot.sent(2301)[-1]
    assert all(title in digest for title in FIRST_FORTNIGHT)

    assert bot.say(2301, "/desabonner") == UNSUBSCRIBED
    later = remind(bot.fake, data_dir, "2024-09-16")  # a Monday with events to come
    assert later.returncode == 0, later.stderr
    assert "0 message envoyé à 0 conversation." in later.stdout
    assert bot.sent(2301)[-1] == UNSUBSCRIBED


def remind(fake: FakeTelegram, data_dir: Path, as_of: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EMS_DATA_DIR": str(data_dir), "TELEGRAM_BOT_TOKEN": TOKEN,
           "EMS_TELEGRAM_API_URL": fake.base_url, "OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-c", "from api.cli import app; app()", "remind", "--as-of", as_of]
    # cwd away from the repository: no developer .env is read
    return subprocess.run(command, env=env, cwd=data_dir, capture_output=True, text=True, timeout=300)


def test_listed_events_offer_their_calendar_file(bot, api_client):
    november = bot.say(2401, "/evenements novembre 2024")
    links = re.findall(r'<a href="http://127\.0\.0\.1:8000(/events/[^"]+\.ics)">Ajouter à mon agenda</a>', november)
    assert len(links) == november.count("\n• ") == 6
    starts = [Calendar.from_ical(api_client.get(link).content).events[0].start for link in links]
    assert all(day.year == 2024 and day.month == 11 for day in starts)


def test_a_failing_daily_run_is_logged_and_the_next_one_sends(bot, monkeypatch, caplog):
    bot.say(2501, "/abonner")
    bot.clock.day = date(2024, 9, 9)
    real_due = bot.assistant.reminders.due
    monkeypatch.setattr(bot.assistant.reminders, "due", lambda as_of: 1 / 0)
    with caplog.at_level(logging.ERROR, logger="api.bot_subscriptions"):
        bot.run_daily_job()
    [logged] = [r for r in caplog.records if r.exc_info]
    assert "2024-09-09" in logged.getMessage() and isinstance(logged.exc_info[1], ZeroDivisionError)
    assert "Ce que je sais faire" in bot.say(2501, "/aide")  # the bot keeps serving

    monkeypatch.setattr(bot.assistant.reminders, "due", real_due)
    bot.run_daily_job()
    assert all(title in bot.sent(2501)[-1] for title in FIRST_FORTNIGHT)
