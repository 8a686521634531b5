"""A local fake of the Telegram Bot API: enough of it for a real PTB Application to poll and reply.

It runs a stdlib HTTP server on a free 127.0.0.1 port, serves queued updates to getUpdates (long
polling, answered as soon as an update is queued), answers the methods the bot uses and records
every call. Like Telegram it rejects, with a 400, HTML that does not parse (an unescaped "&" or
"<", an unknown or unclosed tag) and texts over 4096 characters, so escaping and splitting
mistakes fail the tests instead of passing silently.
"""
from __future__ import annotations

import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

TOKEN = "123:TEST"
BOT_USER = {"id": 999, "is_bot": True, "first_name": "EMS", "username": "ems_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False}
MAX_TEXT = 4096
MAX_LONG_POLL = 1.0  # seconds a getUpdates may wait, whatever the client asks: fast shutdown

# Parameters PTB sends JSON-encoded in the form body; all others (text, ...) are plain strings.
_JSON_PARAMS = {"chat_id", "offset", "limit", "timeout", "allowed_updates", "reply_markup",
                "commands", "message_id", "reply_parameters", "link_preview_options",
                "show_alert", "scope", "drop_pending_updates", "message_thread_id"}
_ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a",
                 "tg-spoiler", "span", "blockquote", "tg-emoji"}
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
_TAG = re.compile(r"<(/?)([a-z-]+)(\s[^<>]*)?>")


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    error: str | None = None  # the 400 description when the fake rejected the call
    result: Any = None  # what the fake answered, e.g. the Message a sendMessage created


@dataclass
class FakeTelegram:
    """Start with start(), point PTB at base_url, push updates, then wait_for the bot's calls."""

    calls: list[Call] = field(default_factory=list)
    commands: list[dict] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)  # chats whose user blocked the bot: 403

    def __post_init__(self) -> None:
        self._updates: list[dict] = []
        self._cond = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._chats: dict[int, dict] = {}
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> FakeTelegram:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server naming)
                fake._handle(self)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args: object) -> None:
                """Quiet: the calls are recorded instead."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    @property
    def file_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/file/bot"

    # -- what users do ---------------------------------------------------------------------
    def send_text(self, chat_id: int, text: str, *, chat_type: str = "private",
                  user_id: int | None = None, reply_to: dict | None = None) -> int:
        """Queue a user's text message and return its update id. "@ems_test_bot" in it becomes a
        mention entity and a leading "/word" a bot_command entity, as Telegram marks them."""
        chat = self._chat(chat_id, chat_type)
        user_id = user_id if user_id is not None else abs(chat_id)
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                   "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
                   "text": text, "entities": _entities(text)}
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return self._queue({"message": message})

    def press_button(self, message: dict, data: str, *, user_id: int | None = None) -> str:
        """Queue a callback query, as when a user touches an inline button of `message`."""
        user_id = user_id if user_id is not None else abs(message["chat"]["id"])
        query_id = f"cq{next(self._update_ids)}"
        self._queue({"callback_query": {
            "id": query_id, "chat_instance": "ci", "data": data, "message": message,
            "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}}})
        return query_id

    # -- what tests check ------------------------------------------------------------------
    def wait_for(self, method: str, count: int = 1, timeout: float = 120.0, **match: Any) -> list[Call]:
        """Block until at least `count` calls of `method` whose params include `match` have been
        recorded; return them all. A generous timeout only guards against a hung test."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = self.find(method, **match)
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {count}×{method} {match} in {self.summary()}")
                self._cond.wait(left)

    def find(self, method: str, **match: Any) -> list[Call]:
        with self._cond:
            return [c for c in self.calls
                    if c.method == method and all(c.params.get(k) == v for k, v in match.items())]

    def texts(self, chat_id: int) -> list[str]:
        """Texts the bot sent (or edited) in that chat, in order."""
        return [c.params["text"] for c in self.calls
                if c.method in ("sendMessage", "editMessageText") and c.error is None
                and c.params.get("chat_id") == chat_id]

    def summary(self) -> str:
        return "; ".join(f"{c.method}({c.params.get('chat_id', '')})"
                         + (f" ERROR {c.error}" if c.error else "") for c in self.calls)

    # -- server side -----------------------------------------------------------------------
    def _chat(self, chat_id: int, chat_type: str) -> dict:
        chat = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = f"User{chat_id}"
        else:
            chat["title"] = f"Groupe {chat_id}"
        self._chats[chat_id] = chat
        return chat

    def _queue(self, payload: dict) -> int:
        with self._cond:
            update_id = next(self._update_ids)
            self._updates.append({"update_id": update_id, **payload})
            self._cond.notify_all()
        return update_id

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        match = re.fullmatch(r"/bot(?P<token>[^/]+)/(?P<method>\w+)", request.path.split("?")[0])
        length = int(request.headers.get("Content-Length") or 0)
        params = _decode(request.headers.get("Content-Type", ""), request.rfile.read(length))
        if match is None or match["token"] != TOKEN:
            return _reply(request, 401, {"ok": False, "error_code": 401,
                                         "description": "Unauthorized"})
        method = match["method"]
        if method == "getUpdates":  # not recorded: there are many, and they say nothing
            return _reply(request, 200, {"ok": True, "result": self._get_updates(params)})
        call = Call(method, params)
        if method == "sendMessage" and params.get("chat_id") in self.blocked:
            call.error = "Forbidden: bot was blocked by the user"
            with self._cond:
                self.calls.append(call)
                self._cond.notify_all()
            return _reply(request, 403, {"ok": False, "error_code": 403, "description": call.error})
        call.result, call.error = self._answer(method, params)
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
        if call.error:
            return _reply(request, 400, {"ok": False, "error_code": 400,
                                         "description": f"Bad Request: {call.error}"})
        return _reply(request, 200, {"ok": True, "result": call.result})

    def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), MAX_LONG_POLL)
        deadline = time.monotonic() + wait
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]  # confirmed
            while not self._updates and time.monotonic() < deadline:
                self._cond.wait(deadline - time.monotonic())
            return list(self._updates)

    def _answer(self, method: str, params: dict) -> tuple[Any, str | None]:
        if method == "getMe":
            return BOT_USER, None
        if method in ("deleteWebhook", "sendChatAction", "answerCallbackQuery"):
            return True, None
        if method == "setMyCommands":
            self.commands = params.get("commands", [])
            return True, None
        if method == "getMyCommands":
            return self.commands, None
        if method in ("sendMessage", "editMessageText"):
            error = _check_text(params.get("text", ""), params.get("parse_mode"))
            if error:
                return None, error
            chat = self._chats.get(params["chat_id"], {"id": params["chat_id"], "type": "private"})
            message_id = params.get("message_id") or next(self._message_ids)
            message = {"message_id": message_id, "date": int(time.time()), "chat": chat,
                       "from": BOT_USER, "text": params["text"]}
            if "reply_markup" in params:
                message["reply_markup"] = params["reply_markup"]
            return message, None
        return None, f"method {method} is not implemented by the fake"


def _decode(content_type: str, body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        return json.loads(body)
    params: dict[str, Any] = {}
    for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
        params[key] = json.loads(value) if key in _JSON_PARAMS else value
    return params


def _reply(request: BaseHTTPRequestHandler, status: int, payload: dict) -> None:
    body = json.dumps(payload).encode()
    try:
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):  # the client gave up a long poll on stop
        pass


def _entities(text: str) -> list[dict]:
    entities = []
    command = re.match(r"/\w+(@\w+)?", text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": _utf16(command.group())})
    for mention in re.finditer(r"@\w+", text):
        if command and mention.start() < command.end():
            continue
        entities.append({"type": "mention", "offset": _utf16(text[:mention.start()]),
                         "length": _utf16(mention.group())})
    return entities


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _check_text(text: str, parse_mode: str | None) -> str | None:
    """Telegram's own checks: length after entity parsing, and well-formed HTML."""
    if not text.strip():
        return "message text is empty"
    visible = text
    if parse_mode == "HTML":
        stack: list[str] = []
        position = 0
        while position < len(text):
            char = text[position]
            if char == "&":
                entity = _ENTITY.match(text, position)
                if not entity:
                    return f"can't parse entities: unescaped '&' at byte offset {position}"
                position = entity.end()
            elif char == "<":
                tag = _TAG.match(text, position)
                if not tag or tag.group(2) not in _ALLOWED_TAGS:
                    return f"can't parse entities: unsupported start tag at byte offset {position}"
                if tag.group(1):
                    if not stack or stack.pop() != tag.group(2):
                        return f"can't parse entities: unexpected end tag at byte offset {position}"
                else:
                    stack.append(tag.group(2))
                position = tag.end()
            elif char == ">":
                return f"can't parse entities: unescaped '>' at byte offset {position}"
            else:
                position += 1
        if stack:
            return f"can't parse entities: can't find end tag corresponding to start tag {stack[-1]}"
        visible = _ENTITY.sub("x", _TAG.sub("", text))
    if _utf16(visible) > MAX_TEXT:
        return "message is too long"
    return None
