"""The authority desk: "Can I offer a 15% discount?" decided from the active policy and the asker's role.

The answer must be exact rather than a paraphrase of a retrieved paragraph, so the yes/no comes from the pure
`decide()` over the policy limits; the roster names the approver (nearest person up the management chain whose
limit covers the request); the retriever only supplies the citation of the policy section. Every decision is
written to the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from ingest.chunker import SECTION_SEPARATOR
from knowledge.audit import record_decision
from knowledge.authority_parse import AuthorityQuestion, Language, parse_authority_question
from knowledge.messages import Approver, Citation, Decision, RepInfo, Reply, Request
from knowledge.policy import Kind, Policy, load_policy
from knowledge.roster import management_chain
from knowledge.settings import Settings
from knowledge.store import Store

# The policy document's sections per kind of question and language (samples/kb/pricing-authority-policy*).
POLICY_SECTIONS: dict[Kind, dict[Language, tuple[str, ...]]] = {
    "discount": {
        "en": ("Discount Authority", "Booking Discounts and Rebates"),
        "zh": ("折扣权限", "折扣入账要求"),
    },
    "payment_terms": {"en": ("Payment Terms Authority",), "zh": ("账期权限",)},
    "gift": {"en": ("Gifts and Hospitality",), "zh": ("礼品与招待",)},
}

_ROLE_NAMES_ZH = {
    "junior": "初级销售",
    "mid": "中级销售",
    "senior": "高级销售",
    "manager": "销售经理",
    "director": "销售总监",
}
_KIND_EN = {"discount": "discount", "payment_terms": "payment terms", "gift": "gift"}
_KIND_ZH = {"discount": "折扣", "payment_terms": "账期", "gift": "礼品或招待"}

_NOTES: dict[Kind, dict[Language, str]] = {
    "discount": {
        "en": "Compliance: a discount is lawful only when it is written into the contract and booked "
        "truthfully by both companies (on the invoice, to the customer company's account, never to a "
        "person) — AUCL Art. 8 (2025; Art. 7 in 2019).",
        "zh": "合规提示：折扣必须写入合同，并由双方公司如实入账（开在发票上、给到客户公司账户，不得给个人），"
        "才合法——《反不正当竞争法》第八条（2025年版；2019年版第七条）。",
    },
    "payment_terms": {
        "en": "Write the agreed terms into the contract; a customer 30 days or more overdue on any invoice "
        "gets no new credit terms until it pays.",
        "zh": "提示：约定的账期须写入合同；任何发票逾期30天及以上的客户，在付清欠款前不得给予新的账期。",
    },
    "gift": {
        "en": "Compliance: a gift to a customer's employee above the limit, or in cash or a cash equivalent, "
        "risks commercial bribery — AUCL Art. 8 (2025; Art. 7 in 2019). Record gifts above 100 CNY in the "
        "CRM.",
        "zh": "合规提示：向客户员工赠送超过限额的礼品，或赠送现金及现金等价物，有构成商业贿赂的风险——"
        "《反不正当竞争法》第八条（2025年版；2019年版第七条）。100元以上的礼品须在CRM中登记。",
    },
}


class PolicyHit(Protocol):
    """What the desk reads from a retrieval hit (knowledge.retriever.ScoredChunk has these)."""

    @property
    def text(self) -> str: ...

    @property
    def metadata(self) -> dict[str, Any]: ...

    @property
    def relevance(self) -> float: ...


class PolicySearch(Protocol):
    """The slice of the retriever the desk uses to cite the policy section (optional)."""

    def search(self, query: str, k: int | None = None) -> Sequence[PolicyHit]: ...


# --- the pure core ----------------------------------------------------------------------------------


def decide(question: AuthorityQuestion, asker_role: str | None, policy: Policy) -> Decision:
    """Decide from the limits alone: allowed when within the asker's limit (equal counts as within).

    Without an asker (or with a role the policy does not list) there is no yes/no: `allowed` and `limit` are
    None and `approver_role` says which role may grant the request. Cash equivalents are never allowed.
    Raises ValueError when the policy has no section for the question's kind.
    """
    limits = policy.limits(question.kind)
    if limits is None:
        raise ValueError(f"the policy has no {question.kind} section")
    unit = policy.unit(question.kind)
    own = limits.get(asker_role) if asker_role is not None else None
    requested = question.requested

    if question.cash_equivalent:
        return Decision(
            kind=question.kind,
            requested=requested,
            unit=unit,
            limit=own,
            allowed=False,
            cash_equivalent=True,
            permitted_at_all=False,
        )
    if requested is None:
        return Decision(kind=question.kind, requested=None, unit=unit, limit=own, allowed=None)

    covering = [role for role in policy.roles if limits[role] >= requested]
    lowest = covering[0] if covering else None
    if own is None:
        return Decision(
            kind=question.kind,
            requested=requested,
            unit=unit,
            limit=None,
            allowed=None,
            approver_role=lowest,
            permitted_at_all=lowest is not None,
        )
    if requested <= own:
        return Decision(kind=question.kind, requested=requested, unit=unit, limit=own, allowed=True)
    return Decision(
        kind=question.kind,
        requested=requested,
        unit=unit,
        limit=own,
        allowed=False,
        approver_role=lowest,
        permitted_at_all=lowest is not None,
    )


def find_approver(chain: Sequence[RepInfo], decision: Decision, policy: Policy) -> RepInfo | None:
    """The nearest person up the chain whose role's limit covers the request (the approver role or higher)."""
    if decision.requested is None or decision.approver_role is None:
        return None
    limits = policy.limits(decision.kind) or {}
    for person in chain:
        limit = limits.get(person.role)
        if limit is not None and limit >= decision.requested:
            return person
    return None


# --- wording ----------------------------------------------------------------------------------------


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_amount(value: float, kind: Kind, language: Language) -> str:
    """15 -> "15%", 60 -> "60 days" / "60天", 1000 -> "1,000 CNY" / "1,000元"."""
    if kind == "discount":
        return f"{_num(value)}%"
    if kind == "payment_terms":
        return f"{_num(value)}天" if language == "zh" else f"{_num(value)} days"
    return f"{_num(value)}元" if language == "zh" else f"{_num(value)} CNY"


def role_name(role: str, language: Language) -> str:
    return _ROLE_NAMES_ZH.get(role, role) if language == "zh" else role


def _request_phrase(decision: Decision, language: Language) -> str:
    assert decision.requested is not None
    amount = format_amount(decision.requested, decision.kind, language)
    if language == "zh":
        return {
            "discount": f"{amount}的折扣",
            "payment_terms": f"{amount}账期",
            "gift": f"价值{amount}的礼品或招待",
        }[decision.kind]
    return {
        "discount": f"a {amount} discount",
        "payment_terms": f"payment terms of {amount}",
        "gift": f"a gift or hospitality worth {amount}",
    }[decision.kind]


def _verb(decision: Decision) -> str:
    return "are" if decision.kind == "payment_terms" else "is"


def limits_line(policy: Policy, kind: Kind, language: Language) -> str:
    limits = policy.limits(kind) or {}
    if language == "zh":
        items = "，".join(f"{role_name(r, 'zh')} {format_amount(v, kind, 'zh')}" for r, v in limits.items())
        return f"各岗位{_KIND_ZH[kind]}权限：{items}。"
    items = ", ".join(f"{r} {format_amount(v, kind, 'en')}" for r, v in limits.items())
    return f"{_KIND_EN[kind].capitalize()} limits by role: {items}."


def compose_answer(
    decision: Decision,
    policy: Policy,
    language: Language,
    asker: RepInfo | None,
    fallback_contact: str,
    approver: RepInfo | None = None,
) -> str:
    """The reply: yes/no first, then the limit, who approves, the table where useful, the compliance note."""
    zh = language == "zh"
    kind = decision.kind
    parts: list[str] = []
    role = role_name(asker.role, language) if asker is not None else ""
    own = format_amount(decision.limit, kind, language) if decision.limit is not None else ""

    if decision.cash_equivalent:
        parts.append(
            "不可以。现金、红包、购物卡、礼品卡、代金券等现金等价物，无论金额多少、由谁审批，一律不得送给客户员工。"
            if zh
            else "No. Cash and cash equivalents (red packets, shopping or gift cards, vouchers) may never be "
            "given to a customer's staff, whatever the amount and whoever approves."
        )
    elif decision.requested is None:
        if asker is not None and decision.limit is not None:
            parts.append(
                f"你作为{role}，{_KIND_ZH[kind]}权限上限是{own}。"
                if zh
                else f"Your own {_KIND_EN[kind]} limit as {role} is {own}."
            )
        parts.append(limits_line(policy, kind, language))
    elif decision.allowed is None:
        ask = _request_phrase(decision, language)
        if decision.approver_role is None:
            top = policy.roles[-1]
            top_limit = format_amount((policy.limits(kind) or {})[top], kind, language)
            parts.append(
                f"{ask}超出了制度规定的所有权限（最高为{role_name(top, 'zh')} {top_limit}），任何岗位都不能批准。"
                if zh
                else f"{ask[0].upper()}{ask[1:]} {_verb(decision)} beyond every limit in the policy (the "
                f"highest, {top}, is {top_limit}): it is not permitted."
            )
        else:
            parts.append(
                f"{ask}至少需要{role_name(decision.approver_role, 'zh')}的权限。"
                if zh
                else f"{ask[0].upper()}{ask[1:]} {'need' if decision.kind == 'payment_terms' else 'needs'} "
                f"at least a {decision.approver_role}'s authority."
            )
        parts.append(limits_line(policy, kind, language))
        parts.append("告诉我你的工号，即可得到能否自行决定的答复。" if zh else "Tell me your rep id for a yes or no.")
    elif decision.allowed:
        ask = _request_phrase(decision, language)
        parts.append(
            f"可以。{ask}在你作为{role}的权限之内（上限{own}），无需审批。"
            if zh
            else f"Yes. {ask[0].upper()}{ask[1:]} {_verb(decision)} within your own limit as {role} "
            f"(up to {own}); no approval needed."
        )
    else:
        ask = _request_phrase(decision, language)
        if not decision.permitted_at_all:
            top = policy.roles[-1]
            top_limit = format_amount((policy.limits(kind) or {})[top], kind, language)
            parts.append(
                f"不可以。{ask}超出了制度规定的所有权限（最高为{role_name(top, 'zh')} {top_limit}），"
                "任何岗位都不能批准，不要向客户承诺。"
                if zh
                else f"No. {ask[0].upper()}{ask[1:]} {_verb(decision)} beyond every limit in the policy (the "
                f"highest, {top}, is "
                f"{top_limit}): it is not permitted at all, so do not offer it."
            )
        else:
            assert decision.approver_role is not None
            approver_role = role_name(decision.approver_role, language)
            highest = decision.approver_role == policy.roles[-1]
            parts.append(
                f"不可以自行决定。{ask}超出了你作为{role}的权限（{own}），需要{approver_role}"
                f"{'' if highest else '及以上岗位'}审批。"
                if zh
                else f"No, not on your own. {ask[0].upper()}{ask[1:]} {_verb(decision)} above your limit as "
                f"{role} ({own}); it needs approval from a {approver_role}{'' if highest else ' or above'}."
            )
            if approver is not None:
                who_role = role_name(approver.role, language)
                parts.append(
                    f"请向{approver.name}（{approver.rep_id}，{who_role}）提交审批。"
                    if zh
                    else f"Ask {approver.name} ({approver.rep_id}, {who_role}) for approval."
                )
            else:
                parts.append(
                    f"名册上你的上级中没有这一岗位，请联系{fallback_contact}。"
                    if zh
                    else f"Nobody in your management chain on the roster holds that role: ask {fallback_contact}."
                )
    parts.append(_NOTES[kind][language])
    return ("" if zh else " ").join(parts)


# --- the desk ---------------------------------------------------------------------------------------


class AuthorityDesk:
    """Answers authority questions from policy and roster; None for anything else (the documents answer)."""

    def __init__(self, settings: Settings, *, store: Store, retriever: PolicySearch | None = None) -> None:
        self.settings = settings
        self.store = store
        self.retriever = retriever

    def answer(self, request: Request) -> Reply | None:
        """Decide, name the approver, cite the policy, audit; None when not a question the policy decides."""
        question = parse_authority_question(request.text)
        if question is None:
            return None
        policy = load_policy(self.store)
        if policy is None or policy.limits(question.kind) is None:
            return None  # no limits for this kind: the documents answer instead
        asker = request.asker
        warnings: list[str] = []
        asker_role = asker.role if asker is not None else None
        if asker is not None and asker.role not in policy.roles:
            warnings.append(f"your role {asker.role!r} is not in the authority policy; showing the limits table")
            asker_role = None
        decision = decide(question, asker_role, policy)
        approver: RepInfo | None = None
        if asker is not None and decision.approver_role is not None and decision.allowed is False:
            with self.store.session() as session:
                approver = find_approver(management_chain(session, asker.rep_id), decision, policy)
            if approver is not None:
                approver_ref = Approver(rep_id=approver.rep_id, name=approver.name)
                decision = decision.model_copy(update={"approver": approver_ref})
        with self.store.transaction() as session:
            record_decision(
                session,
                rep_id=asker.rep_id if asker is not None else None,
                question=request.text,
                decision=decision,
                door=request.door,
            )
        text = compose_answer(
            decision,
            policy,
            question.language,
            asker if asker_role is not None else None,
            self.settings.fallback_contact,
            approver,
        )
        return Reply(
            answer=text,
            grounded=True,
            citations=self.policy_citations(question.kind, question.language),
            decision=decision,
            language=question.language,
            warnings=warnings,
        )

    def policy_citations(self, kind: Kind, language: Language) -> list[Citation]:
        """The policy document sections behind this kind of decision, when the knowledge base has them.

        Looked up through the retriever (restricted to doc_type policy and the section heading for the kind),
        so the citation carries the indexed document's real title, path and version.
        """
        if self.retriever is None:
            return []
        other: Language = "en" if language == "zh" else "zh"
        # The question's language first; a KB holding the policy in one language only still gets cited.
        for lang in (language, other):
            found: list[Citation] = []
            for heading in POLICY_SECTIONS[kind][lang]:
                wanted = heading.lower()
                for hit in self.retriever.search(heading, k=10):
                    metadata = hit.metadata
                    # Match a heading below the document title: "Pricing and Discount Authority Policy >
                    # Approval Process" must not count as "Discount Authority".
                    path = str(metadata.get("section", "")).split(SECTION_SEPARATOR.strip())
                    headings = [h.strip().lower() for h in path][1:]
                    if metadata.get("doc_type") == "policy" and wanted in headings:
                        found.append(_citation(hit))
                        break
            if found:
                return found
        return []


def _citation(hit: PolicyHit) -> Citation:
    """A retrieved policy passage as a Citation."""
    snippet = " ".join(hit.text.split())[:300]
    return Citation.from_metadata(hit.metadata, score=hit.relevance, snippet=snippet, today=date.today())
