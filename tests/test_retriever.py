"""Hybrid retrieval: exact model numbers win, Chinese via lexical, audience filtering, LangChain API."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_knowledge import MANUAL_EN, MANUAL_ZH, PLAYBOOK, PRODUCTS, load, make_doc, new_index

from knowledge.index import KnowledgeIndex
from knowledge.retriever import HybridRetriever, calibrated_relevance, designations


@pytest.fixture
def index() -> KnowledgeIndex:
    return load(new_index(), *PRODUCTS, MANUAL_EN, MANUAL_ZH, PLAYBOOK)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("AX-100 price", "ax-100.md"),
        ("AX-100 Pro price", "ax-100-pro.md"),
        ("how much is the ax100", "ax-100.md"),
        ("warranty of the AX-100 Pro?", "ax-100-pro.md"),
        ("K7 warranty", "k7.md"),
        ("K7 Lite warranty", "k7-lite.md"),
        ("K7 Lite 多少钱", "k7-lite.md"),
    ],
    ids=["ax100", "ax100-pro", "ax100-lowercase", "pro-at-end", "k7", "k7-lite", "k7-lite-zh"],
)
@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_exact_model_number_wins(index: KnowledgeIndex, query: str, expected: str, mode: str) -> None:
    hits = HybridRetriever(index=index, k=3, mode=mode).search(query)  # type: ignore[arg-type]
    assert Path(hits[0].source).name == expected


def test_designations_keep_variants_apart() -> None:
    assert designations("AX-100 Pro and the K7 Lite") == {("ax100", "pro"), ("k7", "lite")}
    assert designations("AX100 vs K7") == {("ax100", ""), ("k7", "")}


def test_chinese_question_is_carried_by_the_lexical_side(index: KnowledgeIndex) -> None:
    hits = HybridRetriever(index=index, k=3).search("客户逾期30天要上报谁？")
    assert hits[0].source.endswith("sales-duty-manual-zh.md")
    assert hits[0].section.endswith("回款管理")
    assert "bm25" in hits[0].ranks


@pytest.mark.parametrize(
    ("role", "sees_playbook"),
    [(None, False), ("rep", False), ("manager", True), ("director", True)],
    ids=["anonymous", "rep", "manager", "director"],
)
def test_audience_restricted_documents(index: KnowledgeIndex, role: str | None, sees_playbook: bool) -> None:
    for mode in ("hybrid", "bm25", "dense"):
        retriever = HybridRetriever(index=index, k=10, mode=mode)  # type: ignore[arg-type]
        sources = {h.source for h in retriever.search("lawyer letter for an unpaid invoice", audience_role=role)}
        assert (PLAYBOOK[0].source in sources) is sees_playbook, mode


def test_langchain_invoke_returns_documents_with_metadata(index: KnowledgeIndex) -> None:
    docs = HybridRetriever(index=index, k=2).invoke("K7 filter price")
    assert len(docs) == 2
    top = docs[0]
    assert "K7" in top.page_content
    assert {"source", "section", "title", "score", "chunk_id", "relevance", "version"} <= set(top.metadata)
    assert top.metadata["chunk_id"] == top.id


def test_relevance_separates_covered_from_unrelated(index: KnowledgeIndex) -> None:
    retriever = HybridRetriever(index=index, k=3)
    covered = retriever.search("when do I escalate an overdue payment to my manager")[0].relevance
    unrelated = max(h.relevance for h in retriever.search("what is the wifi password in the canteen"))
    assert 0.0 <= unrelated < covered <= 1.0


def test_calibrated_relevance_is_bounded() -> None:
    assert calibrated_relevance(1.0, 0.99, chinese=False) == 1.0
    assert calibrated_relevance(0.0, None, chinese=True) == 0.0
    assert calibrated_relevance(0.0, -0.5, chinese=False) == 0.0


def test_empty_index_returns_nothing() -> None:
    assert HybridRetriever(index=new_index(), k=3).search("anything at all") == []


def test_coverage_counts_what_the_question_is_about_not_how_it_asks(index: KnowledgeIndex) -> None:
    top = HybridRetriever(index=index, k=3).search("How long is the AX-100 warranty, and how often?")[0]
    assert top.section.endswith("Warranty")
    assert top.coverage == 1.0  # "how", "long", "often" ask; "ax-100" is one concept, not four tokens


def test_one_threshold_serves_both_languages() -> None:
    # Chinese blends are scaled by 0.8: a Chinese passage needs ~0.40 coverage where English needs 0.32.
    assert calibrated_relevance(0.4, None, chinese=True) == pytest.approx(0.272)
    assert calibrated_relevance(0.48, None, chinese=True) == pytest.approx(0.3264)


def test_an_undocumented_model_of_a_documented_family_is_not_covered() -> None:
    ax200 = make_doc("/kb/products/ax-200.md", "AX-200 Large-Room Purifier", [("Warranty", "Two years, parts.")])
    retriever = HybridRetriever(index=load(new_index(), *PRODUCTS, ax200), k=3)
    assert {"ax100", "ax200", "k7"} <= retriever.index.lexical().model_bases()  # "ax" is a family of two
    undocumented = retriever.search("When does the AX-900 launch and what is its warranty?")
    assert undocumented and all(hit.relevance == 0.0 for hit in undocumented)
    documented = retriever.search("What is the AX-100 warranty?")
    assert documented[0].relevance > 0.3
    # Not a product family of the documents: "Q3" is a quarter, not an unknown model, even where the text
    # names other quarters; and a comparison with one known model can still be answered.
    plan = make_doc("/kb/plan.md", "Sales Plan", [("Targets", "Q1 and Q2 targets are set per region; Q4 too.")])
    retriever = HybridRetriever(index=load(new_index(), *PRODUCTS, ax200, plan), k=3)
    assert retriever.search("what is the Q3 target per region?")[0].relevance > 0.0
    assert retriever.search("AX-100 price for Q3 orders")[0].relevance > 0.0
    assert max(h.relevance for h in retriever.search("compare the AX-100 and AX-900 warranty")) > 0.3
    assert retriever.search("warranty on 25 AX-200s?")[0].relevance > 0.0  # a plural is not another model


def test_a_passage_dated_to_other_years_does_not_cover_a_question_about_another_year() -> None:
    from knowledge.retriever import other_year, years_in

    promo = make_doc("/kb/promos.md", "Promotions", [("Spring Campaign 2024", "AX-100: 10% off list in spring 2024.")])
    retriever = HybridRetriever(index=load(new_index(), *PRODUCTS, promo), k=3)
    def promo_relevance(question: str) -> float:
        return next(h.relevance for h in retriever.search(question) if h.section.endswith("Spring Campaign 2024"))

    assert promo_relevance("any spring 2026 promo on the AX-100?") == 0.0
    assert promo_relevance("what was the spring 2024 promo on the AX-100?") > 0.3
    # Only a dated heading judges: a policy "revised 2024" in its text still answers a question about 2026.
    policy = make_doc("/kb/policy.md", "Warranty Policy", [("Terms", "Revised 2024: AX-100 warranty is two years.")])
    dated_text = HybridRetriever(index=load(new_index(), policy), k=1).search("AX-100 warranty in 2026?")
    assert dated_text[0].relevance > 0.3
    # Amounts, counts and phone numbers are not years; undated passages are not judged.
    assert years_in("单价2000元, CNY 2020, 2030 units, call 400-820-2024, AX-2000, 满2000减200, 2000W") == set()
    assert years_in("2025年双11, until Dec 2024.") == {"2024", "2025"}
    assert years_in("the 2024-2026 framework") == {"2024", "2025", "2026"}
    assert not other_year({"2026"}, "Warranty: 24 months from installation.")


def test_every_fused_passage_has_its_cosine_even_when_only_bm25_found_it(index: KnowledgeIndex) -> None:
    """The answerability signals and the relevance read each passage's cosine: one BM25 alone brought in (outside
    the dense side's candidates) gets it from its stored vector instead of counting as 0."""
    question = "客户逾期30天要上报谁？"
    narrow = HybridRetriever(index=index, k=5, candidates=1).search(question)
    wide = {h.chunk_id: h.cosine for h in HybridRetriever(index=index, k=20, candidates=200).search(question)}
    assert len(narrow) > 1 and all(h.cosine is not None for h in narrow)
    for hit in narrow:
        if hit.chunk_id in wide:
            assert hit.cosine == pytest.approx(wide[hit.chunk_id], abs=1e-4)


def test_pump_and_suffixed_models_are_designations_tokens_and_known_bases() -> None:
    """"QL-50-160" and "QL-50-200" (one casing, two impellers) are two models, not one "QL-50"; "QLW-15S" is
    indexed under its own joined token as well as the plural reading's "qlw15", so the documents know it; a
    two-letter suffix ("GY-15KT") is a known base too."""
    from core.text import tokenize
    from knowledge.lexical import MODEL_BASE
    from knowledge.retriever import designations

    assert designations("QL-50-160 and QL-50-200") == {("ql50160", ""), ("ql50200", "")}
    assert {"qlw15s", "qlw15"} <= set(tokenize("QLW-15S 不锈钢潜水排污泵"))
    assert all(MODEL_BASE.fullmatch(token) for token in ("ql50200", "gy15kt", "qlw15s", "ax100"))


def test_a_question_naming_a_year_puts_the_document_titled_with_it_first() -> None:
    """"2026年价格表上的价格含不含增值税？": the Chinese article (undated) ranked above the English "2026 Standard
    Price List", and the year rule then refused, saying the documents had 2025 but not 2026."""
    from knowledge.retriever import ScoredChunk, dated_first

    def hit(chunk_id: str, title: str, section: str = "") -> ScoredChunk:
        return ScoredChunk(chunk_id, "text", {"title": title, "section": section}, score=0.1, relevance=0.3)

    article = hit("a", "旧楼加装电梯怎么卖？", "二、大概要多少钱")
    terms = hit("b", "2026 Standard Price List", "1. General Terms")
    changes = hit("c", "2026 Standard Price List", "11. Price Changes")
    ordered = dated_first([article, terms, changes], {"2026"})
    assert [h.chunk_id for h in ordered] == ["b", "c", "a"]
    # No year asked, or the first passage already dated to it: the order stays.
    assert dated_first([article, terms], set()) == [article, terms]
    dated_article = hit("d", "2026 加装电梯报价说明")
    assert dated_first([dated_article, terms], {"2026"}) == [dated_article, terms]
