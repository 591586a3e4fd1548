"""Web console fixtures: a generated company (director GD1, managers GM001/GM002, reps GR0001...) with a
briefing, content gaps, audit decisions and two indexed documents, served through the ASGI test client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import building_home, copy_home
from fakes import HashingEmbeddings
from fixtures_coaching import FakeRetriever
from starlette.testclient import TestClient

from authority.audit import record_decision
from coaching import synthetic
from coaching.coach import Coach
from core.documents import Chunk, DocumentMeta
from core.messages import Decision
from core.roster import get_rep
from core.settings import Settings
from core.store import Store
from knowledge.index import KnowledgeIndex
from web.app import create_app
from workflows.briefings import DELIVERED, BriefingRecipient, insert_briefing
from workflows.feedback import record_ask, record_vote
from workflows.services import Services
from workflows.web_login import issue_link, utcnow

SECRET = b"test-secret-for-the-web-console"
NOW = datetime(2026, 12, 6, 9, 0)


@dataclass
class WebWorld:
    client: TestClient
    services: Services
    store: Store
    settings: Settings

    def login(self, rep_id: str) -> None:
        """Log the client in through a fresh one-time link, as a user would."""
        link = issue_link(self.store, rep_id, "http://testserver", now=NOW)
        response = self.client.get(link.removeprefix("http://testserver"), follow_redirects=False)
        assert response.status_code == 303, response.text


def populate(store: Store, settings: Settings) -> None:
    """The company, its briefing, gaps, audit trail and documents."""
    synthetic.load(store, synthetic.generate(teams=2, team_size=8, periods=4, seed=7))
    with store.transaction() as session:
        author = get_rep(session, "GM001")
        recipients = [get_rep(session, rid) for rid in ("GR0001", "GR0002", "GR0003")]
        assert author is not None and all(recipients)
        briefing = insert_briefing(
            session, author=author, title="Q4 price list", body="New prices from December.",
            recipients=[r for r in recipients if r], due=date(2026, 12, 1), now=datetime(2026, 11, 25, 8, 0),
        )  # fmt: skip
        first = session.get(BriefingRecipient, (briefing.id, "GR0001"))
        second = session.get(BriefingRecipient, (briefing.id, "GR0002"))
        assert first is not None and second is not None
        first.state, first.delivered_at, first.acknowledged_at = DELIVERED, datetime(2026, 11, 25, 8, 1), datetime(
            2026, 11, 26, 10, 30
        )
        second.state, second.delivered_at = DELIVERED, datetime(2026, 11, 25, 8, 1)
        for rep_id, allowed, day in (("GR0001", True, 1), ("GR0002", False, 2), ("GR0009", False, 3)):
            record_decision(
                session, rep_id=rep_id, question=f"may I give {10 + day}% discount?",
                decision=Decision(kind="discount", requested=10 + day, unit="percent", limit=10, allowed=allowed),
                door="telegram", ts=datetime(2026, 12, day, 12, 0, tzinfo=UTC),
            )  # fmt: skip
    for _ in range(3):
        record_ask(store, rep_id="GR0001", chat_id=1, question="What is the rebate for hospitals?", answer="-",
                   grounded=False, language="en")  # fmt: skip
    helped = record_ask(store, rep_id="GR0002", chat_id=2, question="How do I book travel?", answer="...",
                        grounded=True, language="en")  # fmt: skip
    record_vote(store, ask_id=helped, rep_id="GR0002", helpful=False)
    record_ask(store, rep_id="GR0002", chat_id=2, question="Grounded and liked", answer="...", grounded=True,
               language="en")  # fmt: skip
    index = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    for meta in (
        DocumentMeta(source="/kb/duty-manual.md", title="Sales Duty Manual", doc_type="manual", version="3.2",
                     review_by=date(2027, 6, 30), content_hash="a"),
        DocumentMeta(source="/kb/old-prices.md", title="Old Price List", doc_type="policy", language="zh",
                     review_by=date(2025, 1, 1), content_hash="b"),
        DocumentMeta(source="/kb/director-memo.md", title="Director Memo", doc_type="memo",
                     audience=("director",), content_hash="c"),
    ):  # fmt: skip
        chunks = [Chunk(chunk_id=f"{meta.content_hash}{i}", text=f"{meta.title} passage {i}", section=meta.title,
                        ordinal=i, meta=meta) for i in range(2)]  # fmt: skip
        index.replace_document(meta, chunks)
    index.close()


_POPULATED: list[Path] = []  # the session's populated home, built by the first test that asks for one


def populated_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home holding `populate`'s company, built once per session; tests get copies of it."""
    if not _POPULATED:
        with building_home(tmp_path_factory.mktemp("web") / "home"):
            settings = Settings()
            store = Store.from_settings(settings)
            populate(store, settings)
            store.dispose()
            _POPULATED.append(settings.home)
    return _POPULATED[0]


@pytest.fixture
def web(tmp_path_factory: pytest.TempPathFactory, _isolated_home: Path) -> Iterator[WebWorld]:
    copy_home(populated_home(tmp_path_factory), _isolated_home)
    settings = Settings()
    store = Store.from_settings(settings)
    services, app = console_app(settings, store, clock=lambda: NOW)
    with TestClient(app, base_url="http://testserver") as client:
        yield WebWorld(client, services, store, settings)
    store.dispose()


def console_app(settings: Settings, store: Store, clock: Callable[[], datetime] = utcnow) -> tuple[Services, Any]:
    """The console over `store`, its coach citing the fake duty manual."""
    services = Services(settings, store=store, embeddings=HashingEmbeddings())
    retriever = FakeRetriever()
    coach = Coach(settings, store=store, retriever_factory=lambda: retriever)
    return services, create_app(services, secret=SECRET, coach=coach, clock=clock)
