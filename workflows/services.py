"""The assistant's parts, built once at the edge from Settings and shared by every door.

Heavy parts (the embedding model, Chroma, the lexical index) are built lazily on first use, so `salescoach check`
or `salescoach roster import` never load a model. Tests pass fakes through the constructor.
Each part is built exactly once even when the bot's first questions arrive together (see `_built_once`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from core.home import HomeAccess, check_home
from core.settings import Settings

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel

    from authority.decisions import AuthorityDesk
    from coaching.coach import Coach
    from compliance.checker import ComplianceChecker
    from core.store import Store
    from knowledge.answer import Answerer
    from knowledge.index import KnowledgeIndex
    from knowledge.retriever import HybridRetriever
    from workflows.assistant import Assistant


T = TypeVar("T")


class _built_once(Generic[T]):
    """A lazily built part, built by exactly one thread: the others wait for it and share it.

    functools.cached_property stopped locking in Python 3.12, and two threads building the same part at once
    is how the bot's first questions crashed (two Chroma clients created together). One re-entrant lock per
    Services: building the assistant builds the retriever, which builds the index.
    """

    def __init__(self, build: Callable[[Services], T]) -> None:
        self.build = build
        self.name = build.__name__
        self.__doc__ = build.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _built_once[T]: ...

    @overload
    def __get__(self, instance: Services, owner: type | None = None) -> T: ...

    def __get__(self, instance: Services | None, owner: type | None = None) -> T | _built_once[T]:
        if instance is None:
            return self
        built = instance.__dict__
        if self.name not in built:  # after the first build, the instance attribute shadows this descriptor
            with instance._build_lock:
                if self.name not in built:
                    built[self.name] = self.build(instance)
        value: T = built[self.name]
        return value


class Services:
    """Container of the core objects; construct with overrides in tests (fake embeddings, fake chat model).

    `access` says what the command does with SALESCOACH_HOME (core.home): "create" it (the default, for
    imports and library use), "write" to an existing one, or only "read" one, which may be read-only.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        embeddings: Embeddings | None = None,
        chat_model: BaseChatModel | None = None,
        store: Store | None = None,
        chroma_client: Any | None = None,
        access: HomeAccess = "create",
    ) -> None:
        self.settings = settings
        self.access: HomeAccess = access
        self._embeddings = embeddings
        self._chat_model = chat_model
        self._store = store
        self._chroma_client = chroma_client
        self._build_lock = threading.RLock()

    @_built_once
    def store(self) -> Store:
        if self._store is not None:
            return self._store
        from workflows.schema import load_models

        load_models()
        from core.store import Store

        return Store.from_settings(self.settings, self.access)

    @_built_once
    def embeddings(self) -> Embeddings:
        if self._embeddings is not None:
            return self._embeddings
        from knowledge.embeddings import load_embeddings

        return load_embeddings(self.settings)

    @_built_once
    def index(self) -> KnowledgeIndex:
        from knowledge.index import KnowledgeIndex

        check_home(self.settings.home, self.access)  # a home that cannot serve fails before the model loads
        return KnowledgeIndex(
            self.settings, embeddings=self.embeddings, client=self._chroma_client, access=self.access
        )

    @_built_once
    def retriever(self) -> HybridRetriever:
        from knowledge.retriever import HybridRetriever

        return HybridRetriever(index=self.index, k=self.settings.top_k)

    @_built_once
    def answerer(self) -> Answerer:
        from knowledge.answer import Answerer

        return Answerer(self.settings, retriever=self.retriever, chat_model=self._chat_model)

    @_built_once
    def authority(self) -> AuthorityDesk:
        from authority.decisions import AuthorityDesk

        return AuthorityDesk(self.settings, store=lambda: self.store, retriever=self.retriever)

    @_built_once
    def checker(self) -> ComplianceChecker:
        from compliance.checker import ComplianceChecker

        return ComplianceChecker.from_settings(
            self.settings, retriever_factory=lambda: self.retriever, embeddings_factory=lambda: self.embeddings
        )

    @_built_once
    def coach(self) -> Coach:
        from coaching.coach import Coach

        return Coach(self.settings, store=self.store, retriever_factory=lambda: self.retriever)

    @_built_once
    def assistant(self) -> Assistant:
        from workflows.assistant import Assistant

        return Assistant(self)

    def open_stores(self) -> None:
        """Open everything questions share (SQL store, manifest, Chroma, BM25) now, not inside the first
        questions: a long-running door (the bot) then fails at start, in one line, on a broken home. The
        embedding model stays as lazy as the embeddings object given makes it."""
        with self.store.engine.connect():
            pass
        index = self.index
        index.ensure_same_embedder(record=False)
        index.collection.count()
        index.lexical()

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.dispose()
