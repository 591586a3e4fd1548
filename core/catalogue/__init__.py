"""The text catalogue: every fixed text a door shows, one module per language (`en.py`, `zh.py`) keyed the same.

Every door (Telegram, the console chat, the CLI, the web console) and the authority desk's one-line decisions
word things through `text(key, language, **values)`, so a sentence is written once per language. Values are
filled in as given: a door escapes its own values first (Telegram for HTML). Emphasis is marked in the templates
as `{b}`...`{/b}`, `{i}`...`{/i}` and `{mono}`...`{/mono}`; `PLAIN` draws it as nothing (a terminal, a web page
that escapes what it prints), and a door with markup passes its own `Markup` (Telegram: HTML tags).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Literal

from core.catalogue import en, zh

Language = Literal["en", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "zh")

Markup = Mapping[str, str]
"""How a door draws the catalogue's emphasis fields: one string per name in `MARKUP_FIELDS`."""
MARKUP_FIELDS = ("b", "/b", "i", "/i", "mono", "/mono")
PLAIN: Markup = dict.fromkeys(MARKUP_FIELDS, "")

CATALOGUES: dict[Language, Mapping[str, str]] = {"en": en.TEXTS, "zh": zh.TEXTS}


def text(key: str, language: Language = "en", *, markup: Markup = PLAIN, **values: object) -> str:
    """The catalogue's text `key` in `language`, `values` filled in and emphasis drawn with `markup`."""
    return CATALOGUES[language][key].format_map({**markup, **values})


def language_of(code: str | None) -> Language:
    """The interface language for a language tag or code (zh, zh-hans, zh-TW... -> zh; anything else -> en)."""
    return "zh" if code and code.lower().startswith("zh") else "en"


def placeholders(template: str) -> set[str]:
    """The `{names}` a template fills (emphasis fields included): what both languages of a key must agree on."""
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(template) if name is not None}
