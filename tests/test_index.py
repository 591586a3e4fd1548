"""The knowledge index against real Chroma and SQLite: sync contract, atomic replacement, lexical snapshot."""

from __future__ import annotations

import numpy as np
import pytest
from fakes import HashingEmbeddings
from fixtures_knowledge import MANUAL_EN, PLAYBOOK, PRODUCTS, load, make_doc, new_index

from core.settings import Settings
from knowledge.index import EMBED_PASS_BATCHES, KnowledgeIndex
from knowledge.lexical import LexicalIndex
from knowledge.retriever import HybridRetriever


def _texts(index: KnowledgeIndex, query: str) -> list[str]:
    return [hit.text for hit in HybridRetriever(index=index, k=3).search(query)]


def test_replace_is_idempotent_and_documents_reports_hashes() -> None:
    index = load(new_index(), *PRODUCTS)
    meta, chunks = PRODUCTS[0]
    assert index.documents()[meta.source] == meta.content_hash
    assert index.chunk_count() == 8 == index.collection.count()

    index.replace_document(meta, chunks)  # same content again

    assert index.chunk_count() == 8 == index.collection.count()


def test_replace_with_new_version_drops_old_chunks_everywhere() -> None:
    index = load(new_index(), MANUAL_EN)
    meta, _ = MANUAL_EN
    new_meta, new_chunks = make_doc(meta.source, meta.title, [("Collections", "Invoices are due within 45 days.")])

    index.replace_document(new_meta, new_chunks)

    assert index.documents() == {meta.source: new_meta.content_hash}
    assert index.chunk_count() == 1 == index.collection.count()
    assert "45 days" in _texts(index, "when are invoices due")[0]


def test_remove_twice_is_harmless() -> None:
    index = load(new_index(), MANUAL_EN, PLAYBOOK)
    index.remove_document(MANUAL_EN[0].source)
    index.remove_document(MANUAL_EN[0].source)
    assert list(index.documents()) == [PLAYBOOK[0].source]
    assert index.chunk_count() == 1 == index.collection.count()


def test_crash_before_manifest_flip_keeps_old_version_answering_and_rerun_completes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings()
    index = load(new_index(settings), MANUAL_EN)
    meta, _ = MANUAL_EN
    new_meta, new_chunks = make_doc(meta.source, meta.title, [("Collections", "Invoices are due within 45 days.")])

    def killed(*args: object, **kwargs: object) -> set[str]:
        raise KeyboardInterrupt("killed mid-ingest")

    monkeypatch.setattr(index, "_flip", killed)
    with pytest.raises(KeyboardInterrupt):
        index.replace_document(new_meta, new_chunks)

    # The new vectors are in Chroma, but the old version is what answers, in this and in a fresh process.
    assert index.collection.count() > index.chunk_count()
    fresh = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    assert "30 days" in _texts(fresh, "when are invoices due")[0]
    assert all("45 days" not in t for t in _texts(fresh, "invoices due 45 days"))
    assert fresh.documents() == {meta.source: meta.content_hash}  # so the next sync sees it as changed
    assert fresh.collection.count() == fresh.chunk_count()  # ... and the orphan vectors are swept

    fresh.replace_document(new_meta, new_chunks)
    assert "45 days" in _texts(fresh, "when are invoices due")[0]
    assert fresh.collection.count() == fresh.chunk_count() == 1


def test_crash_after_flip_leaves_new_version_live_and_orphans_are_swept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings()
    index = load(new_index(settings), MANUAL_EN)
    meta, _ = MANUAL_EN
    new_meta, new_chunks = make_doc(meta.source, meta.title, [("Collections", "Invoices are due within 45 days.")])

    def killed(ids: list[str]) -> None:
        raise KeyboardInterrupt("killed before cleanup")

    monkeypatch.setattr(index, "_delete_vectors", killed)
    with pytest.raises(KeyboardInterrupt):
        index.replace_document(new_meta, new_chunks)

    fresh = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    assert "45 days" in _texts(fresh, "when are invoices due")[0]
    assert fresh.documents() == {meta.source: new_meta.content_hash}
    assert fresh.collection.count() == fresh.chunk_count() == 1


def test_embedding_passes_span_documents() -> None:
    """Chunks of many documents go to the model together, in passes of EMBED_PASS_BATCHES model batches."""
    embeddings = HashingEmbeddings()
    index = KnowledgeIndex(Settings(embedding_batch_size=2), embeddings=embeddings)
    docs = [
        make_doc(f"/kb/doc{d}.md", f"Doc {d}", [(f"S{i}", f"doc {d} sentence number {i}") for i in range(5)])
        for d in range(8)
    ]
    pass_size = 2 * EMBED_PASS_BATCHES
    assert index.replace_documents(docs) == 40
    assert embeddings.calls == -(-40 // pass_size)  # not one call per document
    assert index.chunk_count() == index.collection.count() == 40
    assert len(index.documents()) == 8
    assert "doc 7 sentence number 4" in _texts(index, "doc 7 sentence number 4")[0]


def test_chunk_metadata_is_stored_for_readers() -> None:
    index = load(new_index(), PLAYBOOK)
    hit = HybridRetriever(index=index, k=1).search("lawyer letter unpaid invoice", audience_role="manager")[0]
    md = hit.metadata
    assert md["source"] == PLAYBOOK[0].source
    assert md["section"] == "Manager Escalation Playbook > Legal Action"
    assert md["audience"] == "manager,director"
    assert md["doc_type"] == "policy"
    assert md["language"] == "en"
    assert md["version"] == "1.0"
    assert md["content_hash"] == PLAYBOOK[0].content_hash
    assert md["ordinal"] == 0


def test_lexical_index_loads_from_snapshot_without_rebuilding(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    index = load(new_index(settings), *PRODUCTS)
    built = index.lexical()

    def no_rebuild(*args: object, **kwargs: object) -> LexicalIndex:
        raise AssertionError("rebuilt instead of loading the snapshot")

    monkeypatch.setattr(LexicalIndex, "build", no_rebuild)
    loaded = KnowledgeIndex(settings, embeddings=HashingEmbeddings()).lexical()
    assert loaded.chunk_ids == built.chunk_ids
    assert (loaded.weights != built.weights).nnz == 0


def test_other_process_write_is_seen_by_a_running_reader() -> None:
    settings = Settings()
    reader = load(new_index(settings), MANUAL_EN)
    assert reader.lexical().size == 2
    writer = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    load(writer, PLAYBOOK)
    assert reader.lexical().size == 3


def test_bulk_load_with_precomputed_vectors() -> None:
    index = new_index()
    docs = [
        make_doc(f"/kb/syn/{i}.md", f"Doc {i}", [("A", f"alpha {i} text"), ("B", f"beta {i} text")]) for i in range(3)
    ]
    vectors = np.eye(6, 256, dtype=np.float32)
    assert index.add_chunks_bulk(docs, vectors=vectors) == 6
    assert index.chunk_count() == 6 == index.collection.count()
    assert HybridRetriever(index=index, k=1, mode="bm25").search("beta 2")[0].metadata["source"] == "/kb/syn/2.md"
    with pytest.raises(ValueError, match="3 vectors for 6 chunks"):
        index.add_chunks_bulk(docs, vectors=vectors[:3])


def test_chroma_url_selects_http_client(monkeypatch: pytest.MonkeyPatch) -> None:
    import chromadb

    seen: dict[str, object] = {}

    def fake_http_client(**kwargs: object) -> str:
        seen.update(kwargs)
        return "http-client"

    monkeypatch.setattr(chromadb, "HttpClient", fake_http_client)
    index = KnowledgeIndex(Settings(chroma_url="https://chroma.internal:9443"), embeddings=HashingEmbeddings())
    assert index.client == "http-client"
    assert (seen["host"], seen["port"], seen["ssl"]) == ("chroma.internal", 9443, True)

    bad = KnowledgeIndex(Settings(chroma_url="not a url"), embeddings=HashingEmbeddings())
    with pytest.raises(ValueError, match="has no host"):
        _ = bad.client


def test_given_client_is_used() -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    index = KnowledgeIndex(Settings(collection="given-client"), embeddings=HashingEmbeddings(), client=client)
    load(index, MANUAL_EN)
    assert client.get_collection("given-client").count() == 2


def test_a_changed_tokenizer_retokenizes_stored_chunks_once(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    load(new_index(settings), *PRODUCTS)
    from core.text import tokenize
    from knowledge import index as index_module
    from knowledge import retriever as retriever_module

    def reversed_tokens(text: str) -> list[str]:  # a tokenizer that shares no token with the old one
        return [t[::-1] for t in tokenize(text)]

    monkeypatch.setattr(index_module, "tokenize", reversed_tokens)
    monkeypatch.setattr(retriever_module, "tokenize", reversed_tokens)
    monkeypatch.setattr(index_module, "tokenizer_key", lambda: "another tokenizer")  # its inputs changed
    reopened = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    hits = HybridRetriever(index=reopened, k=1, mode="bm25").search("K7 Lite price")
    assert hits and hits[0].source == "/kb/products/k7-lite.md"
    generation = reopened.generation()
    KnowledgeIndex(settings, embeddings=HashingEmbeddings()).lexical()
    assert reopened.generation() == generation  # done once, not at every start


def test_a_start_with_an_unchanged_tokenizer_does_not_run_it_for_its_fingerprint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings()
    load(new_index(settings), *PRODUCTS).lexical()
    from knowledge import index as index_module

    def no_fingerprint() -> str:  # computing it starts jieba (~0.8 s at every start before the cached key)
        raise AssertionError("the tokenizer fingerprint was recomputed")

    monkeypatch.setattr(index_module, "tokenizer_fingerprint", no_fingerprint)
    hits = HybridRetriever(index=KnowledgeIndex(settings, embeddings=HashingEmbeddings()), k=1).search("K7 Lite price")
    assert hits and hits[0].source == "/kb/products/k7-lite.md"


class _CountingEmbeddings(HashingEmbeddings):
    """Hashing vectors that remember every text the model was asked to embed."""

    def __init__(self, fingerprint: str = "") -> None:
        super().__init__()
        self.embedded: list[str] = []
        if fingerprint:
            self.fingerprint = fingerprint

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded.extend(texts)
        return super().embed_documents(texts)


def test_editing_one_section_re_embeds_only_that_section() -> None:
    embeddings = _CountingEmbeddings()
    index = KnowledgeIndex(Settings(), embeddings=embeddings)
    sections = [("Collections", "Escalate at 30 days."), ("CRM", "Log visits daily."), ("Demos", "Book a room.")]
    meta, chunks = make_doc("/kb/manual.md", "Manual", sections)
    index.replace_document(meta, chunks)
    before = index.collection.get(include=["embeddings"])
    old_vectors = dict(zip(before["ids"], before["embeddings"], strict=True))
    embeddings.embedded.clear()

    edited = [sections[0], ("CRM", "Log visits within 24 hours."), sections[2]]
    new_meta, new_chunks = make_doc("/kb/manual.md", "Manual", edited)
    index.replace_document(new_meta, new_chunks)

    assert len(embeddings.embedded) == 1 and "24 hours" in embeddings.embedded[0]
    after = index.collection.get(include=["embeddings", "metadatas"])
    assert index.collection.count() == 3 == index.chunk_count()
    assert {md["content_hash"] for md in after["metadatas"]} == {new_meta.content_hash}  # all rows are new
    # The two untouched sections carry their old vectors under new ids; the edited one has a new vector.
    assert not set(after["ids"]) & set(old_vectors)
    same = [any(np.array_equal(v, old) for old in old_vectors.values()) for v in after["embeddings"]]
    assert sorted(same) == [False, True, True]
    assert "24 hours" in _texts(index, "when must visits be logged")[0]


def test_a_document_with_no_earlier_version_embeds_everything() -> None:
    embeddings = _CountingEmbeddings()
    index = KnowledgeIndex(Settings(), embeddings=embeddings)
    load(index, MANUAL_EN, *PRODUCTS)
    assert len(embeddings.embedded) == index.chunk_count()


def test_another_embedding_model_is_refused_until_rebuild() -> None:
    from knowledge.index import EmbedderMismatchError

    settings = Settings()
    load(KnowledgeIndex(settings, embeddings=_CountingEmbeddings("model-a")), MANUAL_EN)
    other = KnowledgeIndex(settings, embeddings=_CountingEmbeddings("model-b"))
    meta, chunks = PRODUCTS[0]

    with pytest.raises(EmbedderMismatchError, match="built with embedding model 'model-a', this run uses 'model-b'"):
        other.replace_document(meta, chunks)
    assert set(other.documents()) == {MANUAL_EN[0].source}  # nothing written

    other.rebuild()
    assert other.documents() == {} and other.chunk_count() == 0 and other.collection.count() == 0
    other.replace_document(meta, chunks)
    assert set(other.documents()) == {meta.source}
    with pytest.raises(EmbedderMismatchError, match="'model-b', this run uses 'model-a'"):
        load(KnowledgeIndex(settings, embeddings=_CountingEmbeddings("model-a")), MANUAL_EN)


def test_a_reader_survives_a_rebuild_by_another_process() -> None:
    settings = Settings()
    reader = load(KnowledgeIndex(settings, embeddings=HashingEmbeddings()), MANUAL_EN)
    assert _texts(reader, "overdue invoices")  # holds the collection handle now
    writer = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    writer.rebuild()  # drops and re-creates the collection, as `ingest --rebuild` in another process would
    load(writer, *PRODUCTS)
    hits = HybridRetriever(index=reader, k=3, mode="dense").search("AX-100 warranty")
    assert hits and all("/products/" in h.source for h in hits)


def test_unflipped_vectors_of_a_running_writer_are_not_swept_by_another() -> None:
    settings = Settings()
    writer = load(KnowledgeIndex(settings, embeddings=HashingEmbeddings()), MANUAL_EN)
    other = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    with writer.writing():
        # Mid-ingest: the new version's vectors are stored, the manifest not yet flipped.
        writer._write_vectors(["pending-1", "pending-2"], [[1.0] + [0.0] * 255] * 2, ["a", "b"], [{"source": "x"}] * 2)
        assert other.sweep_orphans() == 0 and writer.collection.count() == writer.chunk_count() + 2
        with other.writing(wait=False) as held:
            assert held is False  # a second writer would wait here
    assert other.sweep_orphans() == 2  # the writer is gone (as if killed): now they are orphans
