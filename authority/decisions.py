"""The authority desk: "Can I offer a 15% discount?" decided from the active policy and the asker's role.

The answer must be exact rather than a paraphrase of a retrieved paragraph, so the yes/no comes from the pure
`decide()` over the policy limits (and its credit hold); the roster names the approver (nearest person up the
management chain whose role and limit cover the request); the retriever only supplies the citation of the
document sections the policy file names for the kind (none named, none cited: never a guessed section). A
question holding several requests gets one decision each; every decision is written to the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Protocol

from authority.audit import record_decision
from authority.parsing import AuthorityQuestion, parse_authority_questions
from authority.policy import Kind, Policy, PolicySource, load_policy
from core import catalogue
from core.catalogue import PLAIN, Language, Markup
from core.documents import SECTION_SEPARATOR
from core.messages import Approver, Citation, Decision, RepInfo, Reply, Request
from core.roster import management_chain
from core.settings import Settings
from core.store import Store


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
    None and `approver_role` says which role may grant the request. Cash equivalents are never allowed. A
    payment-terms request for a customer overdue beyond the policy's credit hold is not allowed below the
    hold's approver role, whatever the term (`reason` "credit_hold").
    Raises ValueError when the policy has no section for the question's kind.
    """
    limits = policy.limits(question.kind)
    if limits is None:
        raise ValueError(f"the policy has no {question.kind} section")
    unit = policy.unit(question.kind)
    own = limits.get(asker_role) if asker_role is not None else None
    requested = question.requested
    about: dict[str, Any] = {"kind": question.kind, "requested": requested, "unit": unit, "limit": own}
    about |= {"overdue_days": question.overdue_days, "basis": question.basis}

    if question.cash_equivalent:
        return Decision(**about, allowed=False, cash_equivalent=True, permitted_at_all=False)

    hold = policy.credit_hold
    held = (
        question.kind == "payment_terms"
        and hold is not None
        and question.overdue_days is not None
        and question.overdue_days > hold.overdue_days
    )
    if held and hold is not None and (own is None or policy.rank(asker_role or "") < policy.rank(hold.approver_role)):
        # Only the hold's approver role (or above) may give an overdue customer new terms; beyond every limit,
        # nobody may.
        floor = policy.rank(hold.approver_role)
        covering = [r for r in policy.roles[floor:] if requested is None or limits[r] >= requested]
        lowest = covering[0] if covering else None
        return Decision(
            **about,
            allowed=None if own is None else False,
            approver_role=lowest,
            permitted_at_all=lowest is not None,
            reason="credit_hold",
        )

    if requested is None:
        return Decision(**about, allowed=None)

    covering = [role for role in policy.roles if limits[role] >= requested]
    lowest = covering[0] if covering else None
    if own is None:
        return Decision(**about, allowed=None, approver_role=lowest, permitted_at_all=lowest is not None)
    if requested <= own:
        return Decision(**about, allowed=True)
    return Decision(**about, allowed=False, approver_role=lowest, permitted_at_all=lowest is not None)


def find_approver(chain: Sequence[RepInfo], decision: Decision, policy: Policy) -> RepInfo | None:
    """The nearest person up the chain whose role is at least the approver role and whose limit covers the
    request (a credit hold may be lifted only from its approver role up, whatever the term asked)."""
    if decision.approver_role is None or (decision.requested is None and decision.reason != "credit_hold"):
        return None
    limits = policy.limits(decision.kind) or {}
    floor = policy.rank(decision.approver_role)
    for person in chain:
        limit = limits.get(person.role)
        if limit is None or policy.rank(person.role) < floor:
            continue
        if decision.requested is None or limit >= decision.requested:
            return person
    return None


# --- wording ----------------------------------------------------------------------------------------


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_amount(value: float, kind: Kind, language: Language) -> str:
    """15 -> "15%", 60 -> "60 days" / "60天", 1000 -> "1,000 CNY" / "1,000元" (gifts and contracts)."""
    if kind == "discount":
        return f"{_num(value)}%"
    if kind == "payment_terms":
        return f"{_num(value)}天" if language == "zh" else f"{_num(value)} days"
    return f"{_num(value)}元" if language == "zh" else f"{_num(value)} CNY"


def role_name(role: str, language: Language) -> str:
    """A role in words (the catalogue's `role.<role>`); a role the catalogue does not name is shown as written."""
    key = f"role.{role}"
    return catalogue.text(key, language) if key in catalogue.CATALOGUES[language] else role


def kind_name(kind: Kind, language: Language) -> str:
    """A kind of request in words: "payment terms", "礼品或招待"."""
    return catalogue.text(f"authority.kind.{kind}", language)


def _as_is(value: str) -> str:
    return value


def decision_line(
    decision: Decision, language: Language = "en", *, markup: Markup = PLAIN, escape: Callable[[str], str] = _as_is
) -> str:
    """The one-line wording of a decision every door shows above the answer: what was asked, whether the asker
    may grant it, who approves otherwise. Doors differ only in `markup` (Telegram bolds the request and the
    approver) and in how they `escape` the values put into the words (Telegram: HTML).

    The approver's own role can be higher than `approver_role` (a junior's 15% goes to their manager when the
    chain has no senior), so the role is worded "or above", never as if it were theirs."""

    def words(key: str, **values: object) -> str:
        return catalogue.text(f"decision.{key}", language, markup=markup, **values)

    def limit() -> str:
        if decision.limit is None:
            return ""
        return words("limit", amount=escape(format_amount(decision.limit, decision.kind, language)))

    def needs_approval() -> str:
        role = escape(role_name(decision.approver_role, language)) if decision.approver_role else ""
        level = words("level", role=role) if role else ""
        if decision.approver is not None:
            name = escape(decision.approver.name)
            approver = words("level_person", level=level, name=name) if level else words("person", name=name)
        else:
            approver = level
        return words("needs", approver=approver) if approver else words("end")

    kind = words(decision.kind)
    if decision.requested is None:
        head = words("head", kind=kind)
    else:
        amount = escape(format_amount(decision.requested, decision.kind, language))
        head = words("head_amount", kind=kind, amount=amount)
    if decision.basis:
        head += words("basis", basis=escape(decision.basis))
    if decision.reason == "credit_hold":
        days = escape(format_amount(decision.overdue_days or 0, "payment_terms", language))
        verdict = words("credit_hold", days=days)
        verdict += needs_approval() if decision.permitted_at_all else words("end")
    elif decision.cash_equivalent:
        verdict = words("cash")
    elif not decision.permitted_at_all:
        verdict = words("never")
    elif decision.allowed is True:
        verdict = words("within", limit=limit())
    elif decision.allowed is False:
        verdict = words("above", limit=limit()) + needs_approval()
    elif decision.limit is None:
        # Asked without knowing who asks (no roster identity): the limits by role follow in the answer.
        verdict = words("by_role")
    else:
        verdict = words("yours", limit=limit())
    return words("line", head=head, verdict=verdict)


def decision_lines(
    decisions: Sequence[Decision],
    language: Language = "en",
    *,
    markup: Markup = PLAIN,
    escape: Callable[[str], str] = _as_is,
) -> str:
    """Every decision of a question, each on its own line (see `decision_line`)."""
    return "\n".join(decision_line(d, language, markup=markup, escape=escape) for d in decisions)


def _request_phrase(decision: Decision, language: Language) -> str:
    """What was asked, in words; a discount worked out from stacked or non-percentage concessions says how."""
    assert decision.requested is not None
    amount = format_amount(decision.requested, decision.kind, language)
    stacked = any(sep in (decision.basis or "") for sep in (" + ", " × "))
    if language == "zh":
        if decision.kind == "discount" and decision.basis:
            total = "合计" if stacked else "相当于"
            return f"{total}{amount}的折扣（{decision.basis}）"
        return {
            "discount": f"{amount}的折扣",
            "payment_terms": f"{amount}账期",
            "gift": f"价值{amount}的礼品或招待",
            "contract_value": f"签署金额{amount}的合同",
        }[decision.kind]
    if decision.kind == "discount" and decision.basis:
        total = "in total" if stacked else "equivalent"
        return f"a {amount} discount {total} ({decision.basis})"
    return {
        "discount": f"a {amount} discount",
        "payment_terms": f"payment terms of {amount}",
        "gift": f"a gift or hospitality worth {amount}",
        "contract_value": f"signing a contract worth {amount}",
    }[decision.kind]


def _verb(decision: Decision) -> str:
    return "are" if decision.kind == "payment_terms" else "is"


def limits_line(policy: Policy, kind: Kind, language: Language) -> str:
    limits = policy.limits(kind) or {}
    if language == "zh":
        items = "，".join(f"{role_name(r, 'zh')} {format_amount(v, kind, 'zh')}" for r, v in limits.items())
        return f"各岗位{kind_name(kind, 'zh')}权限：{items}。"
    items = ", ".join(f"{r} {format_amount(v, kind, 'en')}" for r, v in limits.items())
    return f"{kind_name(kind, 'en').capitalize()} limits by role: {items}."


def note(kind: Kind, policy: Policy, language: Language) -> str:
    """The compliance or practice note for a kind of decision ("" when there is none); the credit hold's
    figures come from the policy."""
    key = f"authority.note.{kind}"
    text = catalogue.text(key, language) if key in catalogue.CATALOGUES[language] else ""
    hold = policy.credit_hold
    if kind == "payment_terms" and hold is not None:
        days = _num(hold.overdue_days)
        approver = role_name(hold.approver_role, language)
        text += (
            f"客户任一发票逾期超过{days}天即暂停赊销：在付清欠款前不得给予新账期，只有{approver}可以解除。"
            if language == "zh"
            else f" A customer more than {days} days overdue on any invoice gets no new credit terms until it "
            f"pays; only a {approver} may lift that hold."
        )
    return text


def _credit_hold_sentence(decision: Decision, policy: Policy, language: Language, role: str) -> str:
    """Why an overdue customer's terms are refused: how overdue, the hold's limit, who may lift it."""
    hold = policy.credit_hold
    assert hold is not None and decision.overdue_days is not None
    days, limit = _num(decision.overdue_days), _num(hold.overdue_days)
    asked = f"（申请{format_amount(decision.requested, 'payment_terms', 'zh')}）" if decision.requested else ""
    asked_en = (
        f" (you asked for {format_amount(decision.requested, 'payment_terms', 'en')})" if decision.requested else ""
    )
    lifter = role_name(hold.approver_role, language)
    if language == "zh":
        verdict = "不可以。" if role else f"{lifter}以下岗位都不可以。"
        who = f"你作为{role}不能自行给予新账期，" if role else ""
        return (
            f"{verdict}客户已逾期{days}天，超过{limit}天的赊销暂停线：在付清欠款前不得给予新账期{asked}，"
            f"无论账期长短。{who}须由{lifter}批准解除暂停。"
        )
    verdict = "No." if role else f"Not below a {lifter}."
    yours = f" As {role} you may not give new terms; only" if role else " Only"
    return (
        f"{verdict} The customer is {days} days overdue, beyond the {limit}-day credit hold: no new credit terms"
        f"{asked_en}, whatever the term, until the overdue amount is paid.{yours} a {lifter} may lift the hold."
    )


def compose_answer(
    decision: Decision,
    policy: Policy,
    language: Language,
    asker: RepInfo | None,
    fallback_contact: str,
    approver: RepInfo | None = None,
    *,
    with_note: bool = True,
) -> str:
    """The reply: yes/no first, then the limit, who approves, the table where useful, the compliance note."""
    zh = language == "zh"
    kind = decision.kind
    parts: list[str] = []
    role = role_name(asker.role, language) if asker is not None else ""
    own = format_amount(decision.limit, kind, language) if decision.limit is not None else ""

    if decision.reason == "credit_hold":
        parts.append(_credit_hold_sentence(decision, policy, language, role))
        if not decision.permitted_at_all:
            parts.append(limits_line(policy, kind, language))
        elif approver is not None:
            who_role = role_name(approver.role, language)
            parts.append(
                f"请向{approver.name}（{approver.rep_id}，{who_role}）申请。"
                if zh
                else f"Ask {approver.name} ({approver.rep_id}, {who_role})."
            )
        elif asker is not None:
            parts.append(
                f"名册上你的上级中没有这一岗位，请联系{fallback_contact}。"
                if zh
                else f"Nobody in your management chain on the roster holds that role: ask {fallback_contact}."
            )
        if decision.allowed is None:
            parts.append(
                "告诉我你的工号，即可得到能否自行决定的答复。" if zh else "Tell me your rep id for a yes or no."
            )
    elif decision.cash_equivalent:
        parts.append(
            "不可以。现金、红包、购物卡、礼品卡、代金券等现金等价物，无论金额多少、由谁审批，一律不得送给客户员工。"
            if zh
            else "No. Cash and cash equivalents (red packets, shopping or gift cards, vouchers) may never be "
            "given to a customer's staff, whatever the amount and whoever approves."
        )
    elif decision.requested is None:
        if asker is not None and decision.limit is not None:
            parts.append(
                f"你作为{role}，{kind_name(kind, 'zh')}权限上限是{own}。"
                if zh
                else f"Your own {kind_name(kind, 'en')} limit as {role} is {own}."
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
    if decision.overdue_days is not None and decision.reason is None and policy.credit_hold is not None:
        days, limit = _num(decision.overdue_days), _num(policy.credit_hold.overdue_days)
        if decision.overdue_days <= policy.credit_hold.overdue_days:
            parts.append(
                f"客户逾期{days}天，未超过{limit}天的赊销暂停线，不影响这一决定。"
                if zh
                else f"The customer is {days} days overdue: within the {limit}-day credit hold, so that changes "
                "nothing."
            )
        else:
            parts.append(
                f"客户逾期{days}天，超过{limit}天的赊销暂停线；你的岗位可以解除暂停。"
                if zh
                else f"The customer is {days} days overdue, beyond the {limit}-day credit hold, which your role "
                "may lift."
            )
    if with_note and note(kind, policy, language):
        parts.append(note(kind, policy, language))
    return ("" if zh else " ").join(parts)


# --- the desk ---------------------------------------------------------------------------------------


class AuthorityDesk:
    """Answers authority questions from policy and roster; None for anything else (the documents answer)."""

    def __init__(
        self, settings: Settings, *, store: Store | Callable[[], Store], retriever: PolicySearch | None = None
    ) -> None:
        self.settings = settings
        self._store = store
        self.retriever = retriever

    @property
    def store(self) -> Store:
        """The SQL store. Given as a function it is built on the first authority question, so a question for the
        documents never opens the database on its way to an answer."""
        if not isinstance(self._store, Store):
            self._store = self._store()
        return self._store

    def answer(self, request: Request) -> Reply | None:
        """Decide each request, name the approvers, cite the policy, audit every decision; None when the
        question holds nothing the policy decides (the documents answer instead)."""
        questions = parse_authority_questions(request.text)
        if not questions:
            return None
        policy = load_policy(self.store)
        if policy is None:
            return None
        # A request of a kind the policy has no limits for is left out; with none left, the documents answer.
        questions = [q for q in questions if policy.limits(q.kind) is not None]
        if not questions:
            return None
        asker = request.asker
        warnings: list[str] = []
        asker_role = asker.role if asker is not None else None
        if asker is not None and asker.role not in policy.roles:
            warnings.append(f"your role {asker.role!r} is not in the authority policy; showing the limits table")
            asker_role = None
        language = questions[0].language
        decided: list[tuple[Decision, RepInfo | None]] = []
        chain: list[RepInfo] | None = None
        for question in questions:
            decision = decide(question, asker_role, policy)
            approver: RepInfo | None = None
            if asker is not None and decision.approver_role is not None and decision.allowed is False:
                if chain is None:
                    with self.store.session() as session:
                        chain = list(management_chain(session, asker.rep_id))
                approver = find_approver(chain, decision, policy)
                if approver is not None:
                    approver_ref = Approver(rep_id=approver.rep_id, name=approver.name)
                    decision = decision.model_copy(update={"approver": approver_ref})
            decided.append((decision, approver))
        with self.store.transaction() as session:
            for decision, _approver in decided:
                record_decision(
                    session,
                    rep_id=asker.rep_id if asker is not None else None,
                    question=request.text,
                    decision=decision,
                    door=request.door,
                )
        shown_asker = asker if asker_role is not None else None
        fallback = self.settings.fallback_contact
        if len(decided) == 1:
            decision, approver = decided[0]
            text = compose_answer(decision, policy, language, shown_asker, fallback, approver)
        else:
            lines = [
                compose_answer(decision, policy, language, shown_asker, fallback, approver, with_note=False)
                for decision, approver in decided
            ]
            kinds = list(dict.fromkeys(decision.kind for decision, _approver in decided))
            lines += [text for kind in kinds if (text := note(kind, policy, language))]
            text = "\n".join(lines)
        decisions = [decision for decision, _approver in decided]
        sources: list[PolicySource] = []
        for decision in decisions:
            sources += policy.sources(decision.kind)
            if decision.reason == "credit_hold" and policy.citations:
                sources += policy.citations.get("credit_hold", [])
        return Reply(
            answer=text,
            grounded=True,
            citations=self.policy_citations(list(dict.fromkeys(sources)), language),
            decision=decisions[0],
            decisions=decisions,
            language=language,
            warnings=warnings,
        )

    def policy_citations(self, sources: Sequence[PolicySource], language: Language) -> list[Citation]:
        """The document sections the policy file names for these decisions, when the knowledge base has them.

        Each named section is looked up through the retriever and cited only when a passage of that document
        sits under that heading, so the citation carries the indexed document's real title, path and version;
        a section the index lacks is left out rather than replaced by a near match. Sections in the question's
        language come first; a knowledge base holding them in another language only still gets them cited.
        """
        if self.retriever is None or not sources:
            return []
        found: list[tuple[str | None, Citation]] = []
        for source in sources:
            for hit in self.retriever.search(source.section, k=10):
                if _is_source(hit.metadata, source):
                    found.append((hit.metadata.get("language"), _citation(hit)))
                    break
        unique: dict[tuple[str, str], tuple[str | None, Citation]] = {}
        for lang, citation in found:
            unique.setdefault((citation.source, citation.section), (lang, citation))
        same = [citation for lang, citation in unique.values() if lang in (language, None)]
        return same or [citation for _lang, citation in unique.values()]


def _is_source(metadata: dict[str, Any], source: PolicySource) -> bool:
    """A passage of the named document (file name, path or title) under the named heading.

    Headings below the document title count: "Pricing and Discount Authority Policy > Approval Process" is not
    the section "Discount Authority"."""
    document = source.document.lower()
    path = str(metadata.get("source", "")).replace("\\", "/").lower()
    title = str(metadata.get("title", "")).lower()
    if not (path == document or path.endswith("/" + document) or title == document):
        return False
    headings = [h.strip().lower() for h in str(metadata.get("section", "")).split(SECTION_SEPARATOR.strip())]
    return source.section.lower() in (headings[1:] if len(headings) > 1 else headings)


def _citation(hit: PolicyHit) -> Citation:
    """A retrieved policy passage as a Citation."""
    snippet = " ".join(hit.text.split())[:300]
    return Citation.from_metadata(hit.metadata, score=hit.relevance, snippet=snippet, today=date.today())
