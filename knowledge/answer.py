"""Answer composition: retrieved passages become a short cited answer, or an honest "not covered".

Extractive by default (no LLM): the sentences of the top passages that share the most (IDF-weighted) terms
with the question, each followed by its citation number. LLM mode, when configured, writes the answer from
the same numbered passages and falls back to extractive when the model fails, keeping the citations.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from knowledge.lexical import query_terms
from knowledge.messages import Citation, Reply, Request
from knowledge.retriever import ScoredChunk, is_chinese
from knowledge.text import split_sentences, tokenize

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from knowledge.retriever import HybridRetriever
    from knowledge.settings import Settings

log = logging.getLogger(__name__)

MAX_SENTENCES = 4
_CITE = re.compile(r"\[\d+\]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•·]\s|\d+[.)、]\s?)")
MIN_SENTENCES = 2
MAX_LIST_ITEMS = 6
SNIPPET_CHARS = 240
# A passage in the question's language goes first when its score is within this share of the best one.
LANGUAGE_PREFERENCE = 0.8


@dataclass
class _Sentence:
    text: str
    citation: int  # 1-based
    passage_rank: int
    position: int
    score: float


class Answerer:
    """Turns a Request into a cited Reply from the knowledge index, as the asker's role sees it."""

    def __init__(
        self,
        settings: Settings,
        *,
        retriever: HybridRetriever,
        chat_model: BaseChatModel | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self._chat_model = chat_model
        self._chat_model_failed = False
        self.today = today

    # -- entry point ---------------------------------------------------------------------------------------

    def answer(self, request: Request) -> Reply:
        question = request.text
        language = "zh" if is_chinese(question) else "en"
        role = request.asker.role if request.asker else None
        k = request.top_k or self.settings.top_k
        hits = self.retriever.search(question, k=k, audience_role=role)
        threshold = self.settings.relevance_threshold
        relevant = [h for h in hits if h.relevance >= threshold]
        if not relevant:
            return self.not_covered(language)

        passages = prefer_language(relevant, language)
        citations, number_of = self._citations(passages)
        stale = self._stale_warnings(citations, language)

        text: str | None = None
        model = self._model()
        if model is not None:
            text = self._llm_answer(model, question, passages, number_of, language)
        if text is None:
            text = self._extractive(question, passages, number_of, language)
        # Warn about the stale documents the answer relies on, not every stale "see also".
        # (A model answer that cites nothing gets every warning.)
        cites_any = bool(_CITE.search(text))
        warnings = [w for n, w in stale if f"[{n}]" in text or not cites_any]
        if warnings:
            text = f"{text}\n\n" + "\n".join(f"⚠ {w}" for w in warnings)
        return Reply(answer=text, grounded=True, citations=citations, language=language, warnings=warnings)

    def not_covered(self, language: str) -> Reply:
        """The honest answer below the relevance threshold: not covered, and who to ask instead."""
        if language == "zh":
            text = f"现有资料没有涉及这个问题，我不想凭猜测回答。请咨询{self.settings.fallback_contact_zh}。"
        else:
            text = f"The documents don't cover this, so I won't guess. Please ask {self.settings.fallback_contact}."
        return Reply(answer=text, grounded=False, citations=[], language="zh" if language == "zh" else "en")

    # -- citations -----------------------------------------------------------------------------------------

    def _citations(self, passages: Sequence[ScoredChunk]) -> tuple[list[Citation], dict[str, int]]:
        """One citation per (source, section), numbered in passage order; maps chunk id -> citation number."""
        citations: list[Citation] = []
        key_number: dict[tuple[str, str], int] = {}
        number_of: dict[str, int] = {}
        today = self.today()
        for hit in passages:
            key = (hit.source, hit.section)
            if key not in key_number:
                md = hit.metadata
                review_by = _parse_date(md.get("review_by"))
                citations.append(
                    Citation(
                        title=str(md.get("title", "")),
                        source=hit.source,
                        section=hit.section,
                        version=str(md.get("version") or "") or None,
                        stale=review_by is not None and review_by < today,
                        score=round(hit.relevance, 4),
                        snippet=_snippet(hit.text),
                        doc_type=str(md.get("doc_type") or "") or None,
                        language=str(md.get("language") or "") or None,
                    )
                )
                key_number[key] = len(citations)
            number_of[hit.chunk_id] = key_number[key]
        return citations, number_of

    def _stale_warnings(self, citations: Sequence[Citation], language: str) -> list[tuple[int, str]]:
        """(citation number, warning) for each stale document, once per document."""
        warnings: list[tuple[int, str]] = []
        seen: set[str] = set()
        for n, c in enumerate(citations, start=1):
            if not c.stale or c.source in seen:
                continue
            seen.add(c.source)
            if language == "zh":
                text = f"[{n}]《{c.title}》已超过复核日期，内容可能过时，请与{self.settings.fallback_contact_zh}确认。"
                warnings.append((n, text))
            else:
                text = (
                    f'[{n}] "{c.title}" is past its review date and may be out of date; '
                    f"confirm with {self.settings.fallback_contact}."
                )
                warnings.append((n, text))
        return warnings

    # -- extractive ----------------------------------------------------------------------------------------

    def _extractive(
        self, question: str, passages: Sequence[ScoredChunk], number_of: dict[str, int], language: str
    ) -> str:
        """The best 2-4 sentences of the top passages, in reading order per passage, each with its [n]."""
        chosen = select_sentences(question, passages, number_of, self._idf)
        joiner = "" if language == "zh" else " "
        parts: list[str] = []
        for i, sentence in enumerate(chosen):
            line = f"{sentence.text} [{sentence.citation}]"
            if i == 0:
                parts.append(line)
            elif sentence.text.startswith("|") or _LIST_ITEM.match(sentence.text) or parts[-1].startswith("\n"):
                parts.append("\n" + line)  # table rows and list items keep their own lines
            else:
                parts.append(joiner + line)
        return "".join(parts)

    def _idf(self, term: str) -> float:
        return float(self.retriever.index.lexical().term_idf(term))

    # -- LLM -----------------------------------------------------------------------------------------------

    def _model(self) -> BaseChatModel | None:
        if self._chat_model is not None:
            return self._chat_model
        if self.settings.answer_mode != "llm" or self._chat_model_failed:
            return None
        from knowledge.llm import build_chat_model

        try:
            self._chat_model = build_chat_model(self.settings)
        except (ImportError, ValueError) as exc:
            # Configuration problem: say so once, then answer extractively rather than not at all.
            log.warning("LLM answer mode unavailable (%s); using extractive answers", exc)
            self._chat_model_failed = True
            return None
        return self._chat_model

    def _llm_answer(
        self,
        model: BaseChatModel,
        question: str,
        passages: Sequence[ScoredChunk],
        number_of: dict[str, int],
        language: str,
    ) -> str | None:
        from knowledge.llm import build_messages, model_errors

        numbered = [(number_of[p.chunk_id], f"{p.metadata.get('title', '')} — {p.section}", p.text) for p in passages]
        try:
            response = model.invoke(build_messages(question, numbered, language=language))
        except model_errors() as exc:
            log.warning("LLM answer failed (%s: %s); falling back to extractive", type(exc).__name__, exc)
            return None
        text = _content_text(response.content).strip()
        if not text:
            log.warning("LLM returned an empty answer; falling back to extractive")
            return None
        return text


def prefer_language(hits: Sequence[ScoredChunk], language: str) -> list[ScoredChunk]:
    """Move a passage in the question's language to the front when its score is close to the best one."""
    if not hits or hits[0].language == language:
        return list(hits)
    best = hits[0].score
    for i, hit in enumerate(hits):
        if hit.language == language and hit.score >= LANGUAGE_PREFERENCE * best:
            return [hit, *hits[:i], *hits[i + 1 :]]
    return list(hits)


def select_sentences(
    question: str,
    passages: Sequence[ScoredChunk],
    number_of: dict[str, int],
    idf: Callable[[str], float],
    *,
    max_passages: int = 3,
) -> list[_Sentence]:
    """Score sentences by IDF-weighted overlap with the question, plus earlier position and better passage.

    A chosen sentence that introduces a list or table ("...as follows:") brings its items along, since the
    items are the answer; table header rows and questions (FAQ prompts) rarely answer anything on their own.
    """
    terms = query_terms(tokenize(question))
    weights = {t: idf(t) for t in terms}
    total = sum(weights.values()) or 1.0
    candidates: list[_Sentence] = []
    items: dict[tuple[int, int], _Sentence] = {}  # (passage rank, position) -> list item or table row
    headers: dict[tuple[int, int], _Sentence] = {}  # (passage rank, position of a row) -> its table's header
    for rank, hit in enumerate(passages[:max_passages]):
        previous_row = False
        header_row: _Sentence | None = None
        for pos, sentence in enumerate(_rejoin_rows(split_sentences(hit.text))):
            text = sentence.strip()
            is_row = text.startswith("|")
            header = is_row and not previous_row
            previous_row = is_row
            if len(text.strip(" -*#|")) < 4:
                continue
            present = set(tokenize(text))
            overlap = sum(w for t, w in weights.items() if t in present) / total
            score = overlap + 0.08 / (1 + pos) + 0.1 / (1 + rank)
            if header:
                score *= 0.3
            elif text.endswith(("?", "？")):
                score *= 0.5
            item = _Sentence(text, number_of[hit.chunk_id], rank, pos, score)
            candidates.append(item)
            if header:
                header_row = item
            elif is_row and header_row is not None:
                headers[(rank, pos)] = header_row
            if (is_row and not header) or _LIST_ITEM.match(text):
                items[(rank, pos)] = item
    if not candidates:
        return []
    candidates.sort(key=lambda s: -s.score)
    best = candidates[0].score
    chosen = [s for s in candidates[:MAX_SENTENCES] if s.score >= 0.5 * best]
    if len(chosen) < MIN_SENTENCES:
        chosen = candidates[:MIN_SENTENCES]
    for intro in list(chosen):
        if not intro.text.endswith((":", "：")):
            continue
        pos = intro.position + 1
        if (intro.passage_rank, pos) not in items:  # a table's header row sits between intro and rows
            pos += 1
        added = 0
        while added < MAX_LIST_ITEMS and (intro.passage_rank, pos) in items:
            item = items[(intro.passage_rank, pos)]
            if item not in chosen:
                chosen.append(item)
                added += 1
            pos += 1
    for row in list(chosen):  # a table row needs its header to be read
        head = headers.get((row.passage_rank, row.position))
        if head is not None and head not in chosen:
            chosen.append(head)
    chosen.sort(key=lambda s: (s.passage_rank, s.position))
    return chosen


def _rejoin_rows(sentences: list[str]) -> list[str]:
    """Glue a table row back together when the sentence splitter cut it at a "；" inside a cell."""
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1].startswith("|") and not out[-1].rstrip().endswith("|"):
            out[-1] = out[-1] + sentence
        else:
            out.append(sentence)
    return out


def _content_text(content: Any) -> str:
    """A chat message's content as text (it may be a list of content blocks)."""
    if isinstance(content, str):
        return content
    parts = [b.get("text", "") if isinstance(b, dict) else str(b) for b in content]
    return "".join(parts)


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1].rstrip() + "…"


def _parse_date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
