"""Answer composition: retrieved passages become a short cited answer, or an honest "not covered".

Extractive by default (no LLM): the sentences of the top passages that share the most (IDF-weighted) terms
with the question, each followed by its citation number. LLM mode, when configured, writes the answer from
the same numbered passages and falls back to extractive when the model fails, keeping the citations.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.audience import reader_of
from core.documents import SECTION_SEPARATOR
from core.messages import Citation, Reply, Request
from core.text import CJK_CHAR, has_cjk, split_sentences, tokenize
from knowledge.attributes import AskedAttribute, asked_attributes
from knowledge.glossary import EXPANSION_WEIGHT
from knowledge.lexical import query_terms
from knowledge.percent import asked_percent, range_holds
from knowledge.retriever import (
    ASKS_PRICE,
    MODEL_NUMBER,
    ScoredChunk,
    designations,
    is_chinese,
    is_price_heading,
    model_match,
    named_models,
    years_in,
)

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from core.settings import Settings
    from knowledge.retriever import HybridRetriever

log = logging.getLogger(__name__)

MAX_SENTENCES = 4
_CITE = re.compile(r"\[\d+\]")
_CITE_NUMBER = re.compile(r"\[(\d+)\]")
_LIST_ITEM = re.compile(
    r"^\s*(?:[-*+•·]\s|\d+[.)、．]\s?|[（(][一二三四五六七八九十\d]+[)）]|[①-⑳]|step\s*\d+\s*(?:[:：.(\-–—]|$)|第[一二三四五六七八九十\d]+步)",
    re.IGNORECASE,
)
MIN_SENTENCES = 2
MAX_LIST_ITEMS = 6
# A procedure question gets its whole list, in order, across the chunks of its section (within these bounds).
MAX_STEPS = 12
MAX_STEPS_CHARS = 1500
MAX_CONTINUATIONS = 3  # following chunks of one section read to finish a list
WHOLE_PASSAGE_CHARS = 300  # a best passage of prose this short is quoted whole
ANSWER_CHARS = 400  # prose answers stop adding sentences past this length (a list may be longer)
# An answer from a document in the other language quotes more of it: its lines are chosen through translated
# terms, a noisier guide than the asker's own words, and the asker cannot skim the source as easily. Over every
# labelled set: +25 key facts (+23 cross-language), no answer given that was refused before.
CROSS_LANGUAGE_CHARS = 600
CROSS_LANGUAGE_SENTENCES = 6
CROSS_LANGUAGE_BAR = 0.35  # share of the best line's score a further line needs (0.5 in the asker's language)
SAME_LANGUAGE_BAR = 0.5
OTHER_LANGUAGE_LINE = 0.6  # a line not in the asker's language, when one in it answers too
OWN_LANGUAGE_SHARE = 0.25  # "answers too": a line in the asker's language scoring this share of the best
PROCEDURE_PROSE_CHARS = 600  # a procedure told in prose: the passage's sentences in order, up to this length
PROCEDURE_LEAD_BONUS = 0.3
STEP_BLOCK_SHARE = 0.6
_PROCEDURE_LEAD = re.compile(
    r"程序|步骤|流程|以下|如下|steps?|procedure|process|as follows|follow", re.IGNORECASE
)  # in a passage written in both languages, the line in the asker's language wins
# Questions after a procedure or a list of steps: "what do I do", "step by step", "流程", "怎么办".
ASKS_STEPS = re.compile(
    r"\b(?:what (?:do|should|must) (?:i|we|they) do|how (?:do|should|can) (?:i|we)|how to|steps?|procedure|"
    r"process|walk me)\b|流程|步骤|程序|手续(?!费)|几步|哪几?[两三四五六七八九十]?步|[两三四五六七八九十]步法|"
    r"怎么办|怎么处理|如何处理|怎么走|怎么做|一步步|做什么|"
    r"怎么申请|如何申请|怎么催|怎么操作|如何操作|哪些事|哪些步骤|要走哪些|怎么弄|\bsets? (?:that|it|this) up\b|"
    r"\bhow (?:does|do|is|are) .{0,60}\b(?:handled|processed|done)\b",
    re.IGNORECASE,
)
# A section headed as a procedure ("Steps", "8. Warranty claims procedure", "四、办理流程"), and a list whose items
# are numbered: what a procedure question is answered from, before a table of levels or a bulleted list of rules.
_PROCEDURE_HEADING = re.compile(r"\bsteps?\b|procedure|process|\bhow to\b|流程|程序|步骤|办理|操作", re.IGNORECASE)
_ORDERED_ITEM = re.compile(
    r"^\s*(?:\d{1,2}\s*[.)、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|[①-⑳]|"
    r"step\s*\d+|第[一二三四五六七八九十\d]+步)",
    re.IGNORECASE,
)
PROCEDURE_HEADING_BONUS = 0.5
ORDERED_STEPS_BONUS = 0.3
MAX_BLOCK_CHARS = 900  # a lead-in plus its list or table: enough for a five-row ladder, not a whole price list
# A lower passage's sentence scores at most this share of an equally matching sentence in the best passage.
LOWER_PASSAGE_WEIGHT = 0.6
# Questions after a quantity, a limit, a time or a price; and lines that state one (digits, or a Chinese numeral
# with a unit). The bonus is a fifth of a full term match: a figure never outweighs the asked topic.
ASKS_FIGURE = re.compile(
    r"\bhow (?:much|many|long|fast|soon|often|big|far|old|deep|high|wide|tall|heavy|thick|large|overdue|late)\b|"
    r"\bwhat (?:%|percent|percentage|ratio|rate|time)\b|"
    r"\b(?:deadline|cut-?off|limit|ratio|minimum|maximum|cost|costs|fee|fees|charge)\b|"
    r"多少|多久|多长|多大|多快|多远|(?<!茶)几(?!乎)|比例|上限|下限|最多|最少|截止|什么时候|哪天",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万]+\s*(?:个|天|周|月|年|小时|分钟|次|台|米|元|%|成|折)")
FIGURE_BONUS = 0.2
# A price question: a line with a figure in a passage headed as prices answers it as fully as a line holding all
# its words (in another language the price line shares none of them: "How much is one HT-C500?" / "建议零售价").
PRICE_LINE_BONUS = 1.0
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
CLAUSE_CHAIN_CHARS = 160  # a sentence of "；"-joined clauses answers whole up to this length
# A line (or table row, read with its column names) stating a figure for the asked attribute ("weight", "价")
# of the asked model answers the question whatever else it shares with it: worth more than a full term match
# of a line without the figure, and not discounted for another language (the figure is the answer).
ATTRIBUTE_BONUS = 0.6
RANGE_BONUS = 0.5  # a line whose percentage range holds the asked percentage (knowledge.percent)
# A line naming a look-alike of the asked model (the WS-40 for a WS-20 question) answers for another product.
LOOK_ALIKE_LINE = 0.4


def states_figure(sentence: str, question: str) -> bool:
    """The line states a figure of its own: not only a model number ("AX-100") or a number the question
    already gave ("a 15% discount")."""
    asked = set(_NUMBER.findall(MODEL_NUMBER.sub(" ", question)))
    rest = MODEL_NUMBER.sub(" ", sentence)
    rest = _NUMBER.sub(lambda m: " " if m.group(0) in asked else m.group(0), rest)
    return bool(_FIGURE.search(rest))


_ARTICLE = re.compile(r"^(?:第[一二三四五六七八九十百零〇两\d]+\s*条|(?:article|clause)\s+\d+)", re.IGNORECASE)
MAX_ARTICLES = 3  # articles read on each side of a procedure's best article
# A neighbouring article joins a procedure answer when its best line covers this share of what the best
# article's best line covers (a related step shares the topic's rarer words; the next rule only common ones).
ARTICLE_BEARING = 0.25


def is_article(section: str) -> bool:
    """The section is one numbered article of a policy ("… > 第八章 离职管理 > 第三十条", "Article 12")."""
    return bool(_ARTICLE.match(section.rsplit(SECTION_SEPARATOR, 1)[-1].strip()))


MAX_DOCUMENT_CHUNKS = 40  # a product sheet read whole for an asked model's figure: sheets are a few chunks
SNIPPET_CHARS = 240
# A passage in the question's language goes first when its relevance is at least this share of the best one's.
# Only on a tie: the reranker (knowledge.reranking) already weighs a passage's language, and moving any nearly as
# relevant passage in the asker's language first put another document's English lines before the Chinese passage
# that answered an English question (0.8 against 1.0 over the labelled sets: 2,797 against 2,821 of 4,016 key
# facts, cross-language 889 against 915 of 1,444; the sample's fourth blind set loses one of 40).
LANGUAGE_PREFERENCE = 1.0


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
        k = request.top_k or self.settings.top_k
        hits = self.retriever.search(question, k=k, audience_role=reader_of(request.asker))
        threshold = self.settings.relevance_threshold
        # Answerability is a fitted decision over the retrieval's signals (knowledge.answerability).
        if not hits:
            return self.not_covered(language)
        verdict = self.retriever.assess(question, hits, threshold)
        if not verdict.answerable:
            # A rule's refusal says what the documents give instead (another tier, year, model); else the nearby note.
            nearby = verdict.note or nearby_note(question, hits, verdict.blocked, language)
            return self.not_covered(language, nearby=nearby)
        return self.compose(question, hits, language)

    def compose(self, question: str, hits: Sequence[ScoredChunk], language: str) -> Reply:
        """The cited answer from `hits` once the question is judged answerable (the fit of that judgement
        composes it for every answerable labelled question too, to learn which ones it gets right)."""
        threshold = self.settings.relevance_threshold
        # Compose from the passages that cover the question best (the fused rank also rewards a shared title
        # or a lucky dense neighbour), in the question's language where one is nearly as good; a question
        # answered across languages may have no passage sharing its words: then the best-ranked one.
        covering = own_model(question, [h for h in hits if h.relevance >= threshold] or hits[:1])
        passages = prefer_price_section(question, prefer_language(by_coverage(covering), language), language)
        # Provisional numbers: answer passages first, then the rest of the top k as "see also".
        chosen_ids = {p.chunk_id for p in passages}
        citations, number_of = self._citations([*passages, *(h for h in hits if h.chunk_id not in chosen_ids)])

        text: str | None = None
        model = self._model()
        if model is not None:
            text = self._llm_answer(model, question, passages, number_of, language)
        if text is None:
            text = self._extractive(question, passages, number_of, language)
        text, citations = renumber_by_use(text, citations)
        stale = self._stale_warnings(citations, language)
        # Warn about the stale documents the answer relies on, not every stale "see also".
        # (A model answer that cites nothing gets every warning.)
        cites_any = bool(_CITE.search(text))
        warnings = [w for n, w in stale if f"[{n}]" in text or not cites_any]
        if warnings:
            text = f"{text}\n\n" + "\n".join(f"⚠ {w}" for w in warnings)
        return Reply(answer=text, grounded=True, citations=citations, language=language, warnings=warnings)

    def not_covered(self, language: str, nearby: str = "") -> Reply:
        """The honest answer below the relevance threshold: not covered, what the documents do cover nearby
        (when something is close: `nearby_note`), and who to ask instead."""
        if language == "zh":
            text = f"现有资料没有涉及这个问题，我不想凭猜测回答。{nearby}请咨询{self.settings.fallback_contact_zh}。"
        else:
            near = f"{nearby} " if nearby else ""
            contact = self.settings.fallback_contact
            text = f"The documents don't cover this, so I won't guess. {near}Please ask {contact}."
        return Reply(answer=text, grounded=False, citations=[], language="zh" if language == "zh" else "en")

    # -- citations -----------------------------------------------------------------------------------------

    def _citations(self, passages: Sequence[ScoredChunk]) -> tuple[list[Citation], CitationBook]:
        """One citation per passage, numbered in the given order (two passages of one section are two
        citations); the book maps chunk id -> citation number and can add a passage read later."""
        book = CitationBook(self.today())
        for hit in passages:
            book.cite(hit)
        return book.citations, book

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
        chosen = select_sentences(
            self.retriever.with_translations(question),
            passages,
            number_of,
            self._idf,
            following=self._following_text,
            preceding=self._preceding_text,
            articles=self._articles,
            language=language,
            expansions=self.retriever.expansion_terms(question),
            translations=self.retriever.translations(question, self.retriever.index.lexical()),
            attributes=asked_attributes(question, translate=self.retriever.index.lexical().translate),
            document=self._document_chunks,
            asked=question,
        )
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

    def _preceding_text(self, hit: ScoredChunk) -> ScoredChunk | None:
        """The previous chunk of the same section (where a procedure's first steps may be)."""
        return self._following_text(hit, step=-1)

    def _following_text(self, hit: ScoredChunk, step: int = 1) -> ScoredChunk | None:
        """The next chunk of the same section (a lead-in's list or table, or the rest of a procedure, may have
        been chunked apart from it), as a passage of its own so that its lines cite it.

        Found by the ingest id scheme (ingest.chunker.chunk_id on ordinal + 1, prefixed like
        core.documents.passage_id); anything unexpected (no such chunk, another section) gives None.
        """
        chunk = self._chunk_at(hit, step)
        return chunk if chunk is not None and chunk.section == hit.section else None

    def _chunk_at(self, hit: ScoredChunk, step: int) -> ScoredChunk | None:
        """The chunk `step` places after `hit` in its document, whatever its section (None past either end)."""
        from core.documents import passage_id

        md = hit.metadata
        ordinal = md.get("ordinal")
        content_hash = str(md.get("content_hash") or "")
        if not isinstance(ordinal, int) or ordinal + step < 0:
            return None
        wanted = passage_id(hit.source, content_hash, ordinal + step)
        chunk = self.retriever.index.fetch([wanted]).get(wanted)
        if chunk is None:
            return None
        return ScoredChunk(wanted, str(chunk.text), dict(chunk.metadata), 0.0, hit.relevance)

    def _document_chunks(self, hit: ScoredChunk) -> list[ScoredChunk]:
        """The chunks of the passage's document in order (the first MAX_DOCUMENT_CHUNKS), fetched in one call
        by the ingest id scheme; [] when the passage carries no ordinal."""
        from core.documents import passage_id

        md = hit.metadata
        content_hash = str(md.get("content_hash") or "")
        if not isinstance(md.get("ordinal"), int):
            return []
        ids = [passage_id(hit.source, content_hash, ordinal) for ordinal in range(MAX_DOCUMENT_CHUNKS)]
        found = self.retriever.index.fetch(ids)
        return [
            ScoredChunk(i, str(chunk.text), dict(chunk.metadata), 0.0, hit.relevance)
            for i in ids
            if (chunk := found.get(i)) is not None
        ]

    def _articles(self, hit: ScoredChunk) -> list[ScoredChunk]:
        """The articles around an article passage ("第三十条", "Article 12"), in order, within its chapter:
        a policy written as numbered articles spreads one procedure over several of them (notice, handover,
        collection after leaving), each its own section. [hit] when the passage is not an article."""
        if not is_article(hit.section):
            return [hit]
        chapter = hit.section.rsplit(SECTION_SEPARATOR, 1)[0]

        def walk(direction: int) -> list[ScoredChunk]:
            found: list[ScoredChunk] = []
            for step in range(1, MAX_ARTICLES + 1):
                chunk = self._chunk_at(hit, direction * step)
                if chunk is None or not is_article(chunk.section):
                    break
                if chunk.section.rsplit(SECTION_SEPARATOR, 1)[0] != chapter:
                    break
                found.append(chunk)
            return found

        return [*reversed(walk(-1)), hit, *walk(1)]

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


NEARBY_COVERAGE = 0.34  # a refused question's best passage shares this much of its terms: worth naming as nearby


def _heading(hit: ScoredChunk) -> str:
    """The passage's document and its own heading, "AX-100 product sheet › Warranty" (not the title twice)."""
    title = str(hit.metadata.get("title", "") or hit.source)
    section = hit.section.split(">")[-1].strip()
    return f"{title} › {section}" if section and section != title else title


def nearby_note(question: str, hits: Sequence[ScoredChunk], blocked: str, language: str) -> str:
    """What the documents cover near a refused question, as one sentence in its language (never a quote: the
    passage does not answer). A model or year no document has names both sides ("the AX-100's warranty, not
    the AX-400's"); otherwise only a passage sharing much of the question's terms is named, so an off-topic
    question is not told about the discount policy."""
    if not hits:
        return ""
    top = hits[0]
    where = _heading(top)
    zh = language == "zh"
    if blocked in ("model", "year"):
        if blocked == "model":
            asked = [m.group(0).strip() for m in MODEL_NUMBER.finditer(question)]
            title = str(top.metadata.get("title", ""))
            have = [m.group(0).strip() for m in MODEL_NUMBER.finditer(title)]
        else:
            asked = sorted(years_in(question))
            have = sorted(years_in(f"{top.metadata.get('title', '')} {top.section}"))
        missing = "、".join(asked) if zh else " / ".join(asked)
        topic = top.section.split(">")[-1].strip()
        if have and missing:
            if zh:
                return f"资料里有{have[0]}的{topic}（{where}），没有{missing}的。"
            return f"The documents give the {have[0]}'s {topic.lower()} ({where}), not the {missing}'s."
        if missing:
            return (
                f"资料里没有关于{missing}的内容，最接近的是《{where}》。"
                if zh
                else (f"Nothing in the documents is about the {missing}; the closest is {where}.")
            )
    if top.coverage >= NEARBY_COVERAGE:
        if zh:
            return f"最接近的是《{where}》，但它没有回答这个问题。"
        return f"The closest the documents come is {where}, which does not answer this."
    return ""


def by_coverage(hits: Sequence[ScoredChunk]) -> list[ScoredChunk]:
    """Passages ordered by relevance times fused score (relative to the best score): both signals must agree.

    The fused rank alone can put a passage first for a lucky dense neighbour or a shared title word
    ("not paid for 40 days" -> Late Deliveries); relevance alone can prefer a section that merely repeats a
    question word (收集 -> Market Information Gathering for a trade-show question). Their product lets a
    clearly better-covering passage move up without overruling a ranking it only narrowly disagrees with.
    """
    if not hits:
        return []
    top = max(h.score for h in hits) or 1.0
    return sorted(hits, key=lambda h: -(h.relevance * h.score / top))


def prefer_price_section(question: str, hits: Sequence[ScoredChunk], language: str) -> list[ScoredChunk]:
    """A price question ("How much is one HT-C500?", "报价多少") is answered from the passage headed as prices,
    when one was retrieved: in another language its lines share no word with the question, and a description
    of the product that repeats the question's words would lead otherwise. Only across languages: in the
    question's own language its words find the right line (an extended warranty's price is under Warranty)."""
    if not ASKS_PRICE.search(question):
        return list(hits)
    for i, hit in enumerate(hits):
        if hit.language != language and is_price_heading(hit.section):
            return [hit, *hits[:i], *hits[i + 1 :]]
    return list(hits)


def own_model(question: str, hits: Sequence[ScoredChunk]) -> list[ScoredChunk]:
    """Without the passages of other models' sheets when the asked model's own sheet is among them: "HL-CDD15
    frame warranty" must quote the HL-CDD15 sheet, not the HL-CDD16's 24 months that a Chinese question's
    language preference or a better word match would put first."""
    wanted = designations(question)
    if not wanted or not any(model_match(wanted, h.metadata) > 0 for h in hits):
        return list(hits)
    # Any other designation counts here, not only the asked one's letter family: "HL-CDD15" and "HL-CPD20" are
    # one company's two products though their letters differ.
    return [h for h in hits if model_match(wanted, h.metadata) > 0 or not named_models(h.metadata)]


def prefer_language(hits: Sequence[ScoredChunk], language: str) -> list[ScoredChunk]:
    """Move a passage in the question's language to the front when its relevance is close to the first one's."""
    if not hits or hits[0].language == language:
        return list(hits)
    best = hits[0].relevance
    for i, hit in enumerate(hits):
        if hit.language == language and hit.relevance >= LANGUAGE_PREFERENCE * best:
            return [hit, *hits[:i], *hits[i + 1 :]]
    return list(hits)


def renumber_by_use(text: str, citations: Sequence[Citation]) -> tuple[str, list[Citation]]:
    """Renumber [n] markers by first use and reorder citations to match; uncited ones follow in rank order.

    So the sources a reader sees first are the ones the answer quotes, and "[1]" is always the first source.
    """
    used: list[int] = []
    for match in _CITE_NUMBER.finditer(text):
        n = int(match.group(1))
        if 1 <= n <= len(citations) and n not in used:
            used.append(n)
    order = used + [n for n in range(1, len(citations) + 1) if n not in used]
    new_number = {old: new for new, old in enumerate(order, start=1)}

    def swap(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return f"[{new_number.get(n, n)}]"

    return _CITE_NUMBER.sub(swap, text), [citations[n - 1] for n in order]


@dataclass
class _Line:
    """One sentence of a passage with what it is: prose, a list item, a table header/separator/data row."""

    sentence: _Sentence
    kind: str  # "text" | "item" | "header" | "separator" | "row"


def _passage_lines(text: str, rank: int, citation: int, first: int = 0) -> list[_Line]:
    lines: list[_Line] = []
    previous_row = False
    for pos, sentence in enumerate(_rejoin_rows(_split_lines(text)), start=first):
        text = sentence.strip()
        is_row = text.startswith("|")
        if is_row and not text.strip(" -:|"):
            kind = "separator"
        elif is_row:
            kind = "row" if previous_row else "header"
        elif _LIST_ITEM.match(text):
            kind = "item"
        else:
            kind = "text"
        previous_row = is_row
        lines.append(_Line(_Sentence(text, citation, rank, pos, 0.0), kind))
    return lines


class CitationBook(dict[str, int]):
    """Chunk id -> citation number, with the citations themselves: a passage read while composing (the next
    chunk of a list) gets its own number, so every line cites the passage it came from."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.citations: list[Citation] = []
        self._today = today

    def cite(self, hit: ScoredChunk) -> int:
        if hit.chunk_id not in self:
            snippet = _snippet(hit.text)
            self.citations.append(
                Citation.from_metadata(hit.metadata, score=hit.relevance, snippet=snippet, today=self._today)
            )
            self[hit.chunk_id] = len(self.citations)
        return self[hit.chunk_id]


def _number(number_of: dict[str, int], hit: ScoredChunk, fallback: int) -> int:
    """The passage's citation number; a plain dict (no book) lends the passage it continues."""
    if hit.chunk_id in number_of:
        return number_of[hit.chunk_id]
    return number_of.cite(hit) if isinstance(number_of, CitationBook) else fallback


def _read_on(
    hit: ScoredChunk,
    lines: list[_Line],
    rank: int,
    number_of: dict[str, int],
    following: Callable[[ScoredChunk], ScoredChunk | str | None] | None,
    *,
    steps: bool,
    context: bool = False,
) -> None:
    """Append the next chunks of the section while the passage ends on a lead-in (its list or table follows)
    or, for a procedure question, while the list it ends with goes on. With `context` (the best passage)
    the section's next chunk is read in any case: passages are cut to the model's length, and the answer's
    figure may sit just past the cut."""
    current = hit
    for turn in range(MAX_CONTINUATIONS):
        if following is None or not lines:
            return
        ends_on_lead_in = lines[-1].sentence.text.endswith((":", "："))
        if not ends_on_lead_in and not steps and not (context and turn == 0):
            return
        nxt = following(current)
        if nxt is None:
            return
        if isinstance(nxt, str):  # a `following` that gives only the text: its lines cite the passage read on
            citation = number_of[hit.chunk_id]
            nxt = ScoredChunk(f"{current.chunk_id}+", nxt, dict(current.metadata), 0.0, current.relevance)
        else:
            citation = _number(number_of, nxt, number_of[hit.chunk_id])
        more = _passage_lines(nxt.text, rank, citation, len(lines))
        if not more or (more[0].kind == "text" and not (context and turn == 0 and not ends_on_lead_in)):
            return
        lines.extend(more)
        current = nxt


def _read_back(
    hit: ScoredChunk,
    lines: list[_Line],
    rank: int,
    number_of: dict[str, int],
    preceding: Callable[[ScoredChunk], ScoredChunk | None] | None,
) -> list[_Line]:
    """For a procedure question whose passage starts inside a list: the section's previous chunks holding the
    list's first steps (and its lead-in), then the passage; positions renumbered in reading order."""
    current = hit
    for _ in range(MAX_CONTINUATIONS):
        if preceding is None or not lines or lines[0].kind not in ("item", "row"):
            break
        before = preceding(current)
        if before is None:
            break
        earlier = _passage_lines(before.text, rank, _number(number_of, before, number_of[hit.chunk_id]))
        if not earlier or (
            earlier[-1].kind not in ("item", "row") and not earlier[-1].sentence.text.endswith((":", "："))
        ):
            break
        lines[:0] = earlier
        current = before
    for position, line in enumerate(lines):
        line.sentence.position = position
    return lines


def _step_block(lines: list[_Line]) -> list[_Sentence]:
    """The list (or table) of the passage that answers a procedure question: the best-scoring run of items
    with the line introducing it, every step in order."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].kind in ("item", "row", "header"):
            j = i
            while j < len(lines) and lines[j].kind in ("item", "row", "header", "separator"):
                j += 1
            if sum(line.kind in ("item", "row") for line in lines[i:j]) >= 2:
                runs.append((i, j))
            i = j
        else:
            i += 1
    if not runs:
        return []

    def weight(run: tuple[int, int]) -> float:
        begin, end = run
        intro = lines[begin - 1].sentence.score if begin > 0 and lines[begin - 1].kind == "text" else 0.0
        return max(intro, *(line.sentence.score for line in lines[begin:end]))

    begin, end = max(runs, key=weight)
    out: list[_Sentence] = []
    if begin > 0 and lines[begin - 1].kind == "text" and lines[begin - 1].sentence.text.endswith((":", "：")):
        out.append(lines[begin - 1].sentence)
    size = sum(len(s.text) for s in out)
    items = 0
    for line in lines[begin:end]:
        if line.kind == "separator":
            continue
        if items >= MAX_STEPS or size + len(line.sentence.text) > MAX_STEPS_CHARS:
            break
        out.append(line.sentence)
        size += len(line.sentence.text)
        items += line.kind != "header"
    return out


def _article_run(
    chain: list[ScoredChunk], best: ScoredChunk, number_of: dict[str, int], bearing: Callable[[str], float]
) -> list[_Sentence]:
    """The sentences of the contiguous articles around `best` whose best line bears on the question (at
    least ARTICLE_BEARING of the best article's), in reading order, each citing its own article, within
    PROCEDURE_PROSE_CHARS; [] when no neighbour bears on it."""
    at = next((i for i, chunk in enumerate(chain) if chunk.chunk_id == best.chunk_id), None)
    if at is None or len(chain) < 2:
        return []

    def strength(chunk: ScoredChunk) -> float:
        return max((bearing(line) for line in _split_lines(chunk.text)), default=0.0)

    floor = ARTICLE_BEARING * strength(best)

    def bears(chunk: ScoredChunk) -> bool:
        return floor > 0 and strength(chunk) >= floor

    start, end = at, at + 1
    while start > 0 and bears(chain[start - 1]):
        start -= 1
    while end < len(chain) and bears(chain[end]):
        end += 1
    if end - start < 2:
        return []
    out: list[_Sentence] = []
    size = 0
    for chunk in chain[start:end]:
        citation = _number(number_of, chunk, number_of[best.chunk_id])
        for text in _rejoin_rows(_split_lines(chunk.text)):
            if out and size + len(text) > PROCEDURE_PROSE_CHARS:
                return out
            out.append(_Sentence(text, citation, 0, len(out), bearing(text)))
            size += len(text)
    return out


def _procedure_weight(block: list[_Sentence], heading: str = "") -> float:
    """How well a list answers a procedure question: its best line, and whether it is announced as a
    procedure (lead-in or section heading) and numbered in order (steps, not a table of cases)."""
    lead = block[0].text if block[0].text.endswith((":", "：")) else ""
    weight = max(s.score for s in block) + (PROCEDURE_LEAD_BONUS if _PROCEDURE_LEAD.search(lead) else 0.0)
    if _PROCEDURE_HEADING.search(heading):
        weight += PROCEDURE_HEADING_BONUS
        if sum(bool(_ORDERED_ITEM.match(s.text)) for s in block) >= 2:
            weight += ORDERED_STEPS_BONUS
    return weight


_NUMBERING = re.compile(
    r"第[一二三四五六七八九十百零〇两\d]+\s*[章节条部编]|[一二三四五六七八九十\d]+\s*[.、．]|[()（）]"
)


def _procedure_heading_bears(heading: str, overlap: Callable[[str], float]) -> bool:
    """The heading announces a procedure and is either nothing more ("Steps", "四、办理流程") or shares a word
    with the question ("8. Warranty claims procedure for reps" for a warranty question)."""
    if not _PROCEDURE_HEADING.search(heading):
        return False
    rest = _NUMBERING.sub(" ", _PROCEDURE_HEADING.sub(" ", heading))
    if not re.search(r"\w", rest):
        return True
    return overlap(rest) > 0.0


def _last_heading(section: str) -> str:
    """The passage's own heading; for a numbered article, its chapter's too ("第三章 审批流程 > 第八条")."""
    parts = [part.strip() for part in section.split(SECTION_SEPARATOR.strip())]
    if len(parts) >= 3 and is_article(section):
        return f"{parts[-2]} {parts[-1]}"
    return parts[-1]


def _cite_read(
    chosen: list[_Sentence], top: Sequence[ScoredChunk], origin: Mapping[int, ScoredChunk], number_of: dict[str, int]
) -> list[_Sentence]:
    """Give the lines read from the document beyond the retrieved passages the citation of their own passage."""
    for sentence in chosen:
        chunk = origin.get(id(sentence))
        if chunk is not None:
            sentence.citation = _number(number_of, chunk, number_of[top[0].chunk_id])
    return chosen


def select_sentences(
    question: str,
    passages: Sequence[ScoredChunk],
    number_of: dict[str, int],
    idf: Callable[[str], float],
    *,
    max_passages: int = 3,
    following: Callable[[ScoredChunk], ScoredChunk | str | None] | None = None,
    expansions: Sequence[str] = (),
    language: str | None = None,
    preceding: Callable[[ScoredChunk], ScoredChunk | None] | None = None,
    articles: Callable[[ScoredChunk], list[ScoredChunk]] | None = None,
    translations: Mapping[str, Sequence[str]] | None = None,
    attributes: Sequence[AskedAttribute] | None = None,
    document: Callable[[ScoredChunk], list[ScoredChunk]] | None = None,
    asked: str | None = None,
) -> list[_Sentence]:
    """Score sentences by IDF-weighted overlap with the question, favouring the best passage and early lines.

    A lower passage's sentences count for less (by its relevance relative to the best one, and a flat
    discount), so a stray shared word ("not", "days") in another section does not outrank the section that
    answers; and it offers single lines only, never a lead-in with its whole list or table. In the best
    passage a lead-in ending in ":" and the list or table it introduces travel together (within
    MAX_LIST_ITEMS and MAX_BLOCK_CHARS), since the items are the answer; a table row brings its header.
    Header rows and questions (FAQ prompts) rarely answer anything on their own. `following(passage)` gives
    the next chunk of the passage's section, read when the passage ends on a lead-in.

    A procedure question ("what do I do", "流程") whose best passage holds a list gets that whole list in
    order, read on into the section's next chunks, and nothing else. Otherwise the answer is short (about
    ANSWER_CHARS; from a document in the other language, CROSS_LANGUAGE_CHARS): the best lines in reading order,
    none leading that does not bear on the question, and a figure question ("how much", "多久") leads with the
    line stating the figure.

    `language` is the asker's ("en"/"zh"; the question text may carry translations of its terms).
    `expansions` (the glossary's terms for the question) count at EXPANSION_WEIGHT, so a question about a
    "cartridge" still prefers the line about the "filter". A question asking for a quantity ("how much",
    "多久", "几天") prefers lines that state one: the line with the figure is the answer. A line stating a
    figure for the asked attribute (`attributes`, by default `asked_attributes(question)`: weight, price,
    power...; a table row by its column names) of the asked model leads over any other line, and a line about a
    look-alike model (the WS-40 for a WS-20 question) counts for less. `document(passage)` gives the chunks of
    the passage's document: for a figure of an asked model, the rest of the model's sheet is read too (its spec
    table may rank below the sales tips that share the question's chat words), for lines stating the attribute;
    for a procedure question, the document's sections headed as a procedure. `asked` is the question as asked
    (`question` may carry translations of its terms).
    """
    top = passages[:max_passages]
    # The model number that titles the best passage's document chose the document, not the line: every line
    # of the DH-50 sheet is about the DH-50, and counting the name made its description outrank the line
    # holding the asked figure (most of all across languages, where the figure line shares only a translation).
    titled = _titled_model_terms(question, top[0]) if top else set()
    translations = translations or {}
    terms = [t for t in query_terms(tokenize(question)) if t not in titled]
    # A term's translations are one concept: a line holding any of them counts the best one once ("floor" ->
    # 地板/地漏/地面 added three words, their characters too, and a line about a floor drain outscored the line
    # about the floor area).
    groups = [{t: idf(t) for t in query_terms(tokenize(" ".join(words)))} for words in translations.values() if words]
    grouped = {t for group in groups for t in group}
    weights = {t: idf(t) for t in terms if t not in grouped}
    total = (sum(weights.values()) + sum(max(g.values(), default=0.0) for g in groups)) or 1.0
    for term in expansions:
        if term not in grouped:
            weights.setdefault(term, EXPANSION_WEIGHT * idf(term))

    def overlap_of(present: set[str]) -> float:
        flat = sum(w for t, w in weights.items() if t in present)
        return (flat + sum(max((w for t, w in g.items() if t in present), default=0.0) for g in groups)) / total

    wants_figure = bool(ASKS_FIGURE.search(question))
    # Whether steps are asked is read from the asker's own words (`asked`), not from the translations appended
    # to them: "order" translates to 程序, and a credit-limit question got the credit application procedure.
    wants_steps = bool(ASKS_STEPS.search(question if asked is None else asked))
    priced = bool(ASKS_PRICE.search(question))
    if not top:
        return []
    if attributes is None:
        attributes = asked_attributes(question)
    asked_models = {_model_key(m) for m in MODEL_NUMBER.finditer(question)}
    percent = asked_percent(question if asked is None else asked)
    bonus: dict[int, float] = {}  # id(sentence) -> attribute bonus, added after the language preference
    stated: dict[int, set[str]] = {}  # id(sentence) -> the asked attributes it states
    best_relevance = max(top[0].relevance, 1e-6)
    lines_of: list[list[_Line]] = []
    asks_in_chinese = (language or ("zh" if is_chinese(question) else "en")) == "zh"
    own_language = "zh" if asks_in_chinese else "en"
    candidates: list[_Sentence] = []
    for rank, hit in enumerate(top):
        lines = _passage_lines(hit.text, rank, number_of[hit.chunk_id])
        _read_on(hit, lines, rank, number_of, following, steps=wants_steps, context=rank == 0)
        if wants_steps:
            lines = _read_back(hit, lines, rank, number_of, preceding)
        lines_of.append(lines)
        # Another section of the best passage's own document (a product sheet's spec table below its overview)
        # is no stray match: it is discounted by its relevance only.
        flat = 1.0 if hit.source and hit.source == top[0].source else LOWER_PASSAGE_WEIGHT
        factor = 1.0 if rank == 0 else flat * min(1.0, hit.relevance / best_relevance)
        document_models = _document_models(hit)
        heading = _last_heading(hit.section)
        header: str | None = None
        for line in lines:
            sentence = line.sentence
            if line.kind == "header":
                header = sentence.text
            elif line.kind == "text":
                header = None
            if line.kind == "separator" or len(sentence.text.strip(" -*#|")) < 4:
                continue
            if rank > 0 and sentence.text.endswith((":", "：")):
                continue  # a lower passage adds single lines, never a lead-in with a whole list or table
            present = set(tokenize(sentence.text))
            overlap = overlap_of(present)
            score = overlap * factor + 0.05 / (1 + sentence.position)
            if wants_figure and states_figure(sentence.text, question):
                score += FIGURE_BONUS * factor
                if priced and hit.language != own_language and is_price_heading(hit.section):
                    score += PRICE_LINE_BONUS * factor
            if percent is not None and range_holds(sentence.text, percent):
                score += RANGE_BONUS * factor  # the ladder's row for the asked 10%: "Over 8% and up to 12%"
            if line.kind == "header":
                score *= 0.3
            elif sentence.text.endswith(("?", "？")):
                score *= 0.5
            named = _models_in(sentence.text)
            if asked_models and named and not named & asked_models and _look_alike(named, asked_models):
                score *= LOOK_ALIKE_LINE
            elif attributes and (
                names := _answers_attribute(
                    line, header, named, document_models, asked_models, attributes, question, heading
                )
            ):
                # Named in the line or by its document: the model's own figure, wherever it was ranked.
                sure = _naming(line, names, attributes, heading)
                bonus[id(sentence)] = ATTRIBUTE_BONUS * (1.0 if asked_models else factor) * sure
                stated[id(sentence)] = names
            sentence.score = score
            candidates.append(sentence)
    extra: list[ScoredChunk] = []
    origin: dict[int, ScoredChunk] = {}  # id(sentence) -> the chunk it was read from, beyond the retrieved ones
    # A section's heading counts for a procedure question only within the best passage's document (a procedure
    # of another document is another topic's procedure, however well announced).
    headings = [_last_heading(h.section) if h.source == top[0].source else "" for h in top]
    if attributes and asked_models and document is not None and not wants_steps:
        sheet = next((h for h in top if _document_models(h) & asked_models), None)
        if sheet is not None:
            seen = {h.chunk_id for h in top}
            extra = [c for c in document(sheet) if c.chunk_id not in seen and c.source == sheet.source]
    elif wants_steps and document is not None:
        # The procedure may be another section of the best passage's document than the one ranked: "Steps"
        # below "Complaint levels", "8. Warranty claims procedure for reps" below the warranty terms.
        seen = {h.chunk_id for h in top}
        previous: ScoredChunk | None = None
        for chunk in document(top[0]):
            if chunk.chunk_id in seen or chunk.source != top[0].source:
                previous = None
                continue
            if not _PROCEDURE_HEADING.search(_last_heading(chunk.section)):
                previous = None
                continue
            if previous is not None and previous.section == chunk.section:
                # The section's next chunk continues its list: one passage of lines, each citing its own chunk.
                lines = lines_of[-1]
                more = _passage_lines(chunk.text, len(top) + len(extra) - 1, 0, len(lines))
                lines.extend(more)
            else:
                extra.append(chunk)
                more = lines = _passage_lines(chunk.text, len(top) + len(extra) - 1, 0)
                lines_of.append(lines)
                headings.append(_last_heading(chunk.section))
            for line in more:
                line.sentence.score = overlap_of(set(tokenize(line.sentence.text)))
                origin[id(line.sentence)] = chunk
            previous = chunk
    for offset, chunk in enumerate(extra if not wants_steps else []):
        rank = len(top) + offset
        lines = _passage_lines(chunk.text, rank, 0)
        lines_of.append(lines)
        heading = _last_heading(chunk.section)
        headings.append(heading)
        document_models = _document_models(chunk)
        header = None
        for line in lines:
            sentence = line.sentence
            origin[id(sentence)] = chunk
            header = sentence.text if line.kind == "header" else None if line.kind == "text" else header
            named = _models_in(sentence.text)
            if names := _answers_attribute(
                line, header, named, document_models, asked_models, attributes or (), question, heading
            ):
                sentence.score = overlap_of(set(tokenize(sentence.text)))
                bonus[id(sentence)] = ATTRIBUTE_BONUS * _naming(line, names, attributes or (), heading)
                stated[id(sentence)] = names
                candidates.append(sentence)
    if not candidates:
        return []
    # Lines in the asker's language win over their translations (a bilingual passage, or the same rule in
    # both languages' documents), when the asker's language has a line that answers at all.
    top_score = max(s.score for s in candidates)
    if any(has_cjk(s.text) == asks_in_chinese and s.score >= OWN_LANGUAGE_SHARE * top_score for s in candidates):
        for sentence in candidates:
            if has_cjk(sentence.text) != asks_in_chinese:
                sentence.score *= OTHER_LANGUAGE_LINE
    # The bonus goes to each passage's best line for each asked attribute, not to every line with a price in
    # it: the others would fill the answer and push out the part of the question the bonus does not speak to.
    # In the order the question asks them (a set's order would change from run to run).
    answered = [a.name for a in attributes or () if any(a.name in found for found in stated.values())]
    winners: dict[int, str] = {}  # id(sentence) -> the one attribute it answers
    for name, rank in [(n, r) for n in answered for r in range(len(lines_of))]:
        stating = [
            s for s in candidates if s.passage_rank == rank and name in stated.get(id(s), ()) and id(s) not in winners
        ]
        if stating:
            # The line stating most of the asked attributes ("Salt consumption: 7.5 kg per regeneration" for
            # "how many kilos of salt does one regeneration use"), then the best scoring; one attribute per line,
            # so "Power supply" answering the supply leaves "Rated power" to answer the power.
            winner = max(stating, key=lambda s: (len(stated[id(s)]), s.score + bonus.get(id(s), 0.0)))
            winners[id(winner)] = name
    for key in stated:
        stated[key] = {winners[key]} if key in winners else set()
    for sentence in candidates:
        if stated.get(id(sentence)):
            sentence.score += bonus.get(id(sentence), 0.0)
        else:
            bonus.pop(id(sentence), None)
    if wants_steps:
        # The list that answers: the best-scoring one among the top passages, a lead-in that announces a
        # procedure ("按以下程序", "follow these steps") counting for it.
        # A list whose best line scores far below the best line found is another topic's list.
        top_score = max(s.score for s in candidates)
        # A procedure heading counts when it is only that ("Steps", "四、办理流程") or names the question's topic
        # ("Warranty claims procedure"): the credit policy's "逾期催收程序" does not answer how to apply for credit.
        headings = [
            h if _procedure_heading_bears(h, lambda text: overlap_of(set(tokenize(text)))) else "" for h in headings
        ]
        blocks = [
            (block, heading)
            for rank, (lines, heading) in enumerate(zip(lines_of, headings, strict=True))
            if len(block := _step_block(lines)) >= 2
            and (rank < len(top) or heading)
            and max(s.score for s in block) > 0.0
            and max(s.score for s in block) + (PROCEDURE_HEADING_BONUS if _PROCEDURE_HEADING.search(heading) else 0.0)
            >= STEP_BLOCK_SHARE * top_score
        ]
        if blocks:
            steps, _ = max(blocks, key=lambda pair: _procedure_weight(*pair))
            return _cite_read(steps, top, origin, number_of)
        if articles is not None:
            # A policy of numbered articles: the procedure is the run of the chapter's articles around the
            # best one that bear on the question, in order ("提前30天申请 / 交接 / 离职后60天内催收").
            def bearing(text: str) -> float:
                return overlap_of(set(tokenize(text)))

            run = _article_run(articles(top[0]), top[0], number_of, bearing)
            if len(run) >= 2:
                return run
        # No list: the best passage's own account of the procedure, in order, at a procedure's length.
        first = sorted((s for s in candidates if s.passage_rank == 0), key=lambda s: s.position)
        prose: list[_Sentence] = []
        for sentence in first:
            if sum(len(s.text) for s in prose) + len(sentence.text) > PROCEDURE_PROSE_CHARS:
                break
            prose.append(sentence)
        if len(prose) >= 2:
            return prose
    candidates.sort(key=lambda s: -s.score)
    best = candidates[0]
    chosen = [best]
    size = len(best.text)
    # The attribute bonus puts its line first; it does not push out lines that answer another part of the
    # question ("how much is the base set, and how many microphones can it take?").
    across = bool(top) and language is not None and top[0].metadata.get("language") not in (None, language)
    share, limit, most = (
        (CROSS_LANGUAGE_BAR, CROSS_LANGUAGE_CHARS, CROSS_LANGUAGE_SENTENCES)
        if across
        else (SAME_LANGUAGE_BAR, ANSWER_CHARS, MAX_SENTENCES)
    )
    bar = share * (best.score - bonus.get(id(best), 0.0))
    for sentence in candidates[1:]:
        if sentence.score < bar or len(chosen) >= most:
            break
        if size + len(sentence.text) > limit:
            continue
        chosen.append(sentence)
        size += len(sentence.text)
    # A question after two attributes ("how many hours does a lamp last, and what does one cost?") gets the best
    # line for each, past the usual length.
    for name in dict.fromkeys(n for names in stated.values() for n in names):
        if not any(name in stated.get(id(s), ()) for s in chosen):
            stating = [s for s in candidates if name in stated.get(id(s), ())]
            if stating:
                chosen.append(max(stating, key=lambda s: s.score))
    weak: list[_Sentence] = []
    if len(chosen) < MIN_SENTENCES:
        # Too little said: the best passage's next best line, placed after the best line (it never leads).
        weak = [s for s in candidates if s.passage_rank == best.passage_rank and s not in chosen][
            : MIN_SENTENCES - len(chosen)
        ]
        chosen += weak
    own = lines_of[best.passage_rank]
    if all(line.kind == "text" for line in own) and sum(len(line.sentence.text) for line in own) <= WHOLE_PASSAGE_CHARS:
        # A short passage (an FAQ answer, one article) is quoted whole: its other lines are the conditions and
        # exceptions of the best one ("Northstar pays both ways" next to "out of warranty the customer pays").
        rest = [s for s in candidates if s.passage_rank == best.passage_rank and s not in chosen]
        weak += rest
        chosen += rest
    for sentence in list(chosen):
        _add_block(sentence, lines_of[sentence.passage_rank], chosen, whole=sentence.passage_rank == 0)
    chosen.sort(key=lambda s: (s.passage_rank, s.position))
    unique: dict[tuple[int, str], _Sentence] = {}  # a continuation chunk may also have been retrieved alone
    for sentence in chosen:
        unique.setdefault((sentence.citation, sentence.text), sentence)
    ordered = list(unique.values())
    if best in ordered:
        # Weak lines never lead: those before the best line follow it, still in reading order.
        before: list[_Sentence] = []
        while ordered[0] in weak:
            before.append(ordered.pop(0))
        at = ordered.index(best) + 1
        ordered[at:at] = before
    if id(best) in bonus and (best.text.startswith("|") or _LIST_ITEM.match(best.text)) and best in ordered:
        # The row or item stating the asked attribute leads, after its table's header or its list's lead-in.
        start, _ = _block_range(lines_of[best.passage_rank], best.position)
        head = [
            s
            for s in ordered
            if s.passage_rank == best.passage_rank
            and start <= s.position < best.position
            and (s.text.endswith((":", "：")) or _is_header(lines_of[best.passage_rank], s))
        ]
        lead_block = [*head[:1], best]
        ordered = [*lead_block, *(s for s in ordered if s not in lead_block)]
    elif wants_figure or bonus:
        # The line stating the figure leads (unless it is a list item or row: a list keeps its order).
        figures = [
            s for s in ordered if states_figure(s.text, question) and not _LIST_ITEM.match(s.text) and "|" not in s.text
        ]
        if figures:
            lead = max(figures, key=lambda s: s.score)
            ordered = [lead, *(s for s in ordered if s is not lead)]
    return _cite_read(ordered, top, origin, number_of)


def _is_header(lines: list[_Line], sentence: _Sentence) -> bool:
    return any(line.sentence is sentence and line.kind == "header" for line in lines)


def _block_range(lines: list[_Line], position: int) -> tuple[int, int]:
    """Positions of the table or list holding the line at `position`, with the lead-in before it."""
    index = next((i for i, line in enumerate(lines) if line.sentence.position == position), None)
    if index is None:
        return position, position
    start = end = index
    while start > 0 and lines[start - 1].kind in ("item", "row", "header", "separator"):
        start -= 1
    if start > 0 and lines[start - 1].sentence.text.endswith((":", "：")):
        start -= 1
    while end + 1 < len(lines) and lines[end + 1].kind in ("item", "row", "separator"):
        end += 1
    return lines[start].sentence.position, lines[end].sentence.position


def _answers_attribute(
    line: _Line,
    header: str | None,
    named: set[tuple[str, str]],
    document_models: set[tuple[str, str]],
    asked_models: set[tuple[str, str]],
    attributes: Sequence[AskedAttribute],
    question: str,
    heading: str = "",
) -> set[str]:
    """The asked attributes the line states a figure for, of the asked model when the question names one (named in
    the line, or by its document when the line names no look-alike: "Spare tape cartridge (TC-48): ¥320"). A prose
    line under its passage's own heading naming the attribute states it with a figure alone ("4. Warranty" over
    "18 months from the date of delivery.")."""
    if line.kind == "header" or line.sentence.text.endswith(("?", "？")):
        return set()
    if asked_models:
        about = bool(named & asked_models) or (
            not _look_alike(named, asked_models) and bool(document_models & asked_models)
        )
        if not about:
            return set()
    row_header = header if line.kind == "row" else None
    found = [
        a
        for a in attributes
        if _states_attribute(line.sentence.text, row_header, [a], question)
        or (line.kind != "row" and _names_attribute(a, heading) and states_figure(line.sentence.text, question))
    ]
    if len(found) > 1 and line.kind == "row":
        # A row's label names one attribute, its head: "流速精度" is an accuracy, "Power supply" a supply.
        label = " ".join([*(_cells(row_header) if row_header else []), _cells(line.sentence.text)[0]])
        head = max(a.last_at(label) for a in found)
        found = [a for a in found if a.last_at(label) == head]
    return {a.name for a in found}


def _models_in(text: str) -> set[tuple[str, str]]:
    return {_model_key(m) for m in MODEL_NUMBER.finditer(text)}


def _document_models(hit: ScoredChunk) -> set[tuple[str, str]]:
    """The models the passage's document is about: those its title or file name names."""
    return _models_in(f"{hit.metadata.get('title', '')} {Path(hit.source).stem}")


def _look_alike(named: set[tuple[str, str]], asked: set[tuple[str, str]]) -> bool:
    """A named model shares an asked one's letters (WS-40 for WS-20): a sibling product, not an item code."""
    return any(letters == other for letters, _ in named for other, _ in asked)


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _states_attribute(text: str, header: str | None, attributes: Sequence[AskedAttribute], question: str) -> bool:
    """The line states a figure for one of the asked attributes: prose naming the attribute and a figure; a table
    row whose figure sits in a column (or after a first cell) that names the attribute, or in a cell naming it."""
    if not states_figure(text, question):
        return False
    if not text.startswith("|"):
        return any(a.in_text(text) for a in attributes)
    cells = _cells(text)
    names = _cells(header) if header else []
    for i, cell in enumerate(cells):
        if not states_figure(cell, question):
            continue
        label = " ".join([names[i] if i < len(names) else "", *cells[:i]])
        # The cell may name its own attribute beside the figure: "| 外形尺寸 | 600×450×1500毫米，重量52公斤 |"
        # (by a name, not a unit: "20 kg" is also a capacity).
        if any(a.in_text(label) or _names_attribute(a, cell) for a in attributes):
            return True
    return False


UNIT_ONLY_SHARE = 0.5  # of the attribute bonus, for a prose line naming the attribute by its unit alone


def _naming(line: _Line, names: set[str], attributes: Sequence[AskedAttribute], heading: str = "") -> float:
    """How surely a line states the asked attribute: fully when it names it by a word or is a table row under a
    labelled column; by half when prose gives only its unit ("一只 5 kg 的成年猫" is a cat's weight, not the
    feeder's, beside "| 净重 | 2.0 kg |")."""
    if line.kind == "row" or "price" in names:
        return 1.0  # a price is named by its currency alone ("每台每年¥2,400")
    named = [AskedAttribute(a.name, a.words - _UNIT_WORDS) for a in attributes if a.name in names]
    return 1.0 if any(a.in_text(line.sentence.text) or a.in_text(heading) for a in named) else UNIT_ONLY_SHARE


_UNITS = "kg kw mpa psi bar db hz cny rmb ¥ °c ℃ 公斤 千克 千瓦 元 升 伏 小时 平方米 平米 兆帕 分贝"
_UNIT_WORDS = frozenset(_UNITS.split())


def _names_attribute(attribute: AskedAttribute, cell: str) -> bool:
    """The cell names the attribute by one of its words other than a unit ("重量", "weight")."""
    names = frozenset(
        w for w in attribute.words if w not in _UNIT_WORDS and (len(w) >= 2 if CJK_CHAR.match(w) else len(w) >= 4)
    )
    return AskedAttribute(attribute.name, names).in_text(cell)


def _titled_model_terms(question: str, hit: ScoredChunk) -> set[str]:
    """The tokens of the question's model numbers that the passage's document names in its title or file name."""
    heading = f"{hit.metadata.get('title', '')} {Path(hit.source).stem}"
    named = {_model_key(m) for m in MODEL_NUMBER.finditer(heading)}
    out: set[str] = set()
    for match in MODEL_NUMBER.finditer(question):
        if _model_key(match) in named:
            out.update(tokenize(match.group(0)))
    return out


def _model_key(match: re.Match[str]) -> tuple[str, str]:
    """A model number as (letters, digits), so "DH-50", "dh50" and "DH 50" are one model."""
    return match.group(1).lower(), match.group(2).replace("-", "").lower()


def _add_block(sentence: _Sentence, lines: list[_Line], chosen: list[_Sentence], *, whole: bool) -> None:
    """Complete a chosen line's block: a lead-in brings its list or table; an item or row its lead-in and header.

    With `whole` False (a lower passage) a row brings only its header.
    """
    pos = sentence.position
    kind = lines[pos].kind
    if kind in ("item", "row", "header"):
        start = pos
        while start > 0 and lines[start - 1].kind in ("item", "row", "header", "separator"):
            start -= 1
        header = next((line for line in lines[start : pos + 1] if line.kind == "header"), None)
        if header is not None and header.sentence not in chosen and kind == "row":
            chosen.append(header.sentence)
        intro = lines[start - 1].sentence if start > 0 and whole else None
        if intro is not None and intro.text.endswith((":", "：")) and intro not in chosen:
            chosen.append(intro)
            sentence = intro
            pos = start - 1
        else:
            return
    if not sentence.text.endswith((":", "：")):
        return
    added = 0
    size = len(sentence.text)
    for line in lines[pos + 1 :]:
        if line.kind == "separator":
            continue
        if line.kind == "text" or added >= MAX_LIST_ITEMS or size + len(line.sentence.text) > MAX_BLOCK_CHARS:
            break
        size += len(line.sentence.text)
        if line.sentence not in chosen:
            chosen.append(line.sentence)
        if line.kind != "header":
            added += 1


def _split_lines(text: str) -> list[str]:
    """Sentences of a passage, a list item kept whole even when it holds two sentences ("Step 2: Call the
    customer. Confirm the date."): a step is the unit a procedure answer quotes."""
    out: list[str] = []
    for line in text.splitlines():
        if _LIST_ITEM.match(line) and line.strip():
            out.append(line.strip())
        else:
            out.extend(_join_clauses(split_sentences(line)))
    return out


def _join_clauses(sentences: list[str]) -> list[str]:
    """Rejoin the clauses of one sentence that the splitter cut at "；": a Chinese enumeration written on one
    line ("付款方式为：签约后支付30%；发货前支付至60%；验收后支付至95%。", "条件之一：（一）…；（二）…；（三）…。")
    answers as a whole, and its second half alone ("发货前支付至60%；") says nothing of what it is about.
    A clause chain longer than CLAUSE_CHAIN_CHARS stays cut, so an answer keeps to its length."""
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1].endswith(("；", ";")) and len(out[-1]) + len(sentence) <= CLAUSE_CHAIN_CHARS:
            out[-1] += sentence
        else:
            out.append(sentence)
    return out


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
