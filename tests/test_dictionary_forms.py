"""Dictionary translation meets the forms words take in running text, and a BM25 snapshot built by an older
reading of the dictionary is rebuilt; the glossary names the spec-table words product sheets use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.dictionary import TABLE_VERSION, base_forms, translation_table, word_forms
from knowledge.glossary import BUNDLED, load_glossary
from knowledge.lexical import SNAPSHOT_META, LexicalIndex


def test_a_gloss_word_finds_its_derived_form_in_the_knowledge_base() -> None:
    # CC-CEDICT glosses 防护 as "to protect"; the English sheet says "protection".
    table = translation_table({"防护", "protection", "等级", "rating"})
    assert "protection" in table["防护"]
    assert "防护" in table["protect"]


@pytest.mark.parametrize(
    ("word", "form"),
    [("protect", "protection"), ("regulate", "regulation"), ("battery", "batteries"), ("certify", "certifying")],
    ids=["ion", "e-ion", "ies", "ing"],
)
def test_forms_and_bases_are_inverse(word: str, form: str) -> None:
    assert form in word_forms(word)
    assert word in base_forms(form)
    assert base_forms("warranty")[0] == "warranty"


def test_a_snapshot_with_an_older_dictionary_table_is_rebuilt(tmp_path: Path) -> None:
    lexical = LexicalIndex.build([("c1", ["warranty", "保修"], "")], generation=1)
    lexical.save(tmp_path)
    assert LexicalIndex.load(tmp_path, generation=1) is not None
    meta = json.loads((tmp_path / SNAPSHOT_META).read_text(encoding="utf-8"))
    assert meta["dictionary"] == TABLE_VERSION
    del meta["dictionary"]  # written before translations knew word forms
    (tmp_path / SNAPSHOT_META).write_text(json.dumps(meta), encoding="utf-8")
    assert LexicalIndex.load(tmp_path, generation=1) is None


@pytest.mark.parametrize(
    ("english", "chinese"),
    [("capacity", "容量"), ("accuracy", "精度"), ("registration number", "注册证号"), ("ip rating", "防护等级")],
    ids=["capacity", "accuracy", "registration", "ip-rating"],
)
def test_the_glossary_relates_spec_table_words(english: str, chinese: str) -> None:
    glossary = load_glossary(BUNDLED)
    assert chinese in glossary.equivalents(english)
    assert english in glossary.equivalents(chinese)


def test_short_gloss_words_take_no_endings() -> None:
    # 没有 glosses as "not have": "notes" and "noted" are other words, not forms of "not".
    table = translation_table({"没有", "have", "not", "notes", "noted"})
    assert table["没有"] == ["not", "have"]
    assert "not" not in base_forms("notes") and "note" in base_forms("notes")


def test_a_word_translates_only_through_a_gloss_the_knowledge_base_uses_whole() -> None:
    # 年假 is "annual leave": a knowledge base that says "annual contract" but never "leave" has no word for it,
    # so a question about annual leave does not read as covered by the contract terms.
    without_leave = translation_table(["annual", "contract", "warranty"])
    assert "年假" not in without_leave
    assert translation_table(["annual", "leave"])["年假"][:2] == ["annual", "leave"]
    assert "warranty" in without_leave["保修"]


def test_the_parsed_dictionary_is_kept_in_the_private_cache_and_a_broken_copy_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knowledge import dictionary

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    dictionary.cedict.cache_clear()
    try:
        parsed = dictionary.cedict()
        (kept,) = (tmp_path / "salescoach").glob("cedict-*.marshal")
        dictionary.cedict.cache_clear()
        with monkeypatch.context() as patched:
            patched.setattr(dictionary, "_parse", lambda path: pytest.fail("parsed again despite the cached copy"))
            assert dictionary.cedict() == parsed
        kept.write_bytes(b"\x00not marshal")
        dictionary.cedict.cache_clear()
        assert dictionary.cedict()["保修"] == parsed["保修"]
        assert kept.read_bytes() != b"\x00not marshal"
    finally:
        dictionary.cedict.cache_clear()


def test_the_lookup_file_gives_the_table_the_whole_dictionary_gives(tmp_path: Path) -> None:
    """Keyed look-ups in the SQLite file replace a visit of every gloss (~0.9 s of each ingest); the table must
    not change: forms found from the vocabulary's side (making -> make, batteries -> battery), a gloss whose every
    word the knowledge base uses and none other, the dictionary's order of senses and the cut at
    MAX_TRANSLATIONS."""
    from knowledge import dictionary

    entries = {
        "制造": (("make",), ("manufacture",)),
        "电池": (("battery",), ("cell",)),
        "年假": (("annual", "leave"),),
        "保护": (("protect",), ("safeguard",)),
        "价格": tuple((f"price{letter}",) for letter in "abcdefghi"),
        "标价": (("pricea",), ("marked", "price")),
    }
    vocab = {"making", "batteries", "annual", "protection", "价格", "标价", "price", "marked"} | {
        f"price{letter}" for letter in "abcdefghi"
    }
    database = tmp_path / "lookup.sqlite"
    dictionary._build_database(database, entries)
    expected = dictionary.table_from_entries(entries, vocab)
    assert dictionary._table_from_database(database, vocab) == expected
    assert expected["制造"] == ["making"] and expected["电池"] == ["batteries"] and "年假" not in expected
    assert expected["pricea"] == ["价格", "标价"] and len(expected["价格"]) == dictionary.MAX_TRANSLATIONS


def test_a_damaged_lookup_file_falls_back_to_the_whole_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knowledge import dictionary

    broken = tmp_path / "cedictdb-broken.sqlite"
    broken.write_bytes(b"not a database at all" * 100)
    monkeypatch.setattr(dictionary, "lookup_database", lambda: broken)
    vocabulary = {"warranty", "保修", "invoice"}
    assert dictionary.translation_table(vocabulary) == dictionary.table_from_entries(dictionary.cedict(), vocabulary)
    assert "warranty" in dictionary.translation_table(vocabulary)["保修"]


def test_the_retriever_translates_chat_shorthand() -> None:
    """"rep" finds 代表 through "representative" (the chat shorthand table)."""
    from knowledge.retriever import HybridRetriever

    lexical = LexicalIndex.build([("c1", ["代表", "提成"], "")], generation=1)
    translated = HybridRetriever.translations(
        HybridRetriever.model_construct(index=None), "When is commission paid to a sales rep?", lexical
    )
    assert "代表" in translated["rep"]


def test_a_one_character_unit_counts_after_a_figure_only() -> None:
    """元 in the glossary is the yuan of "5000元", not the 元 inside 欧元 (euro) or 单元 (unit)."""
    glossary = load_glossary(BUNDLED)
    yuan = next(n for n, group in enumerate(glossary.groups) if "元" in group)
    assert yuan in glossary.groups_in("礼品超过500元要上交吗？")
    assert yuan not in glossary.groups_in("给欧洲客户报欧元价是多少？")
    assert "rmb" in glossary.equivalents("元") and "rmb" not in glossary.equivalents("欧元")
