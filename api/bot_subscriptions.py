"""Telegram side of the event reminders: /abonner, /desabonner, the daily job, and the sending.

Who is due what is decided by the Assistant's Reminders (assistant/agenda/reminders.py); this module only
renders and sends. The same send_due() serves the bot's daily JobQueue job (9:00 Europe/Paris) and
`ems remind` run by hand or from cron.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from telegram import Bot, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, CommandHandler, ContextTypes

from api import bot_format as fmt
from assistant.knowledge.records import Event
from assistant.agenda.reminders import SEND_TIME
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.agenda.reminders import Reminders

logger = logging.getLogger(__name__)

REMINDER_JOB = "ems-reminders"
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass
class SendReport:
    """What one run sent: Telegram messages (a long digest may take several) and distinct chats."""

    messages: int = 0
    chats: set[int] = field(default_factory=set)
    unsubscribed: set[int] = field(default_factory=set)  # chats that blocked the bot

    def summary(self) -> str:
        line = (f"{self.messages} message{'s' if self.messages > 1 else ''} envoyé"
                f"{'s' if self.messages > 1 else ''} à {len(self.chats)} conversation"
                f"{'s' if len(self.chats) > 1 else ''}")
        if self.unsubscribed:
            line += f" ; {len(self.unsubscribed)} désabonnée(s) car le bot y est bloqué"
        return line + "."


def calendar_link(settings: Settings) -> Callable[[Event], str]:
    """The event's .ics on the public API: the "Ajouter à mon agenda" link."""
    base = settings.public_url.rstrip("/")
    return lambda event: f"{base}/events/{quote(event.id, safe='')}.ics"


async def send_due(bot: Bot, reminders: Reminders, as_of: date,
                   link: Callable[[Event], str]) -> SendReport:
    """Send every notice due on `as_of`. A chat that blocked the bot is unsubscribed; any other
    failure is logged and the notice stays undelivered (tried again at the next run that day)."""
    report = SendReport()
    for notice in await asyncio.to_thread(reminders.due, as_of):
        if notice.chat_id in report.unsubscribed:
            continue
        try:
            for chunk in fmt.split_message(fmt.format_notice(notice, link)):
                await bot.send_message(notice.chat_id, chunk, parse_mode=ParseMode.HTML,
                                       link_preview_options=NO_PREVIEW)
                report.messages += 1
                report.chats.add(notice.chat_id)
        except (Forbidden, BadRequest) as exc:
            if isinstance(exc, BadRequest) and "chat not found" not in str(exc).lower():
                logger.error("%s for chat %s refused: %s", notice.key, notice.chat_id, exc)
                continue
            logger.warning("chat %s is gone (%s): unsubscribing", notice.chat_id, exc)
            await asyncio.to_thread(reminders.blocked, notice.chat_id)
            report.unsubscribed.add(notice.chat_id)
            continue
        except TelegramError:
            logger.warning("%s for chat %s not sent; will retry", notice.key, notice.chat_id,
                           exc_info=True)
            continue
        await asyncio.to_thread(reminders.delivered, notice)
    logger.info("reminders for %s: %s", as_of, report.summary())
    return report


class SubscriptionCommands:
    """/abonner [thème], /desabonner and the daily job, over the Assistant's Reminders."""

    def __init__(self, reminders: Reminders, settings: Settings, today: Callable[[], date]) -> None:
        self.reminders = reminders
        self.link = calendar_link(settings)
        self.today = today

    def install(self, application: Application) -> None:
        """Register the commands and schedule the daily run at SEND_TIME (9:00 Europe/Paris)."""
        application.add_handler(CommandHandler("abonner", self.subscribe))
        application.add_handler(CommandHandler("desabonner", self.unsubscribe))
        if application.job_queue is None:  # the job-queue extra is a declared dependency
            raise RuntimeError("python-telegram-bot[job-queue] is required for the reminders")
        application.job_queue.run_daily(self.run, time=SEND_TIME, name=REMINDER_JOB)

    async def subscribe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        theme = " ".join(context.args or []).strip() or None
        try:
            subscription = await asyncio.to_thread(self.reminders.subscribe, update.effective_chat.id,
                                                   theme)
        except ValueError as exc:  # unknown theme: the message lists the known ones
            await update.message.reply_text(fmt.esc(str(exc)), parse_mode=ParseMode.HTML)
            return
        await update.message.reply_text(fmt.format_subscribed(subscription.theme),
                                        parse_mode=ParseMode.HTML)

    async def unsubscribe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        removed = await asyncio.to_thread(self.reminders.unsubscribe, update.effective_chat.id)
        await update.message.reply_text(fmt.UNSUBSCRIBED if removed else fmt.NOT_SUBSCRIBED)

    async def run(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The daily job: the digest on Mondays, tomorrow's reminders every day. A failure is logged
        with its date and the next day's run happens as usual."""
        day = self.today()
        try:
            await send_due(context.bot, self.reminders, day, self.link)
        except Exception:
            logger.exception("daily reminders for %s failed", day)


async def remind(reminders: Reminders, settings: Settings, as_of: date) -> SendReport:
    """`ems remind`: one run outside the bot, with a Bot of its own (no polling)."""
    async with Bot(settings.telegram_bot_token or "", base_url=settings.telegram_api_url) as bot:
        return await send_due(bot, reminders, as_of, calendar_link(settings))
