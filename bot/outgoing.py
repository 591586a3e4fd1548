"""The one place every message leaves the bot: an `ExtBot` that measures what it sends.

Handlers, jobs, `Message.reply_text` and PTB's own helpers all end in `Bot.send_message` (or `send_photo`,
`send_document` for captions), so the length limit is enforced here rather than trusted to each call site:
a text over Telegram's 4,096 UTF-16 units, measured as sent (after HTML escaping), is split at the best break
into a few messages (the keyboard under the last) and cut beyond that; a caption over 1,024 is cut.
"""

from __future__ import annotations

from typing import Any

from telegram import Message
from telegram.constants import ParseMode
from telegram.ext import ExtBot

from bot.formatting import MAX_CAPTION_CHARS, MAX_MESSAGE_CHARS, fit_message, utf16_len

# Keyword arguments that belong to one message of a split send only: the keyboard goes under the last part,
# the quoted reply above the first.
_LAST_ONLY = ("reply_markup",)
_FIRST_ONLY = ("reply_parameters", "reply_to_message_id", "allow_sending_without_reply")


def _is_html(parse_mode: object) -> bool:
    return isinstance(parse_mode, str) and parse_mode.upper() == ParseMode.HTML.upper()


class LengthGuardedBot(ExtBot[Any]):
    """ExtBot whose sends never exceed Telegram's length limits (see the module docstring).

    The overrides take `*args, **kwargs` so every PTB parameter passes through unchanged; only the text, caption
    and the per-part keyword arguments are looked at."""

    async def send_message(
        self, chat_id: int | str, text: str, *args: Any, **kwargs: Any
    ) -> Message:
        parse_mode = args[0] if args else kwargs.get("parse_mode")
        parts = fit_message(text, is_html=_is_html(parse_mode), limit=MAX_MESSAGE_CHARS)
        if len(parts) == 1:
            return await super().send_message(chat_id, parts[0], *args, **kwargs)
        first = {k: v for k, v in kwargs.items() if k not in _LAST_ONLY}
        middle = {k: v for k, v in first.items() if k not in _FIRST_ONLY}
        last = {k: v for k, v in kwargs.items() if k not in _FIRST_ONLY}
        for index, part in enumerate(parts[:-1]):
            await super().send_message(chat_id, part, *args, **(first if index == 0 else middle))
        return await super().send_message(chat_id, parts[-1], *args, **last)

    async def send_photo(
        self, chat_id: int | str, photo: Any, *args: Any, **kwargs: Any
    ) -> Message:
        return await super().send_photo(chat_id, photo, *args, **_fit_caption(kwargs))

    async def send_document(
        self, chat_id: int | str, document: Any, *args: Any, **kwargs: Any
    ) -> Message:
        return await super().send_document(chat_id, document, *args, **_fit_caption(kwargs))


def _fit_caption(kwargs: dict[str, Any]) -> dict[str, Any]:
    """`kwargs` with a caption cut below Telegram's 1,024 units (captions cannot be split into two)."""
    caption = kwargs.get("caption")
    if not isinstance(caption, str) or utf16_len(caption) <= MAX_CAPTION_CHARS:
        return kwargs
    html = _is_html(kwargs.get("parse_mode"))
    return {**kwargs, "caption": fit_message(caption, is_html=html, limit=MAX_CAPTION_CHARS, max_parts=1)[0]}
