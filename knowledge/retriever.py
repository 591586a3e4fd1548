"""Hybrid retrieval: BM25 and dense results fused by weighted reciprocal rank, exact model numbers first.

Why weighted: the bundled English MiniLM is weak on Chinese, so for a Chinese question the lexical ranking
carries most of the weight. Why a model-number rule: "AX-100" and "AX-100 Pro" share almost every word, so
neither ranker alone can tell a question about one from a question about the other; the title can.
Every result also gets a calibrated `relevance` in [0, 1] (coverage of the question's informative terms, see
knowledge.grounding, blended with dense cosine) that the answerer compares with settings.relevance_threshold to
decide whether the documents cover a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from core.audience import ReaderLike
from core.text import has_cjk, tokenize
from knowledge.answerability import SHORTHAND, Verdict, judge, topic_terms
from knowledge.calibration import Calibration, calibration_for
from knowledge.dictionary import base_forms
from knowledge.glossary import Glossary, glossary_for, weighted_terms
from knowledge.grounding import coverage, informative_terms, stem
from knowledge.lexical import MODEL_BASE, LexicalIndex, query_terms
from knowledge.reranking import HEAD, passage_features, rerank

Mode = Literal["hybrid", "bm25", "dense"]
Fusion = Literal["rrf", "score"]
# BM25 weight of a dictionary translation of an asked word (knowledge.dictionary), shared by its alternatives:
# a cross-language question has nothing else to match, a same-language one keeps its own words ahead.
TRANSLATION_WEIGHT = 0.4
DOCUMENT_CHUNKS = 300  # passages of one document read whole when judging a near miss (longer ones: the first)

# Variant words that make a different product when they follow a model number ("AX-100 Pro", "K7 Lite").
_VARIANTS = (
    "pro|lite|max|plus|mini|ultra|air|neo|se|xl|"
    "专业版|轻享版|标准版|增强版|旗舰版|青春版|升级版|尊享版|精简版|经典版|豪华版|高配版|低配版|基础版"
)
# A numbered sub-model joined by a hyphen ("JH-760-4", "JH-760-5": the four- and five-thread machines of one
# series) is one designation: read as "JH-760" both would be one model, and neither the sheet of the asked one
# ranks first nor is its joined token ("jh7604") known as "jh760". Pumps name the impeller that way ("QL-50-160",
# "QL-50-200": three digits).
# Two suffix letters are part of the number ("GY-15KT", the three-phase 15 kW beside the "GY-15K"), unless they
# are a variant word ("AX-100SE" is the AX-100's SE) or a unit glued to a figure ("DN50mm", "KD-100kg").
_UNITS = "mm|cm|km|kg|kw|kv|mv|ma|hz|ml|mg|db|mb|gb|tb|ah|wh|va|lm|nm|pa"
# So is an upper-case letter suffix after a hyphen ("AJ-IPC2204-Z", the motorised-zoom version of the
# AJ-IPC2204): upper case only, so that "K7-to-K9" keeps reading as two models.
MODEL_NUMBER = re.compile(
    rf"(?<![a-z0-9])([a-z]{{1,4}})-?(\d{{1,4}}(?:-\d{{1,3}}(?![\d.,]))?(?:(?!(?:{_VARIANTS}|{_UNITS})(?![a-z]))[a-z]{{1,2}})?(?:-(?!(?:{_VARIANTS})(?![a-z]))(?-i:[A-Z]{{1,2}})(?![A-Za-z0-9]))?)(?:[\s\-]*({_VARIANTS})(?![a-z])|(?![a-z0-9]))",
    re.IGNORECASE,
)


# Questions after a price: "how much is/does ...", "what does X cost", "多少钱", "报价", "零售价".
ASKS_PRICE = re.compile(
    r"\bhow much (?:is|are|does|do|for|would|will|to)\b|\bcosts?\b|\bpric(?:e|es|ed|ing)\b|"
    r"多少钱|价格|价钱|报价|售价|零售价|卖多少",
    re.IGNORECASE,
)

# A discount named without the word: "12% off", "off list", "打八五折", "九折" (八五折 = 15% off).
ASKS_DISCOUNT = re.compile(
    r"\d+(?:\.\d+)?\s*%\s*off\b|\boff (?:the )?list\b|打\s*[\d.一二三四五六七八九]+\s*折|[一二三四五六七八九]{1,2}折",
    re.IGNORECASE,
)
# Questions that ask after a concept without naming its word, and the word in each language: the search adds
# the word in the question's own language and the documents' words for it in the other.
CUES = ((ASKS_PRICE, "price", "价格"), (ASKS_DISCOUNT, "discount", "折扣"))


def cue_words(query: str) -> list[str]:
    """The word, in the question's language, of each concept the question asks after without naming it."""
    chinese = is_chinese(query)
    return [zh if chinese else en for pattern, en, zh in CUES if pattern.search(query)]


PRICE_SECTION_VOTE = 0.5  # share of a first-place vote for the price section of a cross-language price question
# A section heading that gives prices ("Pricing", "Price and ordering", "价格与订购", "报价").
_PRICE_HEADING = re.compile(r"\bpric(?:e|es|ing)\b|\bcosts?\b|\brrp\b|价格|价目|报价|售价|零售价|收费", re.IGNORECASE)


def is_price_heading(section: str) -> bool:
    """The passage's own heading (the last part of "Title > Heading") is about prices."""
    return bool(_PRICE_HEADING.search(section.split(">")[-1]))


def is_chinese(text: str) -> bool:
    """A question counts as Chinese when it contains any CJK ideograph."""
    return has_cjk(text)


def designations(text: str) -> set[tuple[str, str]]:
    """Model designations as (base, variant): "AX-100 Pro" -> ("ax100", "pro"); "K7" -> ("k7", "");
    a plural is the model itself: "AX-200s" -> ("ax200", ""). Only a lower-case "s" reads as a plural: "LW-25S"
    is a model of its own beside the LW-25 (families name variants that way), not several LW-25s."""
    return {
        (_PLURAL_S.sub("", m.group(1).lower() + m.group(2).replace("-", "")).lower(), (m.group(3) or "").lower())
        for m in MODEL_NUMBER.finditer(text)
    }


_PLURAL_S = re.compile(r"(?<=\d)s$")  # case-sensitive: applied before lower-casing


@dataclass(frozen=True)
class ScoredChunk:
    """One retrieved passage: fused `score` orders results, `relevance` (0..1) says if it answers at all."""

    chunk_id: str
    text: str
    metadata: dict[str, Any]
    score: float
    relevance: float
    coverage: float = 0.0
    blocked: str = ""  # "model" or "year": the question names a model or a year this passage is not about
    cosine: float | None = None
    ranks: dict[str, int] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return str(self.metadata.get("source", ""))

    @property
    def section(self) -> str:
        return str(self.metadata.get("section", ""))

    @property
    def language(self) -> str:
        return str(self.metadata.get("language", ""))

    def to_document(self) -> Document:
        metadata = {
            **self.metadata,
            "score": self.score,
            "relevance": self.relevance,
            "chunk_id": self.chunk_id,
        }
        return Document(page_content=self.text, metadata=metadata, id=self.chunk_id)


@dataclass
class _Candidate:
    row: int
    chunk_id: str
    score: float = 0.0
    ranks: dict[str, int] = field(default_factory=dict)
    cosine: float | None = None


class HybridRetriever(BaseRetriever):
    """LangChain retriever over a KnowledgeIndex; `search` adds audience filtering and relevance."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: Any  # knowledge.index.KnowledgeIndex (Any: pydantic cannot validate the class)
    k: int = 5
    mode: Mode = "hybrid"
    audience_role: ReaderLike = None  # who `invoke` retrieves as (Reader or role); `search` takes it per call
    candidates: int = 40  # per ranker, before fusion
    # Fusion weights, set on samples/eval/retrieval.jsonl (bench/retrieval.py): a small RRF constant lets a
    # first place count; the English MiniLM's vote on a Chinese question is mostly noise, so it only breaks ties.
    # How votes are counted (ranks or scores) and the dense weights come from the model's calibration.
    rrf_c: float = 10.0
    dense_weight_en: float | None = None  # None: the embedding model's calibration decides (knowledge.calibration)
    dense_weight_zh: float | None = None
    # Vote of the BM25 ranking over the question's dictionary translations. A Chinese question's translations
    # weigh more: its own characters and bigrams outscore an English passage's words, and the same-language article
    # stood in front of the English price list it asked about. Over 65 labelled sets, 0.8 -> 1.0 for both
    # languages gave +10 key facts (-1 refusal) but English questions on the sample set lost recall@1 0.938 -> 0.892;
    # 1.25 gave -27 key facts.
    translated_weight: float = 0.8
    translated_weight_zh: float = 1.0
    same_language_bonus: float = 0.02  # share of a first-place vote for a passage in the question's language
    topic_vote: float | None = None  # None: the model's calibration (knowledge.calibration.Calibration)
    fusion: Fusion | None = None  # None: the embedding model's calibration decides, like the dense weights
    use_reranker: bool = True  # order the fused head by the model's fitted reranker when its calibration has one

    glossary: Glossary | None = None  # None: the one the index's settings name (bundled unless switched off)
    _families: tuple[tuple[str, ...], frozenset[str]] | None = PrivateAttr(default=None)
    _calibration: Calibration | None = PrivateAttr(default=None)

    def calibration(self) -> Calibration:
        """The embedding model's calibration: from SALESCOACH_CALIBRATION_PATH if set, else the bundled file."""
        if self._calibration is None:
            settings = getattr(self.index, "settings", None)
            embeddings = getattr(self.index, "embeddings", None)
            fingerprint = str(getattr(embeddings, "fingerprint", "") or type(embeddings).__name__)
            self._calibration = calibration_for(fingerprint, getattr(settings, "calibration_path", None))
        return self._calibration

    def assess(self, query: str, hits: Sequence[ScoredChunk], fallback_threshold: float) -> Verdict:
        """Whether `hits` (this retriever's results for `query`) answer it: knowledge.answerability's decision."""
        lex: LexicalIndex = self.index.lexical()
        glossary = self._glossary()
        calibration = self.calibration()
        translated = self.translations(query, lex) if calibration.answerability is not None else {}

        def equivalents(term: str) -> list[str]:
            return [*(glossary.equivalents(term) if glossary else ()), *translated.get(term, ())]

        open_hits = [h for h in hits if not h.blocked]
        document = self.document_text(open_hits[0]) if open_hits else ""
        # The asked model's own sheet among the passages, when another document ranked first (the AC20F sheet's
        # "Positioning against the AC10" above the AC10's own sheet): the attribute rule reads that sheet.
        wanted = designations(query)
        own = next((h for h in open_hits if is_sheet_of(wanted, h)), None)
        sheet = None
        if own is not None and open_hits and own.source != open_hits[0].source:
            sheet = (own, self.document_text(own))
        return judge(
            query,
            hits,
            lex,
            calibration,
            equivalents,
            fallback_threshold=fallback_threshold,
            document=document,
            sheet=sheet,
        )

    def document_text(self, hit: ScoredChunk, limit: int = DOCUMENT_CHUNKS) -> str:
        """The whole document a passage belongs to, section headings and text in order (at most `limit`
        passages): a near miss is judged against everything the document says, not one passage. Passage ids
        follow the stored-id rule (core.documents.passage_id); "" when unknown."""
        from core.documents import passage_id

        content_hash = str(hit.metadata.get("content_hash") or "")
        if not content_hash or not hasattr(self.index, "fetch"):
            return ""
        ids = [passage_id(hit.source, content_hash, i) for i in range(limit)]
        found = self.index.fetch(ids)
        return "\n".join(f"{found[cid].metadata.get('section', '')}\n{found[cid].text}" for cid in ids if cid in found)

    def with_translations(self, query: str) -> str:
        """The question followed by the knowledge base's words for its terms in the other language, so that
        sentence scoring weighs "保修" like the "warranty" it translates."""
        words = [w for found in self.translations(query, self.index.lexical()).values() for w in found]
        return f"{query} {' '.join(dict.fromkeys(words))}" if words else query

    def expansion_terms(self, query: str) -> list[str]:
        """The question's other words for its terms: glossary equivalents, then dictionary translations (the
        answer composer prefers sentences holding them, so an English question quotes the Chinese line)."""
        glossary = self._glossary()
        terms = list(glossary.expansion_terms(query)) if glossary else []
        for words in self.translations(query, self.index.lexical()).values():
            terms.extend(w for w in words if w not in terms)
        return terms

    def translations(self, query: str, lex: LexicalIndex) -> dict[str, list[str]]:
        """Each informative term of the question -> the knowledge base's words for it in the other language."""
        out: dict[str, list[str]] = {}
        settings = getattr(self.index, "settings", None)
        if settings is not None and not getattr(settings, "dictionary_enabled", True):
            return out
        for term in informative_terms(query):
            found = self._translated(term, lex)
            if found:
                out[term] = found
        # "How much is one HT-C500?" names no price word to translate, and "零售价" has no dictionary entry:
        # a question after a price asks, in the other language, for the documents' word for a price; "12% off"
        # asks after a discount (折扣).
        for own in cue_words(query):
            if own not in out and (found := lex.translate(own)):
                out[own] = found
        return out

    @staticmethod
    def _translated(term: str, lex: LexicalIndex) -> list[str]:
        """The knowledge base's words in the other language for one term: as written, its stem, its
        dictionary forms ("protection" -> "protect"), or what its chat shorthand stands for ("rep" ->
        "representative")."""
        forms = [term, stem(term), *base_forms(term)]
        if term in SHORTHAND:
            forms.append(SHORTHAND[term])
        return next((words for form in forms if (words := lex.translate(form))), [])

    def _product_models(self, generation: int, lex: LexicalIndex) -> frozenset[str]:
        titles = self.index.titles(generation) if hasattr(self.index, "titles") else ()
        if self._families is None or self._families[0] is not titles:
            self._families = (titles, product_families(titles) | text_families(lex.model_bases()))
        return self._families[1]

    def glossary_in_use(self) -> Glossary | None:
        """The glossary searches expand with (the answerer picks sentences with the same terms)."""
        return self._glossary()

    def _glossary(self) -> Glossary | None:
        if self.glossary is not None:
            return self.glossary
        settings = getattr(self.index, "settings", None)
        return glossary_for(settings) if settings is not None else None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [hit.to_document() for hit in self.search(query, audience_role=self.audience_role)]

    def search(self, query: str, k: int | None = None, audience_role: ReaderLike = None) -> list[ScoredChunk]:
        """Top-k live chunks the reader may see, best first. `audience_role` is a core.audience.Reader (role
        and rep id), a bare role, or None = anonymous: documents without an audience only."""
        k = self.k if k is None else k
        lex: LexicalIndex = self.index.lexical()
        if k <= 0 or lex.size == 0:
            return []
        glossary = self._glossary()
        calibration = self.calibration()
        asked = query_terms(tokenize(query))
        expansions = glossary.expansion_terms(query) if glossary else []
        cues = [t for own in cue_words(query) for t in query_terms(tokenize(own))]
        terms, weights = weighted_terms(asked, list(dict.fromkeys([*expansions, *cues])))
        translated = self.translations(query, lex)
        for words in translated.values():
            for word in words:
                if word not in terms:
                    terms.append(word)
                    weights.append(TRANSLATION_WEIGHT / len(words))
        # The translated words alone also make a second BM25 ranking: mixed into the first, a Chinese question's
        # characters and bigrams can outscore every English word of the passage it asks about.
        other_terms = [w for words in translated.values() for w in words]
        other_weights = [1.0 / len(words) for words in translated.values() for _ in words]
        allowed = lex.allowed_mask(audience_role)
        chinese = is_chinese(query)
        pool = max(self.candidates, 4 * k)
        found: dict[int, _Candidate] = {}
        fusion = self.fusion or calibration.fusion

        def vote(rank: int, behind: float, span: float) -> float:
            return fused_vote(fusion, rank, behind, span, self.rrf_c)

        if self.mode != "dense":
            own_votes: dict[int, float] = {}
            ranked = lex.search(terms, pool, allowed, weights)
            for rank, (row, score) in enumerate(ranked, start=1):
                cand = found.setdefault(row, _Candidate(row, lex.chunk_ids[row]))
                cand.ranks["bm25"] = rank
                own_votes[row] = vote(rank, 1.0 - score / ranked[0][1], calibration.bm25_span)
                cand.score += own_votes[row]
            translated_weight = self.translated_weight_zh if chinese else self.translated_weight
            if other_terms and translated_weight > 0:
                # A passage counts its better BM25 vote, in the question's words or in their translations: a
                # passage in the question's language keeps its lead, one in the other language is not left out.
                ranked = lex.search(other_terms, pool, allowed, other_weights)
                for rank, (row, score) in enumerate(ranked, start=1):
                    cand = found.setdefault(row, _Candidate(row, lex.chunk_ids[row]))
                    cand.ranks["bm25_translated"] = rank
                    translated_vote = translated_weight * vote(
                        rank, 1.0 - score / ranked[0][1], calibration.bm25_span
                    )
                    cand.score += max(0.0, translated_vote - own_votes.get(row, 0.0))
        query_vector: list[float] | None = None
        if self.mode != "bm25":
            weight = 1.0
            if self.mode == "hybrid":
                chosen = self.dense_weight_zh if chinese else self.dense_weight_en
                if chosen is None:
                    chosen = calibration.dense_weight_zh if chinese else calibration.dense_weight_en
                weight = chosen
            # Over-fetch: hits that are no longer live (an interrupted ingest) or not allowed are skipped.
            query_vector = self.index.embed_query(query)
            hits = self.index.dense_search(query_vector, pool + 2 * k)
            best: float | None = None
            rank = 0
            for chunk_id, cosine in hits:
                live_row = lex.row_of.get(chunk_id)
                if live_row is None or (allowed is not None and not allowed[live_row]):
                    continue
                rank += 1
                if rank > pool:
                    break
                cand = found.setdefault(live_row, _Candidate(live_row, chunk_id))
                best = cosine if best is None else best
                cand.ranks["dense"] = rank
                cand.cosine = cosine
                cand.score += weight * vote(rank, best - cosine, calibration.dense_span)
        if not found:
            return []

        # Re-rank the head of the fused list: an exact model designation in the title or heading counts as one
        # more first-place vote, a sibling variant ("AX-100 Pro" for "AX-100") as one against.
        ordered = sorted(found.values(), key=lambda c: -c.score)[: max(3 * k, 20)]
        if query_vector is not None:
            # A passage BM25 alone brought in has no cosine from the neighbour search; left out it would read as
            # 0 in relevance and in the answerability signals, below what the model actually gives it.
            missing = [c for c in ordered if c.cosine is None]
            computed = self.index.cosines(query_vector, [c.chunk_id for c in missing]) if missing else {}
            for cand in missing:
                cand.cosine = computed.get(cand.chunk_id)
        stored = self.index.fetch([c.chunk_id for c in ordered])
        wanted = designations(query)
        documented = any(base in lex.model_bases() for base, _variant in wanted)
        price_asked = bool(ASKS_PRICE.search(query))
        priced: list[_Candidate] = []
        language = "zh" if chinese else "en"
        top_vote = vote(1, 0.0, 1.0)
        topic = topic_terms(informative_terms(query))
        topic_weight = calibration.topic_vote if self.topic_vote is None else self.topic_vote

        def any_equivalent(term: str) -> list[str]:
            return [*(glossary.equivalents(term) if glossary else ()), *translated.get(term, ())]

        for cand in ordered:
            chunk = stored.get(cand.chunk_id)
            if chunk is None:
                cand.score = float("-inf")
                continue
            if topic and topic_weight and self.mode == "hybrid":
                md = chunk.metadata
                text = f"{md.get('title', '')}\n{md.get('section', '')}\n{chunk.text}"
                cand.score += topic_weight * top_vote * coverage(topic, text, lex.term_idf, any_equivalent)
            if wanted:
                cand.score += top_vote * model_match(wanted, chunk.metadata, family=documented)
            if (
                price_asked
                and chunk.metadata.get("language") not in (language, None)
                and is_price_heading(str(chunk.metadata.get("section", "")))
            ):
                priced.append(cand)  # only across languages: in its own, the question's words find the line
            if chunk.metadata.get("language") == language:
                cand.score += self.same_language_bonus * top_vote
        # The section that gives prices answers a price question in any language ("How much is one HT-C500?"
        # shares no word with "价格与订购"): half a first-place vote brings it into the head of the list, below
        # the first place, which the answerability model reads as the ranking's own choice. (A whole vote pushed
        # the right passage of two cross-language questions of the sample set out of the top 5.)
        first = max((c.score for c in ordered if c not in priced), default=0.0)
        for cand in priced:
            cand.score = max(cand.score, min(cand.score + PRICE_SECTION_VOTE * top_vote, first - 1e-6))
        ordered.sort(key=lambda c: -c.score)

        results: list[ScoredChunk] = []
        reranker = calibration.reranker if self.mode == "hybrid" and self.use_reranker else None
        head = max(k, HEAD) if reranker is not None else k
        informative = informative_terms(query)
        # "AX-400" when the documents know AX-100/200/300 but no AX-400: nothing here is about that model.
        undocumented = unknown_models(wanted, self._product_models(lex.generation, lex), lex)
        asked_years = years_in(query)
        # Dictionary words count as coverage only where a fitted answerability model weighs them (its
        # cross-language coverage signal); the threshold rule of a model without one was set on coverage
        # without them, and a loose dictionary sense ("office" -> 办公室) would lift off-topic questions over it.
        counted = translated if calibration.answerability is not None else {}

        def equivalents(term: str) -> list[str]:
            return [*(glossary.equivalents(term) if glossary else ()), *counted.get(term, ())]

        for cand in ordered:
            chunk = stored.get(cand.chunk_id)
            if chunk is None:
                continue
            md = chunk.metadata
            passage = f"{md.get('title', '')}\n{md.get('section', '')}\n{chunk.text}"
            covered = coverage(informative, passage, lex.term_idf, equivalents)
            blocked = (
                "model"
                if undocumented
                else "year"
                if other_year(asked_years, f"{md.get('title', '')}\n{md.get('section', '')}")
                else ""
            )
            results.append(
                ScoredChunk(
                    chunk_id=cand.chunk_id,
                    text=chunk.text,
                    metadata=chunk.metadata,
                    score=round(cand.score, 6),
                    relevance=(
                        0.0 if blocked else calibrated_relevance(covered, cand.cosine, calibration, chinese=chinese)
                    ),
                    coverage=covered,
                    blocked=blocked,
                    cosine=cand.cosine,
                    ranks=dict(cand.ranks),
                )
            )
            if len(results) == head:
                break
        if reranker is not None:
            results = rerank(results, self.passage_rows(query, results, translated), reranker)
        return dated_first(results, asked_years)[:k]

    def passage_rows(
        self, query: str, hits: Sequence[ScoredChunk], translated: dict[str, list[str]] | None = None
    ) -> list[dict[str, float]]:
        """The reranker's signals of each hit (knowledge.reranking), as `search` computes them; `bench.fit_reranker`
        reads them from the fused order (`use_reranker` off) to fit the model on."""
        lex = self.index.lexical()
        wanted = designations(query)
        documented = any(base in lex.model_bases() for base, _variant in wanted)
        return passage_features(
            query,
            hits,
            language="zh" if is_chinese(query) else "en",
            idf=lex.term_idf,
            translated=self.translations(query, lex) if translated is None else translated,
            model_scores=[model_match(wanted, h.metadata, family=documented) if wanted else 0.0 for h in hits],
        )


def fused_vote(fusion: Fusion, rank: int, behind: float, span: float, rrf_c: float) -> float:
    """One ranker's vote for a passage at `rank`, `behind` the ranker's first place in its own score units.

    "rrf": 1 / (rrf_c + rank), ranks only. "score": 1 for the first place, falling linearly to 0 at `span`
    behind it, so a runner-up that is a near tie gets almost the winner's vote (the ranker cannot tell them
    apart and leaves the order to the other ranker) and one far behind gets nothing. On the sample set's 176
    questions with USE this lifted hybrid recall@1 from 0.841 to 0.938 (BM25 alone 0.909-0.915): the dense
    side's first place is often a near tie that reciprocal rank fusion counted as a clear win.
    """
    if fusion == "rrf":
        return 1.0 / (rrf_c + rank)
    return max(0.0, 1.0 - behind / span)


# 1990-2039 standing alone: not inside a longer number or a model number ("AX-2000", "400-820-2024"), not an
# amount or a count ("2000元", "2000W", "2000 units"). A year may end a sentence ("until Dec 2025.").
_YEAR = re.compile(
    r"(?<![A-Za-z0-9_.,¥$满])(?<![A-Za-z]-)(199\d|20[0-3]\d)(?!\d|[.,]\d|%|\+|[A-Za-z])"
    r"(?!\s*(?:元|块|万|千|台|个|件|套|米|人|天|小时|分钟|箱|只|份|家|减|送|返|yuan|cny|rmb|usd|dollars?|units?|pcs|"
    r"km|kg|ml|stores?|customers?)(?![a-z]))",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"(?<!\d)(199\d|20[0-3]\d)\s*[-–~至到]\s*(199\d|20[0-3]\d)(?!\d)")


def years_in(text: str) -> set[str]:
    """Years written in the text ("2024", "2025年", "Dec 2024.", "2024-2025"), amounts and model numbers left
    out; a range stands for every year in it."""
    found: set[str] = set()
    for match in _YEAR.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()].strip().lower()
        if before.endswith(("cny", "rmb", "usd")):
            continue
        if (
            match.start() >= 1
            and text[match.start() - 1] == "-"
            and not _YEAR_RANGE.search(text[max(0, match.start() - 6) : match.end()])
        ):
            continue  # "400-820-2024": part of a phone or part number, not a year
        found.add(match.group(1))
    for match in _YEAR_RANGE.finditer(text):
        first, last = int(match.group(1)), int(match.group(2))
        if first < last <= first + 10:
            found.update(str(year) for year in range(first, last + 1))
    return found


def dated_first(hits: list[ScoredChunk], asked: set[str]) -> list[ScoredChunk]:
    """A question naming a year ("2026年价格表上的价格含税吗？") is about the document titled with that year: when the
    first passage's title and heading give no year and another passage's title gives the asked one ("2026 Standard
    Price List"), that document's passages go first, in their order. The year rule (`other_year`) refuses another
    year's document; this keeps an undated one in the asker's language from standing in front of the dated one."""
    if not asked or not hits:
        return hits

    def dated(hit: ScoredChunk) -> bool:
        return bool(years_in(str(hit.metadata.get("title", ""))) & asked)

    first = hits[0]
    if first.blocked or years_in(f"{first.metadata.get('title', '')}\n{first.section}"):
        return hits  # the first passage is dated: to the asked year, or to another (the year rule's case)
    leading = [h for h in hits if dated(h) and not h.blocked]
    # Only a document that answers as well as the first passage: a "2024 Warranty Policy" is no price list of 2024.
    if not leading or max(h.relevance for h in leading) < first.relevance:
        return hits
    chosen = {id(h) for h in leading}
    return [*leading, *(h for h in hits if id(h) not in chosen)]


def other_year(asked: set[str], heading: str) -> bool:
    """The question names a year and the passage's title or heading dates it to other years only ("Spring
    Campaign 2024" for a 2026 question): another year's offer, not the one asked about. Only headings are
    judged: a policy "revised 2024" or "since 2019" in its text still answers a question about 2026."""
    if not asked:
        return False
    found = years_in(heading)
    return bool(found) and not (found & asked)


def product_families(titles: Sequence[str]) -> frozenset[str]:
    """Letter prefixes shared by two or more models that have documents titled after them ("ax" for
    "AX-100 ..." and "AX-200 ..."). Quarters, versions or standards mentioned in text ("Q3", "Win10") are not
    product families: nobody titles a document after them."""
    bases = {base for title in titles for base, _variant in designations(title)}
    counts: dict[str, int] = {}
    for base in bases:
        match = MODEL_BASE.fullmatch(base)
        if match:
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return frozenset(prefix for prefix, count in counts.items() if count >= 2)


TEXT_FAMILY_MODELS = 3  # models of one letter prefix the documents' text must name to make it a product family


def text_families(bases: frozenset[str]) -> frozenset[str]:
    """Letter prefixes of three or more model designations the documents' text names ("dc" for DC-80, DC-120
    and DC-200 in a sheet titled "医用消毒柜"): titles alone miss a family whose titles the model-number
    pattern cannot read. Text also names things that are no products ("SpO2", quarters "Q1".."Q4", "Win10"),
    so it takes three designations with two digits or more each."""
    counts: dict[str, int] = {}
    for base in bases:
        match = MODEL_BASE.fullmatch(base)
        if match and sum(ch.isdigit() for ch in base) >= 2:
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return frozenset(prefix for prefix, count in counts.items() if count >= TEXT_FAMILY_MODELS)


def unknown_models(wanted: set[tuple[str, str]], families: frozenset[str], lex: LexicalIndex) -> set[str]:
    """The asked models of a product family that no document names, when none of the asked models is known
    ("AX-400" alone, not "AX-100 vs AX-400": the AX-100 part can still be answered)."""
    # A variant written onto the number ("LCS-55Pro") is one token in the documents ("lcs55pro"): known as such.
    asked = {
        base
        for base, variant in wanted
        if (m := MODEL_BASE.fullmatch(base))
        and m.group(1) in families
        and not (variant and base + variant in lex.vocab)
    }
    known = lex.model_bases()
    # "AX-100P" is most likely a way of writing a known model (plurals are already folded by `designations`).
    unknown = {base for base in asked if base not in known and not (base[-1].isalpha() and base[:-1] in known)}
    return unknown if unknown and unknown == asked else set()


def named_models(metadata: dict[str, Any]) -> set[tuple[str, str]]:
    """The model designations a passage's title and heading name."""
    return designations(f"{metadata.get('title', '')} \n {metadata.get('section', '')}")


def is_sheet_of(wanted: set[tuple[str, str]], hit: ScoredChunk) -> bool:
    """The passage's document is the asked model's own sheet: its title names exactly the asked models."""
    return bool(wanted) and designations(str(hit.metadata.get("title", ""))) == wanted


def model_match(wanted: set[tuple[str, str]], metadata: dict[str, Any], *, family: bool = True) -> float:
    """+1 when the title/heading names exactly the asked model; -1 when it names only a sibling variant
    ("AX-100 Pro" for "AX-100") or only other models of the asked model's family (the PM-8 sheet for a
    PM-12 question: another product, however well its words match; only with `family`, set when the asked
    model is documented: for an undocumented one its siblings are the neighbours a refusal names); else 0."""
    named = named_models(metadata)
    if not named:
        return 0.0
    if wanted & named:
        return 1.0
    wanted_bases = {base for base, _ in wanted}
    if any(base in wanted_bases for base, _ in named):
        return -1.0
    if family and _prefixes(wanted_bases) & _prefixes({base for base, _ in named}):
        return -1.0
    return 0.0


def _prefixes(bases: set[str]) -> set[str]:
    return {m.group(1) for base in bases if (m := MODEL_BASE.fullmatch(base))}


def calibrated_relevance(
    coverage: float, cosine: float | None, calibration: Calibration | None = None, *, chinese: bool
) -> float:
    """Map query-term coverage and dense cosine to [0, 1]: how well one passage covers the question.

    The cosine is rescaled by the model's calibration (MiniLM: unrelated text near 0.1, a paraphrase 0.6+, so
    [0.15, 0.65]). Where the model's vote on Chinese questions is weak (its calibrated Chinese dense weight under
    0.5, as for the English MiniLM), coverage decides for them, scaled by 0.8 so that one threshold (0.32)
    serves both languages (set on samples/eval/retrieval.jsonl and unanswerable.jsonl). Whether the question is
    answerable at all is decided by knowledge.answerability over several such signals.
    """
    calibration = calibration or Calibration()
    dense = calibration.dense(cosine)
    if chinese and calibration.dense_weight_zh < 0.5:
        value = 0.8 * (0.85 * coverage + 0.15 * dense)
    else:
        value = 0.5 * coverage + 0.5 * dense
    return round(min(1.0, max(0.0, value)), 4)
