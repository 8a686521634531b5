"""The Telegram bot: the real PTB Application polling a local fake Bot API, over the real Assistant.

Each test starts its own fake server and Application (a few milliseconds) and uses its own chat
ids, because the session's Assistant keeps conversations by id.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import re
import threading
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from telegram.ext import Application

from api.bot import (
    ChatRateLimiter,
    build_application,
    conversation_id,
    run_bot,
)
from api.bot_format import (
    APOLOGY,
    COMMANDS,
    RATE_LIMITED,
    REFUSED,
    STARTER_QUESTIONS,
    TELEGRAM_MAX_CHARS,
    format_answer,
    format_members,
    parse_period,
    split_message,
)
from assistant.knowledge.records import Member
from assistant.answer import Answer, Source
from assistant.settings import Settings
from fake_telegram import BOT_USER, TOKEN, FakeTelegram

BOT_NAME = BOT_USER["username"]


class BotRunner:
    """The Application on its own event loop thread, started as run_polling() would start it."""

    def __init__(self, application: Application) -> None:
        self.application = application
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()
        self._run(self._start())

    def stop(self) -> None:
        self._run(self._stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.run_until_complete(self.loop.shutdown_default_executor())
        self.loop.close()

    async def _start(self) -> None:
        app = self.application
        await app.initialize()
        await app.post_init(app)
        await app.updater.start_polling(timeout=1, allowed_updates=["message", "callback_query"])
        await app.start()

    async def _stop(self) -> None:
        await self.application.updater.stop()
        await self.application.stop()
        await self.application.shutdown()

    def _run(self, coroutine) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=120)


def bot_settings(fake: FakeTelegram, allowed: str = "") -> Settings:
    return Settings(_env_file=None, telegram_bot_token=TOKEN, telegram_api_url=fake.base_url,
                    telegram_allowed_chats=allowed)


@pytest.fixture
def telegram(assistant) -> Iterator[Callable[..., FakeTelegram]]:
    """Start a fake Bot API and the bot polling it: telegram(allowed="1,2", rate_limiter=...)."""
    started: list[tuple[FakeTelegram, BotRunner]] = []

    def start(allowed: str = "", **options) -> FakeTelegram:
        fake = FakeTelegram().start()
        runner = BotRunner(build_application(assistant, bot_settings(fake, allowed), **options))
        started.append((fake, runner))
        runner.start()
        return fake

    yield start
    for fake, runner in reversed(started):
        runner.stop()
        fake.stop()


def answer_to(fake: FakeTelegram, chat_id: int, text: str, count: int = 1, **kwargs) -> str:
    """Send text in a chat and return the bot's `count`-th message there."""
    fake.send_text(chat_id, text, **kwargs)
    return fake.wait_for("sendMessage", count=count, chat_id=chat_id)[count - 1].params["text"]


# -- the real Application against the fake Bot API ----------------------------------------------

def test_start_registers_commands_and_offers_starter_questions(telegram):
    fake = telegram()
    registered = fake.wait_for("setMyCommands")[0].params["commands"]
    assert [c["command"] for c in registered] == [name for name, _ in COMMANDS]

    fake.send_text(1001, "/start")
    [welcome] = fake.wait_for("sendMessage", chat_id=1001)
    assert "Cluster Eau-Milieux-Sols" in welcome.params["text"]
    keyboard = welcome.params["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"] for row in keyboard] == list(STARTER_QUESTIONS)

    forum = STARTER_QUESTIONS.index("Combien de participants au Forum Eau ?")
    query_id = fake.press_button(welcome.result, keyboard[forum][0]["callback_data"])
    fake.wait_for("answerCallbackQuery", callback_query_id=query_id)
    answer = fake.wait_for("sendMessage", count=2, chat_id=1001)[1].params["text"]
    assert "Forum Eau" in answer and "126" in answer


def test_question_answered_with_the_figure_while_typing(telegram):
    fake = telegram()
    fake.send_text(1002, "Combien de participants au Forum Eau ?")
    [reply] = fake.wait_for("sendMessage", chat_id=1002)
    assert "126" in reply.params["text"]
    assert reply.params["parse_mode"] == "HTML"
    assert "Sources" in reply.params["text"]
    typing = fake.find("sendChatAction", chat_id=1002, action="typing")
    assert typing and fake.calls.index(typing[0]) < fake.calls.index(reply)


def test_follow_up_in_the_same_chat(telegram):
    fake = telegram()
    assert "764" in _digits(answer_to(fake, 1003, "Les contacts membres, c'était combien en 2024 ?"))
    follow_up = answer_to(fake, 1003, "Et en 2023 ?", count=2)
    assert "877" in _digits(follow_up)


def test_two_chats_do_not_share_memory(telegram):
    fake = telegram()
    answer_to(fake, 1004, "Les contacts membres, c'était combien en 2024 ?")
    other = answer_to(fake, 1005, "Et en 2023 ?")
    assert "877" not in _digits(other)
    assert "877" in _digits(answer_to(fake, 1004, "Et en 2023 ?", count=2))


def test_new_conversation_forgets_the_context(telegram):
    fake = telegram()
    answer_to(fake, 1006, "Les contacts membres, c'était combien en 2024 ?")
    assert "nouvelle conversation" in answer_to(fake, 1006, "/nouveau", count=2)
    assert "877" not in _digits(answer_to(fake, 1006, "Et en 2023 ?", count=3))


def test_group_answers_only_when_mentioned_or_replied_to(telegram):
    fake = telegram()
    group = -2001
    fake.send_text(group, "Combien de participants au Forum Eau ?", chat_type="group", user_id=7)
    fake.send_text(group, f"@{BOT_NAME} combien de participants au Forum Eau ?",
                   chat_type="group", user_id=7)
    [reply] = fake.wait_for("sendMessage", chat_id=group)
    assert "126" in reply.params["text"]
    assert reply.params["reply_parameters"]["message_id"] > 0  # quotes the question it answers
    # Updates of one chat are handled in order: the unmentioned message was already ignored.
    assert len(fake.find("sendMessage", chat_id=group)) == 1
    assert len(fake.find("sendChatAction", chat_id=group)) == 1

    fake.send_text(group, "Combien de participants au Forum régional Sols ?", chat_type="group",
                   user_id=7, reply_to=reply.result)
    second = fake.wait_for("sendMessage", count=2, chat_id=group)[1].params["text"]
    assert "170" in second


def test_chat_outside_the_allowed_list_is_refused(telegram):
    fake = telegram(allowed="1007")
    refused = answer_to(fake, 3001, "Combien de participants au Forum Eau ?")
    assert refused == REFUSED
    assert not fake.find("sendChatAction", chat_id=3001)  # the Assistant was not asked
    assert "126" in answer_to(fake, 1007, "Combien de participants au Forum Eau ?")


def test_rate_limit_warns_once_then_stays_quiet(telegram):
    # The limiter reads the clock once per addressed message: four within the minute, then later.
    ticks = itertools.chain([0.0] * 4, itertools.repeat(60.0))
    fake = telegram(rate_limiter=ChatRateLimiter(limit=2, window=60, clock=lambda: next(ticks)))
    for text in ("/aide", "/aide", "/aide", "/aide", "/guides"):
        fake.send_text(1008, text)
    # One chat's updates are handled in order: once /guides is answered, the 4th /aide was handled.
    texts = [c.params["text"] for c in fake.wait_for("sendMessage", count=4, chat_id=1008)]
    assert texts[2] == RATE_LIMITED
    assert "Guides-formations" in texts[3]
    assert len(fake.find("sendMessage", chat_id=1008)) == 4


def test_long_answer_is_split_on_paragraphs(telegram, assistant, monkeypatch):
    paragraphs = [f"Paragraphe {i} : " + ("eau et sols " * 60).strip() for i in range(12)]  # ~9 000 chars
    monkeypatch.setattr(assistant, "ask", lambda message, conversation_id=None, as_of=None:
                        Answer("\n\n".join(paragraphs), [], False, conversation_id))
    fake = telegram()
    fake.send_text(1010, "Racontez-moi tout")
    parts = [c.params["text"] for c in fake.wait_for("sendMessage", count=3, chat_id=1010)]
    assert all(len(p) <= TELEGRAM_MAX_CHARS for p in parts)
    assert "\n\n".join(parts).split("\n\n") == paragraphs


def test_names_with_ampersand_and_angle_brackets_are_escaped(telegram, assistant, monkeypatch):
    answer = Answer("Membre : Eau & Sols <SAS>, R&D.",
                    [Source("m1", "Eau & Sols <SAS>", "member", "…")], False, "x")
    monkeypatch.setattr(assistant, "ask", lambda *args, **kwargs: answer)
    fake = telegram()
    text = answer_to(fake, 1011, "Qui est Eau & Sols ?")  # the fake rejects unparsable HTML
    assert "Eau &amp; Sols &lt;SAS&gt;, R&amp;D." in text
    assert "• Eau &amp; Sols &lt;SAS&gt;" in text


def test_a_failing_update_gets_an_apology_and_the_bot_keeps_serving(telegram, assistant,
                                                                     monkeypatch, caplog):
    real_ask = assistant.ask
    failures: list[str] = []

    def ask_failing_once(*args, **kwargs):
        if not failures:
            failures.append("done")
            raise RuntimeError("panne simulée")
        return real_ask(*args, **kwargs)

    monkeypatch.setattr(assistant, "ask", ask_failing_once)
    fake = telegram()
    with caplog.at_level(logging.ERROR, logger="api.bot"):
        update_id = fake.send_text(1012, "Combien de participants au Forum Eau ?")
        assert fake.wait_for("sendMessage", chat_id=1012)[0].params["text"] == APOLOGY
    [logged] = [r for r in caplog.records if r.exc_info and "panne simulée" in str(r.exc_info[1])]
    assert str(update_id) in logged.getMessage()
    assert "126" in answer_to(fake, 1012, "Combien de participants au Forum Eau ?", count=2)


def test_commands_list_events_members_guides_and_dis(telegram):
    fake = telegram()
    november = answer_to(fake, 1013, "/evenements novembre 2024")
    assert "novembre 2024" in november and november.count("\n• ") == 6

    member = answer_to(fake, 1013, "/membres Trizzy", count=2)
    assert "Trizzy" in member and "zéro" in member.lower()

    fake.send_text(1013, "/guides")
    listing = fake.wait_for("sendMessage", count=3, chat_id=1013)[2]
    buttons = listing.params["reply_markup"]["inline_keyboard"]
    assert len(buttons) == 4
    fake.press_button(listing.result, buttons[0][0]["callback_data"])
    [edited] = fake.wait_for("editMessageText", chat_id=1013)
    assert buttons[0][0]["text"] in edited.params["text"]
    assert edited.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "g:"

    dis = answer_to(fake, 1013, "/dis", count=4)
    assert "ECOCIT" in dis.upper()


def test_upcoming_events_from_today(telegram):
    fake = telegram(today=lambda: date(2024, 9, 9))
    upcoming = answer_to(fake, 1014, "/evenements")
    assert "Prochains événements" in upcoming
    assert upcoming.index("11 septembre 2024") < upcoming.index("12 septembre 2024")


def test_run_bot_without_token_explains_and_exits_2(capsys):
    settings = Settings(_env_file=None, telegram_bot_token=None)
    assert run_bot(settings) == 2
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().err


def test_run_bot_with_a_refused_token_explains_and_exits_2(corpus_settings, capsys):
    fake = FakeTelegram().start()  # answers 401 to any token but TOKEN, as Telegram does
    settings = corpus_settings.model_copy(update={"telegram_bot_token": "456:REFUSE",
                                                  "telegram_api_url": fake.base_url})
    try:
        assert run_bot(settings) == 2
    finally:
        fake.stop()
    error = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in error and "456:REFUSE" not in error


# -- units: no Application -----------------------------------------------------------------------

def test_split_message_prefers_paragraphs_then_lines_then_hard_cuts():
    assert split_message("court") == ["court"]
    paragraphs = ["a" * 30, "b" * 30, "c" * 30]
    assert split_message("\n\n".join(paragraphs), limit=70) == ["a" * 30 + "\n\n" + "b" * 30, "c" * 30]
    lines = "\n".join(["x" * 30, "y" * 30, "z" * 30])
    assert split_message(lines, limit=70) == ["x" * 30 + "\n" + "y" * 30, "z" * 30]
    hard = split_message("mot " * 50, limit=60)
    assert all(len(p) <= 60 for p in hard) and "".join(hard) == ("mot " * 50).strip()


def test_split_message_never_cuts_an_entity_and_counts_utf16():
    text = "&amp;" * 30
    parts = split_message(text, limit=12)
    assert all(p.count("&") == p.count(";") for p in parts) and "".join(parts) == text
    emojis = "💧" * 10  # two UTF-16 units each, as Telegram counts them
    assert [len(p) for p in split_message(emojis, limit=6)] == [3, 3, 3, 1]


def test_answer_format_escapes_and_deduplicates_sources():
    answer = Answer("A < B & C", [Source("1", "T&T", "event", "", "2024-04-26"),
                                  Source("2", "T&T", "event", ""),
                                  Source("3", "Autre", "figure", "")], False, "c")
    text = format_answer(answer)
    assert text.startswith("A &lt; B &amp; C")
    assert text.count("T&amp;T (26 avril 2024)") == 1 and "• Autre" in text
    assert "Sources" not in format_answer(Answer("Je ne trouve pas.", answer.sources, True, "c"))


def test_member_format_escapes_names():
    text = format_members([Member("m", "Eau & Sols <SAS>", kind="PME")], "Membres")
    assert "<b>Eau &amp; Sols &lt;SAS&gt;</b> (PME)" in text


def test_parse_period():
    today = date(2026, 11, 28)
    november = parse_period("novembre 2024", today)
    assert (november.start, november.end, november.label) == (date(2024, 11, 1), date(2024, 11, 30),
                                                             "novembre 2024")
    assert parse_period("2024", today).end == date(2024, 12, 31)
    assert parse_period("11/2024", today).start == date(2024, 11, 1)
    assert parse_period("fevrier", today).end == date(2026, 2, 28)
    assert parse_period("visites en août 2024", today).rest == "visites"
    assert parse_period("forum", today) is None


def test_rate_limiter_window():
    now = [0.0]
    limiter = ChatRateLimiter(limit=2, window=60, clock=lambda: now[0])
    assert [limiter.admit(1) for _ in range(4)] == ["ok", "ok", "warn", "silent"]
    assert limiter.admit(2) == "ok"
    now[0] = 60.0
    assert limiter.admit(1) == "ok"


def test_conversation_per_chat():
    assert conversation_id(-100123) != conversation_id(123)


def _digits(text: str) -> str:
    """Text with the thousands separators (spaces, narrow spaces, dots) between digits removed."""
    return re.sub(r"(?<=\d)[\s\u202f\u00a0.](?=\d{3})", "", text)
