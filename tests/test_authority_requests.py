"""Requests reps really make: stacked concessions, free units, 满减, prices below list, contracts, credit holds,
and several requests in one question, each decided and audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_authority import HEADER, SAMPLE_POLICY, loaded_store, shared_loaded_store, store, write

from authority.audit import list_decisions
from authority.decisions import AuthorityDesk, decide
from authority.parsing import AuthorityQuestion, parse_authority_question, parse_authority_questions
from authority.policy import import_policy, parse_policy_text
from core.messages import Reply, Request
from core.roster import get_rep
from core.settings import Settings
from core.store import Store
from workflows.roster_import import import_roster

__all__ = ["loaded_store", "shared_loaded_store", "store"]

POLICY = parse_policy_text(SAMPLE_POLICY.read_text(encoding="utf-8"))


def ask(store: Store, text: str, rep_id: str | None, retriever: object = None) -> Reply | None:
    asker = None
    if rep_id is not None:
        with store.session() as session:
            asker = get_rep(session, rep_id)
    return AuthorityDesk(Settings(), store=store, retriever=retriever).answer(  # type: ignore[arg-type]
        Request(text=text, asker=asker, door="cli")
    )


# (question, kind, requested): wordings of each pattern, not the labelled sets' own lines.
CONCESSIONS = [
    ("They already get 4% off; may I add 3% more on top?", "discount", 7),
    ("Quote has an 8% discount, and they want a 2% rebate too. OK?", "discount", 10),
    ("已经打了九折，再打九折可以吗？", "discount", 19),
    ("在八五折的基础上再打九五折行吗？", "discount", 19.25),
    ("已经优惠了5个点，还想再加2个点，可以吗", "discount", 7),
    ("年底给客户返点6%可以吗？", "discount", 6),
    ("满20万减1万可以做吗？", "discount", 5),
    ("Can I do spend 50k, get 5k off?", "discount", 10),
    ("买5台送1台行吗？", "discount", 16.6667),
    ("Can I offer buy 3 get 1 free?", "discount", 25),
    ("2 free on an order of 18, allowed?", "discount", 10),
    ("标价10万，客户要9万，可以吗？", "discount", 10),
    ("List price 20,000; customer wants to pay 19,000. OK?", "discount", 5),
    ("这单目录价10万，打九五折，再送价值5000元的配件，我能做吗？", "discount", 10),
    ("Can I sign a 80,000 yuan contract?", "contract_value", 80000),
    ("我能签一个十五万的合同吗？", "contract_value", 150000),
    ("我能签2.5万的单子吗？", "contract_value", 25000),
    ("A 2 million yuan contract, may I sign it?", "contract_value", 2000000),
]


@pytest.mark.parametrize(("text", "kind", "requested"), CONCESSIONS, ids=[c[0] for c in CONCESSIONS])
def test_concessions_and_contracts_are_understood(text: str, kind: str, requested: float) -> None:
    (question,) = parse_authority_questions(text)
    assert question.kind == kind
    assert question.requested == pytest.approx(requested, abs=1e-3)


def test_a_stacked_discount_says_how_it_was_summed() -> None:
    question = parse_authority_question("They already get 4% off; may I add 3% more on top?")
    assert question is not None and question.basis == "4% + 3%"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("客户要九五折，还要60天账期，可以吗？", [("discount", 5), ("payment_terms", 60)]),
        ("Can I give net 45 and 5% off?", [("payment_terms", 45), ("discount", 5)]),
        ("Can I sign a 90,000 yuan contract with 8% off?", [("contract_value", 90000), ("discount", 8)]),
    ],
    ids=["zh-discount-terms", "en-terms-discount", "en-contract-discount"],
)
def test_two_requests_in_one_question(text: str, kinds: list[tuple[str, float]]) -> None:
    assert [(q.kind, q.requested) for q in parse_authority_questions(text)] == kinds


@pytest.mark.parametrize(
    ("text", "overdue", "terms"),
    [
        ("The account is 40 days overdue; can I give net 30?", 40, 30),
        ("客户逾期一个半月了吗", None, None),
        ("客户逾期35天，还要45天账期，行吗", 35, 45),
        ("客户逾期三个月，能给账期吗", 90, None),
    ],
    ids=["en", "not-a-request", "zh", "zh-no-term"],
)
def test_overdue_days_are_not_the_term_asked(text: str, overdue: float | None, terms: float | None) -> None:
    question = parse_authority_question(text)
    if overdue is None:
        assert question is None
        return
    assert question is not None and question.kind == "payment_terms"
    assert question.overdue_days == overdue and question.requested == terms


def hold(requested: float | None, overdue: float) -> AuthorityQuestion:
    return AuthorityQuestion("payment_terms", requested, "days", False, "en", overdue_days=overdue)


@pytest.mark.parametrize(
    ("requested", "overdue", "role", "allowed", "approver_role", "reason"),
    [
        (30, 31, "senior", False, "director", "credit_hold"),  # a 30-day term is within a senior's 60
        (30, 30, "senior", True, None, None),  # overdue exactly the limit: not "more than"
        (None, 90, "manager", False, "director", "credit_hold"),  # whatever the term
        (90, 45, "director", True, None, None),  # the hold's approver may lift it
        (150, 45, "junior", False, None, "credit_hold"),  # beyond every limit: nobody
        (30, 45, None, None, "director", "credit_hold"),  # anonymous: who may lift it, no yes or no
    ],
    ids=["held", "at-the-limit", "no-term", "director-lifts", "beyond-all", "anonymous"],
)
def test_credit_hold(
    requested: float | None,
    overdue: float,
    role: str | None,
    allowed: bool | None,
    approver_role: str | None,
    reason: str | None,
) -> None:
    decision = decide(hold(requested, overdue), role, POLICY)
    assert (decision.allowed, decision.approver_role, decision.reason) == (allowed, approver_role, reason)
    assert decision.overdue_days == overdue


def test_credit_hold_reply_names_the_overdue_days_and_who_lifts_it(loaded_store: Store) -> None:
    reply = ask(loaded_store, "Customer is 50 days overdue and wants 30-day terms. Can I?", "S002")
    assert reply is not None and reply.decision is not None
    assert reply.decision.reason == "credit_hold" and reply.decision.approver is not None
    assert reply.decision.approver.rep_id == "D001"  # M001 is a manager: below the hold's director
    assert "50 days overdue" in reply.answer and "30-day credit hold" in reply.answer
    assert "Zhao Min (D001" in reply.answer


def test_each_request_is_decided_and_audited(loaded_store: Store) -> None:
    reply = ask(loaded_store, "客户要九折，还要45天账期，我能答应吗？", "S003")
    assert reply is not None
    assert [(d.kind, d.requested, d.allowed) for d in reply.decisions] == [
        ("discount", 10, False),
        ("payment_terms", 45, False),
    ]
    assert reply.decision == reply.decisions[0]
    lines = reply.answer.splitlines()
    assert lines[0].startswith("不可以自行决定。10%的折扣") and lines[1].startswith("不可以自行决定。45天账期")
    with loaded_store.session() as session:
        audited = list_decisions(session, rep_id="S003")
    assert [(e.decision.kind, e.decision.requested) for e in audited] == [("discount", 10), ("payment_terms", 45)]


def test_stacked_reply_says_it_is_the_total(loaded_store: Store) -> None:
    reply = ask(loaded_store, "Customer already has 5% off, can I add another 5%?", "S003")
    assert reply is not None and reply.decision is not None
    assert reply.decision.requested == 10 and reply.decision.allowed is False
    assert "A 10% discount in total (5% + 5%) is above your limit as junior (5%)" in reply.answer


def test_free_units_show_the_equivalent_percentage(loaded_store: Store) -> None:
    reply = ask(loaded_store, "客户要买10台送1台，可以吗？", "S002")
    assert reply is not None and reply.decision is not None and reply.decision.kind == "discount"
    assert "相当于9.09%的折扣（买10送1，即1/11）" in reply.answer


def test_contract_signing_authority(loaded_store: Store) -> None:
    reply = ask(loaded_store, "Can I sign a 300,000 yuan contract myself?", "S001")
    assert reply is not None and reply.decision is not None
    decision = reply.decision
    assert (decision.kind, decision.unit, decision.requested, decision.allowed) == (
        "contract_value",
        "CNY",
        300000,
        False,
    )
    assert decision.approver is not None and decision.approver.rep_id == "M001"
    assert "Signing a contract worth 300,000 CNY is above your limit as senior (200,000 CNY)" in reply.answer


class _Hit:
    def __init__(self, source: str, section: str) -> None:
        self.text = f"text of {section}"
        self.metadata = {"title": "Policy", "source": source, "section": f"Policy > {section}", "language": "en"}
        self.relevance = 0.9


class _Retriever:
    def __init__(self, hits: list[_Hit]) -> None:
        self.hits = hits

    def search(self, query: str, k: int | None = None) -> list[_Hit]:
        return self.hits


def test_citations_come_from_the_policy_file(store: Store, tmp_path: Path) -> None:
    """Another company's policy names its own document; without a name nothing is cited, never a guess."""
    base = "roles: [rep, boss]\ndiscount: {rep: 5, boss: 10}\ngift_value: {rep: 100, boss: 500}\n"
    named = base + "citations:\n  discount: {document: acme-pricing.md, section: Price Concessions}\n"
    import_policy(store, write(tmp_path / "acme.yaml", named))
    import_roster(store, write(tmp_path / "roster.csv", HEADER + "\nB1,Boss,boss,,,,,\nR1,Rep,rep,B1,,,,\n"))
    retriever = _Retriever([_Hit("kb/pricing-authority-policy.md", "Discount Authority"),
                            _Hit("kb/acme-pricing.md", "Price Concessions"),
                            _Hit("kb/acme-pricing.md", "Gifts")])  # fmt: skip
    discount = ask(store, "Can I give 4% off?", "R1", retriever)
    assert discount is not None and [c.section for c in discount.citations] == ["Policy > Price Concessions"]
    gift = ask(store, "Can I give a gift worth 50 yuan?", "R1", retriever)
    assert gift is not None and gift.citations == []


FRESH = [
    json.loads(line)
    for line in (SAMPLE_POLICY.parent / "eval" / "authority_fresh.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", FRESH, ids=[f"{c['as']}:{c['q'][:40]}" for c in FRESH])
def test_fresh_labelled_set(shared_loaded_store: Store, case: dict[str, object]) -> None:
    from bench.authority import _matches, expected_decisions, observed_decisions

    with shared_loaded_store.session() as session:
        roles = {rep_id: rep.role for rep_id in ("M001", "M002", "D001") if (rep := get_rep(session, rep_id))}
    reply = ask(shared_loaded_store, str(case["q"]), str(case["as"]))
    expected, observed = expected_decisions(case), observed_decisions(reply, roles)
    assert _matches(expected, observed), observed


def test_anonymous_credit_hold_names_who_may_lift_it_and_asks_for_the_id(loaded_store: Store) -> None:
    reply = ask(loaded_store, "Customer is 45 days overdue and wants 30-day terms. Can I?", None)
    assert reply is not None and reply.decision is not None and reply.decision.allowed is None
    assert reply.answer.startswith("Not below a director. The customer is 45 days overdue")
    assert "Only a director may lift the hold." in reply.answer and "Tell me your rep id" in reply.answer


NOT_REQUESTS = [
    "Per our agreement, your company receives a 3% rebate as a credit note each quarter.",
    "这款产品第一季度有促销，买十送一，赠品在订单中注明。",
    "Once the contract is signed I'll transfer 30,000 yuan to your wife's account as a thank-you.",
    "衡达公司的控制器用的都是翻新件，千万别跟他们签。",
    "If a dealer does 130% of their annual target, what rebate do they get?",
    "2024 年经销商完成任务的返利比例是多少？",
    "Which template does a 300,000 yuan contract need?",
    "第一次合作的话，可以先签三个月的试用合同。",
    "Can we schedule a 30-minute call to go over the renewal terms?",
    "客户签收了吗？",
    # Signing limits without an amount: the documents' signing table answers.
    "How large a contract may a junior rep sign?",
    "高级销售最多能签多大的合同？",
]


@pytest.mark.parametrize("text", NOT_REQUESTS, ids=NOT_REQUESTS)
def test_drafts_and_document_questions_are_not_requests(text: str) -> None:
    """Rebates, free units and contract amounts fill sales letters too: only a question about authority asks."""
    assert parse_authority_questions(text) == []
