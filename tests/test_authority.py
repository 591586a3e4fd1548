"""Deciding authority questions: limits and boundaries, approvers from the management chain, cash
equivalents, anonymous askers, replies in the question's language, citations and the audit trail."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from fixtures_authority import SAMPLE_POLICY, SAMPLE_ROSTER, loaded_store, shared_loaded_store, store, write

from authority.audit import list_decisions, record_decision
from authority.decisions import AuthorityDesk, decide, find_approver
from authority.parsing import AuthorityQuestion
from authority.policy import Kind, Policy, import_policy, parse_policy_text
from core.messages import Decision, RepInfo, Reply, Request
from core.roster import get_rep
from core.settings import Settings
from core.store import Store

__all__ = ["loaded_store", "shared_loaded_store", "store"]

POLICY = parse_policy_text(SAMPLE_POLICY.read_text(encoding="utf-8"))


def q(kind: Kind, requested: float | None, cash: bool = False) -> AuthorityQuestion:
    unit = {"discount": "percent", "payment_terms": "days", "gift": "CNY"}[kind]
    return AuthorityQuestion(kind, requested, unit, cash, "en")  # type: ignore[arg-type]


# (id, kind, requested, asker role, allowed, approver_role, permitted_at_all)
DECIDE = [
    ("junior-5-equal", "discount", 5, "junior", True, None, True),
    ("junior-5.5-just-over", "discount", 5.5, "junior", False, "mid", True),
    ("senior-15-equal", "discount", 15, "senior", True, None, True),
    ("senior-15.01-just-over", "discount", 15.01, "senior", False, "manager", True),
    ("senior-20", "discount", 20, "senior", False, "manager", True),
    ("junior-30-director", "discount", 30, "junior", False, "director", True),
    ("director-30-equal", "discount", 30, "director", True, None, True),
    ("director-30.5-beyond-all", "discount", 30.5, "director", False, None, False),
    ("junior-50-beyond-all", "discount", 50, "junior", False, None, False),
    ("mid-45-days-equal", "payment_terms", 45, "mid", True, None, True),
    ("mid-46-days", "payment_terms", 46, "mid", False, "senior", True),
    ("manager-120-days", "payment_terms", 120, "manager", False, "director", True),
    ("manager-121-days-beyond", "payment_terms", 121, "manager", False, None, False),
    ("junior-gift-200-equal", "gift", 200, "junior", True, None, True),
    ("junior-gift-201", "gift", 201, "junior", False, "senior", True),
    ("mid-gift-600", "gift", 600, "mid", False, "manager", True),
    ("director-gift-3001", "gift", 3001, "director", False, None, False),
]


@pytest.mark.parametrize(
    ("kind", "requested", "role", "allowed", "approver_role", "at_all"),
    [c[1:] for c in DECIDE],
    ids=[c[0] for c in DECIDE],
)
def test_decide_boundaries(
    kind: Kind, requested: float, role: str, allowed: bool, approver_role: str | None, at_all: bool
) -> None:
    decision = decide(q(kind, requested), role, POLICY)
    assert decision.allowed is allowed
    assert decision.approver_role == approver_role
    assert decision.permitted_at_all is at_all
    assert decision.limit == POLICY.limit_for(kind, role)
    assert decision.requested == requested


@pytest.mark.parametrize("amount", [None, 50, 800, 5000], ids=["no-amount", "tiny", "mid", "huge"])
@pytest.mark.parametrize("role", ["junior", "director"])
def test_cash_equivalents_are_never_allowed(amount: float | None, role: str) -> None:
    decision = decide(q("gift", amount, cash=True), role, POLICY)
    assert decision.allowed is False
    assert decision.cash_equivalent is True
    assert decision.permitted_at_all is False
    assert decision.approver_role is None


def test_no_number_gives_own_limit() -> None:
    decision = decide(q("discount", None), "mid", POLICY)
    assert (decision.allowed, decision.limit, decision.requested) == (None, 10, None)


def test_anonymous_gets_no_yes_or_no() -> None:
    decision = decide(q("discount", 18), None, POLICY)
    assert (decision.allowed, decision.limit, decision.approver_role) == (None, None, "manager")


def test_decide_refuses_a_missing_section() -> None:
    policy = Policy(roles=["a"], discount={"a": 1})
    with pytest.raises(ValueError, match="no gift section"):
        decide(q("gift", 10), "a", policy)


def rep(rep_id: str, role: str, manager_id: str | None = None) -> RepInfo:
    return RepInfo(rep_id=rep_id, name=f"Name {rep_id}", role=role, manager_id=manager_id)


def test_approver_is_nearest_in_chain_whose_limit_covers() -> None:
    chain = [rep("M", "manager"), rep("D", "director")]
    over_senior = decide(q("gift", 300), "junior", POLICY)  # senior would do; the manager is nearest
    assert over_senior.approver_role == "senior"
    found = find_approver(chain, over_senior, POLICY)
    assert found is not None and found.rep_id == "M"
    over_manager = decide(q("discount", 25), "senior", POLICY)
    found = find_approver(chain, over_manager, POLICY)
    assert found is not None and found.rep_id == "D"
    assert find_approver([rep("M", "manager")], over_manager, POLICY) is None


# --- the desk over the sample roster and policy ------------------------------------------------------


def desk_for(store: Store, retriever: Any = None) -> AuthorityDesk:
    return AuthorityDesk(Settings(), store=store, retriever=retriever)


def ask(store: Store, text: str, rep_id: str | None, door: str | None = "cli", retriever: Any = None) -> Reply | None:
    asker = None
    if rep_id is not None:
        with store.session() as session:
            asker = get_rep(session, rep_id)
        assert asker is not None
    return desk_for(store, retriever).answer(Request(text=text, asker=asker, door=door))


# (id, question, rep, allowed, approver_role, approver_rep_id)
DESK = [
    ("senior-15-yes", "Can I offer a 15% discount?", "S001", True, None, None),
    ("senior-20-manager", "Can I offer a 20% discount?", "S001", False, "manager", "M001"),
    ("junior-zhe-director", "能打七五折吗", "S003", False, "director", "D001"),
    ("south-team-manager", "Can I give net 90?", "S006", False, "manager", "M002"),
    ("manager-asks-director", "账期延长到100天可以吗", "M002", False, "director", "D001"),
    ("gift-senior-via-manager", "Can I give a gift worth 300 yuan?", "S007", False, "senior", "M002"),
    ("beyond-all", "Can I give 35% off?", "S001", False, None, None),
    ("director-equal", "Can I give a gift worth 3,000 yuan?", "D001", True, None, None),
]


@pytest.mark.parametrize(
    ("text", "rep_id", "allowed", "approver_role", "approver_id"),
    [c[1:] for c in DESK],
    ids=[c[0] for c in DESK],
)
def test_desk_decides_and_names_the_approver(
    shared_loaded_store: Store,
    text: str,
    rep_id: str,
    allowed: bool,
    approver_role: str | None,
    approver_id: str | None,
) -> None:
    reply = ask(shared_loaded_store, text, rep_id)
    assert reply is not None and reply.decision is not None
    assert reply.grounded is True
    assert reply.decision.allowed is allowed
    assert reply.decision.approver_role == approver_role
    assert (reply.decision.approver.rep_id if reply.decision.approver else None) == approver_id
    if approver_id is not None:
        assert approver_id in reply.answer
    assert reply.answer.startswith(("Yes", "No", "可以", "不可以"))


def test_reply_in_english_with_limit_approver_and_compliance(loaded_store: Store) -> None:
    reply = ask(loaded_store, "Can I offer a 20% discount?", "S001")
    assert reply is not None
    assert reply.language == "en"
    assert "above your limit as senior (15%)" in reply.answer
    assert "Li Wei (M001, manager)" in reply.answer
    assert "written into the contract" in reply.answer and "AUCL Art. 8 (2025; Art. 7 in 2019)" in reply.answer


def test_reply_in_chinese(loaded_store: Store) -> None:
    reply = ask(loaded_store, "我能送客户价值800元的礼品吗？", "S001")
    assert reply is not None and reply.decision is not None
    assert reply.language == "zh"
    assert reply.answer.startswith("不可以自行决定")
    assert "销售经理" in reply.answer and "Li Wei" in reply.answer
    assert "商业贿赂" in reply.answer and "第八条" in reply.answer


def test_cash_card_refused_whatever_role(loaded_store: Store) -> None:
    reply = ask(loaded_store, "我能送客户100块的购物卡吗", "D001")
    assert reply is not None and reply.decision is not None
    assert reply.decision.allowed is False and reply.decision.cash_equivalent is True
    assert reply.decision.approver is None
    assert "现金等价物" in reply.answer and "无论金额多少" in reply.answer


def test_no_number_answers_with_own_limit_and_table(loaded_store: Store) -> None:
    reply = ask(loaded_store, "how much discount can I give?", "S002")
    assert reply is not None and reply.decision is not None
    assert reply.decision.allowed is None and reply.decision.limit == 10
    assert "Your own discount limit as mid is 10%" in reply.answer
    assert "junior 5%, mid 10%, senior 15%, manager 20%, director 30%" in reply.answer


def test_anonymous_gets_the_table(loaded_store: Store) -> None:
    reply = ask(loaded_store, "我最多能给多少折扣？", None)
    assert reply is not None and reply.decision is not None
    assert reply.decision.allowed is None and reply.decision.limit is None
    assert "初级销售 5%" in reply.answer and "销售总监 30%" in reply.answer


def test_non_authority_question_goes_to_documents(loaded_store: Store) -> None:
    assert ask(loaded_store, "What is the AX-100 warranty?", "S001") is None
    with loaded_store.session() as session:
        assert list_decisions(session) == []


def test_missing_section_or_policy_goes_to_documents(store: Store, tmp_path: Path) -> None:
    assert ask(store, "Can I give 10% off?", None) is None  # no policy at all
    import_policy(store, write(tmp_path / "p.yaml", "roles: [junior]\ndiscount: {junior: 5}\n"))
    assert ask(store, "Can I give a gift worth 100 yuan?", None) is None
    reply = ask(store, "Can I give 10% off?", None)
    assert reply is not None and reply.decision is not None and reply.decision.kind == "discount"


def test_role_missing_from_policy_gets_the_table_with_a_warning(loaded_store: Store) -> None:
    stranger = RepInfo(rep_id="X9", name="Xi", role="intern")
    reply = desk_for(loaded_store).answer(Request(text="Can I give 10% off?", asker=stranger))
    assert reply is not None and reply.decision is not None
    assert reply.decision.allowed is None
    assert any("'intern' is not in the authority policy" in w for w in reply.warnings)


def test_every_decision_is_audited(loaded_store: Store) -> None:
    ask(loaded_store, "Can I offer a 20% discount?", "S001", door="telegram")
    ask(loaded_store, "Can I offer a 5% discount?", None, door="cli")
    ask(loaded_store, "What is the AX-100 warranty?", "S001")  # not a decision: not audited
    with loaded_store.session() as session:
        entries = list_decisions(session)
        mine = list_decisions(session, rep_id="S001")
    assert [(e.rep_id, e.door) for e in entries] == [("S001", "telegram"), (None, "cli")]
    assert [e.question for e in mine] == ["Can I offer a 20% discount?"]
    assert mine[0].decision.approver is not None and mine[0].decision.approver.rep_id == "M001"
    assert entries[0].ts.tzinfo is not None


def test_audit_since_filters_by_utc_day(store: Store) -> None:
    decision = Decision(kind="discount", requested=5, unit="percent", limit=5, allowed=True)
    with store.transaction() as session:
        record_decision(session, rep_id="A", question="old", decision=decision, door="cli",
                        ts=datetime(2026, 1, 1, 23, 0, tzinfo=UTC))  # fmt: skip
        record_decision(session, rep_id="B", question="new", decision=decision, door="cli",
                        ts=datetime(2026, 1, 2, 0, 30, tzinfo=UTC))  # fmt: skip
    with store.session() as session:
        assert [e.question for e in list_decisions(session, since=date(2026, 1, 2))] == ["new"]
        assert [e.question for e in list_decisions(session, since=date(2026, 1, 1))] == ["old", "new"]
        assert [e.question for e in list_decisions(session, rep_id="A")] == ["old"]


# --- citations ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    text: str
    metadata: dict[str, Any]
    relevance: float = 0.5


@dataclass
class FakeRetriever:
    """Returns fixed hits in order, recording the queries: enough to test which section is cited."""

    hits: list[Hit]
    queries: list[str] = field(default_factory=list)

    def search(self, query: str, k: int | None = None) -> list[Hit]:
        self.queries.append(query)
        return self.hits[: k or 5]


def hit(
    section: str,
    doc_type: str = "policy",
    language: str = "en",
    review_by: str = "2099-01-01",
    source: str | None = None,
) -> Hit:
    default = "pricing-authority-policy-zh.md" if language == "zh" else "pricing-authority-policy.md"
    return Hit(
        text=f"text of {section}",
        metadata={
            "title": "Pricing and Discount Authority Policy",
            "source": f"samples/kb/{source or default}",
            "section": f"Pricing and Discount Authority Policy > {section}",
            "doc_type": doc_type,
            "language": language,
            "version": "2.1",
            "review_by": review_by,
        },
    )


def test_cites_the_policy_section_for_the_kind(loaded_store: Store) -> None:
    retriever = FakeRetriever(
        [
            hit("Gifts and Hospitality", source="sales-duty-manual.md"),  # not the document the policy names
            hit("Payment Terms Authority"),
            hit("Gifts and Hospitality", review_by="2020-01-01"),
        ]
    )
    reply = ask(loaded_store, "Can I give a gift worth 300 yuan?", "S001", retriever=retriever)
    assert reply is not None
    (citation,) = reply.citations
    assert citation.section.endswith("Gifts and Hospitality")
    assert citation.version == "2.1" and citation.doc_type == "policy" and citation.stale is True


def test_discount_cites_authority_and_booking_sections(loaded_store: Store) -> None:
    retriever = FakeRetriever([hit("Discount Authority"), hit("Booking Discounts and Rebates")])
    reply = ask(loaded_store, "Can I give 10% off?", "S001", retriever=retriever)
    assert reply is not None
    assert [c.section.split(" > ")[-1] for c in reply.citations] == [
        "Discount Authority",
        "Booking Discounts and Rebates",
    ]


def test_chinese_question_prefers_the_chinese_section(loaded_store: Store) -> None:
    retriever = FakeRetriever([hit("Discount Authority"), hit("折扣权限", language="zh")])
    reply = ask(loaded_store, "能打九折吗", "S001", retriever=retriever)
    assert reply is not None
    assert [c.section.split(" > ")[-1] for c in reply.citations] == ["折扣权限"]


def test_falls_back_to_the_other_language_then_to_none(loaded_store: Store) -> None:
    reply = ask(loaded_store, "能打九折吗", "S001", retriever=FakeRetriever([hit("Discount Authority")]))
    assert reply is not None
    assert [c.section.split(" > ")[-1] for c in reply.citations] == ["Discount Authority"]
    reply = ask(loaded_store, "Can I give 10% off?", "S001", retriever=FakeRetriever([hit("Approval Process")]))
    assert reply is not None and reply.citations == []


def test_real_index_cites_the_sample_policy_sections(loaded_store: Store, tmp_path: Path) -> None:
    """Integration: the sample policy documents ingested into a real Chroma + BM25 index (fake embeddings)."""
    from fakes import HashingEmbeddings

    from ingest.pipeline import ingest_file
    from workflows.services import Services

    services = Services(Settings(home=tmp_path / "home"), embeddings=HashingEmbeddings(), store=loaded_store)
    with loaded_store.session() as session:
        asker = get_rep(session, "S003")
    before_ingest = services.authority.answer(Request(text="Can I give a gift worth 300 yuan?", asker=asker))
    assert before_ingest is not None and before_ingest.citations == []  # an empty index: decided, just not cited

    kb = SAMPLE_POLICY.parent / "kb"
    for name in ("pricing-authority-policy.md", "pricing-authority-policy-zh.md", "sales-duty-manual.md"):
        ingest_file(kb / name, services.index)
    desk = services.authority

    english = desk.answer(Request(text="Can I give a gift worth 300 yuan?", asker=asker))
    assert english is not None
    assert [c.section for c in english.citations] == ["Pricing and Discount Authority Policy > Gifts and Hospitality"]
    assert english.citations[0].source.endswith("pricing-authority-policy.md")
    assert english.citations[0].version == "2.1"

    chinese = desk.answer(Request(text="能打八五折吗", asker=asker))
    assert chinese is not None
    assert [c.section.split(" > ")[-1] for c in chinese.citations] == ["折扣权限", "折扣入账要求"]
    assert all(c.source.endswith("pricing-authority-policy-zh.md") for c in chinese.citations)


# --- the labelled set behind the benchmark -----------------------------------------------------------------

LABELLED = [
    json.loads(line)
    for line in (SAMPLE_POLICY.parent / "eval" / "authority.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_labelled_set_shape() -> None:
    roster_ids = {line.split(",")[0] for line in SAMPLE_ROSTER.read_text(encoding="utf-8").splitlines()[1:]}
    assert len(LABELLED) >= 64
    chinese = [c for c in LABELLED if any("\u4e00" <= ch <= "\u9fff" for ch in c["q"])]
    assert len(chinese) * 2 >= len(LABELLED)
    assert sum(c["expected"] is None for c in LABELLED) >= 8
    assert {c["as"] for c in LABELLED} <= roster_ids
    for case in LABELLED:
        if case["expected"] is not None:
            assert set(case["expected"]) == {
                "kind",
                "requested",
                "allowed",
                "approver_role",
                "approver_rep_id",
            }


@pytest.mark.parametrize("case", LABELLED, ids=[f"{c['as']}:{c['q']}" for c in LABELLED])
def test_labelled_decisions(shared_loaded_store: Store, case: dict[str, Any]) -> None:
    reply = ask(shared_loaded_store, case["q"], case["as"])
    expected = case["expected"]
    if expected is None:
        assert reply is None
        return
    assert reply is not None and reply.decision is not None
    d = reply.decision
    assert (d.kind, d.allowed, d.approver_role) == (
        expected["kind"],
        expected["allowed"],
        expected["approver_role"],
    )
    assert d.requested == (None if expected["requested"] is None else pytest.approx(expected["requested"]))
    assert (d.approver.rep_id if d.approver else None) == expected["approver_rep_id"]
