"""The bot's test world: real Services over a tiny knowledge base (fake embeddings), the sample roster and
policy, planted KPIs, and a running Application polling the stand-in Bot API server.

Shared by the bot's end-to-end tests and bench/bot.py; the briefing/onboarding tests may reuse `running_bot`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botapi import TEST_TOKEN, FakeBotApi
from fakes import HashingEmbeddings
from langchain_core.embeddings import Embeddings

from authority.policy import import_policy
from bot.app import build_application, on_startup
from coaching.synthetic import RepSpec, generate_for, store_rows
from core.roster import all_reps
from core.settings import Settings
from core.store import Store
from ingest.pipeline import ingest_file, sync_paths
from workflows.roster_import import import_roster
from workflows.services import Services

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Telegram ids of the sample roster (samples/roster.csv); S004 and S009 have none and link with a code.
TG = {
    "D001": 100001,
    "M001": 100002,
    "M002": 100003,
    "S001": 100011,
    "S002": 100012,
    "S003": 100013,
    "S005": 100015,
    "S006": 100021,
    "S007": 100022,
    "S008": 100023,
    "S010": 100025,
}

KB_EN = """---
title: Delivery Handbook
doc_type: duty_manual
language: en
version: "2.0"
---

# Delivery Handbook

## Late deliveries

When a delivery is late, call the customer the same day, give a new delivery date in writing, and log the
delay in the CRM within 24 hours. If the delay is longer than five working days, offer free express shipping
on the next order and tell your manager.

## Returns

Customers may return unopened goods within 30 days of delivery. Refunds go back to the original payment method
within ten working days after the warehouse confirms receipt.
"""

KB_ZH = """---
title: 交付手册
doc_type: duty_manual
language: zh
version: "2.0"
---

# 交付手册

## 交货延迟

交货延迟时，当天致电客户，以书面形式给出新的交货日期，并在24小时内在CRM中记录延迟。延迟超过五个工作日的，
为客户的下一笔订单提供免费快递，并告知你的经理。

## 退货

客户可在收货后30天内退回未开封的商品。仓库确认收货后十个工作日内原路退款。
"""

# Planted KPI problems for M001's team (see coaching.synthetic): S002 collects poorly, S003 buys costly leads.
PLANTED = {
    "S001": "healthy",
    "S002": "poor_collections",
    "S003": "high_cac",
    "S004": "ordinary",
    "S005": "ordinary",
    "S006": "healthy",
    "S007": "weak_closing",
    "S008": "ordinary",
    "S010": "ordinary",
}


def build_services(
    home: Path, *, embeddings: Embeddings | None = None, kb: Sequence[Path] | None = None, **overrides: Any
) -> Services:
    """Services over a fresh store (sample roster and policy, planted KPIs) and a knowledge base: the
    two-document one above, or the files and folders in `kb` (the benchmark uses the sample KB)."""
    settings = Settings(home=home, **overrides)
    settings.ensure_home()
    store = Store(settings.db_url)
    import_roster(store, SAMPLES / "roster.csv")
    import_policy(store, SAMPLES / "policy.yaml")
    services = Services(settings, embeddings=embeddings or HashingEmbeddings(), store=store)
    if kb is not None:
        report = sync_paths(list(kb), services.index, progress=False)
        if report.failed:
            raise RuntimeError(f"knowledge base did not ingest cleanly: {report.summary()}")
    else:
        folder = home / "kb"
        folder.mkdir(parents=True, exist_ok=True)
        for name, body in (("delivery.md", KB_EN), ("delivery-zh.md", KB_ZH)):
            path = folder / name
            path.write_text(body, encoding="utf-8")
            ingest_file(path, services.index)
    with store.session() as session:
        reps = [RepSpec(r.rep_id, r.name, r.role, r.manager_id) for r in all_reps(session)]
    store_rows(store, generate_for(reps, PLANTED, ["2026-Q3", "2026-Q4"], seed=3))
    return services


@dataclass
class RunningBot:
    api: FakeBotApi
    application: Any
    services: Services

    async def ask(self, user_id: int, text: str, *, count: int = 1, timeout: float = 10.0, **kw: Any) -> list[Any]:
        """Send `text` as `user_id` and wait for `count` messages back; returns what the bot sent."""
        mark = self.api.mark()
        self.api.push_message(user_id, text, **kw)
        return await self.api.wait_sent(user_id, count, since=mark, timeout=timeout)


@contextlib.asynccontextmanager
async def running_bot(services: Services, **build_kwargs: Any) -> AsyncIterator[RunningBot]:
    """The real Application, started the way run_polling starts it, polling a fresh stand-in server."""
    async with FakeBotApi() as api:
        application = build_application(services, token=TEST_TOKEN, base_url=api.base_url, **build_kwargs)
        await application.initialize()
        await on_startup(application)
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=1, poll_interval=0)
        try:
            yield RunningBot(api, application, services)
        finally:
            if application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            await application.shutdown()
