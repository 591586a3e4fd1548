"""The bilingual glossary: file validation, query expansion, coverage across languages, and the retriever."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import HashingEmbeddings
from fixtures_knowledge import load, make_doc

from core.settings import Settings
from knowledge.glossary import BUNDLED, EXPANSION_WEIGHT, GlossaryError, load_glossary, parse_glossary, weighted_terms
from knowledge.grounding import coverage
from knowledge.index import KnowledgeIndex
from knowledge.retriever import HybridRetriever

SMALL = parse_glossary(
    [
        {"en": ["filter", "cartridge"], "zh": ["滤网", "滤芯"]},
        {"en": ["trade show", "expo"], "zh": ["展会"]},
        {"en": ["socket", "power outlet"], "zh": ["插座"]},
    ],
    "test",
)


def test_expansion_adds_the_other_terms_of_each_mentioned_group() -> None:
    assert SMALL.expansion_terms("吊顶那款换滤网要订哪个型号？")[:2] == ["filter", "cartridge"]
    assert "expo" in SMALL.expansion_terms("leads from the trade show")
    assert {"trade", "show"} <= set(SMALL.expansion_terms("hot leads at the expo"))
    assert SMALL.expansion_terms("nothing relevant here") == []


def test_english_terms_match_whole_words_only() -> None:
    assert SMALL.groups_in("the sockets") == []  # no stemming in the glossary: exact words
    assert SMALL.groups_in("a socket") == [2]
    assert SMALL.groups_in("exposure") == []  # "expo" is a word, not a prefix


def test_equivalents_let_an_english_passage_cover_a_chinese_term() -> None:
    passage = "AX-300 replacement filter: order part HX-F300."

    def idf(term: str) -> float:
        return 1.0

    assert coverage(["滤网"], passage, idf) == 0.0
    assert coverage(["滤网"], passage, idf, SMALL.equivalents) == 1.0
    assert coverage(["电源插座"], "needs a 16 A power outlet", idf, SMALL.equivalents) == 1.0  # contains 插座
    assert coverage(["电源插座"], "needs a 16 A power supply", idf, SMALL.equivalents) == 0.0  # "outlet" missing


def test_expansion_terms_weigh_less_than_asked_terms() -> None:
    terms, weights = weighted_terms(["滤网", "ax-300"], ["filter", "ax-300"])
    assert terms == ["滤网", "ax-300", "filter"] and weights == [1.0, 1.0, EXPANSION_WEIGHT]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"en": ["a"]}, r"test\.yaml: expected a non-empty list"),
        ([{"en": ["filter"], "zh": ["滤网"]}, "oops"], r"test\.yaml: entry 2: expected a mapping"),
        ([{"en": ["filter"], "de": ["Filter"]}], r"entry 1: unknown field 'de'"),
        ([{"en": ["filter", ""], "zh": ["滤网"]}], r"entry 1: field 'en' must be a list of non-empty strings"),
        ([{"en": ["filter"]}], r"entry 1: needs at least two terms"),
    ],
)
def test_bad_glossary_entries_are_named(raw: object, message: str) -> None:
    with pytest.raises(GlossaryError, match=message):
        parse_glossary(raw, "test.yaml")


def test_unreadable_and_invalid_files_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match=r"missing\.yaml: cannot read glossary"):
        load_glossary(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- en: [filter\n  zh: 滤网\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"bad\.yaml:\d+: not valid YAML"):
        load_glossary(bad)


def test_the_bundled_glossary_loads_and_terms_are_not_repeated() -> None:
    glossary = load_glossary(BUNDLED)
    assert len(glossary.groups) >= 200
    terms = [t for group in glossary.groups for t in group]
    assert len(terms) == len(set(terms))


def _sheet_index(settings: Settings) -> KnowledgeIndex:
    index = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    return load(
        index,
        make_doc("/kb/ax-300.md", "AX-300 Ceiling Unit", [("Consumables", "Replacement filter: part HX-F300.")]),
        make_doc("/kb/ax-300-install.md", "AX-300 Installation", [("Mounting", "Mount on a ceiling grid.")]),
    )


def test_a_chinese_question_finds_and_is_grounded_in_an_english_sheet(tmp_path: Path) -> None:
    glossary_file = tmp_path / "glossary.yaml"
    glossary_file.write_text("- en: [filter, cartridge]\n  zh: [滤网, 滤芯]\n", encoding="utf-8")
    question = "AX-300 换滤网要订哪个？"

    with_glossary = HybridRetriever(index=_sheet_index(Settings(glossary_path=glossary_file)), k=2)
    hits = with_glossary.search(question)
    assert hits[0].section.endswith("Consumables") and hits[0].coverage == 1.0

    neither = Settings(glossary_enabled=False, dictionary_enabled=False)
    without = HybridRetriever(index=_sheet_index(neither), k=2).search(question)
    assert without[0].coverage < 1.0  # only the model number is found


def test_the_dictionary_alone_carries_a_chinese_question_to_an_english_sheet(tmp_path: Path) -> None:
    """No glossary entry for 滤网: CC-CEDICT's "filter" (cut to the knowledge base's words) is enough. Its words
    count as coverage where a fitted answerability model weighs them."""
    calibration = tmp_path / "calibration.yaml"
    calibration.write_text("default:\n  answerability:\n    weights: {coverage_top: 1.0}\n", encoding="utf-8")
    settings = Settings(glossary_enabled=False, calibration_path=calibration)
    hits = HybridRetriever(index=_sheet_index(settings), k=2).search("AX-300 换滤网要订哪个？")
    assert hits[0].section.endswith("Consumables") and hits[0].coverage == 1.0
    index = _sheet_index(settings)
    assert index.lexical().translate("滤网") == ["filter"] and "滤网" not in index.lexical().vocab


def test_cli_stops_at_once_on_a_broken_company_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from cli import app

    broken = tmp_path / "glossary.yaml"
    broken.write_text("- en: [filter]\n  fr: [filtre]\n", encoding="utf-8")
    monkeypatch.setenv("SALESCOACH_GLOSSARY_PATH", str(broken))
    result = CliRunner().invoke(app, ["check", "our best price"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {broken}: entry 1: unknown field 'fr' (use 'en' and 'zh')"
