"""The checker on the shipped rules: the fifteen public examples, exceptions, offsets, amounts, cues."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from compliance.checker import CheckResult, ComplianceChecker, find_amounts
from compliance.rules import load_rules
from core.settings import Settings

REPO = Path(__file__).resolve().parent.parent
LABELLED = REPO / "samples" / "eval" / "compliance.jsonl"


def categories(result: CheckResult) -> set[str]:
    return {f.category for f in result.findings}


# The fifteen labelled examples of the facts file, verbatim: (text, expected categories, (law, article part)).
FACTS: list[tuple[str, set[str], tuple[str, str] | None]] = [
    ("这款净水器是全国最好的，没有之一！", {"absolute_terms"}, ("advertising_law", "Art. 9(3)")),
    (
        "Our CRM is the No.1 platform in China and guaranteed to double your sales.",
        {"absolute_terms", "guarantees_returns"},
        ("advertising_law", "Art. 9(3)"),
    ),
    (
        "据XX咨询《2024年中国协同办公软件市场报告》第15页，本产品2023年华东地区中小企业市场销售额排名第一。",
        set(),
        None,
    ),
    (
        "Compared with our own previous model X3, the X5 runs 30% longer per charge (our lab test, May 2024).",
        set(),
        None,
    ),
    (
        "B公司的设备半年就坏，售后没人管，千万别买。",
        {"disparagement"},
        ("anti_unfair_competition_law", "Art. 12 (2025)"),
    ),
    (
        "王经理，签了我私下返您5个点，打您个人卡，不走公司账。",
        {"commercial_bribery"},
        ("anti_unfair_competition_law", "Art. 8 (2025); Art. 7 (2019)"),
    ),
    ("本次采购总价给贵司九折，折扣写入合同和发票，双方如实入账。", set(), None),
    (
        "If your consultancy introduces a client, we'll pay your firm a 3% commission under a written "
        "referral agreement, invoiced and booked by both companies.",
        set(),
        None,
    ),
    (
        "双十一满1000元抽奖，一等奖价值6万元新能源汽车！",
        {"prize_promotion"},
        ("anti_unfair_competition_law", "Art. 11 (2025); Art. 10 (2019)"),
    ),
    (
        "满1000元抽奖一次：一等奖1名，价值4.8万元电动车；奖项、数量、开奖及兑奖方式见活动规则，公布后不作变更。",
        set(),
        None,
    ),
    ("这款保健品能降血糖，吃三个月糖尿病人就能停药。", {"medical_claims"}, ("advertising_law", "Art. 16")),
    ("加盟本项目保本保收益，一年回本，零风险！", {"guarantees_returns"}, ("advertising_law", "Art. 25")),
    ("我们致力于为每位客户提供最好的服务。", set(), None),
    ("这款绿茶最佳冲泡水温约80℃。", set(), None),
    (
        "这是C公司给客户的底价单，从他们刚离职的销售那拿的，我们每项比他们低一点报。",
        {"trade_secrets"},
        ("anti_unfair_competition_law", "Art. 10 (2025); Art. 9 (2019)"),
    ),
]


@pytest.mark.parametrize(("text", "expected", "law"), FACTS, ids=[f"facts-{n}" for n in range(1, 16)])
def test_facts_examples(checker: ComplianceChecker, text: str, expected: set[str], law: tuple[str, str] | None) -> None:
    result = checker.check(text)
    assert categories(result) == expected
    assert result.compliant is (not expected)
    if law is not None:
        law_name, article = law
        assert any(f.law == law_name and article in f.article for f in result.findings), result.findings


def test_facts_examples_are_in_the_labelled_set() -> None:
    texts = {json.loads(line)["text"] for line in LABELLED.read_text(encoding="utf-8").splitlines()}
    assert all(text in texts for text, _expected, _law in FACTS)


def test_disparagement_cites_both_laws(checker: ComplianceChecker) -> None:
    (finding, *_rest) = checker.check("B公司的设备半年就坏，售后没人管，千万别买。").findings
    assert finding.also == "Advertising Law Art. 13"
    assert "Art. 11 (2019)" in finding.article


COMPLIANT_BUT_TRICKY = {
    "service-attitude-zh": "我们力求为您提供最优质的售后体验。",
    "service-attitude-en": "We strive to provide the best service to every customer.",
    "best-effort-zh": "我们尽最大努力按时交付。",
    "best-effort-en": "We'll do our best to ship by Friday.",
    "usage-tip-en": "This espresso tastes best at 92 °C.",
    "advice-zh": "您最好提前一周预约安装。",
    "sign-off": "Best regards, Anna",
    "sign-off-short": "Thanks, see you Monday. Best, Li Wei",
    "product-name-en": "Best Choice X2 is our entry-level blender.",
    "product-name-zh": "这款咖啡机叫“最佳拍档X3”，是我们的注册商标。",
    "own-range-en": "The X7 is the best model in our own range for small offices.",
    "own-offer-en": "Our best price for 500 units is 1,150 yuan each.",
    "ordinal-first": "第一次合作，我们可以先小批量试单。",
    "first-thing": "如有疑问，请第一时间联系我。",
    "sourced-ranking-en": "According to the IDC China CRM report (Q2 2024), we ranked first in East China.",
    "sourced-figure-zh": "数据来自国家统计局2023年年鉴：华南地区小微企业数量增长12%。",
    "negated-guarantee-zh": "本设备不能保证适用于所有场景，建议先试用。",
    "negated-guarantee-en": "We can't guarantee delivery before the holiday, but we'll try.",
    "delivery-guarantee": "我们保证按时交货，延误按合同赔付。",
    "prepayment": "首批订单需100%预付。",
    "risk-warning": "All investments carry risk; please read the prospectus.",
    "disclaimer-medical": "本产品不能替代药物治疗，如有不适请及时就医。",
    "neutral-competitor-zh": "友商的产品也不错，不过我们的交付周期更短，您可以比较一下。",
    "neutral-competitor-en": "Competitor Y has a strong brand; our advantage is faster local support.",
    "booked-rebate": "We're happy to offer a 5% rebate, booked as a credit note to your company account.",
    "booked-commission-zh": "推荐一家客户，我们按书面协议向贵公司支付2%佣金，开票入账。",
    "price-list-no-source": "Please find the price list for Q3 attached.",
    "cash-discount": "A 2% cash discount for you if paid within 10 days, quietly applied on the invoice.",
    "quote": "报价单已发您邮箱，含税总价12.8万元，有效期30天。",
    "state-designation": "我们是国家级高新技术企业（证书编号GR202344000123）。",
}


@pytest.mark.parametrize("text", COMPLIANT_BUT_TRICKY.values(), ids=COMPLIANT_BUT_TRICKY.keys())
def test_exceptions_are_not_flagged(checker: ComplianceChecker, text: str) -> None:
    result = checker.check(text)
    assert result.compliant, [(f.rule_id, f.text) for f in result.findings]


def test_offsets_point_into_the_original_text(checker: ComplianceChecker) -> None:
    text = "🔥🔥  限时！\n本款扫地机器人采用国际顶级芯片，体验极致。We are the ONLY vendor with it."
    result = checker.check(text)
    assert [f.text for f in result.findings] == ["顶级", "极致", "the ONLY vendor"]
    for f in result.findings:
        assert text[f.start : f.end] == f.text


def test_offsets_exact_on_the_whole_labelled_set(checker: ComplianceChecker) -> None:
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for f in checker.check(text).findings:
            assert text[f.start : f.end] == f.text
            assert f.text == f.text.strip() and f.text


def test_overlapping_findings_of_one_category_are_merged(checker: ComplianceChecker) -> None:
    # 全国最 (scope word), 最好 (superlative) and 最好的 (generic 最X的) overlap: one finding covering all.
    result = checker.check("这款净水器是全国最好的")
    assert [(f.category, f.text) for f in result.findings] == [("absolute_terms", "全国最好的")]


def test_findings_in_a_mixed_language_draft(checker: ComplianceChecker) -> None:
    text = "Dear Mr Wang, 这是全网最低价 and it is risk-free."
    result = checker.check(text)
    assert {(f.category, f.text) for f in result.findings} == {
        ("absolute_terms", "全网最低价"),
        ("guarantees_returns", "risk-free"),
    }


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("抽奖活动一等奖奖金50000元。", False),
        ("抽奖活动一等奖奖金50001元。", True),
        ("一等奖价值6万元！", True),
        ("一等奖是一辆价值6万的车", True),
        ("一等奖价值6万", True),
        ("一等奖价值4.8万元电动车。", False),
        ("特等奖价值五万元。", False),
        ("特等奖价值六万元。", True),
        ("Top prize: a scooter worth CNY 50,000.", False),
        ("Top prize: a scooter worth RMB 50,001.", True),
        ("Grand prize ¥100,000 in cash!", True),
        ("Win a car worth ¥158,000 in our raffle!", True),
        ("Enter our lucky draw: first prize is a 58,000-yuan watch!", True),
        ("满10万元即可抽奖，一等奖价值3000元。", False),
        ("本次抽奖共准备了10万份小礼品。", False),
    ],
    ids=[
        "50000-ok", "50001-flagged", "6wan-flagged", "6wan-no-unit", "6wan-at-end", "4.8wan-ok", "wu-wan-ok",
        "liu-wan-flagged",
        "cny-50000-ok", "rmb-50001-flagged", "yen-sign", "amount-before-raffle", "hyphenated-yuan",
        "purchase-threshold-ignored",
        "count-not-money",
    ],
)  # fmt: skip
def test_prize_threshold(checker: ComplianceChecker, text: str, flagged: bool) -> None:
    result = checker.check(text)
    assert ("prize_promotion" in categories(result)) is flagged


def test_prize_finding_spans_announcement_and_amount(checker: ComplianceChecker) -> None:
    (finding,) = checker.check("双十一满1000元抽奖，一等奖价值6万元新能源汽车！").findings
    assert finding.text == "抽奖，一等奖价值6万元"


def test_find_amounts_parses_units() -> None:
    values = [a.value for a in find_amounts("价值6万的车、4.8万元、¥1,200、RMB 3k、五千元、30 yuan，还有10万台")]
    assert values == [60000, 48000, 1200, 3000, 5000, 30]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("王经理，签了我私下返您5个点，打您个人卡，不走公司账。", True),
        ("这单成了给您个人2万红包，别让你们老板知道。", True),
        ("I'll send 5% to your own account, off the books.", True),
        ("We'll pay for your procurement manager's family trip to Macau; let's keep it off the books.", True),
        ("返点写入合同，另外私下给您2个点，现金结。", True),
        ("佣金打到您个人卡上。", True),
        ("本合同返点3%，以折扣形式写入合同并开具发票，双方如实入账。", False),
        ("我们的渠道佣金为5%，支付给贵公司对公账户并开具发票。", False),
        ("Our distributor earns a 4% commission under the signed channel agreement, invoiced.", False),
        ("The commission goes to you personally, invoiced and booked under our written agreement.", False),
        ("现金返点可以在下一期发票中扣减。", False),
    ],
    ids=[
        "kickback-zh", "red-packet-personal", "off-books-en", "trip-for-buyer-staff",
        "booked-plus-secret-side",
        "personal-card", "booked-rebate-zh", "commission-to-company", "booked-commission-en",
        "booked-commission-to-individual-intermediary", "cash-rebate-without-person",
    ],
)  # fmt: skip
def test_bribery_needs_combined_cues(checker: ComplianceChecker, text: str, flagged: bool) -> None:
    assert ("commercial_bribery" in categories(checker.check(text))) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("A公司的软件漏洞百出，千万别用。", True),
        ("Beta Corp's product is garbage.", True),
        ("如果质量差，我们包退包换。", False),
        ("Our old model was junk compared with the new one, honestly.", False),
    ],
    ids=["named-competitor-zh", "named-competitor-en", "own-quality-promise", "own-old-model"],
)
def test_disparagement_needs_a_competitor(checker: ComplianceChecker, text: str, flagged: bool) -> None:
    assert ("disparagement" in categories(checker.check(text))) is flagged


def test_payback_claims(checker: ComplianceChecker) -> None:
    assert "guarantees_returns" in categories(checker.check("这台设备18个月回本。"))
    assert "guarantees_returns" in categories(checker.check("It pays back in 6 months."))
    calculated = "按日均客流200人测算，约18个月回本，仅供参考，存在经营风险。"
    assert "guarantees_returns" not in categories(checker.check(calculated))


def test_json_contract_fields(checker: ComplianceChecker) -> None:
    data = checker.check("This is the best printer.").to_json_dict()
    assert data["compliant"] is False
    (finding,) = data["findings"]
    assert {
        "start",
        "end",
        "text",
        "category",
        "law",
        "article",
        "severity",
        "explanation",
        "suggestion",
    } <= set(finding)
    assert finding["law"] in {"advertising_law", "anti_unfair_competition_law"}
    json.dumps(data)


def test_from_settings_uses_the_configured_rule_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        """
rules:
  - id: flash-sale
    category: prize_promotion
    law: anti_unfair_competition_law
    article: "Art. 11 (2025); Art. 10 (2019)"
    severity: low
    explanation: House rule - flash sales need Marketing's approval.
    suggestion: Ask Marketing before announcing a flash sale.
    patterns: {zh: ['秒杀'], en: ['\\bflash sale\\b']}
""",
        encoding="utf-8",
    )
    checker = ComplianceChecker.from_settings(Settings(compliance_rules_path=rules))
    assert [f.rule_id for f in checker.check("Flash sale tonight! 今晚秒杀").findings] == [
        "flash-sale",
        "flash-sale",
    ]
    assert checker.check("这款净水器是全国最好的").compliant  # only the configured file's rules apply


def test_labelled_set_shape() -> None:
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 130
    chinese = sum(any("\u4e00" <= ch <= "\u9fff" for ch in r["text"]) for r in rows)
    assert 0.4 <= chinese / len(rows) <= 0.6
    assert sum(r["compliant"] for r in rows) / len(rows) >= 0.4
    assert sum(r["split"] == "holdout" for r in rows) >= 20
    assert all(r["compliant"] == (not r["categories"]) for r in rows)


def test_labelled_set_meets_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression guard: the shipped rules keep precision and recall >= 0.95 on the labelled set."""
    monkeypatch.syspath_prepend(str(REPO))  # bench/ is a folder of the repo, not an installed package
    from bench.compliance import evaluate, load_labelled

    ev = evaluate(ComplianceChecker(load_rules()), load_labelled())
    figures = ev.overall.figures()
    assert figures["precision"] >= 0.95 and figures["recall"] >= 0.95, ev.mistakes


BLIND = REPO / "samples" / "eval" / "compliance_blind.jsonl"
# What the shipped rules reach on the blind set after they were generalised from its misses (precision 1.0,
# recall 1.0 on 2026-11-27), minus a margin so a wider rule that trades one miss for a broader catch can pass.
# A regression guard only: the rules were tuned on these rounds, so the estimate of how they do on new drafts is
# the first scores recorded in bench/compliance.py, which the next test ties to the data.
BLIND_FLOOR = {"precision": 0.97, "recall": 0.95}


def _bench(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(REPO))  # bench/ is a folder of the repo, not an installed package
    import bench.compliance

    return bench.compliance


def test_blind_set_shape() -> None:
    rows = [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 100
    chinese = sum(any("\u4e00" <= ch <= "\u9fff" for ch in r["text"]) for r in rows)
    assert 0.4 <= chinese / len(rows) <= 0.6
    assert 0.4 <= sum(r["compliant"] for r in rows) / len(rows) <= 0.5
    assert {r["split"] for r in rows} == {"blind"} and all(isinstance(r["round"], int) for r in rows)
    assert all(r["compliant"] == (not r["categories"]) for r in rows)


def test_blind_first_scores_match_the_blind_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each recorded first score counts exactly the texts and labels of its round, so edits to the data show."""
    bench = _bench(monkeypatch)
    rows = bench.load_labelled(BLIND)
    assert set(bench.BLIND_FIRST_SCORES) == {r.round for r in rows}
    for number, record in bench.BLIND_FIRST_SCORES.items():
        in_round = [r for r in rows if r.round == number]
        tp, fp, fn, tn = record["overall"]
        assert tp + fp + fn + tn == len(in_round)
        assert tp + fn == sum(not r.compliant for r in in_round)
        for category, (c_tp, c_fp, c_fn, c_tn) in record["categories"].items():
            assert c_tp + c_fn == sum(category in r.categories for r in in_round), (number, category)
            assert c_tp + c_fp + c_fn + c_tn == len(in_round)


def test_blind_set_does_not_regress(monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _bench(monkeypatch)
    ev = bench.evaluate(ComplianceChecker(load_rules()), bench.load_labelled(BLIND))
    figures = ev.overall.figures()
    assert figures["precision"] >= BLIND_FLOOR["precision"], ev.mistakes
    assert figures["recall"] >= BLIND_FLOOR["recall"], ev.mistakes


def test_sample_kb_sales_documents_pass_clean() -> None:
    """Ordinary sales talk must not cry wolf: the sample KB's manuals, policies, FAQs and product sheets (every
    file but the compliance rule cards, which quote the banned phrases), line by line, raise no finding."""
    from bs4 import BeautifulSoup

    checker = ComplianceChecker(load_rules())
    lines: list[str] = []
    for path in sorted((REPO / "samples" / "kb").rglob("*")):
        if not path.is_file() or path.name.startswith("compliance"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = BeautifulSoup(text, "html.parser").get_text("\n")
        lines += [line.strip() for line in text.splitlines() if len(line.strip()) >= 8]
    assert len(lines) > 500
    flagged = [(line, [f.text for f in checker.check(line).findings]) for line in lines]
    flagged = [item for item in flagged if item[1]]
    assert len(flagged) <= len(lines) // 200, flagged  # at most 0.5%; 0 of 1,028 lines on 2026-11-27


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("业内公认No.1的面膜", True),  # an English term glued to Chinese still has a word edge
        ("全网销量ＮＯ．１", True),  # full-width letters and digits from a Chinese IME
        ("This is a risk‑free, guaranteed win, don’t miss it", True),
        ("Please don’t call our product “the best” in group chats.", False),  # curly apostrophe, a rule stated
    ],
    ids=["latin-next-to-cjk", "full-width", "curly-apostrophe-claim", "curly-apostrophe-rule"],
)
def test_folding_and_word_edges(checker: ComplianceChecker, text: str, flagged: bool) -> None:
    result = checker.check(text)
    assert (not result.compliant) is flagged, result.findings
    for f in result.findings:
        assert text[f.start : f.end] == f.text  # offsets index the original, unfolded text


def test_cues_inside_a_stated_rule_do_not_combine_with_a_lawful_rebate(checker: ComplianceChecker) -> None:
    text = "年终返利以折让单结算给贵司。私下退给采购人员的钱、账外返点，都属于商业贿赂。"
    assert checker.check(text).compliant
    assert not checker.check("年终返利私下打到您个人卡上，不走账。").compliant


# --- citing the company's rule cards ---------------------------------------------------------------------


@dataclass(frozen=True)
class FakePassage:
    text: str
    metadata: dict[str, Any]
    score: float = 0.5


@dataclass
class FakeRetriever:
    queries: list[str] = field(default_factory=list)

    def search(self, query: str, k: int | None = None, audience_role: str | None = None) -> list[FakePassage]:
        self.queries.append(query)
        return [
            FakePassage(
                "Pricing policy text",
                {"title": "Pricing policy", "section": "Discounts", "doc_type": "policy"},
            ),
            FakePassage(
                "Never pay a person at the customer.",
                {
                    "title": "AUCL rule card",
                    "section": "Commercial Bribery",
                    "doc_type": "compliance",
                    "source": "x",
                },
            ),
        ]


def test_sources_are_lazy_cached_and_compliance_only() -> None:
    built: list[FakeRetriever] = []

    def factory() -> FakeRetriever:
        built.append(FakeRetriever())
        return built[-1]

    checker = ComplianceChecker(load_rules(), retriever_factory=factory)
    assert checker.check("返点私下给您个人卡").findings[0].sources == []  # plain check: no retriever built
    assert built == []
    assert checker.check("Thanks for the meeting.", with_sources=True).compliant
    assert built == []  # nothing to cite, nothing built

    text = "王经理，签了我私下返您5个点，打您个人卡，不走公司账。"
    (finding,) = checker.check(text, with_sources=True).findings
    assert [(s.title, s.section, s.doc_type) for s in finding.sources] == [
        ("AUCL rule card", "Commercial Bribery", "compliance")
    ]
    checker.check(text, with_sources=True)
    assert len(built) == 1 and len(built[0].queries) == 1  # one retriever, one query per category


def test_sources_from_the_real_retriever_over_the_sample_rule_cards() -> None:
    """Integration: the sample KB's compliance cards, indexed with deterministic embeddings, are cited."""
    from fakes import HashingEmbeddings

    from ingest.pipeline import sync_paths
    from knowledge.index import KnowledgeIndex
    from knowledge.retriever import HybridRetriever

    settings = Settings()
    index = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    cards = sorted((REPO / "samples" / "kb").glob("compliance-*.md"))
    assert cards, "sample compliance rule cards missing"
    sync_paths(cards, index, progress=False)
    checker = ComplianceChecker(load_rules(), retriever_factory=lambda: HybridRetriever(index=index, k=5))

    result = checker.check("王经理，签了我私下返您5个点，打您个人卡，不走公司账。", with_sources=True)
    sources = result.findings[0].sources
    assert sources and all(s.doc_type == "compliance" for s in sources)
    assert any("贿赂" in s.section or "Bribery" in s.section for s in sources), [s.section for s in sources]


def test_random_drafts_are_checked_fast_with_valid_offsets(checker: ComplianceChecker) -> None:
    """Fuzz: mixed-script noise built from rule vocabulary must not backtrack badly or break offsets."""
    import random
    import time

    rng = random.Random(7)
    vocabulary = [
        *"最好第一保证返点您个人私下抽奖万元治疗据报告，。！ ",
        "best ", "No.1 ", "guaranteed ", "100% ", "cash ", "for you personally ", "off the books ",
        "top prize ", "worth ¥60,000 ", "according to ", "their ", "junk ", "cures ", "(lab test, 2024) ",
    ]  # fmt: skip
    for _ in range(20):
        text = "".join(rng.choice(vocabulary) for _ in range(800))
        started = time.perf_counter()
        result = checker.check(text)
        assert time.perf_counter() - started < 2.0
        for f in result.findings:
            assert 0 <= f.start < f.end <= len(text) and text[f.start : f.end] == f.text
    assert checker.check("").compliant


def test_long_unpunctuated_draft_full_of_hits_is_checked_in_linear_time() -> None:
    # One 40,000-character "sentence" with a hit every two characters used to take minutes: every match
    # rescanned the whole sentence for exceptions. The cap is raised so the whole draft is really scanned.
    checker = ComplianceChecker(load_rules(), max_chars=100_000)
    draft = "最好" * 20_000
    started = time.perf_counter()
    result = checker.check(draft)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"40,000-character draft took {elapsed:.1f} s"
    assert len(result.findings) == 20_000
    assert {f.text for f in result.findings} == {"最好"}
    assert result.findings[-1].end == len(draft)
    assert result.warnings == []


def test_exceptions_still_apply_match_by_match_in_one_long_sentence() -> None:
    # Commas never split a sentence, so all repeats share one: the exempt 最好的服务 of each repeat must
    # stay clear while each 全国最好的 is flagged, exactly as in the single unit.
    checker = ComplianceChecker(load_rules(), max_chars=100_000)
    unit = "我们为客户提供最好的服务，这是全国最好的产品，"
    (single,) = checker.check(unit).findings
    repeats = 1_500
    started = time.perf_counter()
    findings = checker.check(unit * repeats).findings
    assert time.perf_counter() - started < 5
    assert [(f.start, f.end, f.text) for f in findings] == [
        (single.start + n * len(unit), single.end + n * len(unit), single.text) for n in range(repeats)
    ]


def test_draft_over_the_cap_is_checked_on_its_head_with_a_warning() -> None:
    checker = ComplianceChecker(load_rules(), max_chars=100)
    draft = "这是全国最好的产品。" + "我们按时发货。" * 20 + "保证零风险。"
    assert len(draft) > 100
    result = checker.check(draft)
    assert [f.text for f in result.findings] == ["全国最好的"]  # the guarantee past character 100 is unread
    assert draft[result.findings[0].start : result.findings[0].end] == "全国最好的"
    (warning,) = result.warnings
    assert f"{len(draft):,} characters" in warning and "first 100 " in warning
    assert result.to_json_dict()["warnings"] == [warning]
    assert checker.check(draft[:100]).warnings == []  # exactly at the cap: all of it read, no warning


def test_cap_comes_from_settings_and_must_be_positive() -> None:
    checker = ComplianceChecker.from_settings(Settings(max_check_chars=50))
    assert checker.max_chars == 50
    assert checker.check("最好" * 30).warnings
    with pytest.raises(ValueError, match="max_chars"):
        ComplianceChecker(load_rules(), max_chars=0)
