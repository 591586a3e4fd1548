"""A model the documents never name, of a family their text names three or more models of, is not covered,
even when no title reveals the family."""

from __future__ import annotations

from fixtures_knowledge import load, make_doc, new_index

from knowledge.retriever import HybridRetriever, text_families

CABINETS = make_doc(
    "products/消毒柜系列.md",
    "医用消毒柜 产品资料",
    [
        ("一、型号", "本系列有三个型号：DC-80（80升）、DC-120（120升）和 DC-200（200升）。"),
        ("二、质保", "DC-80、DC-120 和 DC-200 整机质保两年。"),
    ],
    language="zh",
    doc_type="product",
)


def test_three_models_named_in_text_make_a_family_two_do_not() -> None:
    bases = frozenset({"dc80", "dc120", "dc200", "spo2", "sp10", "q1", "q2", "q4", "win10", "win11", "win7"})
    assert text_families(bases) == frozenset({"dc"})


def test_an_unnamed_model_of_a_family_named_in_text_is_blocked() -> None:
    retriever = HybridRetriever(index=load(new_index(), CABINETS), k=3)
    assert all(hit.blocked == "model" for hit in retriever.search("DC-150消毒柜容量多大"))
    assert not any(hit.blocked for hit in retriever.search("DC-120消毒柜容量多大"))
