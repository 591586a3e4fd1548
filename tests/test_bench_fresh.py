"""bench.fresh: question lines are validated with file:line:field, and scoring counts facts and refusals by kind."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.fresh import QuestionFileError, ask_all, load_questions, score


@dataclass
class _Citation:
    source: str


@dataclass
class _Reply:
    answer: str
    grounded: bool
    citations: list[_Citation] = field(default_factory=list)


def _write(tmp_path: Path, *items: dict[str, object]) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    return path


def test_scores_facts_refusals_and_kinds(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {"q": "RO-800 warranty?", "lang": "en", "kind": "cross_lang", "answerable": True, "source": "zh_ro.md",
         "section": "质保", "facts": ["36个月"]},
        {"q": "K9 weight?", "lang": "en", "kind": "near_miss", "answerable": False},
        {"q": "parking?", "lang": "en", "kind": "off_topic", "answerable": False},
    )
    replies = {
        "RO-800 warranty?": _Reply("整机保修：36 个月 [1]", True, [_Citation("/kb/zh_ro.md")]),
        "K9 weight?": _Reply("The K9 weighs ...", True),
        "parking?": _Reply("The documents don't cover this", False),
    }
    result = score(ask_all(lambda q: replies[q], load_questions(path)))
    assert result["by_kind"]["cross_lang"]["correct"] == 0  # "36 个月" is not the fact "36个月"
    assert result["near_miss_refused"] == 0.0 and result["off_topic_refused"] == 1.0
    assert result["right_source_cited"] == 1.0 and result["correct"] == 1
    assert [m["line"] for m in result["misses"]] == [1, 2]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"q": "x", "lang": "en", "kind": "chatty", "answerable": False}, "field 'kind'"),
        ({"q": "x", "lang": "en", "kind": "chat", "answerable": "yes"}, "field 'answerable'"),
        ({"q": "x", "lang": "en", "kind": "chat", "answerable": True, "facts": [3]}, "field 'facts'"),
    ],
    ids=["kind", "answerable", "facts"],
)
def test_bad_lines_name_file_line_and_field(tmp_path: Path, line: dict[str, object], message: str) -> None:
    path = _write(tmp_path, {"q": "ok", "lang": "en", "kind": "off_topic", "answerable": False}, line)
    with pytest.raises(QuestionFileError, match=rf"questions\.jsonl:2: {message}"):
        load_questions(path)


def test_real_document_bench_counts_a_short_chrome_marker_only_where_it_is_most_of_a_line() -> None:
    """A sidebar link "Sales Toolkit" in an answer line of its own is chrome; the policy's sentence naming the Sales
    Toolkit page is not; a long marker counts anywhere."""
    from bench.realdocs import _chrome_in

    markers = ("Sales Toolkit", "温馨提示：本资料仅供在线预览3页，完整内容请下载。")
    assert _chrome_in("Sales Toolkit [1]\nStep 1: log it. [1]", markers) == ["Sales Toolkit"]
    assert _chrome_in("Forward it to IBD with the Export Lead Form on the Sales Toolkit page. [1]", markers) == []
    assert _chrome_in("See: 温馨提示：本资料仅供在线预览3页，完整内容请下载。 and more", markers) == [markers[1]]


def test_real_document_bench_tells_a_documents_own_words_from_the_chrome_that_repeats_them(tmp_path: Path) -> None:
    """A sidebar listing the other policies by title names the contract policy's own title: cited from that policy
    it is no chrome; standing alone in another file's citation it is. The document's language comes from its
    text, so an English question on the Chinese policy counts as English on Chinese whatever the file type."""
    from types import SimpleNamespace

    from bench.realdocs import answer_shared_chrome, citation_chrome, content_markers, document_languages

    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "合同管理办法.txt").write_text("合同管理办法\n第一条 合同须书面签订。\n", encoding="utf-8")
    (kb / "portal.html").write_text(
        "<html><body><aside><p>合同管理办法</p><p>今日食堂：红烧肉</p></aside>"
        "<p>Warranty is 2 years from delivery for every cabinet and cold room we sell.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "chrome.txt").write_text("# portal.html - sidebar\n合同管理办法\n今日食堂：红烧肉\n", encoding="utf-8")
    shared = content_markers(tmp_path)
    assert shared == {"合同管理办法": {"合同管理办法.txt"}}
    markers = ("合同管理办法", "今日食堂：红烧肉")
    own = SimpleNamespace(
        title="合同管理办法", section="第一条", snippet="合同须书面签订。", source="kb/合同管理办法.txt"
    )
    other = SimpleNamespace(title="合同管理办法", section="", snippet="Warranty is 2 years.", source="kb/portal.html")
    menu = SimpleNamespace(title="Portal", section="", snippet="今日食堂：红烧肉", source="kb/portal.html")
    assert citation_chrome([own], markers, shared) == []
    assert citation_chrome([other], markers, shared) == ["合同管理办法"]
    assert citation_chrome([menu], markers, shared) == ["今日食堂：红烧肉"]
    assert document_languages(tmp_path) == {"portal.html": "en", "合同管理办法.txt": "zh"}
    fields = {"合同管理办法", "第一条 合同须书面签订。"}
    assert answer_shared_chrome(fields, shared, {"合同管理办法.txt"}) == []
    assert answer_shared_chrome(fields, shared, {"portal.html"}) == ["合同管理办法"]


def test_real_document_bench_names_a_folder_that_is_not_a_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder without kb/ and questions.jsonl gets a one-line usage error, not a traceback."""
    from bench.realdocs import main

    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path / "missing")])
    assert exit_info.value.code == 2
    assert "not a real-document round (needs kb/ and questions.jsonl)" in capsys.readouterr().err
