"""The assistant's parts, built once at the edge from Settings and shared by every door.

Heavy parts (the embedding model, Chroma, the lexical index) are built lazily on first use, so `salescoach check`
or `salescoach roster import` never load a model. Tests pass fakes through the constructor.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from knowledge.settings import Settings
from knowledge.store import Store

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel

    from bot.assistant import Assistant
    from coaching.coach import Coach
    from knowledge.answer import Answerer
    from knowledge.authority import AuthorityDesk
    from knowledge.compliance import ComplianceChecker
    from knowledge.index import KnowledgeIndex
    from knowledge.retriever import HybridRetriever


class Services:
    """Container of the core objects; construct with overrides in tests (fake embeddings, fake chat model)."""

    def __init__(
        self,
        settings: Settings,
        *,
        embeddings: Embeddings | None = None,
        chat_model: BaseChatModel | None = None,
        store: Store | None = None,
        chroma_client: Any | None = None,
    ) -> None:
        self.settings = settings
        self._embeddings = embeddings
        self._chat_model = chat_model
        self._store = store
        self._chroma_client = chroma_client

    @cached_property
    def store(self) -> Store:
        return self._store or Store.from_settings(self.settings)

    @cached_property
    def embeddings(self) -> Embeddings:
        if self._embeddings is not None:
            return self._embeddings
        from knowledge.embeddings import load_embeddings

        return load_embeddings(self.settings)

    @cached_property
    def index(self) -> KnowledgeIndex:
        from knowledge.index import KnowledgeIndex

        return KnowledgeIndex(self.settings, embeddings=self.embeddings, client=self._chroma_client)

    @cached_property
    def retriever(self) -> HybridRetriever:
        from knowledge.retriever import HybridRetriever

        return HybridRetriever(index=self.index, k=self.settings.top_k)

    @cached_property
    def answerer(self) -> Answerer:
        from knowledge.answer import Answerer

        return Answerer(self.settings, retriever=self.retriever, chat_model=self._chat_model)

    @cached_property
    def authority(self) -> AuthorityDesk:
        from knowledge.authority import AuthorityDesk

        return AuthorityDesk(self.settings, store=self.store, retriever=self.retriever)

    @cached_property
    def checker(self) -> ComplianceChecker:
        from knowledge.compliance import ComplianceChecker

        return ComplianceChecker.from_settings(self.settings, retriever_factory=lambda: self.retriever)

    @cached_property
    def coach(self) -> Coach:
        from coaching.coach import Coach

        return Coach(self.settings, store=self.store, retriever_factory=lambda: self.retriever)

    @cached_property
    def assistant(self) -> Assistant:
        from bot.assistant import Assistant

        return Assistant(self)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.dispose()
