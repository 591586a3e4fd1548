"""The knowledge index: chunk vectors in Chroma, chunk text, metadata and BM25 tokens in a SQLite manifest.

Why two stores and a manifest: Chroma cannot replace a document's chunks atomically. So a replacement writes
the new chunks' vectors to Chroma first (ids carry the content hash), then flips the manifest in one SQLite
transaction (which chunk ids are live for that source, with their text and tokens), then deletes the old
vectors. A crash before the flip leaves the old chunks live (the orphan vectors are ignored by readers and
swept on the next run); a crash after it leaves only unreferenced vectors. The lexical index is derived
from the manifest, so it is always in step with it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import time
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn
from urllib.parse import urlparse

import numpy as np

from core.documents import hash_prefixed
from core.home import (
    HomeAccess,
    HomeError,
    check_home,
    connect_read_only,
    file_writable,
    folder_writable,
    no_data,
    read_only_error,
    sqlite_problem,
)
from core.text import tokenize
from knowledge.embeddings import EmbeddingModelError
from knowledge.lexical import LexicalIndex

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from core.documents import Chunk, DocumentMeta
    from core.settings import Settings

log = logging.getLogger(__name__)

MANIFEST = "manifest.sqlite3"
WRITER_LOCK = "writer.lock"
EMBED_PASS_BATCHES = 16  # model batches per embed_documents call: room to sort by length, bounded memory
MANIFEST_REMEDY = "move it aside and run `salescoach ingest --rebuild PATH...` to index the documents again"
# chromadb keeps one client system per path and process, and creating it from two threads at once fails
# ("Could not connect to tenant default_tenant"): every KnowledgeIndex of the process creates its client here.
_CHROMA_LOCK = threading.Lock()

_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT NOT NULL, chunk_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, source TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL,
    metadata TEXT NOT NULL, tokens TEXT NOT NULL, audience TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks (source);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_UPSERT_DOCUMENT = "INSERT OR REPLACE INTO documents (source, content_hash, title, chunk_count) VALUES (?, ?, ?, ?)"


@dataclass(frozen=True)
class StoredChunk:
    """A live chunk as readers see it: text plus the metadata written at ingest."""

    chunk_id: str
    text: str
    metadata: dict[str, Any]


def chunk_metadata(meta: DocumentMeta, chunk: Chunk) -> dict[str, Any]:
    """The metadata stored with each chunk (Chroma accepts only scalars: None becomes "")."""
    return {
        "source": meta.source,
        "title": meta.title,
        "section": chunk.section,
        "doc_type": meta.doc_type,
        "language": meta.language,
        "version": meta.version or "",
        "effective_date": _iso(meta.effective_date),
        "review_by": _iso(meta.review_by),
        "audience": ",".join(meta.audience),
        "content_hash": meta.content_hash,
        "ordinal": chunk.ordinal,
        "start": chunk.start,
        "end": chunk.end,
    }


def indexed_text(metadata: dict[str, Any], text: str) -> str:
    """What gets embedded and tokenized: title and heading path carry the topic a bare passage often omits."""
    return f"{metadata['title']}\n{metadata['section']}\n{text}"


def stored_id(meta: DocumentMeta, chunk: Chunk) -> str:
    """Chunk id carrying the document's content hash, so a new version never overwrites a live vector."""
    return hash_prefixed(meta.content_hash, chunk.chunk_id)


def _lock_file(handle: IO[bytes], *, wait: bool) -> bool:
    """Exclusive advisory lock on an open file (POSIX flock); False if `wait` is off and it is taken."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: the thread lock alone serialises this process
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _unlock_file(handle: IO[bytes]) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def embedder_id(embeddings: Embeddings) -> str:
    """Which model made the vectors: its `fingerprint` attribute if it has one, else its class name."""
    return str(getattr(embeddings, "fingerprint", "") or type(embeddings).__name__)


class EmbedderMismatchError(EmbeddingModelError):
    """The index holds vectors of another embedding model; two models' vectors cannot be compared.

    An EmbeddingModelError, so every command that reports a model it cannot use reports this the same way.
    """


_TOKENIZER_PROBE = "AX-100 Pro K7 Lite 7.5 what's the warranty? 客户逾期三十天怎么办，保修期多久？ e.g. No.1 ＣＲＭ"


def tokenizer_fingerprint() -> str:
    """Changes whenever core.text.tokenize would split the probe differently."""
    return hashlib.sha256("\x1f".join(tokenize(_TOKENIZER_PROBE)).encode("utf-8")).hexdigest()[:16]


def tokenizer_key() -> str:
    """What the tokenizer's output depends on, read without running it: our tokenizer's source and jieba's
    version and dictionary. The fingerprint (which starts jieba, ~0.8 s) is only recomputed when this changes,
    so a start that asks an English question never loads jieba."""
    import importlib.metadata
    import importlib.util

    import core.text as text_module

    parts = [hashlib.sha256(Path(text_module.__file__ or "").read_bytes()).hexdigest()]
    try:
        parts.append(importlib.metadata.version("jieba"))
    except importlib.metadata.PackageNotFoundError:
        parts.append("no-jieba")
    spec = importlib.util.find_spec("jieba")
    if spec is not None and spec.origin:
        dictionary = Path(spec.origin).with_name("dict.txt")
        if dictionary.exists():
            stat = dictionary.stat()
            parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


class KnowledgeIndex:
    """Chroma vectors + SQLite manifest + BM25; the one object ingest writes and the retriever reads.

    `access` (see core.home) says whether the home may be created. On a home this process cannot write,
    a "read" index opens the manifest read-only and Chroma on a private temporary copy (Chroma cannot open its
    files without writing), so questions get the same answers and nothing under the home changes.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        embeddings: Embeddings,
        client: Any | None = None,
        access: HomeAccess = "create",
    ) -> None:
        self.settings = settings
        self.embeddings = embeddings
        self._client = client
        self._collection: Any | None = None
        self._lexical: LexicalIndex | None = None
        # One long-lived autocommit connection for reads: opening SQLite per query costs more than the query.
        self._reader: sqlite3.Connection | None = None
        self._reader_lock = threading.Lock()
        self._tokens_current = False
        self._tokens_lock = threading.Lock()
        self._retokenize = False  # read-only and stored tokens stale: tokenize in memory instead
        self._lexical_lock = threading.Lock()
        self._embedder_checked = False
        self._titles: tuple[int, tuple[str, ...]] | None = None
        # One writer at a time, across threads (RLock) and processes (flock on WRITER_LOCK in the folder).
        self._writer_lock = threading.RLock()
        self._writer_depth = 0
        self._writer_file: IO[bytes] | None = None
        self.folder = settings.lexical_path
        self.manifest_path = self.folder / MANIFEST
        self.read_only = not self._open_folder(access)
        if not self.read_only:
            with self._connection() as conn, conn:
                conn.executescript(_SCHEMA)
                # A new manifest starts its generation from the clock, not 0: a BM25 snapshot left by a manifest
                # moved aside (damaged) must never match the new one's generation and be loaded for it.
                conn.execute("INSERT OR IGNORE INTO state (key, value) VALUES ('generation', ?)", (time.time_ns(),))

    # -- stores ----------------------------------------------------------------------------------------------

    def _open_folder(self, access: HomeAccess) -> bool:
        """Check the home for `access` and make the index folder if it may; returns whether it can be written."""
        home = self.settings.home
        writable = check_home(home, access)
        if not self.manifest_path.exists():
            if not writable:
                raise no_data(home, self.manifest_path)
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HomeError(
                    f"{self.folder}: cannot be the index folder ({exc.strerror or exc}): move what is there aside"
                ) from exc
            return True
        writable = writable and folder_writable(self.folder) and file_writable(self.manifest_path)
        if not writable and access != "read":
            raise read_only_error(self.manifest_path, home)
        return writable

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                return connect_read_only(self.manifest_path, timeout=30, isolation_level=None, check_same_thread=False)
            conn = sqlite3.connect(self.manifest_path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            self._unusable(exc)
        return conn

    def _unusable(self, exc: sqlite3.DatabaseError) -> NoReturn:
        """Re-raise a manifest error: as a one-line HomeError when the file itself is the problem."""
        problem = sqlite_problem(self.manifest_path, self.settings.home, exc, MANIFEST_REMEDY)
        if problem is not None:
            raise problem from exc
        raise exc

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A short-lived manifest connection, its file problems reported as HomeErrors."""
        with closing(self._connect()) as conn:
            try:
                yield conn
            except sqlite3.DatabaseError as exc:
                self._unusable(exc)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._reader_lock:
            if self._reader is None:
                self._reader = self._connect()
            try:
                yield self._reader
            except sqlite3.DatabaseError as exc:
                self._unusable(exc)

    def close(self) -> None:
        with self._reader_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands or none of it does."""
        if self.read_only:
            raise read_only_error(self.manifest_path, self.settings.home)
        with self._connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @property
    def client(self) -> Any:
        """The Chroma client, created once per index (under the process-wide lock, see _CHROMA_LOCK)."""
        if self._client is None:
            with _CHROMA_LOCK:
                if self._client is None:
                    self._client = self._open_client()
        return self._client

    def _open_client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if self.settings.chroma_url:
            url = urlparse(self.settings.chroma_url)
            if not url.hostname:
                raise ValueError(
                    f"SALESCOACH_CHROMA_URL {self.settings.chroma_url!r} has no host: use e.g. http://localhost:8000"
                )
            ssl = url.scheme == "https"
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if ssl else 8000),
                ssl=ssl,
                settings=chroma_settings,
            )
        path = self.settings.chroma_path
        if self.read_only:
            path = self._private_copy(path)
        else:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HomeError(
                    f"{path}: cannot be the vector folder ({exc.strerror or exc}): move what is there aside"
                ) from exc
        try:
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except Exception as exc:  # chromadb raises its own (Rust) errors for unreadable or damaged files
            raise HomeError(
                f"{self.settings.chroma_path}: the vector store cannot be opened ({exc}): {MANIFEST_REMEDY}"
            ) from exc

    def _private_copy(self, source: Path) -> Path:
        """A writable temporary copy of the Chroma folder, removed with this index (or at exit).

        Chroma opens its SQLite file for writing even to read, so a read-only home is read through a copy;
        nothing under the home changes, and the copy costs the size of the vectors once per process.
        """
        target = Path(tempfile.mkdtemp(prefix="salescoach-chroma-"))
        weakref.finalize(self, shutil.rmtree, target, ignore_errors=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True, copy_function=shutil.copyfile)
            for folder, _dirs, files in os.walk(target):
                os.chmod(folder, 0o700)  # copytree copied the folders' read-only modes
                for name in files:
                    os.chmod(os.path.join(folder, name), 0o600)
        log.debug("read-only home: reading vectors from a copy in %s", target)
        return target

    @property
    def collection(self) -> Any:
        if self._collection is None:
            client = self.client
            with _CHROMA_LOCK:
                if self._collection is None:
                    self._collection = client.get_or_create_collection(
                        self.settings.collection, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
                    )
        return self._collection

    def generation(self) -> int:
        """Bumped by every manifest flip; readers reload the lexical index when it moves (an ingest ran)."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM state WHERE key='generation'").fetchone()
        return int(row[0])

    @contextmanager
    def writing(self, *, wait: bool = True) -> Iterator[bool]:
        """Hold the index's writer lock; yields False (without the lock) if `wait` is off and it is taken.

        Why: a writer stores new vectors before it flips the manifest, so until the flip they look like the
        orphans a crashed run leaves. A second writer (a cron `ingest` next to `make run`, a briefing from the
        bot) sweeping orphans meanwhile would delete them. Writers queue here, and the sweep runs only with
        the lock. Re-entrant within a thread, so a sync can call the locked write methods.
        """
        if self.read_only:
            raise read_only_error(self.folder / WRITER_LOCK, self.settings.home)
        if not self._writer_lock.acquire(blocking=wait):
            yield False
            return
        try:
            if self._writer_depth == 0:
                handle = (self.folder / WRITER_LOCK).open("a+b")
                if not _lock_file(handle, wait=wait):
                    handle.close()
                    yield False
                    return
                self._writer_file = handle
            self._writer_depth += 1
            try:
                yield True
            finally:
                self._writer_depth -= 1
                if self._writer_depth == 0 and self._writer_file is not None:
                    _unlock_file(self._writer_file)
                    self._writer_file.close()
                    self._writer_file = None
        finally:
            self._writer_lock.release()

    # -- the ingest contract ---------------------------------------------------------------------------------

    def documents(self) -> dict[str, str]:
        """source -> content_hash of live documents; also sweeps vectors a crashed run left behind."""
        with self._read() as conn:
            rows = conn.execute("SELECT source, content_hash FROM documents").fetchall()
        self.sweep_orphans()
        return {source: content_hash for source, content_hash in rows}

    def titles(self, generation: int | None = None) -> tuple[str, ...]:
        """Titles of the live documents, read once per manifest generation (pass it when already known)."""
        generation = self.generation() if generation is None else generation
        if self._titles is None or self._titles[0] != generation:
            with self._read() as conn:
                rows = conn.execute("SELECT title FROM documents ORDER BY source").fetchall()
            self._titles = (generation, tuple(str(r[0]) for r in rows))
        return self._titles[1]

    def chunk_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def replace_document(self, meta: DocumentMeta, chunks: Sequence[Chunk]) -> None:
        """Make `chunks` the live content of `meta.source`: vectors, then the manifest flip, then cleanup."""
        self.replace_documents([(meta, chunks)])

    def replace_documents(self, items: Sequence[tuple[DocumentMeta, Sequence[Chunk]]]) -> int:
        """Replace several documents under the writer lock; see `_replace_documents`."""
        with self.writing():
            return self._replace_documents(items)

    def _replace_documents(self, items: Sequence[tuple[DocumentMeta, Sequence[Chunk]]]) -> int:
        """Replace several documents, embedding all their chunks in one pass; returns the chunks written.

        One pass lets the embedding model batch chunks of similar length across documents (per-document calls
        pad short chunks up to their neighbours' length and leave small half-empty batches), and one Chroma
        write stores every new vector (a write per document cost 18 ms each, half the non-model ingest time).
        New vectors carry the new content hash in their ids, so writing them all first changes no answer; each
        document is then flipped in its own transaction, so a crash midway leaves every document old or new
        (vectors written but never flipped are orphans that `sweep_orphans` removes).
        """
        self.ensure_tokens_current()
        self.ensure_same_embedder()
        docs = [(meta, [(stored_id(meta, c), c, chunk_metadata(meta, c)) for c in chunks]) for meta, chunks in items]
        all_rows = [row for _, rows in docs for row in rows]
        texts = [indexed_text(md, c.text) for _, c, md in all_rows]
        vectors = self._embed_reusing(texts, [meta.source for meta, _ in items])
        self._write_vectors(
            [cid for cid, _, _ in all_rows], vectors, [c.text for _, c, _ in all_rows], [md for _, _, md in all_rows]
        )
        start = 0
        for meta, rows in docs:
            end = start + len(rows)
            ids = [cid for cid, _, _ in rows]
            old_ids = self._flip(
                meta.source, meta.content_hash, meta.title, rows, [tokenize(t) for t in texts[start:end]]
            )
            self._delete_vectors(sorted(old_ids - set(ids)))
            start = end
        return len(texts)

    def remove_document(self, source: str) -> None:
        """Drop a document: manifest first (readers stop seeing it at once), then its vectors. Idempotent."""
        with self.writing():
            self._remove_document(source)

    def _remove_document(self, source: str) -> None:
        old_ids = self._flip(source, None, None, [], [])
        self._delete_vectors(sorted(old_ids))
        self._sweep_source(source, set())

    def add_chunks_bulk(
        self,
        items: Sequence[tuple[DocumentMeta, Sequence[Chunk]]],
        *,
        vectors: np.ndarray | None = None,
        tokens: Sequence[Sequence[str]] | None = None,
    ) -> int:
        """Load many new documents in one manifest transaction, under the writer lock; see `_add_chunks_bulk`."""
        with self.writing():
            return self._add_chunks_bulk(items, vectors=vectors, tokens=tokens)

    def _add_chunks_bulk(
        self,
        items: Sequence[tuple[DocumentMeta, Sequence[Chunk]]],
        *,
        vectors: np.ndarray | None = None,
        tokens: Sequence[Sequence[str]] | None = None,
    ) -> int:
        """Load many new documents in one manifest transaction (benchmarks, first loads).

        `vectors` (one row per chunk, in order) and `tokens` may be given precomputed: the synthetic
        100,000-chunk benchmark writes random unit vectors because embedding that much text on two cores
        takes too long.
        """
        self.ensure_tokens_current()
        self.ensure_same_embedder()
        rows: list[tuple[str, Chunk, dict[str, Any]]] = []
        doc_rows: list[tuple[str, str, str, int]] = []
        for meta, chunks in items:
            doc_rows.append((meta.source, meta.content_hash, meta.title, len(chunks)))
            rows.extend((stored_id(meta, c), c, chunk_metadata(meta, c)) for c in chunks)
        texts = [indexed_text(md, c.text) for _, c, md in rows]
        if vectors is None:
            vectors = np.asarray(self._embed(texts), dtype=np.float32)
        if len(vectors) != len(rows):
            raise ValueError(f"add_chunks_bulk: {len(vectors)} vectors for {len(rows)} chunks")
        token_lists = [list(t) for t in tokens] if tokens is not None else [tokenize(t) for t in texts]
        ids = [cid for cid, _, _ in rows]
        self._write_vectors(ids, vectors, [c.text for _, c, _ in rows], [md for _, _, md in rows])
        with self._transaction() as conn:
            conn.executemany(
                _UPSERT_DOCUMENT,
                doc_rows,
            )
            conn.executemany(
                "INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        cid,
                        md["source"],
                        c.ordinal,
                        c.text,
                        json.dumps(md, ensure_ascii=False),
                        " ".join(toks),
                        md["audience"],
                    )
                    for (cid, c, md), toks in zip(rows, token_lists, strict=True)
                ),
            )
            conn.execute("UPDATE state SET value = value + 1 WHERE key='generation'")
        return len(rows)

    # -- writing internals -----------------------------------------------------------------------------------

    def _embed_reusing(self, texts: list[str], sources: Sequence[str]) -> list[list[float]]:
        """Vectors for `texts`, taking those of unchanged passages from the sources' current version.

        Editing one section of a long manual changes the file's hash, so the whole file is replaced; its
        other passages embed to exactly the vectors Chroma already holds (same model, same text, as
        `ensure_same_embedder` guarantees), so only new or edited passages go through the model.
        """
        previous: dict[str, str] = {}
        with self._read() as conn:
            for source in dict.fromkeys(sources):
                for chunk_id, text, metadata in conn.execute(
                    "SELECT chunk_id, text, metadata FROM chunks WHERE source = ?", (source,)
                ):
                    previous.setdefault(indexed_text(json.loads(metadata), text), chunk_id)
        wanted = sorted({previous[t] for t in texts if t in previous})
        stored: dict[str, list[float]] = {}
        step = self.client.get_max_batch_size() if wanted else 1
        for start in range(0, len(wanted), step):
            got = self.collection.get(ids=wanted[start : start + step], include=["embeddings"])
            pairs = zip(got["ids"], got["embeddings"], strict=True)
            stored.update((cid, [float(x) for x in vector]) for cid, vector in pairs)
        fresh_at = [i for i, text in enumerate(texts) if previous.get(text) not in stored]
        fresh = iter(self._embed([texts[i] for i in fresh_at]))
        fresh_set = set(fresh_at)
        if len(fresh_at) < len(texts):
            log.debug("reused %d of %d passage vectors", len(texts) - len(fresh_at), len(texts))
        return [next(fresh) if i in fresh_set else stored[previous[text]] for i, text in enumerate(texts)]

    def ensure_same_embedder(self, *, record: bool = True) -> None:
        """Refuse vectors of one model against an index built with another; record the model if none is yet.

        Vectors of two models live in different spaces: mixing them would make dense search quietly wrong,
        and reused vectors would belong to the old model. Writers record the model (`record`); searches only
        check, once per process. `rebuild` starts over under the new model.
        """
        if self._embedder_checked:
            return
        current = embedder_id(self.embeddings)
        with self._read() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = 'embedder'").fetchone()
        if row is None:
            if not record:
                return
            # Read again inside the write transaction: two first writers must not both think they are first.
            with self._transaction() as conn:
                row = conn.execute("SELECT value FROM settings WHERE key = 'embedder'").fetchone()
                if row is None:
                    conn.execute("INSERT INTO settings (key, value) VALUES ('embedder', ?)", (current,))
        if row is not None and row[0] != current:
            raise EmbedderMismatchError(
                f"the index in {self.folder.parent} was built with embedding model {row[0]!r}, this run uses "
                f"{current!r}: vectors of two models cannot be mixed; run `salescoach ingest --rebuild PATH...` "
                "to re-embed the knowledge base with the new model"
            )
        self._embedder_checked = True

    def rebuild(self) -> None:
        """Forget every document and vector (manifest first, so readers see an empty index, then Chroma)."""
        with self.writing():
            self._rebuild()

    def _rebuild(self) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM chunks")
            conn.execute("DELETE FROM documents")
            conn.execute("DELETE FROM settings WHERE key = 'embedder'")
            conn.execute("UPDATE state SET value = value + 1 WHERE key='generation'")
        self._embedder_checked = False
        from chromadb.errors import NotFoundError

        try:
            self.client.delete_collection(self.settings.collection)
        except NotFoundError:
            log.debug("no collection %r to drop", self.settings.collection)
        self._collection = None

    def _embed(self, texts: list[str]) -> list[list[float]]:
        """Embed in passes of EMBED_PASS_BATCHES x settings.embedding_batch_size texts.

        The embeddings object batches within a pass (the real one sorts by token length first); passes bound
        memory and keep a huge first load from holding every vector twice.
        """
        size = max(1, self.settings.embedding_batch_size) * EMBED_PASS_BATCHES
        out: list[list[float]] = []
        for start in range(0, len(texts), size):
            out.extend(self.embeddings.embed_documents(texts[start : start + size]))
        return out

    def _write_vectors(
        self, ids: list[str], vectors: Any, documents: list[str], metadatas: list[dict[str, Any]]
    ) -> None:
        if not ids:
            return
        step = self.client.get_max_batch_size()
        for start in range(0, len(ids), step):
            end = start + step
            self.collection.upsert(
                ids=ids[start:end],
                embeddings=[list(map(float, v)) for v in vectors[start:end]],
                documents=documents[start:end],
                metadatas=metadatas[start:end],
            )

    def _delete_vectors(self, ids: list[str]) -> None:
        step = self.client.get_max_batch_size()
        for start in range(0, len(ids), step):
            self.collection.delete(ids=ids[start : start + step])

    def _flip(
        self,
        source: str,
        content_hash: str | None,
        title: str | None,
        rows: list[tuple[str, Chunk, dict[str, Any]]],
        token_lists: list[list[str]],
    ) -> set[str]:
        """Swap the live chunks of `source` in one transaction; returns the ids that were live before."""
        with self._transaction() as conn:
            old = {r[0] for r in conn.execute("SELECT chunk_id FROM chunks WHERE source = ?", (source,))}
            conn.execute("DELETE FROM chunks WHERE source = ?", (source,))
            if content_hash is None:
                conn.execute("DELETE FROM documents WHERE source = ?", (source,))
            else:
                conn.execute(
                    _UPSERT_DOCUMENT,
                    (source, content_hash, title, len(rows)),
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        (
                            cid,
                            source,
                            c.ordinal,
                            c.text,
                            json.dumps(md, ensure_ascii=False),
                            " ".join(toks),
                            md["audience"],
                        )
                        for (cid, c, md), toks in zip(rows, token_lists, strict=True)
                    ),
                )
            conn.execute("UPDATE state SET value = value + 1 WHERE key='generation'")
        return old

    def _live_ids(self, source: str | None = None) -> set[str]:
        with self._connection() as conn:
            if source is None:
                return {r[0] for r in conn.execute("SELECT chunk_id FROM chunks")}
            return {r[0] for r in conn.execute("SELECT chunk_id FROM chunks WHERE source = ?", (source,))}

    def _sweep_source(self, source: str, live: set[str]) -> None:
        found = self.collection.get(where={"source": source}, include=[])
        self._delete_vectors([i for i in found["ids"] if i not in live])

    def sweep_orphans(self) -> int:
        """Delete vectors no manifest entry references (a run killed between writes). Cheap when clean.

        Skipped while another writer holds the lock: its not-yet-flipped vectors are not orphans.
        """
        with self.writing(wait=False) as held:
            return self._sweep_orphans() if held else 0

    def _sweep_orphans(self) -> int:
        live_count = self.chunk_count()
        if self.collection.count() == live_count:
            return 0
        live = self._live_ids()
        orphans: list[str] = []
        step = self.client.get_max_batch_size()
        offset = 0
        while True:
            page = self.collection.get(include=[], limit=step, offset=offset)
            if not page["ids"]:
                break
            orphans.extend(i for i in page["ids"] if i not in live)
            offset += len(page["ids"])
        self._delete_vectors(orphans)
        if orphans:
            log.info("swept %d orphan vectors left by an interrupted ingest", len(orphans))
        return len(orphans)

    # -- reading ---------------------------------------------------------------------------------------------

    def ensure_tokens_current(self) -> None:
        """Re-tokenize the stored chunks once if the tokenizer changed since they were written.

        Stored token lists spare every start a jieba pass, but a tokenizer upgrade would leave old chunks
        tokenized one way and new questions another, and BM25 would quietly miss. A fingerprint of the
        tokenizer's output on a fixed probe detects the change; the rewrite is one transaction.
        """
        if self._tokens_current:
            return
        with self._tokens_lock:
            if not self._tokens_current:
                self._update_tokens()
                self._tokens_current = True

    def _update_tokens(self) -> None:
        key = tokenizer_key()
        with self._connection() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = 'tokenizer'").fetchone()
            known = conn.execute("SELECT value FROM settings WHERE key = 'tokenizer_key'").fetchone()
        if row is not None and known is not None and known[0] == key:
            self._retokenize = False
            return  # the tokenizer's inputs are unchanged since its fingerprint was recorded
        current = tokenizer_fingerprint()
        if self.read_only:
            # Nothing may be written: BM25 is built from fresh tokens in memory (and its snapshot not used).
            self._retokenize = row is None or row[0] != current
            return
        if row is None or row[0] != current:
            with self._transaction() as conn:
                stale = conn.execute("SELECT chunk_id, text, metadata FROM chunks").fetchall()
                conn.executemany(
                    "UPDATE chunks SET tokens = ? WHERE chunk_id = ?",
                    ((" ".join(tokenize(indexed_text(json.loads(md), text))), cid) for cid, text, md in stale),
                )
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('tokenizer', ?)", (current,))
                if stale:
                    conn.execute("UPDATE state SET value = value + 1 WHERE key='generation'")
            if stale:
                log.info("re-tokenized %d chunks for a changed tokenizer", len(stale))
        with self._transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('tokenizer_key', ?)", (key,))

    def lexical(self) -> LexicalIndex:
        """The BM25 index for the current manifest generation: in memory, else the snapshot, else rebuilt.

        Under a lock: the first questions after a start arrive together, and one build (and one snapshot
        write) serves them all.
        """
        self.ensure_tokens_current()
        generation = self.generation()
        current = self._lexical
        if current is not None and current.generation == generation:
            return current
        with self._lexical_lock:
            if self._lexical is not None and self._lexical.generation == generation:
                return self._lexical
            # Another process wrote (an ingest, a rebuild under another model): check the model again.
            self._embedder_checked = False
            loaded = None if self._retokenize else LexicalIndex.load(self.folder, generation)
            if loaded is None:
                loaded = LexicalIndex.build(self._token_rows(), generation)
                if not self.read_only:
                    try:
                        loaded.save(self.folder)
                    except OSError as exc:  # only a cache: the next start builds it again
                        log.warning("cannot save the BM25 snapshot in %s: %s", self.folder, exc)
            self._lexical = loaded
            return loaded

    def _token_rows(self) -> Iterable[tuple[str, list[str], str]]:
        with self._connection() as conn:
            if self._retokenize:
                query = "SELECT chunk_id, text, metadata, audience FROM chunks ORDER BY source, ordinal"
                for cid, text, metadata, audience in conn.execute(query):
                    yield cid, tokenize(indexed_text(json.loads(metadata), text)), audience
                return
            for cid, tokens, audience in conn.execute(
                "SELECT chunk_id, tokens, audience FROM chunks ORDER BY source, ordinal"
            ):
                yield cid, tokens.split(), audience

    def embed_query(self, text: str) -> list[float]:
        return self.embeddings.embed_query(text)

    def dense_search(self, vector: Sequence[float], n: int) -> list[tuple[str, float]]:
        """Nearest vectors by cosine similarity, best first (may include orphans: callers keep live ids)."""
        from chromadb.errors import NotFoundError

        self.ensure_same_embedder(record=False)
        try:
            return self._query_vectors(vector, n)
        except NotFoundError:
            # `ingest --rebuild` in another process dropped and re-created the collection this process holds.
            self._collection = None
            return self._query_vectors(vector, n)

    def _query_vectors(self, vector: Sequence[float], n: int) -> list[tuple[str, float]]:
        count = self.collection.count()
        if count == 0 or n <= 0:
            return []
        result = self.collection.query(
            query_embeddings=[list(map(float, vector))], n_results=min(n, count), include=["distances"]
        )
        ids = result["ids"][0]
        distances = result["distances"][0]
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, distances, strict=True)]

    def cosines(self, vector: Sequence[float], chunk_ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of the query vector to the stored vectors of these chunks (ids without a vector are
        absent): for passages the fused ranking kept although the nearest-neighbour search did not return them."""
        import numpy as np

        if not chunk_ids:
            return {}
        result = self.collection.get(ids=list(chunk_ids), include=["embeddings"])
        embeddings = result.get("embeddings")
        if embeddings is None or len(embeddings) == 0:
            return {}
        matrix = np.asarray(embeddings, dtype=np.float32)
        query = np.asarray(vector, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1) * (float(np.linalg.norm(query)) or 1.0)
        values = matrix @ query / np.where(norms == 0, 1.0, norms)
        return {cid: float(v) for cid, v in zip(result["ids"], values, strict=True)}

    def fetch(self, chunk_ids: Sequence[str]) -> dict[str, StoredChunk]:
        """Live chunks by id (ids no longer live are simply absent)."""
        if not chunk_ids:
            return {}
        out: dict[str, StoredChunk] = {}
        with self._read() as conn:
            for start in range(0, len(chunk_ids), 500):
                part = list(chunk_ids[start : start + 500])
                marks = ",".join("?" * len(part))
                for cid, text, metadata in conn.execute(
                    f"SELECT chunk_id, text, metadata FROM chunks WHERE chunk_id IN ({marks})", part
                ):
                    out[cid] = StoredChunk(cid, text, json.loads(metadata))
        return out
