"""A stand-in Telegram Bot API server on 127.0.0.1, so the real python-telegram-bot `Application` runs offline.

It speaks just enough of the Bot API for the bot (getMe, long-polling getUpdates with offset semantics,
sendMessage, sendPhoto, sendDocument, answerCallbackQuery, set/getMyCommands, deleteWebhook, setWebhook,
editMessageReplyMarkup, sendChatAction, getFile and the file download behind it), records every call, lets tests
inject updates from users and wait until the bot has sent something, and can answer with faults (429 with
retry_after, 403 for a user who never started the bot), and refuses texts and captions over Telegram's limits
as Telegram does (400 "message is too long").
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TEST_TOKEN = "123456789:AAF-stand1n-T0ken_for-tests-0nly-xyz"
BOT_ID = 123456789
BOT_USERNAME = "salescoach_test_bot"

# Parameters whose form value is a JSON document (PTB JSON-encodes every non-string parameter).
_JSON_PARAMS = {
    "chat_id", "offset", "limit", "timeout", "message_id", "reply_markup", "commands", "scope",
    "allowed_updates", "show_alert", "reply_parameters", "disable_notification", "drop_pending_updates",
    "link_preview_options", "cache_time", "max_connections",
}  # fmt: skip

SENDING_METHODS = ("sendMessage", "sendPhoto", "sendDocument")


@dataclass
class Call:
    """One request the bot made: method name, decoded parameters, uploaded files and when it arrived."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)
    status: int = 200  # what the stand-in answered; only 200s count as delivered

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")


@dataclass
class _Fault:
    method: str
    status: int
    description: str
    retry_after: int | None
    remaining: int
    chat_id: int | None = None


class FakeBotApi:
    """The stand-in server; `async with FakeBotApi() as api:` starts it on a free port and stops it after."""

    def __init__(self, token: str = TEST_TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.bot_user = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Salescoach",
            "username": BOT_USERNAME,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.commands: dict[str, list[dict[str, str]]] = {}
        self.webhook: dict[str, Any] | None = None
        self.injected_at: dict[int, float] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._callback_ids = itertools.count(1)
        self._faults: list[_Fault] = []
        self._forbidden_chats: set[int] = set()
        self._files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content) users sent
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ------------------------------------------------------------------------------------------- lifecycle
    async def start(self) -> FakeBotApi:
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """What the bot gets as TELEGRAM_API_BASE_URL (PTB appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # ------------------------------------------------------------------------------------------- injection
    def push_message(
        self,
        user_id: int,
        text: str,
        *,
        first_name: str = "Tester",
        language_code: str = "en",
        reply_to: dict[str, Any] | None = None,
        chat: dict[str, Any] | None = None,
    ) -> int:
        """Queue a text message from `user_id`, in their private chat unless `chat` says otherwise; returns
        its update_id."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat or {"id": user_id, "type": "private", "first_name": first_name},
            "from": {
                "id": user_id,
                "is_bot": False,
                "first_name": first_name,
                "language_code": language_code,
            },
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return self._push({"message": message})

    def push_document(
        self,
        user_id: int,
        file_name: str,
        content: bytes,
        *,
        mime_type: str = "application/octet-stream",
        language_code: str = "en",
    ) -> int:
        """Queue a document sent by `user_id` in their private chat; the bot fetches it with getFile."""
        file_id = f"doc-{len(self._files) + 1}"
        self._files[file_id] = (f"documents/{file_id}-{file_name}", content)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "Tester"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Tester", "language_code": language_code},
            "document": {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": file_name,
                         "mime_type": mime_type, "file_size": len(content)},
        }  # fmt: skip
        return self._push({"message": message})

    def push_callback(self, user_id: int, data: str, message: dict[str, Any], *, first_name: str = "Tester") -> int:
        """Queue a button press by `user_id` on `message` (a message the bot sent, see `message_of`)."""
        query = {
            "id": str(next(self._callback_ids)),
            "from": {"id": user_id, "is_bot": False, "first_name": first_name},
            "chat_instance": f"ci-{user_id}",
            "data": data,
            "message": message,
        }
        return self._push({"callback_query": query})

    def _push(self, payload: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **payload})
        self.injected_at[update_id] = time.monotonic()
        self._notify()
        return update_id

    # ---------------------------------------------------------------------------------------------- faults
    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int | None = 1,
        count: int = 1,
        chat_id: int | None = None,
        description: str | None = None,
    ) -> None:
        """Answer the next `count` calls of `method` (optionally only to `chat_id`) with an error."""
        text = description or (f"Too Many Requests: retry after {retry_after}" if status == 429 else "Error")
        self._faults.append(_Fault(method, status, text, retry_after if status == 429 else None, count, chat_id))

    def forbid_chat(self, chat_id: int) -> None:
        """Every send to this chat fails with 403, as when a user never started the bot or blocked it."""
        self._forbidden_chats.add(chat_id)

    # --------------------------------------------------------------------------------------------- reading
    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def sent_to(self, chat_id: int, since: int = 0) -> list[Call]:
        """Messages and photos delivered to `chat_id` (refused attempts excluded), from call `since` on."""
        return [
            c for c in self.calls[since:] if c.method in SENDING_METHODS and c.chat_id == chat_id and c.status == 200
        ]

    def mark(self) -> int:
        """A position in the call log; pass it as `since` to look only at what comes after."""
        return len(self.calls)

    async def wait_for(self, predicate: Callable[[], object], *, timeout: float = 10.0) -> None:
        """Wait until `predicate()` holds; fails the test with the call log tail if it does not in time."""
        assert self._changed is not None, "server not started"
        deadline = time.monotonic() + timeout
        async with self._changed:
            while not predicate():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    tail = [(c.method, c.chat_id, c.text[:80]) for c in self.calls[-8:]]
                    raise AssertionError(f"timed out after {timeout}s; last calls: {tail}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), remaining)

    async def wait_sent(self, chat_id: int, count: int = 1, *, since: int = 0, timeout: float = 10.0) -> list[Call]:
        """Wait until the bot has sent at least `count` messages/photos to `chat_id` after `since`."""
        await self.wait_for(lambda: len(self.sent_to(chat_id, since)) >= count, timeout=timeout)
        return self.sent_to(chat_id, since)

    async def wait_call(self, method: str, count: int = 1, *, since: int = 0, timeout: float = 10.0) -> list[Call]:
        def matching() -> list[Call]:
            return [c for c in self.calls[since:] if c.method == method]

        await self.wait_for(lambda: len(matching()) >= count, timeout=timeout)
        return matching()

    def message_of(self, call: Call) -> dict[str, Any]:
        """The Message object the server returned for a send call (for pressing its buttons)."""
        result = call.params.get("_result")
        assert isinstance(result, dict), f"{call.method} returned no message"
        return result

    def _notify(self) -> None:
        if self._changed is None:
            return
        changed = self._changed

        async def notify() -> None:
            async with changed:
                changed.notify_all()

        asyncio.get_running_loop().create_task(notify())

    # ------------------------------------------------------------------------------------------------ HTTP
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params, files = await _read_params(request)
        call = Call(method, params, files)
        fault = self._take_fault(method, call.chat_id)
        if fault is not None:
            call.status = fault.status
            self.calls.append(call)
            self._notify()
            return _error(fault.status, fault.description, retry_after=fault.retry_after)
        too_long = _too_long(params) if method in SENDING_METHODS else None
        if too_long is not None:
            call.status = 400
            self.calls.append(call)
            self._notify()
            return _error(400, too_long)
        if method in SENDING_METHODS and call.chat_id in self._forbidden_chats:
            call.status = 403
            self.calls.append(call)
            self._notify()
            return _error(403, "Forbidden: bot can't initiate conversation with a user")
        if method == "getUpdates":
            # Not recorded: long polls would drown the log.
            return _ok(await self._get_updates(params))
        self.calls.append(call)
        try:
            result = self._answer(method, params, files)
        except KeyError as exc:
            return _error(400, f"Bad Request: missing {exc}")
        params["_result"] = result
        self._notify()
        return _ok(result)

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        path = request.match_info["path"]
        for file_path, content in self._files.values():
            if file_path == path:
                return web.Response(body=content)
        return _error(404, "Not Found: file")

    def _take_fault(self, method: str, chat_id: int | None) -> _Fault | None:
        for fault in self._faults:
            if fault.method == method and fault.remaining > 0 and fault.chat_id in (None, chat_id):
                fault.remaining -= 1
                return fault
        return None

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        if offset:
            # Telegram forgets everything below the offset: it was confirmed.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        assert self._changed is not None
        deadline = time.monotonic() + timeout
        async with self._changed:
            while not self._updates and time.monotonic() < deadline:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), deadline - time.monotonic())
        return self._updates[:limit]

    def _answer(self, method: str, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        if method == "getMe":
            return self.bot_user
        if method in ("deleteWebhook", "answerCallbackQuery", "sendChatAction"):
            if method == "deleteWebhook":
                self.webhook = None
            return True
        if method == "setWebhook":
            self.webhook = dict(params)
            return True
        if method == "getWebhookInfo":
            return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                    "pending_update_count": len(self._updates)}  # fmt: skip
        if method == "setMyCommands":
            self.commands[str(params.get("language_code") or "")] = list(params["commands"])
            return True
        if method == "getMyCommands":
            return self.commands.get(str(params.get("language_code") or ""), [])
        if method == "deleteMyCommands":
            self.commands.pop(str(params.get("language_code") or ""), None)
            return True
        if method in SENDING_METHODS:
            return self._message(params, files)
        if method == "getFile":
            file_path, content = self._files[str(params["file_id"])]
            return {"file_id": params["file_id"], "file_unique_id": f"u{params['file_id']}",
                    "file_size": len(content), "file_path": file_path}  # fmt: skip
        if method == "editMessageReplyMarkup":
            return {**self._bot_message(int(params["chat_id"])), "message_id": int(params["message_id"])}
        return _Unknown(method)

    def _bot_message(self, chat_id: int) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": self.bot_user,
        }

    def _message(self, params: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
        message = self._bot_message(int(params["chat_id"]))
        if "text" in params:
            message["text"] = params["text"]
        if "caption" in params:
            message["caption"] = params["caption"]
        if "photo" in params or "photo" in files:
            message["photo"] = [{"file_id": f"photo-{message['message_id']}", "file_unique_id": "u",
                                 "width": 640, "height": 480}]  # fmt: skip
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message


class _Unknown(dict[str, str]):
    """Marker for methods the stand-in does not know; answered as 404 so a test sees it plainly."""

    def __init__(self, method: str) -> None:
        super().__init__(method=method)


# Telegram's limits, counted as Telegram counts them: UTF-16 units of the text after entity parsing.
MAX_TEXT = 4096
MAX_CAPTION = 1024


def _visible_length(text: str, parse_mode: object) -> int:
    if str(parse_mode).upper() == "HTML":
        text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return len(text.encode("utf-16-le")) // 2


def _too_long(params: dict[str, Any]) -> str | None:
    """Telegram's refusal of a text or caption over its limit, as the real API words it; None when it fits."""
    if "text" in params and _visible_length(str(params["text"]), params.get("parse_mode")) > MAX_TEXT:
        return "Bad Request: message is too long"
    if "caption" in params and _visible_length(str(params["caption"]), params.get("parse_mode")) > MAX_CAPTION:
        return "Bad Request: message caption is too long"
    return None


def _ok(result: Any) -> web.Response:
    if isinstance(result, _Unknown):
        return _error(404, f"Not Found: method {result['method']} not implemented by the stand-in")
    return web.json_response({"ok": True, "result": result})


def _error(status: int, description: str, *, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=status)


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    params: dict[str, Any] = {}
    files: dict[str, bytes] = {}
    if request.can_read_body:
        if request.content_type == "application/json":
            params = dict(await request.json())
        else:
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    files[name] = value.file.read()
                elif name in _JSON_PARAMS:
                    params[name] = json.loads(value)
                else:
                    params[name] = value
    # PTB sends attached files as `attach://name` references.
    for name, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://") and value[9:] in files:
            files[name] = files[value[9:]]
    return params, files
