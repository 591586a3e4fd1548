"""Rewrites of the flagged sentence itself, and no rewrite where the fix needs judgement."""

from __future__ import annotations

from compliance.checker import ComplianceChecker


def rewrites(checker: ComplianceChecker, text: str) -> set[str | None]:
    return {f.rewrite for f in checker.check(text).findings}


def test_a_rank_gets_a_slot_for_the_sourced_ranking(checker: ComplianceChecker) -> None:
    (new,) = rewrites(checker, "Our CRM is the No.1 platform in China.")
    assert new is not None and "No.1" not in new and "[ranked Nth in <region>, <year>, per <source>]" in new


def test_a_superlative_after_is_becomes_a_fact_slot(checker: ComplianceChecker) -> None:
    (new,) = rewrites(checker, "这款净水器是全国最好的。")
    assert new == "这款净水器是[具体、可证明的优点]。"


def test_all_fixes_of_one_sentence_go_into_one_rewrite(checker: ComplianceChecker) -> None:
    result = checker.check("加盟本项目保本保收益，零风险！")
    (new,) = {f.rewrite for f in result.findings}
    assert new is not None and "保本" not in new and "零风险" not in new and "收益不作保证" in new


def test_a_guarantee_becomes_an_expectation_with_its_condition(checker: ComplianceChecker) -> None:
    new = next(r for r in rewrites(checker, "Our system is guaranteed to cut costs.") if r)
    assert "guaranteed" not in new.split("(")[0] and "expected to cut costs" in new and "not guaranteed" in new


def test_a_bare_figure_gets_a_source_slot(checker: ComplianceChecker) -> None:
    (new,) = rewrites(checker, "95% of our customers renew.")
    assert new is not None and "(source: [report or test, date, scope])" in new


def test_no_mechanical_rewrite_for_a_bribe(checker: ComplianceChecker) -> None:
    assert rewrites(checker, "王经理，签了我私下返您5个点，打您个人卡，不走公司账。") == {None}
