"""YAML front matter of Markdown and plain-text files: split it off, validate each field, name the line of a bad one.

Values are read from the YAML node tree rather than `yaml.safe_load`, so `version: 3.10` stays "3.10"
instead of becoming the float 3.1, and a bad date is reported against its field and line instead of as a
bare "month must be in 1..12" from YAML's timestamp constructor.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ingest.models import DOC_TYPES, LANGUAGES, IngestError, IngestRules

FIELDS = ("title", "doc_type", "language", "version", "effective_date", "review_by", "audience")
# Front matter opens on the first line with --- and closes with --- or ... on a line of its own.
_FRONT = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
# Field names people write for ours; other unknown fields are ignored, not refused.
ALIASES = {"lang": "language", "type": "doc_type", "effective": "effective_date", "review": "review_by",
           "review_date": "review_by"}  # fmt: skip
# Words that name a doc_type in the ways companies write it, checked in this order.
DOC_TYPE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("faq", ("faq", "问答", "常见问题")),
    ("compliance", ("compliance", "合规")),
    ("briefing", ("briefing", "通报", "简报")),
    ("product", ("product", "sheet", "datasheet", "spec", "产品", "说明书", "规格")),
    ("duty_manual", ("manual", "handbook", "guide", "手册", "职责", "指南")),
    ("policy", ("policy", "rule", "regulation", "制度", "办法", "政策", "规范", "规定", "规程")),
)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
PERSON_ENTRY = re.compile(r"rep:[^\s,]+")  # a person in an audience: rep:<REP_ID> (core.audience.person)


@dataclass(frozen=True)
class FrontMatter:
    """Validated front matter fields; None means "not given, infer it"."""

    title: str | None = None
    doc_type: str | None = None
    language: str | None = None
    version: str | None = None
    effective_date: date | None = None
    review_by: date | None = None
    audience: tuple[str, ...] = ()


def split_front_matter(
    text: str, path: Path, *, roles: Collection[str] | None = None
) -> tuple[FrontMatter | None, str, int]:
    """Return (front matter or None, body, number of lines before the body) for Markdown or plain text.

    `roles` are the role names an audience may use (default: the default policy's roles).
    """
    match = _FRONT.match(text)
    if match is None:
        if re.match(r"\A---[ \t]*\r?\n", text):
            raise IngestError(path, "front matter opened with --- on line 1 is never closed with ---")
        return None, text, 0
    body = text[match.end() :]
    return parse_front_matter(match.group("yaml"), path, roles=roles), body, text[: match.end()].count("\n")


def parse_front_matter(source: str, path: Path, *, roles: Collection[str] | None = None) -> FrontMatter:
    """Validate the YAML between the --- fences; raise IngestError naming file, line and field."""
    known_roles = tuple(roles) if roles is not None else IngestRules().roles
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""  # +1 for 1-based, +1 for the --- line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise IngestError(path, f"front matter is not valid YAML{where}: {problem}") from exc
    if root is None:
        return FrontMatter()
    if not isinstance(root, yaml.MappingNode):
        raise IngestError(path, "front matter must be a mapping of fields (title: ..., doc_type: ...)")

    values: dict[str, object] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 2
        key = ALIASES.get(str(key_node.value).strip().lower(), str(key_node.value))
        if key not in FIELDS:
            # Real documents carry their own bookkeeping (owner, maintained_by, tags): not ours to refuse.
            continue
        if key in values:
            raise IngestError(path, f"front matter line {line}: field {key!r} given twice")
        values[key] = _field(path, key, value_node, line, known_roles)
    return FrontMatter(**values)  # type: ignore[arg-type]  # keys and types checked by _field


def _scalar(path: Path, key: str, node: yaml.Node, line: int) -> str | None:
    if not isinstance(node, yaml.ScalarNode):
        raise IngestError(path, f"front matter line {line}: {key} must be a single value")
    value = str(node.value).strip()
    if not value or (node.style is None and value in _NULLS):
        return None
    return value


def _audience(path: Path, node: yaml.Node, line: int, roles: Collection[str]) -> tuple[str, ...]:
    """Role names and `rep:<ID>` people, lowercased; an empty or misspelt audience is an error.

    Why strict: an unknown entry (`Managers`) would make a document nobody can read, and an empty one would
    silently publish what the writer meant to restrict; omitting the key is how a document is made public.
    """
    items: list[str | None]
    if isinstance(node, yaml.SequenceNode):
        items = [_scalar(path, "audience", item, line) for item in node.value]
    else:
        text = _scalar(path, "audience", node, line)
        items = [part.strip() for part in text.split(",")] if text else []
    entries = tuple(item.strip() for item in items if item and item.strip())
    if not entries:
        raise IngestError(
            path,
            f"front matter line {line}: audience is empty; list roles or rep:<REP_ID>, or omit the key "
            "for a document everyone may read",
        )
    allowed = {role.lower() for role in roles}
    for entry in entries:
        if entry.lower() not in allowed and not PERSON_ENTRY.fullmatch(entry.lower()):
            raise IngestError(
                path,
                f"front matter line {line}: audience {entry!r} is not a role ({', '.join(roles)}) "
                "nor a person (rep:<REP_ID>)",
            )
    return tuple(dict.fromkeys(entry.lower() for entry in entries))


def _doc_type(value: str) -> str | None:
    """A doc_type as written by people ("product sheet", "产品说明书", "Handbook") mapped to ours, or None."""
    lowered = value.strip().lower().replace("-", "_").replace(" ", "_")
    if lowered in DOC_TYPES:
        return lowered
    for doc_type, words in DOC_TYPE_WORDS:
        if any(word in lowered for word in words):
            return doc_type
    return None


def _field(path: Path, key: str, node: yaml.Node, line: int, roles: Collection[str]) -> object:
    """Convert and check one field; the error names the field, its line and what is allowed."""
    if key == "audience":
        return _audience(path, node, line, roles)
    value = _scalar(path, key, node, line)
    if value is None:
        return None
    if key == "doc_type":
        doc_type = _doc_type(value)
        if doc_type is None:
            raise IngestError(
                path, f"front matter line {line}: doc_type {value!r} is not one of {', '.join(DOC_TYPES)}"
            )
        return doc_type
    if key == "language":
        language = value.lower().replace("_", "-").split("-")[0]  # zh-CN, en_US -> zh, en
        if language not in LANGUAGES:
            raise IngestError(
                path, f"front matter line {line}: language {value!r} is not one of {', '.join(LANGUAGES)}"
            )
        return language
    if key in ("effective_date", "review_by"):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise IngestError(
                path, f"front matter line {line}: {key} {value!r} is not a date (use YYYY-MM-DD)"
            ) from exc
    return value  # title, version: text as written
