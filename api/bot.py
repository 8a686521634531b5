"""Telegram bot (python-telegram-bot v22, long polling): a thin adapter over the Assistant.

One gate handler holds the chat policy (allowed chats, groups answered only when addressed,
per-chat rate limit); commands and messages then only call the Assistant and render the result
(api/bot_format.py). Updates run concurrently across chats but in order within a chat, so a
follow-up always sees the answer to the question before it.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import sys
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ChatAction, ChatType, MessageEntityType, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from api import bot_format as fmt
from api.bot_subscriptions import SubscriptionCommands, calendar_link
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from assistant.service import Assistant

logger = logging.getLogger(__name__)

# Button callback data is "<kind>:<value>": q:<index of a starter question>, g:<guide id>, g: (list)
ASK, GUIDE = "q", "g"
CALLBACK_MAX_BYTES = 64  # Telegram's limit on callback data
TYPING_REFRESH_SECONDS = 4.0  # Telegram shows "typing…" for about 5 s
Admission = Literal["ok", "warn", "silent"]


def conversation_id(chat_id: int) -> str:
    """One conversation per Telegram chat."""
    return f"tg-{chat_id}"


class ChatRateLimiter:
    """At most `limit` addressed messages per chat within any `window` seconds.

    The first message over the limit gets a polite warning, the next ones are dropped silently
    until the chat is admitted again (a bot answering every extra message would itself flood).
    """

    def __init__(self, limit: int = 10, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def admit(self, chat_id: int) -> Admission:
        now = self._clock()
        stamps = self._seen.setdefault(chat_id, deque())
        while stamps and now - stamps[0] >= self.window:
            stamps.popleft()
        if len(stamps) < self.limit:
            stamps.append(now)
            self._warned.discard(chat_id)
            return "ok"
        if chat_id in self._warned:
            return "silent"
        self._warned.add(chat_id)
        return "warn"


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, sequential within a chat."""

    def __init__(self, max_concurrent_updates: int = 16) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._waiting[chat.id] = self._waiting.get(chat.id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[chat.id] -= 1
            if not self._waiting[chat.id]:  # forget idle chats so the dicts stay small
                del self._waiting[chat.id], self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to allocate."""

    async def shutdown(self) -> None:
        """Nothing to free."""


class TelegramBot:
    """The handlers, sharing one Assistant, the chat policy and the rate limiter."""

    def __init__(self, assistant: Assistant, settings: Settings, limiter: ChatRateLimiter,
                 today: Callable[[], date]) -> None:
        self.assistant = assistant
        self.settings = settings
        self.limiter = limiter
        self.today = today
        self.link = calendar_link(settings)

    async def register_commands(self, application: Application) -> None:
        """post_init: publish the command menu (a failure must not stop the bot from serving)."""
        try:
            await application.bot.set_my_commands([BotCommand(n, d) for n, d in fmt.COMMANDS])
        except TelegramError:
            logger.warning("setMyCommands failed; the command menu may be out of date",
                           exc_info=True)
        logger.info("Telegram bot @%s ready", application.bot.username)

    async def gate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Runs first on every update: ignore, refuse or throttle, else let the handlers run."""
        chat = update.effective_chat
        if chat is None or not _is_addressed(update, context.bot):
            raise ApplicationHandlerStop
        allowed = self.settings.allowed_chat_ids
        if allowed and chat.id not in allowed:
            logger.info("Refused chat %s (update %s)", chat.id, update.update_id)
            await _notify(update, context.bot, fmt.REFUSED)
            raise ApplicationHandlerStop
        admission = self.limiter.admit(chat.id)
        if admission != "ok":
            logger.info("Rate-limited chat %s (update %s)", chat.id, update.update_id)
            if admission == "warn":
                await _notify(update, context.bot, fmt.RATE_LIMITED)
            raise ApplicationHandlerStop

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        buttons = [[InlineKeyboardButton(q, callback_data=f"{ASK}:{i}")]
                   for i, q in enumerate(fmt.STARTER_QUESTIONS)]
        await _send(context.bot, update.effective_chat.id, fmt.WELCOME, update.message,
                    InlineKeyboardMarkup(buttons))

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        text = fmt.HELP.format(username=fmt.esc(context.bot.username))
        await _send(context.bot, update.effective_chat.id, text, update.message)

    async def events(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        argument = " ".join(context.args or [])
        if not argument:
            found = await asyncio.to_thread(self.assistant.events, date_from=self.today())
            text = (fmt.format_events(found, "Prochains événements", with_notes=True, link=self.link)
                    if found else "Aucun événement à venir dans la base. Essayez par exemple /evenements 2024.")
        else:
            period = fmt.parse_period(argument, self.today())
            if period:
                found = await asyncio.to_thread(self.assistant.events, date_from=period.start,
                                                date_to=period.end, q=period.rest or None)
                heading = f"Événements — {period.label}" + (f" — {period.rest}" if period.rest else "")
            else:
                found = await asyncio.to_thread(self.assistant.events, q=argument)
                heading = f"Événements — « {argument} »"
            text = (fmt.format_events(found, heading, link=self.link) if found else
                    f"Aucun événement trouvé pour « {fmt.esc(argument)} ».")
        await _send(context.bot, update.effective_chat.id, text, update.message)

    async def members(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        keyword = " ".join(context.args or [])
        found = await asyncio.to_thread(self.assistant.members, q=keyword or None)
        if found:
            heading = f"Membres — « {keyword} »" if keyword else "Membres référencés"
            text = fmt.format_members(found, heading)
        elif keyword:
            text = (f"Aucun membre trouvé pour « {fmt.esc(keyword)} ». "
                    "Essayez un autre mot-clé : un nom, une activité, un secteur.")
        else:
            text = "Aucun membre dans la base pour l'instant."
        await _send(context.bot, update.effective_chat.id, text, update.message)

    async def guides(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        text, markup = await self._guide_list()
        await _send(context.bot, update.effective_chat.id, text, update.message, markup)

    async def dis(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._answer(context.bot, update.effective_chat.id, fmt.DIS_QUESTION, update.message)

    async def new_conversation(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id = update.effective_chat.id
        await asyncio.to_thread(self.assistant.forget, conversation_id(chat_id))
        await _send(context.bot, chat_id, fmt.FORGOTTEN, update.message)

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await _send(context.bot, update.effective_chat.id, fmt.UNKNOWN_COMMAND, update.message)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        question = _without_mention(update.message.text, context.bot.username)
        if not question:
            await _send(context.bot, update.effective_chat.id, fmt.EMPTY_QUESTION, update.message)
            return
        await self._answer(context.bot, update.effective_chat.id, question, update.message)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        kind, _, value = (query.data or "").partition(":")
        if kind == ASK and value.isdigit() and int(value) < len(fmt.STARTER_QUESTIONS):
            await query.answer()
            question = fmt.STARTER_QUESTIONS[int(value)]
            await self._answer(context.bot, update.effective_chat.id, question, None, echo=True)
        elif kind == GUIDE and not value:
            await query.answer()
            text, markup = await self._guide_list()
            await _edit(query.message, text, markup)
        elif kind == GUIDE and (guide := await asyncio.to_thread(self.assistant.guide, value)):
            await query.answer()
            back = InlineKeyboardMarkup([[InlineKeyboardButton("← Tous les guides",
                                                               callback_data=f"{GUIDE}:")]])
            await _edit(query.message, fmt.format_guide(guide), back)
        else:  # a button from an older version of the bot or of the base
            await query.answer(fmt.STALE_BUTTON)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log with the update id; tell the user briefly; the application keeps serving."""
        update_id = update.update_id if isinstance(update, Update) else None
        logger.error("Telegram update %s failed", update_id, exc_info=context.error)
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        try:
            await context.bot.send_message(update.effective_chat.id, fmt.APOLOGY)
        except TelegramError:
            logger.warning("Could not apologise in chat %s (update %s)",
                           update.effective_chat.id, update_id, exc_info=True)

    async def _answer(self, bot: Bot, chat_id: int, question: str, message: Message | None,
                      echo: bool = False) -> None:
        """Ask the Assistant (in a thread: it is synchronous) while showing "typing…"."""
        async with _typing(bot, chat_id):
            try:
                answer = await asyncio.to_thread(self.assistant.ask, question,
                                                 conversation_id=conversation_id(chat_id),
                                                 as_of=self.today())
            except ValueError as exc:  # the Assistant's French message for an unusable question
                await _send(bot, chat_id, fmt.esc(str(exc)), message)
                return
        await _send(bot, chat_id, fmt.format_answer(answer, question if echo else None), message)

    async def _guide_list(self) -> tuple[str, InlineKeyboardMarkup | None]:
        guides = await asyncio.to_thread(self.assistant.guides)
        if not guides:
            return "Aucun guide-formation dans la base pour l'instant.", None
        buttons = [[InlineKeyboardButton(g.title[:60], callback_data=f"{GUIDE}:{g.id}")]
                   for g in guides if len(f"{GUIDE}:{g.id}".encode()) <= CALLBACK_MAX_BYTES]
        return fmt.format_guides(guides), InlineKeyboardMarkup(buttons) if buttons else None


def _is_addressed(update: Update, bot: Bot) -> bool:
    """Private chats and buttons always; in groups, commands for us, mentions and replies."""
    if update.callback_query is not None:
        return True
    message = update.message  # edited messages and other update kinds are not answered
    if message is None or not message.text:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    if message.text.startswith("/"):
        target = message.text.split()[0].partition("@")[2]
        return not target or target.lower() == bot.username.lower()
    reply = message.reply_to_message
    if reply is not None and reply.from_user is not None and reply.from_user.id == bot.id:
        return True
    mention = f"@{bot.username}".lower()
    for entity, text in message.parse_entities(
            [MessageEntityType.MENTION, MessageEntityType.TEXT_MENTION]).items():
        if text.lower() == mention or (entity.user is not None and entity.user.id == bot.id):
            return True
    return False


def _without_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip(" ,:\n")


async def _send(bot: Bot, chat_id: int, html_text: str, reply_to: Message | None = None,
                markup: InlineKeyboardMarkup | None = None) -> None:
    """Send HTML text in as many messages as needed; buttons go on the last one. In groups the
    first message quotes the question it answers."""
    chunks = fmt.split_message(html_text)
    for index, chunk in enumerate(chunks):
        keyboard = markup if index == len(chunks) - 1 else None
        if reply_to is not None and index == 0:
            await reply_to.reply_text(chunk, parse_mode=ParseMode.HTML, reply_markup=keyboard)
        else:
            await bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML,
                                   reply_markup=keyboard)


async def _edit(message: object, html_text: str, markup: InlineKeyboardMarkup | None) -> None:
    if not isinstance(message, Message):  # too old for Telegram to let us edit it
        return
    try:
        await message.edit_text(fmt.split_message(html_text)[0], parse_mode=ParseMode.HTML,
                                reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():  # same button pressed twice
            raise


async def _notify(update: Update, bot: Bot, text: str) -> None:
    """A short plain-text notice: a toast for a button, a message otherwise."""
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    else:
        await bot.send_message(update.effective_chat.id, text)


@contextlib.asynccontextmanager
async def _typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" now, and keep it shown until the block ends."""

    async def refresh() -> None:
        while True:
            await asyncio.sleep(TYPING_REFRESH_SECONDS)
            await _chat_action(bot, chat_id)

    await _chat_action(bot, chat_id)
    task = asyncio.create_task(refresh())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _chat_action(bot: Bot, chat_id: int) -> None:
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING)
    except TelegramError:  # cosmetic: never fail an answer for it
        logger.warning("sendChatAction failed in chat %s", chat_id, exc_info=True)


def build_application(assistant: Assistant, settings: Settings, *,
                      rate_limiter: ChatRateLimiter | None = None,
                      today: Callable[[], date] = date.today) -> Application:
    """The configured PTB Application (not started). `today` stands for the date in tests."""
    bot = TelegramBot(assistant, settings, rate_limiter or ChatRateLimiter(settings.telegram_rate_limit), today)
    api_url = settings.telegram_api_url.rstrip("/")
    file_url = api_url[: -len("/bot")] + "/file/bot" if api_url.endswith("/bot") else api_url
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token or "")
        .base_url(api_url)
        .base_file_url(file_url)
        .defaults(Defaults(link_preview_options=LinkPreviewOptions(is_disabled=True),
                           allow_sending_without_reply=True))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(bot.register_commands)
        .build()
    )
    application.add_handler(TypeHandler(Update, bot.gate), group=-1)
    application.add_handler(CommandHandler("start", bot.start))
    application.add_handler(CommandHandler(["aide", "help"], bot.help))
    application.add_handler(CommandHandler("evenements", bot.events))
    application.add_handler(CommandHandler("membres", bot.members))
    application.add_handler(CommandHandler("guides", bot.guides))
    application.add_handler(CommandHandler("dis", bot.dis))
    application.add_handler(CommandHandler("nouveau", bot.new_conversation))
    SubscriptionCommands(assistant.reminders, settings, today).install(application)
    application.add_handler(MessageHandler(filters.COMMAND, bot.unknown_command))
    application.add_handler(MessageHandler(filters.TEXT, bot.on_text))
    application.add_handler(CallbackQueryHandler(bot.on_button))
    application.add_error_handler(bot.on_error)
    return application


def run_bot(settings: Settings | None = None) -> int:
    """`ems bot`: long polling until Ctrl+C. 0 on a clean stop, 2 on a configuration error,
    1 when the Bot API cannot be reached."""
    settings = settings or get_settings()
    if not settings.telegram_bot_token:
        print(fmt.MISSING_TOKEN, file=sys.stderr)
        return 2
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines show the token in URLs

    from assistant.service import Assistant

    application = build_application(Assistant.from_settings(settings), settings)
    try:
        application.run_polling(allowed_updates=["message", "callback_query"])
    except InvalidToken:
        print("Erreur : Telegram refuse le jeton TELEGRAM_BOT_TOKEN. Vérifiez-le auprès de "
              "@BotFather.", file=sys.stderr)
        return 2
    except NetworkError:
        print(f"Erreur : impossible de joindre l'API Telegram ({settings.telegram_api_url}). "
              "Vérifiez la connexion ou EMS_TELEGRAM_API_URL.", file=sys.stderr)
        return 1
    return 0
