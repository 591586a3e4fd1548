"""A bilingual glossary: concept groups of Chinese and English terms that may stand for one another in a search.

Why: the knowledge base is partly English, partly Chinese, and reps ask in either language. The bundled
English MiniLM cannot match "滤网" with "filter", and BM25 only matches the words it is given, so a Chinese
question about an English product sheet found nothing but the model number. The glossary adds the other
language's terms (and same-language synonyms: "expo" ~ "trade show") to the BM25 query at a reduced weight,
and lets a passage that says "filter" count as covering a question that says "滤网".

The bundled file (knowledge/glossary.yaml) is general sales vocabulary; a company points
SALESCOACH_GLOSSARY_PATH at its own file (same format), or sets SALESCOACH_GLOSSARY_ENABLED=false.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from core.text import has_cjk, tokenize
from core.yamlfile import yaml_problem

if TYPE_CHECKING:
    from core.settings import Settings

BUNDLED = Path(__file__).with_name("glossary.yaml")
EXPANSION_WEIGHT = 0.25  # of an asked term's BM25 weight: 0.5 cost 10 points of BM25 recall@1 on the eval set


class GlossaryError(ValueError):
    """A glossary file that cannot be used; the message names the file, the entry and the field."""


def _words(term: str) -> tuple[str, ...]:
    """An English term as its lowercase words ("trade show" -> ("trade", "show")); a full stop or dash at a
    word's end is punctuation ("deposit." is "deposit"), inside it part of the word ("e-commerce", "pm2.5")."""
    return tuple(w.rstrip(".-+") or w for w in re.findall(r"[0-9a-z][0-9a-z.+\-]*", term.lower()))


def _contains(text: str, term: str) -> bool:
    """A Chinese glossary term occurs in the text. A one-character term is a unit ("元" of "5000元"): it counts
    as the whole text or after a figure, never inside a word (欧元 is a euro, 单元 a unit, 元件 a part)."""
    if len(term) > 1:
        return term in text
    return text == term or re.search(rf"[0-9０-９一二三四五六七八九十百千万亿]\s*{re.escape(term)}", text) is not None


@dataclass(frozen=True)
class Glossary:
    """Concept groups; each group lists every term (English lowercased, Chinese as written)."""

    groups: tuple[tuple[str, ...], ...]
    _zh: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _en: dict[tuple[str, ...], tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _equivalents: dict[str, list[str]] = field(init=False, repr=False, compare=False, default_factory=dict)
    _expansions: dict[str, list[str]] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        zh: dict[str, list[int]] = {}
        en: dict[tuple[str, ...], list[int]] = {}
        for number, group in enumerate(self.groups):
            for term in group:
                if has_cjk(term):
                    zh.setdefault(term, []).append(number)
                elif words := _words(term):
                    en.setdefault(words, []).append(number)
        object.__setattr__(self, "_zh", {k: tuple(v) for k, v in zh.items()})
        object.__setattr__(self, "_en", {k: tuple(v) for k, v in en.items()})

    def groups_in(self, text: str) -> list[int]:
        """The groups one of whose terms occurs in the text: Chinese as a substring, English as whole words."""
        found: dict[int, None] = {}
        for term, numbers in self._zh.items():
            if _contains(text, term):
                found.update(dict.fromkeys(numbers))
        words = _words(text)
        if words:
            longest = max(len(k) for k in self._en) if self._en else 0
            for size in range(1, longest + 1):
                for start in range(len(words) - size + 1):
                    numbers = self._en.get(words[start : start + size], ())
                    found.update(dict.fromkeys(numbers))
        return list(found)

    def expansion_terms(self, query: str) -> list[str]:
        """BM25 tokens of the other terms of every group the query mentions, minus the query's own tokens.

        Remembered per question: the retriever and the answer composer both ask for the same question.
        """
        cached = self._expansions.get(query)
        if cached is not None:
            return cached
        own = set(tokenize(query))
        extra: dict[str, None] = {}
        for number in self.groups_in(query):
            for term in self.groups[number]:
                extra.update((t, None) for t in tokenize(term) if t not in own)
        if len(self._expansions) < 4096:  # bounded: questions rarely repeat beyond a retrieve-then-answer pair
            self._expansions[query] = list(extra)
        return list(extra)

    def equivalents(self, term: str) -> list[str]:
        """Other terms of the groups a single question term belongs to.

        A Chinese term matches the groups of any glossary term it contains ("电源插座" contains "插座"); an
        English term matches one-word glossary terms equal to it.
        """
        cached = self._equivalents.get(term)
        if cached is not None:
            return cached
        if has_cjk(term):
            numbers = [n for key, ns in self._zh.items() if _contains(term, key) for n in ns]
        else:
            numbers = list(self._en.get(_words(term), ()))
        out: dict[str, None] = {}
        for number in numbers:
            out.update((t, None) for t in self.groups[number] if t != term)
        if len(self._equivalents) < 65536:  # asked terms repeat; bounded so a flood of odd words cannot grow it
            self._equivalents[term] = list(out)
        return list(out)


def parse_glossary(raw: object, where: str) -> Glossary:
    """Validate the YAML structure: a list of {en: [...], zh: [...]} with non-empty string terms."""
    if not isinstance(raw, list) or not raw:
        raise GlossaryError(f"{where}: expected a non-empty list of entries with 'en' and 'zh' term lists")
    groups: list[tuple[str, ...]] = []
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            raise GlossaryError(f"{where}: entry {number}: expected a mapping with 'en' and 'zh'")
        unknown = set(entry) - {"en", "zh"}
        if unknown:
            raise GlossaryError(f"{where}: entry {number}: unknown field {sorted(unknown)[0]!r} (use 'en' and 'zh')")
        terms: list[str] = []
        for key in ("en", "zh"):
            value = entry.get(key, [])
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
                raise GlossaryError(f"{where}: entry {number}: field {key!r} must be a list of non-empty strings")
            terms.extend(t.strip().lower() if key == "en" else t.strip() for t in value)
        if len(terms) < 2:
            raise GlossaryError(f"{where}: entry {number}: needs at least two terms to relate")
        groups.append(tuple(dict.fromkeys(terms)))
    return Glossary(tuple(groups))


@lru_cache(maxsize=8)
def load_glossary(path: Path) -> Glossary:
    """Read and validate a glossary file once per process; GlossaryError naming the file on any problem."""
    try:
        # libyaml's loader when PyYAML has it: the same data as safe_load, 0.02 s instead of 0.13 s for the bundled
        # glossary, on the path of every first question.
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read glossary ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from exc
    except yaml.YAMLError as exc:
        raise GlossaryError(yaml_problem(str(path), exc)) from exc
    return parse_glossary(raw, str(path))


def glossary_for(settings: Settings) -> Glossary | None:
    """The glossary the settings ask for: the bundled one, a company file, or none."""
    if not settings.glossary_enabled:
        return None
    return load_glossary((settings.glossary_path or BUNDLED).expanduser())


def weighted_terms(terms: Sequence[str], expansions: Sequence[str]) -> tuple[list[str], list[float]]:
    """The asked terms at full weight, then expansion terms not already asked at EXPANSION_WEIGHT."""
    asked = set(terms)
    extra = [t for t in expansions if t not in asked]
    return [*terms, *extra], [1.0] * len(terms) + [EXPANSION_WEIGHT] * len(extra)
