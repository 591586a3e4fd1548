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


MONITOR_ZH = make_doc(
    "products/PM-8_监护仪.md",
    "PM-8 多参数监护仪 产品资料",
    [
        ("一、产品概述", "PM-8 多参数监护仪用于病房和急诊，监测心电、血氧、血压。"),
        ("三、注册信息", "医疗器械注册证号：国械注准20213070001；分类：二类。"),
    ],
    language="zh",
    doc_type="product",
)
MONITOR_EN = make_doc(
    "products/pm-12.md",
    "PM-12 Patient Monitor - Product Sheet",
    [
        ("Overview", "The PM-12 patient monitor is for ICU beds: ECG, SpO2, blood pressure and temperature."),
        ("Registration", "Registration certificate no.: 20223070412 (Class II device)."),
    ],
    doc_type="product",
)


def test_another_model_of_the_asked_family_does_not_answer_for_it() -> None:
    """The PM-8 sheet's registration section matches every word of a Chinese question about the PM-12's
    registration number; it is still another product (fused as the multilingual model's calibration fuses)."""
    retriever = HybridRetriever(index=load(new_index(), MONITOR_ZH, MONITOR_EN), k=3, fusion="score", topic_vote=1.0)
    hits = retriever.search("PM-12监护仪的注册证号是多少，投标要用")
    assert hits[0].source.endswith("pm-12.md"), [(h.source, h.section) for h in hits]


def test_a_variant_written_onto_the_number_is_the_documented_model_not_an_unknown_one() -> None:
    from typing import ClassVar

    from knowledge.retriever import designations, unknown_models

    class Lexicon:
        vocab: ClassVar[dict[str, int]] = {"lcs55pro": 0, "lcs37": 1, "lcs22": 2}

        @staticmethod
        def model_bases() -> frozenset[str]:
            return frozenset({"lcs37", "lcs22"})

    families = frozenset({"lcs"})
    assert unknown_models(designations("LCS-55Pro 保修几年？"), families, Lexicon()) == set()  # type: ignore[arg-type]
    assert unknown_models(designations("LCS-90 保修几年？"), families, Lexicon()) == {"lcs90"}  # type: ignore[arg-type]


def test_a_numbered_sub_model_is_a_model_of_its_own() -> None:
    """JH-760-4 and JH-760-5 are two machines of one series: read as "JH-760" both were one model unknown to the
    documents (whose token is "jh7604"), and questions about either were refused as about an undocumented one."""
    from typing import ClassVar

    from knowledge.retriever import designations, unknown_models

    assert designations("JH-760-5 加装气动剪链器要多少钱？") == {("jh7605", "")}
    assert designations("JH-768-4 and the JH-760-4") == {("jh7684", ""), ("jh7604", "")}
    assert designations("certificate CE-JH-2024-0211") == {("jh2024", "")}  # a long number is no sub-model

    class Lexicon:
        vocab: ClassVar[dict[str, int]] = {"jh7604": 0, "jh7605": 1, "jh8800d": 2}

        @staticmethod
        def model_bases() -> frozenset[str]:
            return frozenset(vocab for vocab in ("jh7604", "jh7605", "jh8800d"))

    families = frozenset({"jh"})
    assert unknown_models(designations("JH-760-5 的针号？"), families, Lexicon()) == set()  # type: ignore[arg-type]
    assert unknown_models(designations("JH-760-6 的针号？"), families, Lexicon()) == {"jh7606"}  # type: ignore[arg-type]


def test_an_upper_case_letter_suffix_after_a_hyphen_is_a_model_of_its_own() -> None:
    """AJ-IPC2204-Z is the motorised-zoom AJ-IPC2204: read as the AJ-IPC2204, a question about an undocumented
    AJ-IPC2408-ZP was answered from the AJ-IPC2408 sheet. Lower case and variant words keep their old readings."""
    from knowledge.retriever import designations

    assert designations("AJ-IPC2204-Z 的价格") == {("ipc2204z", "")}
    assert designations("lead time of the AJ-IPC2408-ZP?") == {("ipc2408zp", "")}
    assert designations("K7-to-K9 upgrade") == {("k7", ""), ("k9", "")}
    assert designations("K7-SE and AX-100-Pro") == {("k7", "se"), ("ax100", "pro")}
