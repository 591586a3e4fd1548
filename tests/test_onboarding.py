"""Onboarding: the data file is validated, quizzes graded, modules unlock on a pass, retries stored."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from fixtures_briefings import SAMPLES, ManualClock, clock, roster_store

from core.roster import require_rep
from core.store import Store
from workflows.onboarding import (
    BUNDLED_PLAN,
    OnboardingDataError,
    OnboardingDesk,
    load_plan,
    onboarding_summary,
    parse_plan,
)

__all__ = ["clock", "roster_store"]


def sample_raw() -> dict[str, Any]:
    return yaml.safe_load(BUNDLED_PLAN.read_text(encoding="utf-8"))


def rep(store: Store, rep_id: str) -> Any:
    with store.session() as session:
        return require_rep(session, rep_id)


def answer_module(desk: OnboardingDesk, who: Any, *, right: bool) -> Any:
    """Answer every question of the current module, all right or all wrong; returns the last result."""
    state = desk.current(who)
    assert state is not None and state.module is not None
    result = None
    for n, question in enumerate(state.module.spec.quiz):
        option = question.answer if right else (question.answer + 1) % len(question.options)
        result = desk.answer(who, state.module.id, n, option)
    return result


# ------------------------------------------------------------------------------------------ data file


def test_sample_has_junior_direct_and_online_paths() -> None:
    plan = load_plan(BUNDLED_PLAN)
    keys = {(p.spec.role, p.spec.channel) for p in plan.paths.values()}
    assert {("junior", "direct"), ("junior", "online")} <= keys
    for path in plan.paths.values():
        for module in path.modules:
            assert 2 <= len(module.spec.quiz) <= 4, module.id


def _headings(markdown: str) -> set[str]:
    """Heading paths below the document title ("Collections > Overdue Escalation")."""
    stack: list[str] = []
    out: set[str] = set()
    for match in re.finditer(r"^(#{2,6})\s+(.+?)\s*$", markdown, re.MULTILINE):
        level = len(match.group(1)) - 2
        stack = [*stack[:level], match.group(2)]
        out.add(" > ".join(stack))
    return out


def test_every_reading_points_at_a_real_section_of_the_sample_kb() -> None:
    plan = load_plan(BUNDLED_PLAN)
    for path in plan.paths.values():
        for module in path.modules:
            for ref in module.spec.read:
                for language in ("en", "zh"):
                    source, section = ref.pick(language)
                    text = (SAMPLES / "kb" / source).read_text(encoding="utf-8")
                    assert section in _headings(text), f"{module.id}: {source}#{section}"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["modules"]["crm"]["quiz"][0].update(answer=7),
            r"modules\.crm\.quiz\[0\]\.answer: 7 is not an option index",
        ),
        (
            lambda d: d["paths"]["junior-direct"]["modules"].append("nope"),
            r"paths\.junior-direct\.modules\[10\]: unknown module 'nope'",
        ),
        (lambda d: d["modules"]["crm"].pop("quiz"), r"modules\.crm\.quiz: Field required"),
        (
            lambda d: d["modules"]["crm"]["read"][0].update(en="sales-duty-manual.md"),
            r"modules\.crm\.read\[0\]\.en: Value error, 'sales-duty-manual\.md' must look like",
        ),
        (
            lambda d: d["paths"]["junior-online"].update(channel="direct"),
            r"paths\.junior-online: role 'junior' with channel 'direct' is already junior-direct",
        ),
        (
            lambda d: d["modules"]["crm"].update(pass_mark=1.5),
            r"modules\.crm\.pass_mark: Input should be less",
        ),
        (lambda d: d["modules"]["crm"].update(colour="red"), r"modules\.crm\.colour: Extra inputs"),
        (
            lambda d: d["modules"]["crm"]["quiz"][1].update(options_zh=["一"]),
            r"modules\.crm\.quiz\[1\]\.options_zh: has 1 options, options has 3",
        ),
    ],
    ids=[
        "answer-range",
        "unknown-module",
        "no-quiz",
        "bad-anchor",
        "duplicate-path",
        "pass-mark",
        "extra-key",
        "zh-count",
    ],
)
def test_bad_data_file_names_the_key(mutate: Any, message: str) -> None:
    raw = sample_raw()
    mutate(raw)
    with pytest.raises(OnboardingDataError, match=r"^plan\.yaml: " + message):
        parse_plan(raw, "plan.yaml")


def test_unparsable_yaml_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "onboarding.yaml"
    bad.write_text("modules:\n  a: [1, 2\npaths: {}\n", encoding="utf-8")
    with pytest.raises(OnboardingDataError, match=rf"^{re.escape(str(bad))}:\d+: not valid YAML"):
        load_plan(bad)


# ------------------------------------------------------------------------------------------ progress


def test_path_is_chosen_by_role_and_channel(roster_store: Store, clock: ManualClock) -> None:
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    assert desk.current(rep(roster_store, "S004")).path.id == "junior-direct"  # type: ignore[union-attr]
    assert desk.current(rep(roster_store, "S007")).path.id == "junior-online"  # type: ignore[union-attr]
    assert desk.current(rep(roster_store, "S001")) is None  # a senior has no onboarding path


def test_pass_unlocks_the_next_module(roster_store: Store, clock: ManualClock) -> None:
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    who = rep(roster_store, "S004")
    first = desk.current(who)
    assert first is not None and first.module is not None and first.module.id == "market-intel"
    recorded = desk.answer(who, "market-intel", 0, first.module.spec.quiz[0].answer)
    assert (recorded.kind, recorded.correct, recorded.state.answered) == ("recorded", True, (1,))
    result = answer_module_rest(desk, who, right=True)
    assert result.kind == "passed" and result.score == 1.0
    assert result.state.module is not None and result.state.module.id == "trade-shows"
    assert result.state.index == 1


def answer_module_rest(desk: OnboardingDesk, who: Any, *, right: bool) -> Any:
    state = desk.current(who)
    assert state is not None and state.module is not None
    result = None
    for n in range(len(state.answered), len(state.module.spec.quiz)):
        question = state.module.spec.quiz[n]
        option = question.answer if right else (question.answer + 1) % len(question.options)
        result = desk.answer(who, state.module.id, n, option)
    return result


def test_fail_keeps_the_module_and_a_retry_passes(roster_store: Store, clock: ManualClock) -> None:
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    who = rep(roster_store, "S007")
    failed = answer_module(desk, who, right=False)
    assert failed.kind == "failed" and failed.score == 0.0
    assert failed.state.module.id == "market-intel"
    assert (failed.state.attempts, failed.state.answered, failed.state.last_score) == (1, (), 0.0)
    passed = answer_module(desk, who, right=True)
    assert passed.kind == "passed"
    assert passed.state.module.id == "online-platforms"
    (row,) = [r for r in desk.status("M002") if r.rep_id == "S007"]
    assert (row.completed_modules, row.attempts, row.failed_attempts, row.current_module) == (
        1,
        2,
        1,
        "online-platforms",
    )


def test_pass_mark_is_a_share_of_right_answers(roster_store: Store, clock: ManualClock) -> None:
    """Two of three right passes a 0.66 mark; one of three does not."""
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    who = rep(roster_store, "S004")
    quiz = desk.current(who).module.spec.quiz  # type: ignore[union-attr]
    wrong = (quiz[2].answer + 1) % len(quiz[2].options)
    desk.answer(who, "market-intel", 0, quiz[0].answer)
    desk.answer(who, "market-intel", 1, (quiz[1].answer + 1) % 3)
    assert desk.answer(who, "market-intel", 2, wrong).kind == "failed"
    desk.answer(who, "market-intel", 0, quiz[0].answer)
    desk.answer(who, "market-intel", 1, quiz[1].answer)
    result = desk.answer(who, "market-intel", 2, wrong)
    assert result.kind == "passed" and result.score == pytest.approx(2 / 3)


def test_stale_or_out_of_order_taps_change_nothing(roster_store: Store, clock: ManualClock) -> None:
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    who = rep(roster_store, "S004")
    assert desk.answer(who, "crm", 0, 0).kind == "stale"  # not the current module
    assert desk.answer(who, "market-intel", 1, 0).kind == "stale"  # question 0 not answered yet
    assert desk.answer(who, "market-intel", 0, 9).kind == "stale"  # no such option
    desk.answer(who, "market-intel", 0, 1)
    assert desk.answer(who, "market-intel", 0, 1).kind == "stale"  # double tap
    assert desk.current(who).answered == (1,)  # type: ignore[union-attr]


def test_completing_the_path(roster_store: Store, clock: ManualClock) -> None:
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    who = rep(roster_store, "S007")
    for _ in range(7):
        result = answer_module(desk, who, right=True)
    assert result.state.completed and result.state.index == 7
    (row,) = [r for r in desk.status() if r.rep_id == "S007"]
    assert row.completed_at == clock.now and row.current_module is None
    assert "completed 7/7 modules" in onboarding_summary(roster_store, "M002", desk.plan)


def test_progress_survives_a_restart(roster_store: Store, clock: ManualClock) -> None:
    plan = load_plan(BUNDLED_PLAN)
    who = rep(roster_store, "S004")
    desk = OnboardingDesk(roster_store, plan, clock=clock)
    answer_module(desk, who, right=True)
    desk.answer(who, "trade-shows", 0, 0)
    url = str(roster_store.engine.url)
    roster_store.dispose()
    state = OnboardingDesk(Store(url), plan, clock=clock).current(who)
    assert state is not None and state.module is not None
    assert (state.module.id, state.answered) == ("trade-shows", (0,))


def test_status_lists_only_new_hires_in_the_managers_tree(roster_store: Store, clock: ManualClock) -> None:
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    assert [r.rep_id for r in desk.status("M001")] == ["S003", "S004"]
    assert [r.rep_id for r in desk.status("D001")] == ["S003", "S004", "S007", "S009"]
    row = desk.status("M001")[1]
    assert row.to_json() == {
        "rep_id": "S004",
        "name": "Huang Ting",
        "manager_id": "M001",
        "path": "junior-direct",
        "completed_modules": 0,
        "total_modules": 10,
        "current_module": "market-intel",
        "attempts": 0,
        "failed_attempts": 0,
        "last_score": None,
        "started_at": None,
        "completed_at": None,
    }
    summary = onboarding_summary(roster_store, "M001", desk.plan)
    assert summary.splitlines() == [
        "Onboarding:",
        "- Zhang Lei (S003): not started (0/7)",
        "- Huang Ting (S004): not started (0/10)",
    ]


def test_nudges_once_a_day_to_unfinished_paths(roster_store: Store, clock: ManualClock) -> None:
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    first = desk.due_nudges(date(2026, 11, 20))
    assert [r.rep_id for r, _ in first] == ["S003", "S004", "S007", "S009"]
    assert [s.module.id for _, s in first] == ["market-intel"] * 4  # type: ignore[union-attr]
    desk.mark_nudged("S003", date(2026, 11, 20))
    assert [r.rep_id for r, _ in desk.due_nudges(date(2026, 11, 20))] == ["S004", "S007", "S009"]
    for rep_id in ("S004", "S007", "S009"):
        desk.mark_nudged(rep_id, date(2026, 11, 20))
    assert desk.due_nudges(date(2026, 11, 20)) == []
    for _ in range(7):
        answer_module(desk, rep(roster_store, "S007"), right=True)
    assert [r.rep_id for r, _ in desk.due_nudges(date(2026, 11, 21))] == ["S003", "S004", "S009"]


def test_module_texts_in_chinese_where_available() -> None:
    plan = load_plan(BUNDLED_PLAN)
    module = plan.paths["junior-direct"].modules[4]
    assert module.spec.heading("zh") == "签约与折扣权限"
    assert module.spec.read[1].pick("zh") == ("pricing-authority-policy-zh.md", "折扣权限")
    assert module.spec.read[1].pick("en") == ("pricing-authority-policy.md", "Discount Authority")
    assert module.spec.quiz[0].choices("zh")[0] == "5万元"


def test_progress_reads_in_chinese_for_chinese_managers(roster_store: Store, clock: ManualClock) -> None:
    desk = OnboardingDesk(roster_store, load_plan(BUNDLED_PLAN), clock=clock)
    answer_module(desk, rep(roster_store, "S003"), right=False)
    answer_module(desk, rep(roster_store, "S003"), right=True)
    assert onboarding_summary(roster_store, "M001", desk.plan, "zh").splitlines() == [
        "入职进度：",
        "- Zhang Lei (S003): 1/7 个单元，当前：channel-model，1 次未通过，最近得分 100%",
        "- Huang Ting (S004): 尚未开始（0/10）",
    ]
    assert onboarding_summary(roster_store, "S001", desk.plan, "zh") == "入职进度：下属中没有人在入职学习路径上。"
    assert "1/7 modules, on channel-model, 1 failed attempt, last score 100%" in onboarding_summary(
        roster_store, "M001", desk.plan
    )
