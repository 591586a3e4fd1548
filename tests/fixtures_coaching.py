"""Coaching fixtures: a store under the test's SALESCOACH_HOME with a generated team, and a fake retriever."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from coaching import synthetic
from coaching.coach import Coach
from core.settings import Settings
from core.store import Store
from knowledge.retriever import ScoredChunk

# Sections of the sample duty manual the coach's queries should land on.
MANUAL_SECTIONS: dict[str, str] = {
    "collections": "Collections > Overdue Escalation",
    "acquisition channels": "Lead Development > Choosing Acquisition Channels",
    "proposals and closing": "Negotiation and Contracts > Proposals and Closing",
    "complaints": "After-sales Care > Complaints Handling",
    "satisfaction": "After-sales Care > Customer Satisfaction",
    "market share": "KPIs and Metrics > Market Share",
    "training": "Training and Development",
    "attainment": "KPIs and Metrics > Sales Attainment",
}


@dataclass
class FakeRetriever:
    """Answers by keyword from MANUAL_SECTIONS and records every call (query, k, audience_role)."""

    relevance: float = 0.9
    calls: list[tuple[str, int | None, str | None]] = field(default_factory=list)

    def search(self, query: str, k: int | None = None, audience_role: str | None = None) -> list[Any]:
        self.calls.append((query, k, audience_role))
        hits = []
        for keyword, section in MANUAL_SECTIONS.items():
            if any(word in query for word in keyword.split()):
                hits.append(
                    ScoredChunk(
                        chunk_id=f"manual-{len(hits)}",
                        text=f"Guidance for {section}.",
                        metadata={
                            "title": "Sales Duty Manual",
                            "source": "samples/kb/sales-duty-manual.md",
                            "section": section,
                            "version": "3.2",
                            "doc_type": "manual",
                            "language": "en",
                            "review_by": "2099-01-01",
                        },
                        score=0.5,
                        relevance=self.relevance,
                    )
                )
        return hits[: k or 5]


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def store(settings: Settings) -> Store:
    store = Store.from_settings(settings)
    yield store
    store.dispose()


@pytest.fixture(scope="module")
def team_data() -> synthetic.SyntheticData:
    return synthetic.generate(teams=2, team_size=8, periods=4, seed=7)


@pytest.fixture
def loaded_store(store: Store, team_data: synthetic.SyntheticData) -> Store:
    synthetic.load(store, team_data)
    return store


@pytest.fixture
def retriever() -> FakeRetriever:
    return FakeRetriever()


@pytest.fixture
def coach(settings: Settings, loaded_store: Store, retriever: FakeRetriever) -> Coach:
    return Coach(settings, store=loaded_store, retriever_factory=lambda: retriever)
