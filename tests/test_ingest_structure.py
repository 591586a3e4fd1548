"""Real documents: headings from plain-text numbering, site chrome and page furniture kept out, titles from
the file name when there is no heading, passages sized for the embedding model, `ingest --show`."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from fixtures_ingest import write_pdf
from typer.testing import CliRunner

from core.documents import DocumentMeta
from ingest.boilerplate import LETTERHEAD, boilerplate_reason
from ingest.chunker import ChunkStats, TokenBudget, chunk_document, estimate_tokens
from ingest.loaders import parse_file
from ingest.models import ParsedDocument, Section

WEB_ARTICLE = """首页 > 文档分类 > 管理文献 > 岗位职责
上传者：wang2019  上传时间：2023-08-14  浏览：3821次  下载：217次
本文档由用户上传，如有侵权请联系删除
VIP会员免费下载  普通用户需消耗 2 下载券
下载后不支持退款，请确认后再下载
举报 | 收藏 | 客服电话 400-820-0000
销售人员岗位职责
一、岗位职责
（一）客户开发
1. 每月新开发客户不少于8家；
2. 拜访记录须在24小时内录入CRM。
（二）合同管理
合同签订后3个工作日内将原件交销售内勤归档。
二、考核办法
回款率低于85%的，当月不得评为优秀。
评论(23)  收藏  分享  上一篇：仓库管理员岗位职责  下一篇：销售内勤岗位职责
Copyright © 2012-2024 某某文库 版权所有  沪ICP备12045678号-3
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_web_article_keeps_its_own_text_and_numbered_structure(tmp_path: Path) -> None:
    doc = parse_file(_write(tmp_path, "article.txt", WEB_ARTICLE))
    assert doc.meta.title == "销售人员岗位职责"
    assert [(s.heading_path[1:], s.text) for s in doc.sections] == [
        (("一、岗位职责", "（一）客户开发"), "1. 每月新开发客户不少于8家；\n2. 拜访记录须在24小时内录入CRM。"),
        (("一、岗位职责", "（二）合同管理"), "合同签订后3个工作日内将原件交销售内勤归档。"),
        (("二、考核办法",), "回款率低于85%的，当月不得评为优秀。"),
    ]
    everything = "\n".join([doc.meta.title, *(" ".join(s.heading_path) + s.text for s in doc.sections)])
    for chrome in ("下载券", "400-820-0000", "ICP", "上一篇", "侵权", "首页", "浏览"):
        assert chrome not in everything
    assert len(doc.dropped) == 8


def test_headingless_file_is_named_by_its_file_name(tmp_path: Path) -> None:
    text = "本站为您提供优质文档，下载请先登录。\n客户逾期超过30天的，停止发货。\n逾期超过90天的，移交法务。\n"
    doc = parse_file(_write(tmp_path, "信用须知.txt", text))
    assert doc.meta.title == "信用须知"
    assert [s.text for s in doc.sections] == ["客户逾期超过30天的，停止发货。\n逾期超过90天的，移交法务。"]


def test_chapters_and_articles_nest_and_an_article_keeps_its_inline_text(tmp_path: Path) -> None:
    text = (
        "客户信用管理制度\n第一章 总则\n第一条 为规范赊销，制定本制度。\n第二条 本制度适用于全体销售人员。\n"
        "第二章 信用额度\n第三条【额度审批】 单笔赊销额度超过50万元的，须经财务总监审批。\n"
    )
    doc = parse_file(_write(tmp_path, "credit.txt", text))
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (("客户信用管理制度", "第一章 总则", "第一条"), "为规范赊销，制定本制度。"),
        (("客户信用管理制度", "第一章 总则", "第二条"), "本制度适用于全体销售人员。"),
        (("客户信用管理制度", "第二章 信用额度", "第三条 额度审批"), "单笔赊销额度超过50万元的，须经财务总监审批。"),
    ]


def test_english_parts_and_title_case_headings_while_numbered_steps_stay_one_list(tmp_path: Path) -> None:
    text = (
        "Field Service Guide\n"
        "Section 2 Late Deliveries\n"
        "When a delivery is late, follow these steps:\n"
        "1. Call the customer the same day.\n"
        "2. Log the delay in the CRM.\n"
        "3. Offer a new date within 48 hours.\n"
        "Escalation Contacts\n"
        "The dispatch desk is on extension 8650.\n"
    )
    doc = parse_file(_write(tmp_path, "guide.txt", text))
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (
            ("Field Service Guide", "Section 2 Late Deliveries"),
            "When a delivery is late, follow these steps:\n1. Call the customer the same day.\n"
            "2. Log the delay in the CRM.\n3. Offer a new date within 48 hours.",
        ),
        (
            ("Field Service Guide", "Section 2 Late Deliveries", "Escalation Contacts"),
            "The dispatch desk is on extension 8650.",
        ),
    ]


def test_pdf_running_header_and_page_footer_are_dropped(tmp_path: Path) -> None:
    pages = [
        ["Acme Ltd. - Internal", "Pricing Guide", "1. List Prices", "The list price is 100 yuan.", "Page 1 of 2"],
        ["Acme Ltd. - Internal", "2. Discounts", "Managers approve up to 10%.", "Page 2 of 2"],
    ]
    doc = parse_file(write_pdf(tmp_path / "pricing.pdf", pages))
    assert doc.meta.title == "Pricing Guide"
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (("Pricing Guide", "1. List Prices"), "The list price is 100 yuan."),
        (("Pricing Guide", "2. Discounts"), "Managers approve up to 10%."),
    ]
    assert {d.line for d in doc.dropped} == {"Acme Ltd. - Internal", "Page 1 of 2", "Page 2 of 2"}


def test_pdf_table_rows_keep_their_cells_apart_and_their_header_across_pages(tmp_path: Path) -> None:
    header = ("Model", "Capacity", "List price")
    first: list[str | tuple[str, ...]] = ["Acme Ltd. - Internal", "Price List 2026", "1. Forklifts"]
    first += ["Electric forklifts, list prices:", header, ("EF-15", "1,500 kg", "CNY 128,000")]
    first += ["Prices exclude VAT.", "Page 1 of 2"]
    second: list[str | tuple[str, ...]] = ["Acme Ltd. - Internal", header, ("EF-20", "2,000 kg", "CNY 156,000")]
    second += ["2. Service", "Visits are free in the first year.", "Page 2 of 2"]
    pages = [first, second]
    doc = parse_file(write_pdf(tmp_path / "prices.pdf", pages))
    forklifts = doc.sections[0]
    assert forklifts.heading_path == ("Price List 2026", "1. Forklifts")
    # Each row on its own line with its cells apart (was one paragraph: "... Model Capacity List price EF-15
    # 1,500 kg CNY 128,000 Prices exclude VAT."); the header row repeated on page 2 is content, not furniture.
    assert forklifts.text.splitlines() == [
        "Electric forklifts, list prices:",
        "| Model | Capacity | List price |",
        "| EF-15 | 1,500 kg | CNY 128,000 |",
        "Prices exclude VAT.",
        "| Model | Capacity | List price |",
        "| EF-20 | 2,000 kg | CNY 156,000 |",
    ]
    assert {d.line for d in doc.dropped} == {"Acme Ltd. - Internal", "Page 1 of 2", "Page 2 of 2"}
    rows = [line for c in chunk_document(doc) for line in c.text.splitlines() if line.startswith("| EF-")]
    assert rows == ["| EF-15 | 1,500 kg | CNY 128,000 |", "| EF-20 | 2,000 kg | CNY 156,000 |"]


def test_justified_prose_in_a_pdf_is_not_a_table() -> None:
    from ingest.pdf_tables import table_rows

    prose = "December  2026  (price  list  PL-2026-01).  Discounts  follow\nthe  Sales  Operations  Manual.  Specs\n"
    assert table_rows(prose) == {}
    layout = "Model      Capacity      List price\n\nEF-15      1,500 kg      CNY 128,000\nOne line of text.\n"
    assert table_rows(layout) == {
        "ModelCapacityListprice": "| Model | Capacity | List price |",
        "EF-151,500kgCNY128,000": "| EF-15 | 1,500 kg | CNY 128,000 |",
    }


def test_word_file_without_heading_styles_uses_bold_and_numbered_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Customer Service Handbook")
    document.add_paragraph().add_run("2. Deliveries").bold = True
    document.add_paragraph("2.1 Late deliveries")
    document.add_paragraph("Tell the customer within 4 hours.")
    document.add_paragraph().add_run("Returns").bold = True
    document.add_paragraph("Returns are accepted within 30 days.")
    path = tmp_path / "handbook.docx"
    document.save(str(path))
    doc = parse_file(path)
    assert doc.meta.title == "Customer Service Handbook"
    assert [(s.heading_path[1:], s.text) for s in doc.sections] == [
        (("2. Deliveries", "2.1 Late deliveries"), "Tell the customer within 4 hours."),
        (("2. Deliveries", "2.1 Late deliveries", "Returns"), "Returns are accepted within 30 days."),
    ]


def test_html_chrome_by_element_and_class_is_dropped(tmp_path: Path) -> None:
    html = """<html><head><title>Warranty FAQ | Acme Intranet</title></head><body>
    <div class="cookie-banner"><p>We use cookies. Accept all</p></div>
    <nav><a href="/">Home</a></nav><div class="breadcrumb">Home &gt; Sales &gt; Warranty</div>
    <aside class="sidebar"><a href="/canteen">Canteen menu</a></aside>
    <div class="side"><div class="widget weather"><h4>Changzhou Weather</h4><p>Cloudy, 18°C.</p></div></div>
    <main><h1>Warranty FAQ</h1><p class="meta">Owner: Service · 1,284 views</p>
    <h2>How long is the warranty?</h2><p>24 months from delivery.</p>
    <section class="comments"><h3>Comments (2)</h3><p>li.na: Thanks!</p></section></main>
    <footer><p>© 2026 Acme Ltd. All rights reserved.</p></footer></body></html>"""
    doc = parse_file(_write(tmp_path, "faq.html", html))
    assert doc.meta.title == "Warranty FAQ"
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (("Warranty FAQ", "How long is the warranty?"), "24 months from delivery."),
    ]
    assert len(doc.dropped) >= 8


def test_a_hand_written_intranets_short_class_names_side_column_and_dialog_role_are_chrome(tmp_path: Path) -> None:
    html = """<html><head><title>Warranty Policy</title></head><body>
    <div class="tb">Yachuang Connect · Signed in as Wu Jing</div><div class="nv"><a href="#">Home</a></div>
    <div class="col-main"><h1>Warranty Policy</h1><h2>1. Periods</h2><p>Chairs: 24 months.</p>
    <div class="fb">Was this page helpful? Yes No</div>
    <div class="cmt"><div class="c-who">Liu Yang · 3 days ago</div><p>Does this apply at Spring Festival?</p></div>
    </div><div class="col-side"><h4>Today in the canteen</h4><p>Braised pork - RMB 15</p></div>
    <div id="cc-bar" role="dialog"><p>We use cookies to keep you signed in.</p></div></body></html>"""
    doc = parse_file(_write(tmp_path, "policy.html", html))
    kept = [(s.heading_path, s.text) for s in doc.sections]
    assert kept == [(("Warranty Policy", "1. Periods"), "Chairs: 24 months.")]


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("下载后不支持退款，请确认后再下载", True),
        ("客服电话 400-820-0000（本站客服）", True),
        ("阅读 12,345  评论(23)", True),
        ("第 3 页 共 10 页", True),
        ("Home > Sales > Warranty", True),
        ("客户投诉须在24小时内由客服部回复。", False),
        ("The CRM download link is on the sales portal, and refunds need a manager's approval.", False),
        ("回款率低于85%的，当月不得评为优秀。", False),
        ("发布时间：2024-03-02 来源：原创 作者：小王", True),
        ("本文来源于网络，仅供参考", True),
        ("分享到：微信 微博 QQ", True),
        (">> 广告：2024年二级建造师考试报名入口，点击领取备考资料 >>", True),
        ("广告费用由市场部承担，投放前须经品牌部审批。", False),
        ("Posted by admin on 2024-05-01", True),
        ("Next post: Cold calling tips", True),
        ("Sign in | Register", True),
        ("发布日期：2025年3月1日", False),
        ("Category: Commercial undercounter dishwasher", False),
        ("Next, call the customer within 24 hours.", False),
        ("客户来源：展会、转介绍和网络推广。", False),
        ("温馨提示：虚拟商品一经下载不支持退款，如遇文档无法打开请在24小时内联系客服，客服热线：400-000-0000", True),
        ("Please note: no refunds are given once a file has been downloaded.", True),
        (
            "退货退款须经销售总监批准，退款申请表在OA表单中心下载，客服部收到申请后3个工作日内审核完毕并书面回复。",
            False,
        ),
    ],
    ids=[
        "refund-notice",
        "site-hotline",
        "counters",
        "page-number",
        "breadcrumb",
        "company-complaints",
        "company-download",
        "company-rule",
        "byline",
        "copied-from-the-web",
        "share-bar",
        "ad-line",
        "company-ad-budget",
        "posted-by",
        "next-post",
        "sign-in",
        "policy-date",
        "product-category",
        "next-step",
        "customer-sources",
        "no-refund-after-download",
        "no-refund-after-download-en",
        "company-refund-form",
    ],
)
def test_boilerplate_is_recognised_by_what_it_is(line: str, chrome: bool) -> None:
    assert (boilerplate_reason(line) is not None) is chrome


def _doc(text: str, title: str = "T") -> ParsedDocument:
    meta = DocumentMeta(source="/kb/x.txt", title=title, content_hash="h")
    return ParsedDocument(meta=meta, sections=[Section((title, "S"), text)])


def test_chunks_fit_the_embedding_model_and_splits_are_counted() -> None:
    sentence = "销售人员须在拜访客户后二十四小时内将拜访记录录入客户关系管理系统，并注明下一步跟进计划和负责人。"
    text = "".join([sentence] * 8)  # ~380 characters: one chunk by characters, three by a 128-token model
    stats = ChunkStats()
    budget = TokenBudget(max_tokens=128, count_tokens=estimate_tokens)
    chunks = chunk_document(_doc(text), budget=budget, stats=stats)
    assert len(chunks) >= 3
    assert all(estimate_tokens(f"T\nT > S\n{c.text}") <= 126 for c in chunks)
    assert "".join(c.text for c in chunks) == text
    assert stats.split == 1


def test_one_over_long_sentence_is_cut_at_clauses_not_lost() -> None:
    sentence = "，".join(f"第{n}项费用须附发票原件" for n in range(40)) + "。"
    chunks = chunk_document(_doc(sentence), budget=TokenBudget(max_tokens=64))
    assert len(chunks) > 1
    assert all(estimate_tokens(f"T\nT > S\n{c.text}") <= 62 for c in chunks)
    assert "".join(c.text for c in chunks) == sentence


def test_budget_is_read_from_an_embedding_backend() -> None:
    class Backend:
        max_tokens = 60

        def count_tokens(self, text: str) -> int:
            return len(text)

    budget = TokenBudget.of(Backend())
    assert (budget.max_tokens, budget.count_tokens("abc")) == (60, 3)
    assert TokenBudget.of(object()) == TokenBudget()


def test_cli_show_prints_kept_and_dropped_and_ingest_reports_skipped_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fakes import HashingEmbeddings

    from cli import app

    monkeypatch.setattr("knowledge.embeddings.load_embeddings", lambda settings: HashingEmbeddings())
    path = _write(tmp_path, "article.txt", WEB_ARTICLE)
    runner = CliRunner()
    shown = runner.invoke(app, ["ingest", "--show", str(path)])
    assert shown.exit_code == 0, shown.output
    assert "title: 销售人员岗位职责" in shown.stdout
    assert "[销售人员岗位职责 > 一、岗位职责 > （一）客户开发]" in shown.stdout
    assert "dropped: 8 boilerplate lines" in shown.stdout
    assert "  - 下载后不支持退款，请确认后再下载   (" in shown.stdout

    result = runner.invoke(app, ["ingest", "--quiet", "--verbose", str(path)])
    assert result.exit_code == 0, result.output
    assert "article.txt: skipped 8 boilerplate lines" in result.stderr
    assert "split 0 passages to fit the embedding model" in result.stderr


def test_cli_show_cuts_passages_with_the_configured_embedding_models_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fakes import HashingEmbeddings

    from cli import app

    class ShortModel(HashingEmbeddings):
        max_tokens = 64

        def count_tokens(self, text: str) -> int:
            return estimate_tokens(text)

    monkeypatch.setattr("knowledge.embeddings.load_embeddings", lambda settings: ShortModel())
    article = "销售制度\n一、拜访\n" + "业务员须在拜访客户后二十四小时内将拜访记录录入客户关系管理系统。" * 6
    shown = CliRunner().invoke(app, ["ingest", "--show", str(_write(tmp_path, "a.txt", article))])
    assert shown.exit_code == 0, shown.output
    # ~200 characters: one passage by the default budget (what --show printed), several by this model's.
    kept = next(line for line in shown.stdout.splitlines() if line.startswith("kept:"))
    passages = int(kept.split(", ")[1].split()[0])
    assert passages >= 3, kept
    assert "sized for 64 model tokens" in kept


def test_chunks_carry_their_character_range_in_the_document_text() -> None:
    meta = DocumentMeta(source="/kb/x.txt", title="T", content_hash="h")
    sentence = "销售人员须在拜访客户后二十四小时内将拜访记录录入客户关系管理系统。"
    doc = ParsedDocument(meta=meta, sections=[Section(("T",), "总则。"), Section(("T", "S"), sentence * 6)])
    chunks = chunk_document(doc, budget=TokenBudget(max_tokens=80))
    text = "\n\n".join(s.text for s in doc.sections)
    assert len(chunks) > 2
    assert all(text[c.start : c.end] == c.text for c in chunks)


def test_feedback_widget_inside_the_article_is_chrome(tmp_path: Path) -> None:
    html = (
        "<html><body><article><h1>FAQ</h1><h2>Returns</h2><p>Returns within 30 days.</p>"
        '<div class="was-this-helpful">Was this page helpful? <a>Yes (57)</a> <a>No (4)</a></div>'
        "</article></body></html>"
    )
    doc = parse_file(_write(tmp_path, "faq.html", html))
    assert [s.text for s in doc.sections] == ["Returns within 30 days."]
    assert boilerplate_reason("Was this page helpful? Yes (57) No (4)") is not None


def test_sync_sizes_passages_for_the_index_model_unless_the_caller_did() -> None:
    from ingest.chunker import sizing, sizing_for

    class Backend:
        max_tokens = 60

        def count_tokens(self, text: str) -> int:
            return len(text)

    class Index:
        embeddings = Backend()

    text = "".join(f"第{n}条规定须遵守。" for n in range(20))
    with sizing_for(Index()):
        small = chunk_document(_doc(text))
    assert len(small) > 3 and all(len(c.text) <= 50 for c in small)  # 60 - 2 special - 8 for title and path
    stats = ChunkStats()
    with sizing(TokenBudget(max_tokens=4000), stats), sizing_for(Index()):
        whole = chunk_document(_doc(text))
    assert [c.text for c in whole] == [text]
    assert stats.boilerplate == {"/kb/x.txt": 0}


def test_the_company_name_above_the_title_is_not_a_heading(tmp_path: Path) -> None:
    text = "东方物流设备有限公司\n大客户信用管理办法\n文件编号：CW-07\n第一章 总则\n第一条 本办法适用于全部大客户。\n"
    doc = parse_file(_write(tmp_path, "policy.txt", text))
    assert doc.meta.title == "大客户信用管理办法"
    # Was "大客户信用管理办法 > 东方物流设备有限公司 > 第一章 总则 > 第一条": the letterhead nested every article.
    assert [s.heading_path for s in doc.sections] == [
        ("大客户信用管理办法",),
        ("大客户信用管理办法", "第一章 总则", "第一条"),
    ]
    # The name is page decoration, kept out of the text (as an answer sentence it said nothing) and shown as dropped.
    assert doc.sections[0].text.splitlines() == ["文件编号：CW-07"]
    assert ("东方物流设备有限公司", LETTERHEAD) in [(d.line, d.reason) for d in doc.dropped]
    lines: list[str | tuple[str, ...]] = ["Acme Trading Co., Ltd.", "Credit Policy", "1. Scope", "All key accounts."]
    pdf = parse_file(write_pdf(tmp_path / "policy.pdf", [lines]))
    assert pdf.meta.title == "Credit Policy"
    assert [(s.heading_path, s.text) for s in pdf.sections] == [(("Credit Policy", "1. Scope"), "All key accounts.")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("HONGTU LAUNDRY SYSTEMS\nWX-450S Soft-Mount Washer-Extractor - Product Sheet\nEdition 2024-03\n", "WX-450S"),
        ("宏图洗涤设备\nWX-450 硬装洗脱机 产品资料\n2024 年 3 月版\n", "WX-450 硬装"),
        ("宏图洗涤设备\n样机借用管理规定\n", "样机借用管理规定"),
        ("LATE DELIVERY HANDLING PROCEDURE\nOrder Management Centre\n", "LATE DELIVERY"),  # the title names itself
        ("Sales Handbook\nFY-230 Product Sheet\n", "Sales Handbook"),  # the first line names a document
        ("XINRUI ADHESIVES - PRODUCT SHEET\nXR-HM18R Reactive PUR Hot-Melt Adhesive\n", "XR-HM18R"),
        ("新锐胶粘 产品资料\nXR-MA41G 含玻璃微珠双组分丙烯酸结构胶\n", "XR-MA41G"),
    ],
    ids=[
        "name-over-sheet",
        "name-over-sheet-zh",
        "name-over-policy-zh",
        "title-first",
        "two-documents",
        "whose-sheet-over-model",
        "whose-sheet-over-model-zh",
    ],
)
def test_a_company_name_without_a_company_ending_above_the_documents_own_name_is_letterhead(
    tmp_path: Path, text: str, title: str
) -> None:
    """A product sheet under the company's bare name ("HONGTU LAUNDRY SYSTEMS") was titled by the name, so every
    look-alike sheet had the same title and none was about its model."""
    doc = parse_file(_write(tmp_path, "sheet.txt", text + "\n1. Overview\nThe machine is for hotel laundries.\n"))
    assert doc.meta.title.startswith(title)


def test_chinese_lines_wrapped_by_a_pdf_layout_are_rejoined() -> None:
    from ingest.pdf import rejoin_chinese_wraps

    page = [
        "价格手册",
        "本手册价格为含税出厂价（含13%增值税），自2026年1月1日起执行，业务员不得自行变",
        "更报价。价格调整以营销中心书面通知为准，未经批准不得向客户承诺任何额外的优惠条",
        "件。",
        "一、数控车床系列",
        "| 型号 | 含税单价 |",
        "以上价格不含运输费用。",
    ]
    # Were four "sentences": "…业务员不得自行变" / "更报价。…额外的优惠条" / "件。" (a fact like 不得自行变更 was cut).
    assert rejoin_chinese_wraps([page]) == [
        [
            "价格手册",
            "本手册价格为含税出厂价（含13%增值税），自2026年1月1日起执行，业务员不得自行变更报价。"
            "价格调整以营销中心书面通知为准，未经批准不得向客户承诺任何额外的优惠条件。",
            "一、数控车床系列",
            "| 型号 | 含税单价 |",
            "以上价格不含运输费用。",
        ]
    ]
    english = ["The list prices below apply to all customers in mainland China from the first", "of January."]
    assert rejoin_chinese_wraps([english]) == [english]  # English wraps are rejoined by the outline, with a space


def test_a_division_renamed_midway_and_an_appendix_are_top_level_not_nested(tmp_path: Path) -> None:
    document = docx.Document()
    for text in [
        "Sales Operations Manual",
        "Chapter 3 Orders",
        "3.1 Order entry",
        "Orders are entered in the ERP within one day.",
        "Section 4 – Returns",
        "4.1 Eligibility",
        "Returns are accepted within 30 days.",
        "Appendix A – Contacts",
        "Sales Operations: ops@example.com",
    ]:
        document.add_paragraph(text)
    path = tmp_path / "manual.docx"
    document.save(str(path))
    paths = [s.heading_path[1:] for s in parse_file(path).sections]
    # Were "Chapter 3 Orders > 4.1 Eligibility" (Section 4 lost) and "… > 4.1 Eligibility > Appendix A – Contacts".
    assert paths == [
        ("Chapter 3 Orders", "3.1 Order entry"),
        ("Section 4 – Returns", "4.1 Eligibility"),
        ("Appendix A – Contacts",),
    ]


def test_sections_numbered_under_chapters_still_nest(tmp_path: Path) -> None:
    text = "Handbook\nChapter 1 Scope\nSection 1 Who\nAll reps.\nSection 2 When\nAlways.\nChapter 2 Rules\nBe kind.\n"
    paths = [s.heading_path[1:] for s in parse_file(_write(tmp_path, "h.txt", text)).sections]
    assert paths == [("Chapter 1 Scope", "Section 1 Who"), ("Chapter 1 Scope", "Section 2 When"), ("Chapter 2 Rules",)]


def test_content_heads_and_an_articles_own_header_are_not_page_chrome(tmp_path: Path) -> None:
    html = (
        '<html><body><div id="top-menu"><a>Home</a> <a>Sales</a></div><article>'
        "<header><h1>Returns Policy</h1></header>"
        '<div class="section-header"><h2>1. Window</h2></div><p>Returns within 30 days.</p>'
        '<table><tr class="table-header"><th>Model</th><th>Fee</th></tr><tr><td>AX-1</td><td>10%</td></tr></table>'
        '</article><div class="site-footer">© 2026 Acme</div></body></html>'
    )
    doc = parse_file(_write(tmp_path, "returns.html", html))
    # Were dropped as chrome by their class names: the title, the section heading and the table's header row.
    assert doc.meta.title == "Returns Policy"
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        (("Returns Policy", "1. Window"), "Returns within 30 days.\n\n| Model | Fee |\n| AX-1 | 10% |"),
    ]
    assert [d.line for d in doc.dropped] == ["Home", "Sales", "© 2026 Acme"]


def test_link_lists_and_a_bottom_bar_are_navigation_without_a_tag_or_class_saying_so(tmp_path: Path) -> None:
    html = (
        "<html><head><title>售后服务政策 - 内网</title></head><body>"
        '<div id="top"><ul><li><a href="/">首页</a></li><li><a>人事</a></li><li><a>销售支持</a></li></ul></div>'
        '<div class="left"><ul><li><a>报销系统</a></li><li><a>CRM登录</a></li><li><a>邮箱</a></li></ul></div>'
        '<div class="main"><h1>售后服务政策</h1><h2>1. 保修期</h2><p>整机保修12个月，详见<a>保修条款</a>。</p>'
        "<h2>2. 联系</h2><p>服务热线：<a>400-820-6616</a></p></div>"
        '<div class="bottom"><p>信息中心维护 | 内部网站 请勿外传</p></div></body></html>'
    )
    doc = parse_file(_write(tmp_path, "policy.html", html))
    # The menus were the title section's text and the bottom bar ended the last section.
    assert [(s.heading_path[1:], s.text) for s in doc.sections] == [
        (("1. 保修期",), "整机保修12个月，详见保修条款。"),
        (("2. 联系",), "服务热线：400-820-6616"),
    ]
    assert {"首页", "CRM登录", "信息中心维护 | 内部网站 请勿外传"} <= {d.line for d in doc.dropped}


def _site_article_body(tmp_path: Path, name: str, text: str, *, title: str) -> str:
    """The text a copied web article keeps, after checking the title it gets."""
    doc = parse_file(_write(tmp_path, name, text))
    assert doc.meta.title == title
    return "\n".join(section.text for section in doc.sections)


def test_a_sharing_sites_banner_location_help_line_and_comments_are_chrome_and_a_rule_is_no_title(
    tmp_path: Path,
) -> None:
    """Another site's chrome, recognised by kind: its banner ("海量文档免费分享平台"), "当前位置：…" with a label
    before the trail, a help line naming downloads, its hotline and QQ group, and readers' comments below. The
    dashed rule under the chrome was the document's title, so every citation read "————"."""
    text = (
        "文档汇 - 海量文档免费分享平台 www.example-docs.com\n"
        "当前位置：首页 > 企业管理 > 岗位职责\n"
        "下载遇到问题？文档汇客服热线：400-000-0000（工作日9:00-21:00），官方QQ交流群：100000000\n"
        "文档汇客服热线：400-000-0001  官方QQ交流群：100000001  微信客服：example_kf\n"
        "————————————————————\n"
        "森威热泵科技有限公司\n"
        "销售代表岗位职责手册\n"
        "一、岗位概述\n"
        "1.销售代表负责所辖区域的热泵销售。\n"
        "2.如有疑问，可联系客服部，内线电话：8826。\n"
        "————————————————————\n"
        "评论（23）  |  我要评论  |  举报\n"
        "用户 hp_li**：内容很全，谢谢分享！\n"
        "用户 小熊不吃糖：下载要8积分有点贵……\n"
        "相关文档推荐：\n"
        "Copyright © 2012-2024 文档汇 版权所有\n"
    )
    body = _site_article_body(tmp_path, "岗位职责_site.txt", text, title="销售代表岗位职责手册")
    for chrome in ("海量文档", "当前位置", "QQ交流群", "example_kf", "hp_li", "小熊不吃糖", "我要评论"):
        assert chrome not in body
    assert "1.销售代表负责所辖区域的热泵销售。" in body and "内线电话：8826" in body


def test_a_sites_banner_with_its_address_its_contents_list_ai_blurb_and_page_markers_are_chrome(
    tmp_path: Path,
) -> None:
    """A site whose banner is its name, address and a slogan of no site words became the document's title; its
    dot-leader contents list, its AI summary and page markers followed by its name and address stayed in the text."""
    text = (
        "拾页文库 example.cn ｜ 拾起每一页，成就每一步\n"
        "当前位置：拾页文库 ＞ 企业管理 ＞ 岗位说明书 ＞ 正文\n"
        "【AI智能摘要】本文介绍了区域销售经理的岗位职责。（由拾页AI生成，仅供参考）\n"
        "文档目录（点击跳转）：\n"
        "　　岗位概述 ········· P1\n"
        "　　考核与激励 ······· P6\n"
        "区域销售经理岗位职责\n"
        "一、岗位概述\n"
        "1.区域销售经理直接向大区总监汇报。\n"
        "—— 第 2 页 / 共 7 页 ——　拾页文库 example.cn\n"
        "2.每周拜访客户不少于8家。\n"
        "二、考核与激励\n"
        "1.季度考核完成率低于80%不发奖金。\n"
    )
    body = _site_article_body(tmp_path, "岗位职责.txt", text, title="区域销售经理岗位职责")
    for chrome in ("拾起每一页", "AI智能摘要", "点击跳转", "·····", "第 2 页", "example.cn"):
        assert chrome not in body
    assert "每周拜访客户不少于8家" in body and "直接向大区总监汇报" in body


def test_a_site_named_as_a_site_with_a_latin_name_a_bar_marked_ad_and_a_scan_to_read_notice_are_chrome(
    tmp_path: Path,
) -> None:
    text = (
        "青蓝文档网 QINGLANDOC ｜ 好文档，一搜就有\n"
        "▎推广　口腔诊所装修一站式，30天开业，来电即送CAD设计方案\n"
        "▼ 以下为文档预览（前6页），手机扫码可继续阅读 ▼\n"
        "区域销售代表岗位职责\n"
        "一、岗位概述\n"
        "1.区域销售代表负责本区域诊所的开发。\n"
    )
    body = _site_article_body(tmp_path, "岗位职责.txt", text, title="区域销售代表岗位职责")
    for chrome in ("青蓝文档网", "口腔诊所装修", "扫码"):
        assert chrome not in body


def test_a_menu_set_with_ideographic_spaces_reader_controls_a_layout_notice_and_drawn_page_markers_are_chrome(
    tmp_path: Path,
) -> None:
    """A sharing site's menu whose items stand apart by ideographic spaces, its reading-progress bar with font
    and eye-care switches, its note that software laid the text out, and page markers drawn with box rules: each
    became answer text ("…下月拜访计划。━━━━ 第2页 / 共6页 ━━━━")."""
    text = (
        "首页\u3000文档分类\u3000精品专区\u3000职场办公\u3000行业资料\u3000上传赚币\n"
        "阅读进度 ▓▓░░░░░░ 已读 12%\u3000\u3000字号 A- A A+\u3000\u3000护眼模式：关\n"
        "本文由\"某某AI\"自动识别排版，如有错漏请以原文档为准\n"
        "电梯销售工程师岗位职责\n"
        "一、主要职责\n"
        "1.每月新增有效项目线索不少于8条。\n"
        "━━━━━━━━━━ 第2页 / 共6页 ━━━━━━━━━━\n"
        "2.报价有效期为30天。\n"
    )
    body = _site_article_body(tmp_path, "岗位职责.txt", text, title="电梯销售工程师岗位职责")
    for chrome in ("文档分类", "阅读进度", "护眼", "排版", "第2页"):
        assert chrome not in body
    assert "报价有效期为30天" in body and "不少于8条" in body


@pytest.mark.parametrize(
    "line",
    ["产品型号\u3000功率\u3000电压\u3000重量", "字号：云梯", "本合同以中文原文为准。"],
)
def test_a_companys_spaced_header_or_wording_near_reader_controls_stays(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_a_preview_end_mark_with_the_numbered_article_going_on_below_drops_only_the_mark(tmp_path: Path) -> None:
    """"—— 试读结束，剩余4页需下载后阅读 ——" then "【会员已为您展开全文】" and the rest of the article: everything
    below the first mark was dropped as the page's, half the article with it. The article's real end ("—— 全文预览
    结束 ——") still drops the download terms and comments below it."""
    text = (
        "销售工程师岗位职责\n"
        "一、主要职责\n"
        "1.每月新增有效项目线索不少于8条。\n"
        "—— 试读结束，剩余4页需下载后阅读 ——\n"
        "【会员已为您展开全文】\n"
        "（四）回款与客户维护\n"
        "1.销售工程师是回款第一责任人。\n"
        "2.回款逾期超过60天的项目，暂停发放该项目的销售提成。\n"
        "3.客户投诉须在24小时内响应。\n"
        "（本文完）\n"
        "—— 全文预览结束 ——\n"
        "下载须知：\n"
        "1.本站文档为虚拟商品，一经下载不支持退款。\n"
        "2.充值比例为1元=10币，充值后不可提现。\n"
        "Copyright © 2014-2026 某某文档网 All Rights Reserved\n"
    )
    body = _site_article_body(tmp_path, "岗位职责.txt", text, title="销售工程师岗位职责")
    assert "暂停发放该项目的销售提成" in body and "24小时内响应" in body
    for chrome in ("试读结束", "展开全文", "充值比例", "下载须知"):
        assert chrome not in body


def test_a_wechat_star_prompt_is_no_title(tmp_path: Path) -> None:
    text = "⬆️ 星标⭐公众号，第一时间收到推送\n销冠说｜卖CBCT，先帮院长算清三笔账\n\n一、设备投入\n院长关心回本。\n"
    doc = parse_file(_write(tmp_path, "article.txt", text))
    assert doc.meta.title == "销冠说｜卖CBCT，先帮院长算清三笔账"


def test_a_mail_signature_above_a_bracketed_confidentiality_notice_or_a_print_reminder_goes() -> None:
    from ingest.boilerplate import split_boilerplate

    lines = [
        "发件人: 周晓岚 <zhou@example.com>",
        "发送时间: 2026年5月22日 17:05",
        "收件人: 华东大区销售团队 <east@example.com>",
        "主题: 转发: 夏季促销政策",
        "",
        "各位，活动价格见下表，有问题直接找我。",
        "",
        "周晓岚",
        "华东大区总监 | 营销中心",
        "手机：138-0000-0000　邮箱：zhou@example.com",
        "绿色办公，请您在打印前三思。",
        "",
        "-----原始邮件-----",
        "发件人: 刘敏 <liu@example.com>",
        "发送时间: 2026年5月21日 10:12",
        "收件人: 各大区总监 <rd@example.com>",
        "主题: 夏季促销政策",
        "",
        "活动期间折扣合计不得超过12%。",
        "",
        "刘敏",
        "销售管理部 | 政策专员",
        "电话：0519-0000 0000",
        "【保密声明】本邮件及其附件含有保密信息，仅限于发送给上述收件人使用。",
    ]
    kept, _dropped = split_boilerplate(lines)
    own = [line for line in kept if line.strip()]
    subject, *messages = own
    assert subject == "夏季促销政策"
    assert messages == ["各位，活动价格见下表，有问题直接找我。", "活动期间折扣合计不得超过12%。"]


def test_a_word_files_bold_letterhead_above_its_title_is_no_heading(tmp_path: Path) -> None:
    """The bold company name above a Word file's title nested every section under it ("经销商管理政策 > 森威热泵科技
    有限公司 > 第一部分 总则 > 1. 目的"), as the plain-text letterhead did before."""
    document = docx.Document()
    for text, bold in (
        ("森威热泵科技有限公司", True),
        ("经销商管理政策（2024版）", True),
        ("文件编号：SW-QD-2024-01", False),
        ("第一部分 总则", True),
        ("1. 目的", False),
        ("为规范经销商渠道管理，特制定本政策。", False),
    ):
        document.add_paragraph().add_run(text).bold = bold
    path = tmp_path / "policy.docx"
    document.save(str(path))
    doc = parse_file(path)
    assert doc.meta.title == "经销商管理政策（2024版）"
    assert all("森威热泵科技有限公司" not in s.heading_path for s in doc.sections)
    assert ("经销商管理政策（2024版）", "第一部分 总则", "1. 目的") in [s.heading_path for s in doc.sections]
    assert all("森威热泵科技有限公司" not in s.text for s in doc.sections)


def test_a_copied_wechat_article_keeps_only_the_companys_text(tmp_path: Path) -> None:
    """An official-account article copied with its page: the account's name (repeated in the byline and the
    QR-code prompt) is no title, and the follow prompts, counters, reader comments, the recommended-articles list
    and the repost notice stay out of the document."""
    text = (
        "冷链人说事\n"
        "原创 冷链老兵 冷链人说事 2024-03-18 08:12 发表于上海\n"
        "点击上方蓝字关注我们\n"
        "阅读 3268  |  收藏 211\n"
        "大客户经理岗位职责手册\n"
        "一、岗位概述\n"
        "1.大客户经理负责年采购额100万元以上的客户。\n"
        "原文链接：https://example.com/s/abc\n"
        "点赞 126　　在看 48\n"
        "▼ 精选留言\n"
        "冷库小王子：折扣超过15%要总经理批，哈哈　　👍\n"
        "往期推荐\n"
        "▶ 冷藏车选购避坑指南\n"
        "声明：本文转载自网络，仅供学习交流。\n"
        "长按识别下方二维码，关注「冷链人说事」\n"
    )
    body = _site_article_body(tmp_path, "岗位职责_转载.txt", text, title="大客户经理岗位职责手册")
    assert "1.大客户经理负责年采购额100万元以上的客户。" in body
    for chrome in ("冷链人说事", "点击上方", "阅读 3268", "冷库小王子", "冷藏车选购避坑指南", "二维码", "转载"):
        assert chrome not in body, chrome


def test_a_forum_repost_keeps_the_document_between_its_markers_and_no_reply(tmp_path: Path) -> None:
    """A document reposted in a forum thread: the forum's name and slogan (the name repeated in its chrome) is no
    title, the poster's preface and the readers' replies ("我们公司报价单有效期是30天", contradicting the document)
    stay out, and so do floor headers, edit notes and the related-threads list."""
    text = (
        "灶台圈 · 餐饮设备人论坛 - 做厨房设备的人都在这里\n"
        "当前位置：灶台圈论坛 » 销售经验 » 正文\n"
        "楼主  风冷压缩机老王\n"
        "本帖最后由 风冷压缩机老王 于 2024-11-04 08:32 编辑\n"
        "手里有一份内部的岗位规范，原文贴出来给大家参考。\n"
        "======== 以下为原文 ========\n"
        "销售代表岗位职责与工作规范\n"
        "一、报价规则\n"
        "1.报价单有效期为15天，超过有效期须重新报价。\n"
        "======== 原文结束 ========\n"
        "\n"
        "沙发  锅铲侠阿斌  积分 512\n"
        "发表于 2024-11-03 21:40\n"
        "收藏了！我们公司报价单有效期是30天。\n"
        "点赞(41) | 回复\n"
        "【相关帖子】\n"
        "· 商用洗碗机选型：罩式还是通道式？\n"
        "灶台圈论坛客服热线：400-887-2316  论坛交流QQ群：583920117\n"
        "Copyright © 2014-2025 灶台圈 版权所有\n"
    )
    body = _site_article_body(tmp_path, "岗位职责_论坛转帖.txt", text, title="销售代表岗位职责与工作规范")
    assert "1.报价单有效期为15天，超过有效期须重新报价。" in body
    for chrome in ("灶台圈", "风冷压缩机老王", "贴出来", "原文", "30天", "锅铲侠", "洗碗机选型"):
        assert chrome not in body, chrome


def test_a_forum_reply_without_repost_markers_is_dropped_but_a_long_run_is_kept() -> None:
    """Without the markers a reply is the short run of lines under its floor header; a longer run under the
    opening post is a document pasted into the thread and stays."""
    from ingest.boilerplate import split_boilerplate

    lines = ["2#  小林  积分 88", "发表于 2024-11-04 09:12", "这个真的加分。", "点赞(67) | 回复"]
    kept, _ = split_boilerplate(lines)
    assert kept == []
    document = ["楼主  老王", "发表于 2024-11-03 21:15", "岗位职责", "一、客户开发", "1.每周拜访8家。", "2.当天录入。"]
    kept, _ = split_boilerplate(document)
    assert kept == document[2:]


def test_a_copied_blog_post_loses_the_platforms_offer_contents_author_card_and_comments(tmp_path: Path) -> None:
    """A blog platform's page around a company article: the platform's name and slogan (its first word repeated
    in the membership offer and the footer) is no title; the offer, tags, edit stamp, post link, the table of
    contents, the tip jar, the author's name and card, dated comments and replies stay out."""
    text = (
        "技术圈 JSQ - 工程师的知识分享社区\n"
        "开通技术圈超级会员，首月仅需 9.9 元，免广告畅读全部付费专栏 >>\n"
        "销售工程师岗位职责全梳理\n"
        "胶水老周  于 2024-05-18 21:36:07 发布   阅读量 3,418   点赞 57\n"
        "于 2024-06-02 09:12:45 首次修改\n"
        "本文链接：https://blog.example.net/laozhou/article/details/1\n"
        "目录\n"
        "一、岗位定位\n"
        "二、核心职责\n"
        "一、岗位定位\n"
        "1. 销售工程师的直接上级是区域销售经理。\n"
        "二、核心职责\n"
        "1. 每周有效拜访不少于8家客户。\n"
        "打赏\n"
        "创作不易，觉得有帮助就请作者喝杯咖啡吧（打赏金额由读者自愿支付）\n"
        "胶水老周\n"
        "码龄9年  原创 86  粉丝 2,317\n"
        "+关注  私信\n"
        "评论区（18）\n"
        "材料人阿杰  2024-05-20 13:47  请问楼主公司还招人吗？\n"
        "  胶水老周 回复 材料人阿杰：秋招的时候关注一下官网吧。\n"
        "©2024 技术圈 JSQ 版权所有\n"
    )
    body = _site_article_body(tmp_path, "blog_role.txt", text, title="销售工程师岗位职责全梳理")
    assert "1. 销售工程师的直接上级是区域销售经理。" in body and "1. 每周有效拜访不少于8家客户。" in body
    chromes = ("技术圈", "会员", "首次修改", "本文链接", "目录", "打赏", "胶水老周", "码龄", "关注", "阿杰", "秋招")
    for chrome in chromes:
        assert chrome not in body, chrome


def test_a_copied_news_page_loses_its_slogan_search_box_ads_tags_and_comments(tmp_path: Path) -> None:
    """A self-media news page: the site's name with a slogan naming its kind ("…资讯平台") is no title; the
    search box, ads, the creator badge and province stamp, tags, and each comment above its "12小时前 · 回复"
    footer stay out."""
    text = (
        "趣读头条 - 有料有趣的资讯平台\n"
        "搜索站内资讯、作者、话题\n"
        "【广告】厂房屋面防水补漏，电话咨询立享8折\n"
        "劳保用品销售代表的岗位职责\n"
        "安盾劳保周经理 · 趣读号创作者\n"
        "2025-06-18 09:42 · 发布于浙江\n"
        "一、岗位定位\n"
        "1.新人入职后有3个月试用期。\n"
        "#劳保用品 #销售干货 #职场经验\n"
        "山东老刘：写得很实在，点赞！\n"
        "12小时前 · 回复 · 赞 88\n"
        "小白想转行：请问底薪一般多少？\n"
        "作者回复：各地不一样，私信聊。\n"
        "1天前 · 回复 · 赞 23\n"
    )
    body = _site_article_body(tmp_path, "news.txt", text, title="劳保用品销售代表的岗位职责")
    assert "1.新人入职后有3个月试用期。" in body
    for chrome in ("趣读", "搜索", "广告", "创作者", "发布于", "#劳保用品", "老刘", "底薪", "私信"):
        assert chrome not in body, chrome


def test_a_sharing_sites_dated_comments_and_edge_hotline_are_chrome_but_a_policys_own_hotline_stays() -> None:
    from ingest.boilerplate import split_boilerplate

    policy = ["一、总则", "1.售后服务由客服部负责。", "客户服务热线：400-826-5178"]
    assert split_boilerplate(policy)[0] == policy
    chrome = ["钢构老刘　2023-07-02：写得很实在。", "某某网客服：400-819-2266", "Copyright © 2024 某某文库"]
    page = [*policy[:2], *chrome]
    assert split_boilerplate(page)[0] == policy[:2]


@pytest.mark.parametrize(
    "document",
    [
        ["一、合同管理", "1.合同由法务审核。", "2.合同原文完整存档五年。", "3.到期前提醒。"],
        ["公司公告原文如下：", "一、自2025年起调整价格。", "二、执行日期另行通知。"],
        ["一、交付", "1.到货后验收。", "2.须在交货3天前回复客户确认。", "3.签收。"],
        ["一、办公地点", "3楼 销售部", "5楼 财务部"],
        ["生效日期 2024-01-01 起执行", "V1.2 2024-03-01 修订价格表", "销售 回复 客户：好的"],
        ["积分商城的礼品由市场部采购。", "快速回复客户咨询，2小时内。", "创作者激励计划由品牌部负责。"],
        ["经销商管理办法 - 电商平台渠道", "一、总则", "1.适用于电商渠道。"],
        ["一、总则", "1.售后。", "全国服务热线：400-826-5178", "第 3 页 共 3 页"],
    ],
    ids=["repost-word", "notice-word", "reply-word", "floors", "dates", "weak-words", "platform-title", "hotline"],
)
def test_a_companys_own_lines_that_share_words_with_site_chrome_stay(document: list[str]) -> None:
    """The chrome rules read a line's shape and its neighbours, not a word alone."""
    from ingest.boilerplate import split_boilerplate

    kept = split_boilerplate(document)[0]
    assert kept == [line for line in document if line != "第 3 页 共 3 页"]


def test_readers_comments_under_a_comments_header_are_chrome() -> None:
    from ingest.boilerplate import split_boilerplate

    comments = ["网友评论（87）：", "电梯小白2019：干货，收藏了！", "蓝色星空：3-6-1付款很难执行。", "查看全部评论 >>"]
    page = ["一、拜访", "1.每月拜访20家。", *comments]
    assert split_boilerplate(page)[0] == page[:2]
    faq = ["常见问题", "问：多久发货？", "答：7个工作日。"]
    assert split_boilerplate(faq)[0] == faq


def test_a_sharing_sites_address_rating_ads_and_preview_cut_are_chrome_but_company_lines_stay() -> None:
    """Each kind by its shape: the site's address with its slogan (the address again in the copyright line), a
    star rating, the ads between two ad rules, the preview cut-off, the search box's placeholder."""
    from ingest.boilerplate import split_boilerplate

    own = ["销售代表岗位职责", "一、拜访", "1.每周拜访12家。", "二、报价", "1.报价有效期15天。"]
    page = [
        "examplewenku.com | 让知识更有价值",
        "搜索文档、作者、文集...    搜索",
        "★★★★☆ 4.6分（83人评价）",
        *own[:3],
        "—————— 广告 ——————",
        "【打印机租赁】低至99元/月，扫码立即咨询 >>",
        "—————— 广告 ——————",
        *own[3:],
        "—— 本页预览已结束，剩余2页可下载后查看 ——",
        "© 2013-2025 examplewenku.com 版权所有",
    ]
    assert split_boilerplate(page)[0] == own
    other_site = [
        "知页文库 - 海量实用文档 免费在线阅读",
        "让知识流动起来 | 已收录文档 3,862万 篇",
        "[ 搜索文档、书籍、资料…… ] [搜索]",
        "文档汇 examplewendang.cn —— 海量实用文档，一键下载",
        "搜索文档、作者、标签…… [搜 索]",
        "搜索文档：请输入关键词  [搜索]  热搜：述职报告 岗位职责 年终总结",
        "搜索文档  热门搜索：岗位职责 销售技巧 工作总结",
        *own[:3],
        "……（试读结束，剩余内容需展开阅读）……",
        *own[3:],
        "我也要评论 ▶ [发表评论]",
    ]
    assert split_boilerplate(other_site)[0] == own
    company = ["公司官网 www.mingde.com.cn", "一、广告宣传", "1.广告须经市场部审核。", "客户满意度4.6分"]
    assert split_boilerplate(company)[0] == company


def test_a_numbered_spec_list_stays_text_under_its_heading_and_no_line_is_lost(tmp_path: Path) -> None:
    """ "2.1 Working pressure: 20 MPa" is a field with its value, not a heading; a line taken for a heading with
    nothing under it goes back into its parent's text; "3. Price, MOQ and Lead Time" above its 3.1 is a heading
    though its comma would make a step of it."""
    specs = [f"2.{n} {label}" for n, label in enumerate(["Working pressure: 20 MPa", "Flow rate: 18 L/min"], 1)]
    text = "\n".join(
        [
            "HP-200 PRODUCT SHEET",
            "",
            "1. Overview",
            "",
            "The HP-200 is the mid-range model.",
            "",
            "2. Specifications",
            "",
            *specs,
            "2.3 Frame",
            "2.4 Net weight 85 kg",
            "",
            "3. Price, MOQ and Lead Time",
            "",
            "3.1 List price: CNY 12,800 per unit.",
        ]
    )
    parsed = parse_file(_write(tmp_path, "hp-200.txt", text))
    sections = {s.heading_path[-1]: s.text for s in parsed.sections}
    assert list(sections) == ["1. Overview", "2. Specifications", "3. Price, MOQ and Lead Time"]
    for line in [*specs, "2.3 Frame", "2.4 Net weight 85 kg"]:
        assert line in sections["2. Specifications"]


def test_a_bracket_menu_a_drawn_search_box_a_promoted_link_and_a_preview_notice_are_chrome_and_rules_breaks() -> None:
    """Another site's shapes: its menu as a row of 【…】 links, a search box drawn with underscores, a 【推广】 link,
    the "only a preview" notice; a rule of "=" marks stays a paragraph break, not text. A form's blank to fill in
    ("客户签字：________") and a company's own bracketed note stay."""
    from ingest.boilerplate import split_boilerplate

    own = ["销售代表岗位职责", "一、拜访", "1.每周拜访12家。", "二、报价", "1.报价有效期15天。"]
    page = [
        "【首页】【行业资料】【企业管理】【合同范本】【考试题库】【精品专栏】",
        "搜资料 >>> ________________ [搜一下]　大家都在搜：岗位说明书  年终总结",
        "【推广】冷库安装找某某工程，报价当天出 —— 点击了解>>",
        "=" * 60,
        *own,
        "=" * 60,
        "温馨提示：本资料仅供在线预览3页，完整内容请下载。",
    ]
    kept, dropped = split_boilerplate(page)
    assert [line for line in kept if line] == own
    assert kept[0] == "" and kept[-1] == ""  # the rules, as breaks
    assert {d.reason for d in dropped} >= {"site menu", "separator line"}
    company = ["三、签约", "客户签字：________", "【注意】合同须双方盖章。"]
    assert split_boilerplate(company)[0] == company


def test_a_sites_name_above_its_menu_a_sign_in_prompt_and_a_card_offer_are_chrome() -> None:
    """The site's name and slogan above its menu (a first block holding two or more chrome lines, the document
    below a blank line), a menu separated by ┊, a sign-in prompt, a membership card's offer."""
    from ingest.boilerplate import split_boilerplate

    own = ["嘉禾包装机械销售代表岗位职责", "一、拜访", "1.每周拜访12家。"]
    page = [
        "墨渊文库 MoYuan Wenku · 让每一份资料都有回响",
        "首页 ┊ 行业资料 ┊ 企业管理 ┊ 合同范本 ┊ 上传赚积分",
        "您好，请【登录】或【免费注册】　手机扫码登录，首次登录送30积分",
        "★★ 开通「尊享卡」全站800万份文档畅读畅下，首月仅需9.9元 ★★",
        "",
        *own,
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == own
    # A rule ends the site's block as a blank line does; the site's download terms below the article are chrome.
    terms = "下载说明：同一账号下载成功后72小时内可重复下载，不再重复扣除积分。"
    ruled = [page[0], page[1], page[2], "-" * 40, *own, terms]
    assert [line for line in split_boilerplate(ruled)[0] if line] == own


@pytest.mark.parametrize(
    "line",
    [
        "3. 设备随机附带说明书、合格证和装箱单，注册证复印件可在文档平台下载；",
        "2. 能效标识备案号：CEL-LCG-2025-13322（1 级能效）",
        "版本号：GY-TR-2025-02",
        "阀体/阀球/阀杆材质：CF8M / SS316 / SS316",
        "3. R448A / R452A：¥160/kg",
    ],
)
def test_a_registration_certificate_an_energy_label_a_version_and_a_spec_with_slashes_are_content(line: str) -> None:
    """Words that chrome also uses, in a product sheet's own lines: 注册证 is no sign-up, an energy label's 备案号
    no site filing, 版本号 no WeChat account, slashes in a "label: value" line no breadcrumb."""
    from ingest.boilerplate import split_boilerplate

    page = ["一、订货须知", "1. 订货时须选择正确的物料编码。", line, "4. 安装由服务中心完成。"]
    assert split_boilerplate(page)[0] == page


def test_a_qa_sites_name_its_repost_notice_and_a_meta_lines_view_counter_are_chrome() -> None:
    from ingest.boilerplate import split_boilerplate, without_counters

    own = ["锅炉销售工程师岗位职责", "一、市场开发", "1.每月拜访10家设计院。"]
    page = [
        "百问网 - 有问题，就上百问",
        *own,
        "（本回答著作权归作者所有，商业转载请联系作者获得授权，非商业转载请注明出处。）",
        "下载百问APP，随时随地看问答  扫码下载",
        "开通百问VIP会员，免广告",
    ]
    assert split_boilerplate(page)[0] == own
    meta = "Document No. HR-SVC-002 Rev. 4 | Owner: Customer Service | 1,284 views"
    assert without_counters(meta) == "Document No. HR-SVC-002 Rev. 4 | Owner: Customer Service"
    assert without_counters("Tier 1 | 1,284 units | CNY 52,000") == "Tier 1 | 1,284 units | CNY 52,000"


def test_lines_inside_a_pages_dense_opening_and_closing_chrome_are_chrome_but_numbered_headings_stay() -> None:
    """A document site's opening run where most lines are chrome holds a search box, the file's own name and a
    blurb the cues miss; its closing run holds download terms, a help line and plain reader comments between
    their headers and counters. Unrecognised lines inside such runs are the site's; the article between stays."""
    from ingest.boilerplate import split_boilerplate

    own = ["销售工程师岗位职责", "一、岗位概述", "1.负责华东区客户开发。", "二、考核", "1.回款率占40%。"]
    page = [
        "首页  |  经管营销  |  合同范本  |  VIP专区",
        "找文档 ▸ ____________________ 〔 书 一 下 〕",
        "热门搜索：岗位职责  述职报告",
        "上传者：阿木   浏览 2,140 次   下载 96 次",
        "销售工程师岗位职责(精编版).txt",
        "页数：5页   所需：2 书币(VIP免费)",
        "内容提要：本文介绍工业品销售工程师的岗位职责与考核。",
        "评分：★★★★☆ 4.5分",
        "————————————————————",
        *own,
        "网友评论(3)                    [我要评论]",
        "小林   2025-07-12 21:08   来自 江苏",
        "写得很清楚，收藏了。",
        "  回复(2)  赞(15)",
        "老周   2025-08-03 09:41   来自 浙江",
        "请问有配套的考核表吗？",
        "  回复(0)  赞(3)",
        "相关文档推荐",
        "上一篇：销售合同范本",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == own


def test_everything_below_an_articles_end_mark_is_the_pages_and_a_page_marker_in_dashes_is_no_text() -> None:
    """WeChat's "- END -" and a site's preview cut-off end the article: the account card, comments and the
    author's replies below are the page's. A page marker in dashes inside the text goes too; an end mark with
    the document going on below it (no chrome there) keeps what follows."""
    from ingest.boilerplate import split_boilerplate

    own = ["一、活动时间", "活动时间为4月1日至6月30日。", "二、优惠", "满5万元送检测。"]
    page = [
        "原创 市场部 某某机械 2026年3月2日 08:15 上海",
        *own[:2],
        "—— 第 2 页 / 共 5 页 ——",
        *own[2:],
        "- END -",
        "某某机械",
        "让每台设备多转一年",
        "写留言",
        "老客户A  湖北  12",
        "今年怎么少了？",
        "作者 回复：已转达市场部",
        "已无更多数据",
        "继续滑动看下一个",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == own
    slides = ["一、总结", "全年完成率105%。", "THE END", "附录：各区完成率", "华东 110%，华南 98%。"]
    assert [line for line in split_boilerplate(slides)[0] if line] == slides


def test_a_pages_counter_sentence_is_dropped_from_its_review_note() -> None:
    from ingest.boilerplate import split_boilerplate

    page = ["Returns policy", "Last reviewed 2 March 2026 by Quality Assurance. Page views: 1,284"]
    assert split_boilerplate(page)[0] == ["Returns policy", "Last reviewed 2 March 2026 by Quality Assurance."]


def test_a_forwarded_e_mail_thread_keeps_its_messages_and_takes_its_subject_for_title() -> None:
    """Header blocks, quoted-message separators, salutations, signatures (name, title, company, phone, slogan),
    the phone's sent-from line, the confidentiality notice and the gateway stamp are the mail's; every message's
    words stay, the reply on top too, and the subject without its RE/FW prefixes leads as the title."""
    from ingest.boilerplate import split_boilerplate

    thread = [
        "From: Li Ming <li.ming@example.com>",
        "Sent: Tuesday, 6 January 2026 11:03",
        "To: Sales East <east@example.com>",
        "Subject: RE: FW: [Important] Key-account registration rules 2026",
        "",
        "Hi all,",
        "Registrations from 2025 must be confirmed again by 31 January.",
        "",
        "Li Ming",
        "Regional Manager, East",
        "Example Forklift Co., Ltd.",
        "Mobile: 139 1620 7745 | Tel: 021-6088 3512",
        "",
        "-----Original Message-----",
        "From: Sales Operations <salesops@example.com>",
        "Sent: Monday, 5 January 2026 17:18",
        "To: All sales <all@example.com>",
        "Subject: [Important] Key-account registration rules 2026",
        "",
        "Dear colleagues,",
        "1. A registration is valid for 90 days.",
        "2. Conflicts go to the earlier approved registration.",
        "",
        "Sent from my iPhone",
        "CONFIDENTIALITY NOTICE: This e-mail and its attachments contain confidential information.",
        "[Scanned by ExampleMail Gateway]",
    ]
    kept = [line for line in split_boilerplate(thread)[0] if line]
    assert kept == [
        "Key-account registration rules 2026",
        "Registrations from 2025 must be confirmed again by 31 January.",
        "1. A registration is valid for 90 days.",
        "2. Conflicts go to the earlier approved registration.",
    ]
    # A policy's own "主题：" and a "保密声明" heading, with no header block, stay.
    policy = ["培训安排", "主题：新品培训", "八、保密声明", "员工不得泄露客户资料。"]
    assert split_boilerplate(policy)[0] == policy


def test_a_field_line_is_no_heading_and_a_list_numbered_from_one_again_is_its_headings_text(tmp_path: Path) -> None:
    """A plain-text procedure: "Document No.: LM-FIN-007" under the title is a field, not a section every other
    section nests in; "3. Handling Steps" followed by steps numbered from 1 again is a heading, not a step."""
    text = (
        "Complaint Handling Procedure\n\n"
        "Document No.: LM-QA-009\n"
        "Owner: Quality Department - Customer Service\n\n"
        "1. Purpose\n"
        "This procedure tells sales staff how to handle a customer complaint.\n\n"
        "2. Complaint Levels\n"
        "Level A - Safety: any complaint involving injury.\n\n"
        "3. Handling Steps\n"
        "1. Listen, apologise and take the machine's serial number.\n"
        "2. Open a complaint ticket in CRM within 24 hours.\n"
        "3. Call the customer back with the ticket number.\n\n"
        "4. Contacts\n"
        "Customer Service: ext. 8300\n"
    )
    doc = parse_file(_write(tmp_path, "complaints.txt", text))
    paths = [list(section.heading_path) for section in doc.sections]
    assert ["Complaint Handling Procedure", "3. Handling Steps"] in paths
    assert not any("Document No." in part for path in paths for part in path)
    steps = next(s for s in doc.sections if s.heading_path[-1] == "3. Handling Steps")
    assert "2. Open a complaint ticket in CRM within 24 hours." in steps.text


def test_a_title_field_heads_the_document_by_its_value() -> None:
    from ingest.headings import read_heading

    heading = read_heading("Title: Customer Complaint Handling", "STANDARD OPERATING PROCEDURE", "Document No.: SOP-11")
    assert heading is not None and heading.text == "Customer Complaint Handling"
    assert read_heading("Document No.: SOP-QA-011", "Customer Complaint Handling", "Owner: Quality Assurance") is None


def test_a_sites_name_with_its_address_its_slogan_search_box_and_a_wechat_pages_placeholders_are_chrome() -> None:
    """The site's name with its address and the slogan under it (the line the title was taken from), a search
    box with a magnifier, a collection notice, the site's blurb of the document; WeChat's collection tag, image
    placeholders and credits."""
    from ingest.boilerplate import split_boilerplate

    own = ["销售代表岗位职责", "一、岗位概述", "1.负责华南区客户开发。"]
    page = [
        "手机版 | 书斋APP下载 | 帮助中心 | 您好，请 登录 / 免费注册",
        "书斋网 SHUZHAI.NET",
        "好文档，一页一页读",
        "🔍 搜文档 ▾ [ 请输入文档标题、作者或关键词 ] 搜 索",
        "首页 | 精品文档 | 合同范本 | VIP会员",
        "★ 本文档已被收录至专题《销售管理资料包》",
        "内容提要：一、岗位概述 销售代表负责……",
        *own,
    ]
    assert split_boilerplate(page)[0] == own
    wechat = [
        "一文读懂｜经销商政策",
        "收录于合集　#经销商政策　7个",
        "[图片]",
        "文｜渠道发展部　　编辑｜阿May　　审核｜周总",
        "01 谁可以成为经销商？",
        "具有独立法人资格。",
    ]
    assert split_boilerplate(wechat)[0] == [wechat[0], *wechat[4:]]


def test_a_site_named_as_one_its_listed_file_name_an_ai_blurb_and_dotted_page_markers_are_chrome() -> None:
    """Round 28's shapes, on a made-up page: "XX文档网 —— slogan" (a name that says it is a site), the file's name
    as the site lists it ("….txt"), an AI summary, a promoted link in full-width brackets, page markers drawn with
    dots, a watermark asking not to use the text commercially."""
    from ingest.boilerplate import split_boilerplate

    own = ["销售工程师岗位职责", "一、岗位概述", "1.负责华北区项目。", "二、考核", "1.回款率占40%。"]
    page = [
        "墨韵文档网 —— 墨墨文档，韵韵可读",
        "首页 | 精品专区 | 合同范本 | 下载APP",
        "［推广］门窗品牌招商加盟，扫码领取资料包 ✕",
        "销售工程师岗位职责.txt",
        "AI导读｜本文介绍了销售工程师的职责。（内容由AI生成，仅供参考）",
        *own[:3],
        "··········· 第 2 页 / 共 5 页 ···········",
        "墨韵文档网 moyun-doc.com 仅供学习交流 请勿商用",
        *own[3:],
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == own


def test_a_signatures_company_line_an_english_print_reminder_and_a_free_preview_end_are_chrome() -> None:
    """"Director, Channel Sales | Guangchu Energy Co., Ltd." ends with a full stop and has seven words, so it read as
    the message's last sentence and the name above it stayed; "免费预览已结束" with its prefix was no end mark, so the
    site's numbered download terms below it stayed."""
    from ingest.boilerplate import split_boilerplate

    mail = [
        "From: Helen Zhao <helen@example.com>",
        "Sent: Monday, March 23, 2026 6:15 PM",
        "To: Regional Sales Managers <rsm@example.com>",
        "Subject: Q2 rebate programme",
        "",
        "The rebate rises to 4% above CNY 2 million a quarter.",
        "",
        "Helen Zhao 赵海伦",
        "Director, Channel Sales | Example Energy Co., Ltd.",
        "T: +86 519 8588 6000 ext. 1601",
        "",
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential.",
        "Please consider the environment before printing this e-mail.",
    ]
    kept, _dropped = split_boilerplate(mail)
    assert "The rebate rises to 4% above CNY 2 million a quarter." in kept
    for line in mail[7:]:
        assert not line or line not in kept
    page = [
        "储能销售工程师岗位职责",
        "一、岗位概述",
        "1.销售工程师直接向区域销售经理汇报。",
        "—— 免费预览已结束，剩余 3 页可下载后阅读 ——",
        "下载须知：",
        "1. 拾页币一经兑换，不支持提现或退还；",
        "2. 下载的文档与预览严重不符的，可在下载后 48 小时内提交工单申请退币；",
        "拾页文库客服热线：400-820-3377（工作日 9:00-18:00）",
        "Copyright © 2014-2026 拾页文库 版权所有",
    ]
    kept, _dropped = split_boilerplate(page)
    assert [line for line in kept if line] == page[:3]


def test_a_sites_listing_of_the_title_between_its_chrome_is_no_title(tmp_path: Path) -> None:
    """The site lists the document as "光储能源储能销售工程师岗位职责（2025版）" between a promoted link and the
    uploader's line; the document's own title, below the company's name, is "储能销售工程师岗位职责（2025版）"."""
    text = (
        "拾页文库 shiye.cn ｜ 一页一页，拾起别人的经验\n"
        "【推广】储能柜源头工厂直供 支持OEM贴牌 点此咨询 >>\n"
        "光储能源储能销售工程师岗位职责（2025版）\n"
        "上传者：光储老兵　｜　上传时间：2025-11-03　｜　浏览 12,806 次\n"
        "本文档由用户上传，仅供学习交流，如有侵权请联系平台删除\n"
        "光储能源科技有限公司\n"
        "储能销售工程师岗位职责（2025版）\n"
        "一、岗位概述\n"
        "1.储能销售工程师直接向区域销售经理汇报。\n"
    )
    body = _site_article_body(tmp_path, "岗位职责.txt", text, title="储能销售工程师岗位职责（2025版）")
    assert "光储能源储能" not in body and "直接向区域销售经理汇报" in body


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (
            ["Example Co., Ltd.", "Commercial & Industrial Business Unit", "Pre-Sales Site Survey SOP", "1. Aim"],
            "Pre-Sales Site Survey SOP",
        ),
        (["某某科技有限公司", "售后维修服务政策", "文件编号：MX-CS-015", "一、适用范围"], "售后维修服务政策"),
    ],
    ids=["company-and-unit", "company-title-and-a-field"],
)
def test_the_company_and_its_unit_above_the_title_are_letterhead(lines: list[str], title: str) -> None:
    from ingest.headings import title_index

    at = title_index(lines)
    assert at is not None and lines[at] == title


def test_a_tag_line_an_ad_after_a_bar_and_a_preview_end_behind_a_symbol_are_chrome(tmp_path: Path) -> None:
    """"文档标签：岗位职责　销售流程…" became the title; "▲ 预览已结束，…" was no end mark, so the site's numbered
    download terms below it were answers."""
    text = (
        "知页网｜职场文档共享平台 —— 让每一页都被看见\n"
        "当前位置：知页网 > 管理/人力资源 > 岗位说明书 > 销售类\n"
        "上传者：青山不改Z　｜　上传时间：2025-11-03 14:26　｜　浏览：8,412次\n"
        "文档标签：岗位职责　销售流程　空气净化器　新风系统\n"
        "广告｜专业办公文档代写，48小时交稿，不满意免费重写 → 点击咨询\n"
        "区域销售工程师岗位职责与销售流程\n"
        "一、岗位概述\n"
        "1. 每月新增有效商机不少于8个。\n"
        "▲ 预览已结束，本文档共6页，您已免费预览全部正文内容\n"
        "下载说明：\n"
        "1. 本站所有文档均由用户上传，如有侵权请联系删除。\n"
        "2. 知页币一经消费不予退还；可在72小时内申请返还。\n"
        "3. 下载的文档仅供个人学习参考。\n"
        "Copyright © 2013-2026 知页网 版权所有\n"
    )
    body = _site_article_body(tmp_path, "岗位职责.txt", text, title="区域销售工程师岗位职责与销售流程")
    for chrome in ("文档标签", "代写", "预览已结束", "知页币", "仅供个人学习"):
        assert chrome not in body
    assert "每月新增有效商机不少于8个" in body


def test_a_quoted_reply_chain_loses_its_quote_marks_and_its_mail_furniture() -> None:
    """"> From: …" and ">> Sent: …" quote the messages below: their headers, signatures with a slogan under the
    contact lines and the gateway's stamp go, their words stay without the marks, and the top message's subject
    (the thread's name now) is the title."""
    from ingest.boilerplate import split_boilerplate

    thread = [
        "From: Grace Lin <grace@example.com>",
        "Sent: Monday, 15 June 2026 09:12",
        "To: East <east@example.com>",
        "Subject: FW: RE: Trade-in rules (final)",
        "[ExampleMail Gateway] This message was scanned for viruses and spam. No threats detected.",
        "",
        "Please read the rules below.",
        "",
        "Grace Lin",
        "Regional Director",
        "Example Cold Chain Co., Ltd.",
        "T: +86 512 5288 7000 ext. 8210",
        "Keep it cool. Keep it fresh.",
        "",
        "> -----Original Message-----",
        "> From: Helen Xu <helen@example.com>",
        "> Sent: Thursday, 11 June 2026 11:05",
        "> Subject: RE: Trade-in questions",
        ">",
        "> Q2: Does a broken cabinet without a nameplate qualify?",
        "> [No. Without a readable nameplate there is no credit.]",
        ">",
        "> Best regards,",
        "> Helen Xu",
        "> T: +86 512 5288 7000 ext. 8021",
    ]
    kept = [line for line in split_boilerplate(thread)[0] if line]
    assert kept == [
        "Trade-in rules (final)",
        "Please read the rules below.",
        "Q2: Does a broken cabinet without a nameplate qualify?",
        "[No. Without a readable nameplate there is no credit.]",
    ]
    manual = ["Shell prompts", "> show version", "> show interfaces", "The prompt ends with >."]
    assert split_boilerplate(manual)[0] == manual


def test_a_document_sites_search_hints_ai_summary_boxed_ad_watermark_and_bracketed_page_marks_go() -> None:
    from ingest.boilerplate import split_boilerplate

    page = [
        "猜你想搜：冷柜销售话术　冷库报价明细表　销售提成方案",
        "AI速读（某某AI生成，内容仅供参考）：本文介绍了区域销售经理的岗位职责。",
        "一、岗位概述",
        "区域销售经理向大区总监汇报。",
        "┏━━━━━━━━━━ 广告 ━━━━━━━━━━┓",
        "┃ 冷库工程一站式服务，报价5分钟出 → 冷库宝 ┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "〔第3页 / 共9页〕",
        "某某文库 moudouwenku.cn ▪ 上传者甲 ▪ 禁止转载",
        "二、任职要求",
        "大专及以上学历。",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == [
        "一、岗位概述",
        "区域销售经理向大区总监汇报。",
        "二、任职要求",
        "大专及以上学历。",
    ]
    # A company's box around its own note stays; so does a line naming its web site for downloads.
    note = ["┏━━━━━━━━━━ 注意 ━━━━━━━━━━┓", "┃ 报价须经大区总监审批 ┃", "请在 www.example.cn 下载产品手册。"]
    assert "┃ 报价须经大区总监审批 ┃" in split_boilerplate(note)[0]
    assert "请在 www.example.cn 下载产品手册。" in split_boilerplate(note)[0]


def test_an_intranet_pages_skip_link_and_attachment_list_are_chrome(tmp_path: Path) -> None:
    page = tmp_path / "warranty.html"
    page.write_text(
        '<html><body><a class="skip-link" href="#main">跳到主要内容</a><main id="main"><h1>保修政策</h1>'
        "<p>整机保修期为2年。</p>"
        '<div class="attach"><span>附件：</span><a href="/f.pdf">保修政策V3.2.pdf（356KB）</a></div>'
        "</main></body></html>",
        encoding="utf-8",
    )
    doc = parse_file(page)
    text = "\n".join(section.text for section in doc.sections)
    assert "整机保修期为2年。" in text
    assert "跳到主要内容" not in text and "356KB" not in text and "附件" not in text


def test_a_pdf_tables_wrapped_header_is_one_row_and_a_mismatched_first_line_is_left_out() -> None:
    """Layout text of a price table whose header wraps its units onto a second line ("Length" over "(mm)"): one
    header row, every model a row, and the plain extraction's header pieces joined back to map to it."""
    from ingest.pdf_tables import joined_rows, table_rows

    layout = "\n".join(
        [
            "Model        Description               Length       List price",
            "                                       (mm)         (RMB)",
            "HL-GD2P      Two-door upright          1400         12,300",
            "HL-GD3P      Three-door upright        1950         16,500",
        ]
    )
    rows = table_rows(layout)
    plain = ["Model Description", "Length", "(mm)", "List price", "(RMB)", "HL-GD3P Three-door upright 1950 16,500"]
    joined = joined_rows(plain, rows)
    assert [rows[key] for key in map("".join, (line.split() for line in joined))] == [
        "| Model | Description | Length (mm) | List price (RMB) |",
        "| HL-GD3P | Three-door upright | 1950 | 16,500 |",
    ]
    # A page header's fields over prose are no header; the rows under a row with a wrapped cell stay a table.
    page = "\n".join(
        [
            "Doc No. JW-2026      Price List 2026      Rev. B",
            "15. Storage and Handling",
            "SVC-INS-R    Installation, resin printers       Included   (remote)   /   1,200",
            "                                                 on-site",
            "SVC-EXT      Extended warranty, per year        8% of list price",
            "SVC-PRT      Print-on-demand, resin parts       0.35 per cm3",
        ]
    )
    assert sorted(table_rows(page).values()) == [
        "| SVC-EXT | Extended warranty, per year | 8% of list price |",
        "| SVC-PRT | Print-on-demand, resin parts | 0.35 per cm3 |",
    ]


def test_widget_boxes_letter_spaced_ads_share_bars_and_a_widgets_contents_list_go() -> None:
    from ingest.boilerplate import split_boilerplate

    page = [
        "┌ 🤖 鹊AI 一键速读（Beta） ─────────────",
        "│ 本文介绍了一家包装材料企业的大客户销售体系。",
        "└──────────────────────────",
        "📑 目录（点击跳转）",
        "▸ 岗位分工",
        "▸ 七步销售流程",
        "┈┈┈┈┈┈┈┈┈┈ 推 广 ┈┈┈┈┈┈┈┈┈┈",
        "📦 纸箱厂老板都在用的报价神器　➔ 立即体验",
        "┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈",
        "一、岗位分工",
        "大客户经理负责商务，售前工程师负责方案。",
        "— — — 第 2 页 ／ 共 6 页 — — —",
        "二、七步销售流程",
        "第一步，建名单。",
        "👍 58　　👎　　⭐ 211　　💬 9　　↗ 分享",
        "<<< 某某博客 @作者 原创 · 禁止搬运 >>>",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == [
        "一、岗位分工",
        "大客户经理负责商务，售前工程师负责方案。",
        "二、七步销售流程",
        "第一步，建名单。",
    ]


def test_a_text_exports_repeated_page_header_and_a_gmail_style_reply_chain() -> None:
    from ingest.boilerplate import split_boilerplate

    header = "Kestrel Valve & Controls Ltd.      Distributor Sales Policy      KVC-SP-014 Rev. 3"
    export = []
    for page in (1, 2, 3):
        export += [header, f"CONFIDENTIAL - INTERNAL USE ONLY      Page {page} of 3", f"{page}. Part {page}", "Text."]
    assert [line for line in split_boilerplate(export)[0] if line] == [
        "1. Part 1", "Text.", "2. Part 2", "Text.", "3. Part 3", "Text."
    ]
    # Price lines that differ only in their figures are the document's own.
    prices = ["Price: ¥1,200 per unit per year", "Price: ¥2,400 per unit per year", "Price: ¥4,800 per unit per year"]
    assert split_boilerplate(prices)[0] == prices
    thread = [
        "[EXTERNAL] ⚠ CAUTION: This email originated from outside the organisation.",
        "Jason, see my answer below.",
        "",
        "On Fri, 12 Apr 2024 at 16:47, Grace Zhang <grace@example.com> wrote:",
        "> The quotation is valid for 30 days.",
        "> [cid:image001.png@01DA8F2C.5B3E1A70]",
        "> Please confirm the price before Friday so that we can send it.",
    ]
    assert [line for line in split_boilerplate(thread)[0] if line] == [
        "Jason, see my answer below.",
        "The quotation is valid for 30 days.",
        "Please confirm the price before Friday so that we can send it.",
    ]


def test_an_intranet_page_with_made_up_class_names_keeps_only_the_block_around_its_title(tmp_path: Path) -> None:
    """The top band (site name, tabs, sign-in), the trail, the side rail and the consent bar carry class names no
    list knows ("rn-band", "trail-x", "rn-rail", "qx-consent"): the block holding the <h1> and most of the page's
    text is the document; the rest goes, and says so in `ingest --show`."""
    page = tmp_path / "policy.html"
    rule = "quotations above the regional limit need the director's approval"
    body = "".join(f"<p>Rule {n}: {rule}.</p>" for n in range(8))
    page.write_text(
        '<html><body><div class="qx-consent"><p class="t">RidgeNet uses cookies to keep you signed in.</p></div>'
        '<div class="rn-band"><a href="/">RidgeNet</a><span>Signed in as Tang Wei</span></div>'
        '<div class="trail-x"><a href="/">Home</a> › <a href="/p">Policies</a></div>'
        f'<div class="rn-grid"><div class="rn-main"><h1>SP-07 Quotation Policy</h1>{body}</div>'
        '<div class="rn-rail"><p>Canteen today: noodles</p><p>IT help: ext. 8000</p></div></div></body></html>',
        encoding="utf-8",
    )
    doc = parse_file(page)
    text = "\n".join(section.text for section in doc.sections)
    assert "Rule 7: quotations above the regional limit" in text
    for chrome in ("cookies", "RidgeNet", "Signed in", "Canteen", "ext. 8000", "Policies"):
        assert chrome not in text
    assert any(item.reason == "outside the page's main content" for item in doc.dropped)


def test_a_forums_floors_buttons_member_card_and_a_blogs_comment_headers_go() -> None:
    from ingest.boilerplate import split_boilerplate

    thread = [
        "铁算盘论坛 » 论坛 » 销售管理 » 制度分享区",
        "楼主",
        "UID 20931",
        "主题 27　帖子 412　铜钱 2386",
        "一、客户分级",
        "A类客户年采购额500万元以上。",
        "回复　举报",
        "沙发",
        "蹲一个下半部分。",
        "回复　举报",
        "« 上一主题　下一主题 »",
    ]
    assert [line for line in split_boilerplate(thread)[0] if line] == ["一、客户分级", "A类客户年采购额500万元以上。"]
    blog = [
        "Playbooks  /  Company Spotlights  /  Harbourline Industrial Supply",
        "1. Discount ladder",
        "Reps may give 5% on their own; 12% needs the manager.",
        "Rob Keeling · 2 days ago",
        "Do TAMs ever push back on the 12% cap?",
        "↪ Dana Whitcombe (author) · 2 days ago",
        "Occasionally.",
    ]
    assert [line for line in split_boilerplate(blog)[0] if line] == [
        "1. Discount ladder",
        "Reps may give 5% on their own; 12% needs the manager.",
    ]
    # One "department, date" line under a notice is its signature; a Q&A page's labelled answer header keeps its
    # answer.
    notice = ["关于调整报价审批的通知", "自4月1日起，折扣超过10%须总监审批。", "营销中心 2025-03-01"]
    assert split_boilerplate(notice)[0] == notice
    answers = [
        "回答者：热能老王 2023-09-14 21:07",
        "本人做了十一年锅炉销售，简单说说我理解的销售工程师岗位职责。",
        "回答者：暖通设计狗 2023-09-15",
        "站在设计院的角度补充一句。",
    ]
    assert "本人做了十一年锅炉销售，简单说说我理解的销售工程师岗位职责。" in split_boilerplate(answers)[0]


@pytest.mark.parametrize(
    "line",
    [
        "┃招┃",
        "💬 小程同学：有配套的提成计算表格吗？求分享",
        "└ 文档坞客服 回复：亲，已为您退还坞币",
        "▪ 销售部管理制度及绩效考核方案（完整版）.doc　　4.6分　　免费",
        "广告 ×",
        "We use cookies 🍪 to personalise content and keep you logged in.",
        "By Dana Whitcombe, guest contributor · Published March 4, 2024 · 8 min read",
    ],
)
def test_more_chrome_shapes_are_recognised(line: str) -> None:
    assert boilerplate_reason(line) is not None


def test_a_confidentiality_notice_worded_this_message_including_goes_from_a_mail() -> None:
    from ingest.boilerplate import split_boilerplate

    notice = "This message (including any attachments) is confidential and may be privileged."
    thread = ["From: a@example.com", "To: b@example.com", "Subject: Prices", "", "Prices rise 3% in May.", notice]
    assert split_boilerplate(thread)[0][-1] == "Prices rise 3% in May."


def test_a_pages_stamp_goes_whole_and_a_meta_line_with_company_fields_only_loses_its_counter() -> None:
    from ingest.boilerplate import split_boilerplate, without_counters

    assert boilerplate_reason("Last updated 12 Feb 2026 by Service Marketing · 1,204 views · Page ID SH-0417")
    meta = "Policy owner: After-Sales Service Department · Version 2.1 · Last updated 12 January 2026 · 4 min read"
    assert boilerplate_reason(meta) is None
    kept = "Policy owner: After-Sales Service Department | Version 2.1 | Last updated 12 January 2026"
    assert without_counters(meta) == kept
    thread = [
        "发件人：销售运营部", "收件人：sales-all", "主题：二季度促销", "", "赠品随货发出。",
        "请注意：请勿回复此邮件至 sales-all 群组，回复将发送给全体销售人员。",
    ]
    assert [line for line in split_boilerplate(thread)[0] if line] == ["二季度促销", "赠品随货发出。"]


def test_an_intranet_page_with_its_title_in_the_top_band_keeps_the_title_and_the_block_of_text(tmp_path: Path) -> None:
    page = tmp_path / "rules.html"
    rule = "打样费由客户承担，下单后抵扣"
    body = "".join(f"<p>第{n}条 {rule}。</p>" for n in range(1, 9))
    page.write_text(
        '<html><body><div class="hy-grid"><div class="hy-band"><h1>销售业务管理规定（2024年版）</h1>'
        "<span>欢迎您，营销中心 林晓雯</span></div>"
        f'<div class="hy-paper">{body}</div>'
        '<div class="hy-dock"><p>今日食堂：红烧带鱼</p><p>宁波 · 多云 18℃～24℃</p></div></div></body></html>',
        encoding="utf-8",
    )
    doc = parse_file(page)
    text = "\n".join(section.text for section in doc.sections)
    assert doc.meta.title == "销售业务管理规定（2024年版）"
    assert "第8条 打样费由客户承担" in text
    assert "林晓雯" not in text and "红烧带鱼" not in text and "多云" not in text


@pytest.mark.parametrize(
    "line",
    [
        "1,532 人赞同了该回答",
        "关注问题　　✎ 写回答　　👥 邀请回答　　👍 好问题 12",
        "2024-05-21 08:37 · 蜂报号 · 来自广东",
        "冷库工程一站式报价｜30秒获取专属方案 >> 　广告 · 查看详情",
        "▸ Listen to this article · 8:12",
        "Article continues below ↓",
        "TOPICS:  inside sales · commission plans · fasteners",
    ],
)
def test_q_and_a_feed_and_magazine_chrome_is_recognised(line: str) -> None:
    assert boilerplate_reason(line) is not None


def test_a_sites_one_word_menu_lines_go_when_its_opening_chrome_ends_on_a_notice_drawn_between_rules() -> None:
    """The site's menu written one item a line ("首页", "行业资料") is no title: the opening run of chrome ends on
    "———— 以下为文档预览 ————", which closes it as a rule would, and the article's own title follows."""
    from ingest.boilerplate import split_boilerplate

    page = [
        "某某文档网 —— 让每一页经验都有去处",
        "您好，请【登录】或【免费注册】",
        "🔍 搜索文档……　［搜 索］",
        "首页",
        "行业资料",
        "办公模板",
        "VIP专区",
        "当前位置：某某文档网 » 行业资料 » 岗位职责",
        "上传者：水滴石穿 ｜ 浏览：3,416次",
        "———— 以下为文档预览（第1页/共6页）————",
        "大客户销售经理岗位职责及标准销售流程",
        "一、岗位概述",
        "KA经理向区域销售总监汇报。",
        "▲ 左右滑动查看更多",
        "某某文档网 moumoudoc.com 复制请注明出处",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == [
        "大客户销售经理岗位职责及标准销售流程",
        "一、岗位概述",
        "KA经理向区域销售总监汇报。",
    ]


def test_a_site_banner_with_its_address_a_promoted_line_a_preview_notice_and_an_auto_reply_go() -> None:
    from ingest.boilerplate import split_boilerplate

    for line in (
        "墨格文档 mogedoc.com ·· 让好文档流动起来 ··",
        "〖推广〗工业级缠绕膜 厂家直销 量大从优 — 点此咨询",
        "—— 以下为第 5-8 页，登录后可继续免费预览 ——",
    ):
        assert boilerplate_reason(line) is not None
    assert boilerplate_reason("官网：www.example.com，可下载产品手册。") is None
    thread = [
        "From: Wang Jun <wang.jun@example.com>",
        "Sent: Thursday, 5 March 2026 18:42",
        "To: Michael Xu",
        "Subject: Automatic reply: RE: special price request",
        "",
        "Thank you for your e-mail. I am visiting customers in Chengdu until 9 March.",
        "",
        "此邮件为自动回复。",
        "________________________________",
        "From: Michael Xu <michael.xu@example.com>",
        "Sent: Thursday, 5 March 2026 17:02",
        "To: Wang Jun",
        "Subject: RE: special price request",
        "",
        "The special price of 8% off is approved for the Wuxi order only.",
    ]
    kept = [line for line in split_boilerplate(thread)[0] if line]
    assert "The special price of 8% off is approved for the Wuxi order only." in kept
    assert not any("visiting customers" in line or "自动回复" in line for line in kept)


def test_a_sites_masthead_above_its_menu_goes_and_the_article_title_below_stays() -> None:
    """The name and tagline above the menu are the site's; a one-step breadcrumb, a cookie banner written on one
    long line and a link ending in an arrow are chrome too. The article's title under the menu is the title."""
    from ingest.boilerplate import split_boilerplate

    page = [
        'We use cookies 🍪 to personalise content, measure traffic and keep you logged in. By clicking "Accept" you '
        "agree to our use of cookies. Manage preferences · Accept · Reject non-essential",
        "WHOLESALE LINES ⟡ monthly",
        "The trade journal for industrial distributors — since 1987",
        "Subscribe  |  Sign in  |  Newsletters  |  Events  |  Advertise",
        "SALES & MARKETING › Inside Sales",
        "How Brackwater Fastening rebuilt its inside sales desk",
        "Standard quotes must go out within four business hours.",
        "Is your ERP slowing down your counter? See how DistriCore cuts order entry time in half. Book a demo →",
        "Invoices over 15 days past due appear on the representative's daily task list.",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == [
        "How Brackwater Fastening rebuilt its inside sales desk",
        "Standard quotes must go out within four business hours.",
        "Invoices over 15 days past due appear on the representative's daily task list.",
    ]
    zh = ["答岸 · 有问题，上答岸", "首页　　会员　　发现　　🔍 搜索你感兴趣的内容…　　✚ 提问", "一、新人岗位职责"]
    assert [line for line in split_boilerplate(zh)[0] if line] == ["一、新人岗位职责"]


def test_a_title_above_a_byline_or_an_uploaders_line_and_a_documents_own_header_stay() -> None:
    from ingest.boilerplate import split_boilerplate

    wechat = ["软水机怎么卖给餐厅？三个真实案例", "原创 千盛营销中心 千盛水处理 2026年03月12日 08:30", "一、先算水费"]
    assert split_boilerplate(wechat)[0][0] == "软水机怎么卖给餐厅？三个真实案例"
    listing = [
        "首页 > 行业资料 > 销售管理",
        "业务员管理制度（2025修订版）",
        "上传人：wxl_8826  上传时间：2025-03-14  文档格式：DOC  文档大小：58.5KB",
        "第一章 总则",
    ]
    assert "业务员管理制度（2025修订版）" in split_boilerplate(listing)[0]
    header = "Document No. XR-SP-006 / Version 1.4 / Effective 1 July 2023 / Owner: Customer Service and Quality"
    assert boilerplate_reason(header) is None
    assert boilerplate_reason("Home  |  Products  |  Customer Service  |  Download Centre") is not None
    assert boilerplate_reason("3. 报价审批 → 合同评审 → 发货") is None


def test_a_contact_form_written_without_a_form_tag_is_chrome(tmp_path: Path) -> None:
    page = tmp_path / "policy.html"
    page.write_text(
        "<html><body><div class='main'><h1>销售与售后服务政策</h1>"
        "<p>质保期为设备验收合格之日起18个月。</p><p>保修期内的上门服务免收人工费。</p>"
        "<div class='ask-box'><div>在线留言</div><label>您的姓名</label><input type='text'>"
        "<label>需求描述</label><textarea></textarea><button>提交留言</button></div>"
        "</div></body></html>",
        encoding="utf-8",
    )
    doc = parse_file(page)
    text = "\n".join(section.text for section in doc.sections)
    assert "质保期为设备验收合格之日起18个月" in text
    assert "您的姓名" not in text and "在线留言" not in text
    assert any(d.reason.startswith("a form") for d in doc.dropped)


def test_a_posters_signature_repeated_under_each_floor_goes_and_a_contact_line_said_twice_stays() -> None:
    from ingest.boilerplate import split_boilerplate

    signature = "包装找青禾☎0571-8673 5521｜做销售，就是把信任装进盒子里"
    thread = ["1. 每月有效拜访不少于20家。", signature, "", "2. 逾期60天的，移交公司法务处理。", signature]
    assert [line for line in split_boilerplate(thread)[0] if line] == [thread[0], thread[3]]
    contact = "售后服务热线：0571-8673 5521"
    policy = [contact, "质保期为18个月。", contact]
    assert [line for line in split_boilerplate(policy)[0] if line] == policy


def test_a_process_drawn_with_arrows_is_no_menu() -> None:
    assert boilerplate_reason("询价 → 报价 → 签约 → 回款") is None


@pytest.mark.parametrize(
    ("line", "contents"),
    [
        ("本文目录（自动生成）：一、岗位概述 / 二、岗位职责 / 三、任职要求 / 四、项目销售流程", True),
        ("Contents: 1. Purpose | 2. Scope | 3. Steps", True),
        ("考核分三部分：一、业绩；二、回款；三、客户满意度", False),
    ],
)
def test_a_contents_list_on_one_line_is_chrome_and_a_sentence_counting_its_points_is_not(
    line: str, contents: bool
) -> None:
    assert (boilerplate_reason(line) == "table of contents") is contents


def test_a_menu_set_apart_by_any_drawn_mark_is_chrome_and_a_formula_or_a_table_header_is_not() -> None:
    assert boilerplate_reason("首页 ◆ 行业资料 ◆ 下载中心 ◆ 登录") is not None
    assert boilerplate_reason("型号 ◆ 功率 ◆ 光效 ◆ 价格") is None
    assert boilerplate_reason("维修报价 = 人工费 + 所更换配件价格，超过目录价60%的，客服须提醒客户。") is None


def test_a_dealers_business_licence_is_the_documents_own_text() -> None:
    assert boilerplate_reason("（一）经营许可证被吊销或过期未换证；") is None


def test_tagged_ads_a_sites_announcement_bar_and_a_mail_signature_banner_are_chrome() -> None:
    from ingest.boilerplate import split_boilerplate

    assert boilerplate_reason("▍广告 ▍永固空压机·厂价直销 买一台送三年保养 ›› 立即询价") is not None
    assert boilerplate_reason("【公告】春节期间人工客服在线时间调整为10:00-16:00，给您带来不便敬请谅解。") is not None
    assert boilerplate_reason("┃广告┃ 二手地磅回收 高价上门 138 0571 2299") is not None
    for own in ("广告费用由公司承担。", "广告、展会费用按季度报销。", "【通知】关于提成调整的说明", "（一）广告投放"):
        assert boilerplate_reason(own) is None
    thread = [
        "From: Zhao Min",
        "Sent: Monday, 2 March 2026 09:12",
        "To: Liu Yang",
        "Subject: RE: Jinhai quote",
        "",
        "Quote the SD-30; the SD-20 is too small for that site in summer.",
        "",
        "Best regards",
        "Zhao Min",
        "Regional Sales Manager, East China",
        "Join the East China weekly sales call on Teams every Monday 08:30 | Meeting ID 482 991 306",
        "",
        "P.S. The dryer sizing check applies to every quote that includes a dryer.",
    ]
    kept = [line for line in split_boilerplate(thread)[0] if line]
    assert "Quote the SD-30; the SD-20 is too small for that site in summer." in kept
    assert "P.S. The dryer sizing check applies to every quote that includes a dryer." in kept
    assert not any("Meeting ID" in line or line == "Zhao Min" for line in kept)


def test_a_menu_one_item_a_line_a_boxed_ad_and_zero_width_spaces() -> None:
    """The Q&A site's menu pasted one item a line goes with the site's name above it; a box whose first line is
    an ad's tag goes whole; a list of the document's own short lines stays."""
    from ingest.boilerplate import split_boilerplate

    page = ["问否 · 有问题，就会有答案", "首页", "发现", "私信", "登录 / 注册", "", "一、目的", "规范价格执行。"]
    assert [line for line in split_boilerplate(page)[0] if line] == ["一、目的", "规范价格执行。"]
    boxed = [
        "（六）上述各项折扣可以叠加。",
        "┌──────────────────────────────┐",
        "│ 广告 · 医械合规学院                          │",
        "│ GSP飞检高频问题清单（2024版）免费领取        │",
        "│ 立即领取 ›                                   │",
        "└──────────────────────────────┘",
        "五、特殊价格审批",
    ]
    assert [line for line in split_boilerplate(boxed)[0] if line] == [boxed[0], boxed[-1]]
    own = ["适用产品：", "注射器", "输液器", "采血管", "医用口罩"]
    assert split_boilerplate(own)[0] == own


def test_zero_width_spaces_are_removed_on_reading(tmp_path: Path) -> None:
    page = tmp_path / "answer.txt"
    page.write_text("一、折扣\n批量折扣为2%。\n\u200b赞同 236\u200b\n", encoding="utf-8")
    doc = parse_file(page)
    assert "\u200b" not in "".join(section.text for section in doc.sections)


def test_a_menu_bar_of_any_words_beside_chrome_goes_and_the_same_shape_in_the_text_stays() -> None:
    from ingest.boilerplate import split_boilerplate

    bar = "Products ⋮ Orders ⋮ Warranty ⋮ Training ⋮ Marketing Co-op ⋮ Policies ⋮ Support"
    page = ["NORTHGATE CONNECT | Dealer Portal", bar, "🔍 Search parts, models, documents…", "", "1. Purpose", "Text."]
    assert [line for line in split_boilerplate(page)[0] if line] == ["1. Purpose", "Text."]
    own = ["Tiers:", "Platinum · Gold · Silver · Bronze · Authorized", "Each tier is set in January."]
    assert split_boilerplate(own)[0] == own


def test_a_discuz_threads_floor_furniture_and_the_replies_above_their_vote_bars_go() -> None:
    from ingest.boilerplate import split_boilerplate

    thread = [
        "4.3.4 报价超过有效期的须重新报价，价格按最新指导价执行。",
        "",
        "（字数超限，剩下的在4楼）",
        "金牌会员",
        "Rank: 6Rank: 6",
        "",
        "回复 支持 112 反对 0",
        "使用道具 举报",
        "仓储小白兔",
        "mark一下，明天到公司慢慢看",
        "回复 支持 3 反对 0",
        "使用道具 举报",
        "",
        "4.4 演示与试驾",
    ]
    kept = [line for line in split_boilerplate(thread)[0] if line]
    assert kept == [thread[0], "4.4 演示与试驾"]
    assert boilerplate_reason("—— 登录后可查看完整回答 ——") is not None
    assert boilerplate_reason("- - - Members only: sign in again to keep reading - - -") is not None


def test_an_out_of_office_reply_a_zoom_invitation_and_a_uk_signature_go_from_a_thread() -> None:
    from ingest.boilerplate import split_boilerplate

    thread = [
        "Automatic reply: FW: Updated quote-to-order process",
        "Thank you for your email. I am out of the office until Monday 14 October with limited access to email.",
        "From: Helen Osei <helen.osei@example.co.uk>",
        "Sent: 02 October 2024 14:05",
        "To: Tom Ashworth <tom.ashworth@example.co.uk>",
        "Subject: Updated quote-to-order process",
        "",
        "Quotes are valid for 60 days.",
        "",
        "Join Zoom Meeting",
        "https://example.zoom.us/j/83412957710?pwd=cXRnb0xhV2tTRUo3",
        "Meeting ID: 834 1295 7710",
        "Passcode: 552931",
        "One tap mobile",
        "+442080806591,,83412957710# United Kingdom",
        "Helen Osei (she/her)",
        "Commercial Operations Manager, EMEA",
        "Veridian Analytical Instruments (UK) Ltd | Unit 4, Harwell Innovation Park, Didcot OX11 0QX",
        "M +44 7700 900418",
        "Registered in England & Wales No. 08812345. Registered office: Unit 4, Harwell Innovation Park.",
    ]
    assert [line for line in split_boilerplate(thread)[0] if line] == ["Updated quote-to-order process",
                                                                          "Quotes are valid for 60 days."]


def test_a_wechat_articles_player_time_bare_recommended_titles_and_follow_prompt_go() -> None:
    from ingest.boilerplate import split_boilerplate

    page = [
        "六、经销商支持",
        "",
        "（二）样机政策：A级经销商可按价目表50%采购样机。",
        "▼ 推荐阅读 ▼",
        "展会邀约｜昊伦流体邀您相约2025上海国际泵阀展（N3馆B27）",
        "一文看懂：HLC化工流程泵通过API 610第12版认证意味着什么",
        "",
        "▍关注“昊伦流体”，后台回复【价目表】获取2025电子版价目表",
        "七、市场支持",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == [page[0], page[2], "七、市场支持"]
    assert boilerplate_reason("12:47") is not None
    assert boilerplate_reason("【外部邮件提醒】该邮件来自企业外部。") is None  # outside a thread


def test_a_small_box_in_the_article_with_a_chrome_line_in_it_goes_whole(tmp_path: Path) -> None:
    page = tmp_path / "job.html"
    page.write_text(
        "<html><body><h1>Key Account Manager</h1><h2>4. Pricing</h2>"
        "<p>The Key Account Manager may quote up to 12% off CPL.</p>"
        "<div class='p-x2'><span>Promoted</span><a href='/j/1'>Sales Director – Hospitality</a>"
        "<span>£70k – £85k · Easy apply</span></div>"
        "<div class='n1'><p>Quotes are valid for 45 days.</p></div>"
        "</body></html>",
        encoding="utf-8",
    )
    text = "\n".join(section.text for section in parse_file(page).sections)
    assert "12% off CPL" in text and "Quotes are valid for 45 days." in text
    assert "Easy apply" not in text and "Sales Director" not in text


def test_a_wrapped_disclaimer_a_signature_under_its_delimiter_and_dotted_page_marks_go() -> None:
    from ingest.boilerplate import split_boilerplate

    thread = [
        "From: Kevin Zhou <kevin.zhou@example.com>",
        "Sent: Monday, 9 March 2026 18:05",
        "To: Tom Li <tom.li@example.com>",
        "Subject: Tender support rules",
        "",
        "The bid bond is refunded within 30 days of the award.",
        "",
        "--",
        "Kevin Zhou | Regional Sales Manager, East China",
        "www.example.com | Make every screen count.",
        "",
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are",
        "confidential and intended solely for the addressee. If you have",
        "received it in error, please notify the sender and delete it.",
        "Samples for tenders are lent for 60 days.",
    ]
    kept = [line for line in split_boilerplate(thread)[0] if line]
    assert kept == ["Tender support rules", thread[5], thread[-1]]
    for line in ("………… 第 4 页 / 共 5 页 …………", "▌AI 导读　本导读由素笺智能助手自动生成，可能存在错误，请以原文为准",
                 "本页最后更新：2026-01-05 10:32　责任人：客户服务中心", "（点击展开剩余 70%）"):
        assert boilerplate_reason(line) is not None


def test_the_paragraph_under_an_ai_summary_notice_goes_and_a_title_under_it_stays() -> None:
    from ingest.boilerplate import split_boilerplate

    page = [
        "一、岗位职责",
        "负责渠道开发。",
        "▌AI 导读　本导读由素笺智能助手自动生成，可能存在错误，请以原文为准",
        "本文主要介绍了渠道销售经理的岗位职责，报备保护期为 60 天。",
        "",
        "二、项目报备",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == ["一、岗位职责", "负责渠道开发。", "二、项目报备"]


def test_wechats_copied_toolbar_and_audio_guide_are_chrome() -> None:
    assert boilerplate_reason("视频 小程序 赞 ，轻点两下取消赞 在看 ，轻点两下取消在看 分享 留言 收藏 听过") is not None
    assert boilerplate_reason("👇本期音频导读 时长 06:42") is not None


def test_a_page_clipped_to_markdown_loses_its_chrome_and_a_written_markdown_document_stays_whole(
    tmp_path: Path,
) -> None:
    chrome = [
        "👆点击上方蓝字“岚山门业”，关注我们，每周三更新门业干货",
        "原创 岚山门业 岚山门业 *2026年03月12日 09:30* *浙江*",
        "觉得有用，就点个“在看”吧👇",
        "长按识别二维码，关注“岚山门业”",
        "往期推荐",
        "精选留言",
        "写留言",
        "留言 12",
        "继续滑动看下一个",
        "关注该公众号",
    ]
    clipped = tmp_path / "剪藏.md"
    clipped.write_text(
        "# 工业分节提升门怎么选？\n\n" + "\n".join(chrome[:3]) + "\n\n## 一、门洞尺寸\n\n门宽最大可做到10米。\n\n"
        + "\n".join(chrome[3:]) + "\n",
        encoding="utf-8",
    )
    text = "\n".join(section.text for section in parse_file(clipped).sections)
    assert "门宽最大可做到10米" in text
    assert not any(line in text for line in chrome)
    written = tmp_path / "faq.md"
    written.write_text(
        "# 样机管理\n\n一、销售管理部建立样机台账，记录每台样机的当前位置。\n\n二、登录内网资料中心下载证书。\n",
        encoding="utf-8",
    )
    kept = "\n".join(section.text for section in parse_file(written).sections)
    assert "当前位置" in kept and "下载证书" in kept


def test_the_sites_listing_of_a_title_with_its_note_goes_and_the_documents_own_title_stays() -> None:
    from ingest.boilerplate import split_boilerplate

    page = [
        "当前位置：拾页网 > 行业资料 > 门窗幕墙 > 正文",
        "大客户销售经理岗位职责及项目销售流程（岚山门业内部版）",
        "上传者：lan***_2019　上传时间：2025-11-03　浏览 12,486 次　下载 633 次",
        "本文由拾页AI排版助手自动分段，如与原文有差异以下载版本为准",
        "大客户销售经理岗位职责及项目销售流程",
        "一、岗位概述",
        "负责重点客户开发。",
    ]
    assert [line for line in split_boilerplate(page)[0] if line] == page[4:]


@pytest.mark.parametrize(
    "line",
    [
        # menus and reading bars
        "☰ 首页 ▸ 职场文库 ▸ 行业资料 ▸ 办公模板 ▸ 考试题库 ▸ 墨斗课堂 ▸ 企业采购",
        "阅读模式：标准 ｜ 护眼 ｜ 夜间    字号：A-  A  A+",
        "首页 ＞ 资料 ＞ 销售管理",
        # reading times, bios, comment forms, app prompts, licences
        "本文共计2345字，预计阅读时间6分钟",
        "Marcy Okonkwo-Reyes is a senior editor at Wholesale Lines covering distributor sales.",
        "作者简介：老周，十年工业品销售经验，现任某上市公司大区经理。",
        "Your email address will not be published. Required fields are marked *",
        "Already a subscriber? Log in",
        "This article first appeared in Distribution Today.",
        "下载APP，阅读体验更佳",
        "本页面由AI翻译，仅供参考",
        "增值电信业务经营许可证：京B2-20210000",
        "没有更多了",
        # portal bars, polls, comment counters, newsletter boxes, footers
        "Hello, Brian (Dealer #NG-40512) ▾    🛒 Cart (0)    Sign out",
        "Quick poll: How useful is this policy page?",
        "Reply · 👍 4",
        "回复 · ♡ 14",
        "Load more comments",
        "Stay in the loop - get program updates in your inbox.",
        "Email address  [ Subscribe ]",
        "© 2025 Northgate Climate Systems, Inc. All rights reserved. | Privacy | Terms of Use | Accessibility | Do Not "
        "Sell or Share My Personal Information",
        # blog, Q&A and CMS furniture
        "分类专栏：销售管理 文章已被社区收录",
        "来源 | 销售圈（ID：xsq2020）",
        "编辑于 2024-03-12 10:21・IP 属地浙江",
        "【字体：大 中 小】",
        "有用 23 没用 2",
        "Proudly powered by WordPress",
        "Toggle navigation",
        "Recent Posts",
        # chat widgets, consent dialogs, feedback boxes, legal footers
        "💬 Need help? Chat with our team",
        "We value your privacy",
        "Manage cookie preferences",
        "Did you find this useful?",
        "Get it on Google Play",
        "Page last reviewed: 12 March 2025",
        "Company No. 01234567 · VAT GB123456789",
        "在线咨询",
        # cloud documents, wikis, repost sources, sign-in forms
        "由 张三 创建，最后修改于 3月12日",
        "在腾讯文档中打开",
        "以上内容由 DeepSeek 生成",
        "原文地址：https://zhuanlan.zhihu.com/p/123",
        "添加小助手微信，进群交流",
        "验证码登录",
        "This page was last edited on 12 March 2025, at 10:21.",
        "Retrieved from \"https://wiki.example.com/Sales_Policy\"",
    ],
)
def test_chrome_of_kinds_met_on_stress_pages_and_rounds_38_to_44_is_recognised_on_its_own_line(line: str) -> None:
    """One line at a time, with nothing around it: each of these is site, blog, portal, mail-less page or cloud
    document furniture whatever site it comes from."""
    assert boilerplate_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "6.43 复制打开抖音，看看【冷链小鹿的图文作品】冷库报价别再拍脑袋了！",
        "> *Summary generated by OKCN Assist. Check the full text before relying on it.*",
        "✂ Clipped with Snipwise 3.4 on 2025-06-03 10:41",
        "〰〰〰〰 签名档 〰〰〰〰",
        "━━━━━━━━━━━━ 2# ━━━━━━━━━━━━",
        "南京扶梯小陈 ⟦Lv.3 见习梯匠⟧ 帖子 87 ∣ 梯币 402",
        "▲ 14 ▼ Q: Is the 4.5% install package negotiable for multi-press orders?",
        "🔔 Drupa countdown: 62 days ▸ Save 15% on Commons Pro with code PRESS15 ▸ Claim ✕",
        "知 页 文 档 ·· zhiye-doc.cn ·· 仅 供 预 览",
    ],
)
def test_share_texts_clippers_forum_bars_community_votes_and_promo_bars_are_chrome(line: str) -> None:
    assert boilerplate_reason(line) is not None


def test_a_rounded_ai_summary_box_and_a_menu_of_arrowed_items_go() -> None:
    from ingest.boilerplate import split_boilerplate

    page = [
        "PRESSROOM COMMONS ▪ the print trade's shared notebook",
        "→ Wiki",
        "→ Forums",
        "→ Jobs",
        "→ Sign in ⁄ Join free",
        "",
        "Sales Process Manual",
        "Issue 4 · Owner: UK & Ireland Sales Operations",
        "",
        "1. Purpose",
        "Every quote is valid for 30 days.",
        "╭────────── ✧ AI 速读 · Beta ✧ ──────────╮",
        "│ 本文档规定了牙椅产品的三级价格体系。 │",
        "╰────────────────────────────────────╯",
        "2. Scope",
        "All sheetfed presses.",
    ]
    kept = [line for line in split_boilerplate(page)[0] if line]
    assert kept == [page[6], page[7], page[9], page[10], page[14], page[15]]
    for line in ("I'm away with limited access to email.", "⟪ TrustLayer scan: 1 link rewritten ⟫"):
        thread = ["From: A", "Sent: Monday", "To: B", "Subject: Rules", "", line, "Quotes are valid for 30 days."]
        assert line not in split_boilerplate(thread)[0]
