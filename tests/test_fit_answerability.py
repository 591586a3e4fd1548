"""The answerability fitter's threshold rule: keep the most answerable questions among the cuts that refuse
enough off-topic questions and near misses, rather than the best balanced accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.fit_answerability import NEAR_MISS_FLOOR, OFF_TOPIC_FLOOR, best_threshold, fit, predict, rates


def test_threshold_meets_the_refusal_floors_then_keeps_the_most() -> None:
    # Ten answerable questions spread over 0.30..0.75; one off-topic question at 0.62 that must be refused;
    # near misses low. Balanced accuracy would cut below 0.62 (losing the off-topic one costs 1/15 of the
    # refusals, keeping two more answerable gains 2/10); the rule cuts just above it.
    answerable = np.linspace(0.30, 0.75, 10)
    near = np.array([0.1, 0.15, 0.2, 0.25, 0.35])
    off = np.array([0.05] * 9 + [0.62])
    p = np.concatenate([answerable, near, off])
    y = np.concatenate([np.ones(10), np.zeros(15)])
    kinds = ["cross_lang"] * 10 + ["near_miss"] * 5 + ["off_topic"] * 10
    cut = best_threshold(p, y, kinds)
    r = rates(p, y, kinds, cut)
    assert r["off_refused"] >= OFF_TOPIC_FLOOR
    assert r["near_refused"] >= NEAR_MISS_FLOOR
    assert 0.62 < cut <= 0.65
    assert r["kept"] == 0.3


def test_threshold_falls_least_short_when_no_cut_meets_the_floors() -> None:
    # The off-topic question scores above every answerable one: refusing it refuses everything, which is
    # still the cut nearest the floors.
    p = np.array([0.4, 0.5, 0.9])
    y = np.array([1.0, 1.0, 0.0])
    cut = best_threshold(p, y, ["chat", "chat", "off_topic"])
    assert rates(p, y, ["chat", "chat", "off_topic"], cut)["off_refused"] == 1.0


def test_fit_separates_a_separable_signal() -> None:
    x = np.array([[0.1], [0.2], [0.3], [0.7], [0.8], [0.9]])
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    p = predict(fit(x, y), x)
    assert (p[y == 1] > 0.5).all() and (p[y == 0] < 0.5).all()


def test_near_misses_refused_by_rule_count_towards_the_floor() -> None:
    # Four near misses: two refused by rule (p = 0), two the model scores 0.5 and 0.7 among answerable ones at
    # 0.45..0.9. With the rule's refusals counted, refusing the one at 0.5 meets a 0.75 floor; a stricter floor
    # given as an argument must refuse both and so cut above 0.7.
    p = np.array([0.45, 0.6, 0.75, 0.9, 0.0, 0.0, 0.5, 0.7])
    y = np.array([1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0])
    kinds = ["same_lang"] * 4 + ["near_miss"] * 4
    loose = best_threshold(p, y, kinds, near_floor=0.75, off_floor=0.0)
    assert 0.5 < loose <= 0.6 and rates(p, y, kinds, loose)["near_refused"] == 0.75
    strict = best_threshold(p, y, kinds, near_floor=1.0, off_floor=0.0)
    assert 0.7 < strict <= 0.75


def test_a_folder_that_is_no_labelled_set_or_a_broken_questions_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.fit_answerability import main

    with pytest.raises(SystemExit):
        main([str(tmp_path / "missing")])
    assert "missing: not a labelled set (needs kb/ and questions.jsonl)" in capsys.readouterr().err
    (tmp_path / "set" / "kb").mkdir(parents=True)
    (tmp_path / "set" / "questions.jsonl").write_text('{"q": "x"\n', encoding="utf-8")
    assert main([str(tmp_path / "set")]) == 2
    assert capsys.readouterr().err.strip().endswith("questions.jsonl:1: not valid JSON (Expecting ',' delimiter)")


def test_a_question_counts_as_answered_right_by_its_facts_or_else_its_source() -> None:
    """The fit's "right" label: the composed answer holds every key fact (spacing and case ignored); a question
    labelled with its source only needs that source cited."""
    from types import SimpleNamespace

    from bench.fit_answerability import answered_right

    class Composer:
        def compose(self, question: str, hits: object, language: str) -> SimpleNamespace:
            citation = SimpleNamespace(source="kb/policy.md")
            return SimpleNamespace(answer="Approval: Sales  Director, within 2 days.", citations=[citation])

    composer = Composer()
    assert answered_right(composer, "Who approves?", [], ("sales director", "2 days"), "")
    assert not answered_right(composer, "Who approves?", [], ("sales director", "3 days"), "")
    assert answered_right(composer, "Who approves?", [], (), "policy.md")
    assert not answered_right(composer, "Who approves?", [], (), "other.md")


def test_a_signals_cache_from_before_answers_were_checked_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.fit_answerability import main

    (tmp_path / "set" / "kb").mkdir(parents=True)
    (tmp_path / "set" / "questions.jsonl").write_text(
        '{"q": "x?", "lang": "en", "kind": "same_lang", "answerable": true, "facts": ["x"]}\n', encoding="utf-8"
    )
    stale = tmp_path / "signals.json"
    row = {"question": "x?", "ruled": "", "granted": ""}
    stale.write_text(json.dumps({"set": {"rows": [row], "labels": [1], "kinds": ["same_lang"]}}), encoding="utf-8")
    assert main([str(tmp_path / "set"), "--signals", str(stale)]) == 2
    assert "signals collected before answers were checked" in capsys.readouterr().err
