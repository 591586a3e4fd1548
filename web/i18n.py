"""The web console's words (from the one text catalogue) and which language a request gets.

The language is `?lang=` (remembered in a cookie), else the cookie, else the browser's Accept-Language.
"""

from __future__ import annotations

from core.catalogue import CATALOGUES, PLAIN, Language, text

LANG_COOKIE = "sc_lang"
# The web console's texts are the catalogue's keys under this prefix (core/catalogue/en.py and zh.py).
PREFIX = "web."


def t(key: str, language: Language, **values: object) -> str:
    """The web console's text `key` (the catalogue's `web.<key>`) in `language`, with `{name}` fields filled.
    The page template escapes what it prints, so the catalogue's emphasis is drawn as nothing."""
    return text(PREFIX + key, language, markup=PLAIN, **values)


def has_text(key: str) -> bool:
    """Whether `key` names one of the web console's texts (an error's detail may be a key or a sentence)."""
    return PREFIX + key in CATALOGUES["en"]


def choose_language(query: str | None, cookie: str | None, accept_language: str | None) -> Language:
    """?lang= first, then the remembered choice, then the browser's preference order (q-values honoured)."""
    for explicit in (query, cookie):
        if explicit in ("en", "zh"):
            return "zh" if explicit == "zh" else "en"
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower()))
    for _q, _pos, tag in sorted(ranked):
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "en"
