"""Builders for the knowledge tests: documents and chunks written straight into a real (temporary) index."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from fakes import HashingEmbeddings

from core.documents import Chunk, DocumentMeta
from core.settings import Settings
from knowledge.index import KnowledgeIndex


def make_doc(
    source: str,
    title: str,
    sections: Sequence[tuple[str, str]],
    *,
    language: str = "en",
    doc_type: str = "faq",
    version: str | None = "1.0",
    review_by: date | None = None,
    audience: tuple[str, ...] = (),
) -> tuple[DocumentMeta, list[Chunk]]:
    """A document with one chunk per (heading, text); the content hash follows the text, as ingest's does."""
    digest = hashlib.sha256(repr((title, sections, audience, review_by)).encode()).hexdigest()
    meta = DocumentMeta(
        source=source,
        title=title,
        doc_type=doc_type,
        language=language,
        version=version,
        review_by=review_by,
        audience=audience,
        content_hash=digest,
    )
    chunks = [
        Chunk(
            chunk_id=hashlib.sha1(f"{source}:{i}:{text}".encode()).hexdigest()[:16],
            text=text,
            section=f"{title} > {heading}" if heading else title,
            ordinal=i,
            meta=meta,
        )
        for i, (heading, text) in enumerate(sections)
    ]
    return meta, chunks


def new_index(settings: Settings | None = None) -> KnowledgeIndex:
    return KnowledgeIndex(settings or Settings(), embeddings=HashingEmbeddings())


def load(index: KnowledgeIndex, *docs: tuple[DocumentMeta, list[Chunk]]) -> KnowledgeIndex:
    for meta, chunks in docs:
        index.replace_document(meta, chunks)
    return index


# A small knowledge base with the traps the retriever must get right: look-alike model numbers, a Chinese
# document, a manager-only playbook and a stale sheet.
PRODUCTS = [
    make_doc(
        "/kb/products/ax-100.md",
        "AX-100 Commercial Air Purifier",
        [
            (
                "Pricing",
                "The AX-100 list price is 5,800 CNY per unit. Volume orders of 20 units get free delivery.",
            ),
            ("Warranty", "The AX-100 carries a two-year warranty on parts and labour."),
        ],
        doc_type="product",
    ),
    make_doc(
        "/kb/products/ax-100-pro.md",
        "AX-100 Pro Connected Air Purifier",
        [
            (
                "Pricing",
                "The AX-100 Pro list price is 7,900 CNY per unit. The AX-100 Pro adds Wi-Fi monitoring.",
            ),
            ("Warranty", "The AX-100 Pro carries a three-year warranty on parts and labour."),
        ],
        doc_type="product",
    ),
    make_doc(
        "/kb/products/k7.md",
        "K7 Water Purifier",
        [
            ("Pricing", "The K7 list price is 3,200 CNY. K7 filters cost 260 CNY."),
            ("Warranty", "The K7 has a one-year warranty."),
        ],
        doc_type="product",
    ),
    make_doc(
        "/kb/products/k7-lite.md",
        "K7 Lite Water Purifier",
        [
            ("Pricing", "The K7 Lite list price is 2,100 CNY. K7 Lite filters cost 180 CNY."),
            ("Warranty", "The K7 Lite has a one-year warranty."),
        ],
        doc_type="product",
    ),
]
MANUAL_EN = make_doc(
    "/kb/sales-duty-manual.md",
    "Sales Duty Manual",
    [
        (
            "Collections",
            "Invoices are due within 30 days. When a payment is 15 days overdue, call the customer's finance "
            "contact and log the call in the CRM. At 30 days overdue, escalate to your manager.",
        ),
        (
            "Trade Shows",
            "Scan every visitor badge at the booth. A contacts get a personal call within 48 hours of the show.",
        ),
    ],
    doc_type="duty_manual",
    version="3.2",
)
MANUAL_ZH = make_doc(
    "/kb/sales-duty-manual-zh.md",
    "销售岗位职责手册",
    [
        (
            "回款管理",
            "发票开出后30天内付款。逾期15天时，销售应致电客户财务并在CRM中记录。逾期30天，上报经理。",
        ),
        ("展会", "展会期间扫描每位访客的胸牌。A类客户须在展会结束后48小时内电话跟进。"),
    ],
    language="zh",
    doc_type="duty_manual",
    version="3.2",
)
PLAYBOOK = make_doc(
    "/kb/manager-escalation-playbook.md",
    "Manager Escalation Playbook",
    [
        (
            "Legal Action",
            "Before sending a lawyer's letter for an unpaid invoice, the regional manager reviews the file.",
        )
    ],
    doc_type="policy",
    audience=("manager", "director"),
)
STALE = make_doc(
    "/kb/faq/promotions-2024.md",
    "Promotions 2024",
    [
        (
            "Spring Campaign",
            "During the spring campaign every purifier order included a free replacement filter.",
        )
    ],
    review_by=date(2020, 1, 1),
)
