"""Sync: add, skip unchanged, replace changed, remove vanished, keep going past broken files; the real index
and the `salescoach ingest` command on top."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import pytest
from fakes import HashingEmbeddings
from fixtures_ingest import write_pdf
from rich.console import Console
from typer.testing import CliRunner

from core.documents import Chunk, DocumentMeta
from ingest.pipeline import SyncReport, ingest_file, sync_paths


class FakeIndex:
    """In-memory stand-in with the methods sync uses, recording writes so tests can count them."""

    def __init__(self) -> None:
        self.docs: dict[str, tuple[DocumentMeta, list[Chunk]]] = {}
        self.writes: list[str] = []
        self.removals: list[str] = []
        self.batches: list[list[str]] = []  # sources per replace_documents call

    def documents(self) -> dict[str, str]:
        return {source: meta.content_hash for source, (meta, _) in self.docs.items()}

    def replace_document(self, meta: DocumentMeta, chunks: Sequence[Chunk]) -> None:
        assert all(c.meta.source == meta.source for c in chunks)
        self.docs[meta.source] = (meta, list(chunks))
        self.writes.append(meta.source)

    def replace_documents(self, items: Sequence[tuple[DocumentMeta, Sequence[Chunk]]]) -> int:
        self.batches.append([meta.source for meta, _ in items])
        for meta, chunks in items:
            self.replace_document(meta, chunks)
        return sum(len(chunks) for _, chunks in items)

    def remove_document(self, source: str) -> None:
        self.docs.pop(source, None)
        self.removals.append(source)

    def chunk_count(self) -> int:
        return sum(len(chunks) for _, chunks in self.docs.values())

    def writing(self, *, wait: bool = True) -> AbstractContextManager[bool]:
        return nullcontext(True)


def _kb(root: Path) -> Path:
    """A small knowledge base folder: Markdown (en, zh), text, HTML and a PDF in a subfolder."""
    kb = root / "kb"
    (kb / "products").mkdir(parents=True)
    (kb / "manual.md").write_text(
        "---\ntitle: Duty Manual\ndoc_type: duty_manual\n---\n# Duty Manual\n\n## Collections\n\n"
        "Escalate invoices 30 days overdue to your manager.\n\n## CRM\n\nLog visits within 24 hours.\n",
        encoding="utf-8",
    )
    (kb / "products" / "k7.md").write_text(
        "# K7 净水器\n\nK7 的保修期为两年。滤芯每六个月更换一次。\n", encoding="utf-8"
    )
    (kb / "expenses.txt").write_text("Expense Claims\n\nSubmit claims within 30 days.\n", encoding="utf-8")
    (kb / "faq.html").write_text("<h1>CRM FAQ</h1><p>Use the mobile app to log visits.</p>", encoding="utf-8")
    write_pdf(kb / "products" / "ax-100.pdf", [["AX-100 Sheet", "1 Filters", "The AX-100 uses a HEPA H13 filter."]])
    return kb


def _counts(report: SyncReport) -> tuple[int, int, int, int, int]:
    return report.added, report.updated, report.unchanged, report.removed, report.failed


def test_sync_adds_then_skips_unchanged(tmp_path: Path) -> None:
    kb, index = _kb(tmp_path), FakeIndex()
    first = sync_paths([kb], index, progress=False)
    assert _counts(first) == (5, 0, 0, 0, 0)
    assert first.chunks == index.chunk_count() >= 5
    assert first.errors == []

    again = sync_paths([kb], index, progress=False)
    assert _counts(again) == (0, 0, 5, 0, 0)
    assert again.chunks == 0
    assert len(index.writes) == 5  # nothing re-parsed or re-written
    assert again.summary() == "added 0, updated 0, unchanged 5, removed 0, failed 0, 0 chunks"


def test_sync_replaces_changed_file_with_fresh_ids(tmp_path: Path) -> None:
    kb, index = _kb(tmp_path), FakeIndex()
    sync_paths([kb], index, progress=False)
    source = str((kb / "manual.md").resolve())
    old_ids = {c.chunk_id for c in index.docs[source][1]}

    (kb / "manual.md").write_text("# Duty Manual\n\n## Collections\n\nEscalate at 45 days now.\n", encoding="utf-8")
    report = sync_paths([kb], index, progress=False)
    assert _counts(report) == (0, 1, 4, 0, 0)
    meta, chunks = index.docs[source]
    assert report.chunks == len(chunks) == 1
    assert chunks[0].text == "Escalate at 45 days now."
    assert chunks[0].section == "Duty Manual > Collections"
    assert meta.doc_type == "faq"  # the front matter is gone, so is its doc_type
    assert not old_ids & {c.chunk_id for c in chunks}


def test_sync_removes_files_gone_from_the_folder_only(tmp_path: Path) -> None:
    kb, index = _kb(tmp_path), FakeIndex()
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.md").write_text("# Note\n\nKept.\n", encoding="utf-8")
    sync_paths([kb, other], index, progress=False)
    (kb / "products" / "k7.md").unlink()

    report = sync_paths([kb], index, progress=False)
    assert _counts(report) == (0, 0, 4, 1, 0)
    assert index.removals == [str((kb / "products" / "k7.md").resolve())]
    assert str((other / "note.md").resolve()) in index.documents()

    # A file argument, or a folder that does not exist, never removes anything.
    only_one = sync_paths([kb / "manual.md", tmp_path / "missing"], index, progress=False)
    assert _counts(only_one) == (0, 0, 1, 0, 1)
    assert len(index.documents()) == 5


def test_broken_file_is_reported_and_the_rest_still_indexed(tmp_path: Path) -> None:
    kb, index = _kb(tmp_path), FakeIndex()
    (kb / "broken.pdf").write_bytes(b"\x00\x01 not a pdf at all" * 10)
    (kb / "bad-front.md").write_text("---\ndoc_type: memo\n---\n# X\n\nY.\n", encoding="utf-8")

    report = sync_paths([kb], index, progress=False)
    assert _counts(report) == (5, 0, 0, 0, 2)
    assert sorted(Path(e.path).name for e in report.errors) == ["bad-front.md", "broken.pdf"]
    assert any("doc_type 'memo'" in str(e) for e in report.errors)
    assert len(index.documents()) == 5
    assert report.summary().endswith(f"failed 2, {report.chunks} chunks")


def test_file_that_breaks_later_keeps_its_previous_version(tmp_path: Path) -> None:
    kb, index = _kb(tmp_path), FakeIndex()
    sync_paths([kb], index, progress=False)
    source = str((kb / "manual.md").resolve())
    before = index.docs[source]

    (kb / "manual.md").write_bytes(b"# Duty Manual\n\n\xff\xfe\xfd broken bytes")
    report = sync_paths([kb], index, progress=False)
    assert _counts(report) == (0, 0, 4, 0, 1)
    assert index.docs[source] == before  # still answering from the old version, not removed


class CrashingIndex(FakeIndex):
    """Dies (like a killed process) when asked to write the n-th document."""

    def __init__(self, crash_at: int) -> None:
        super().__init__()
        self.crash_at = crash_at

    def replace_document(self, meta: DocumentMeta, chunks: Sequence[Chunk]) -> None:
        if len(self.writes) + 1 == self.crash_at:
            raise KeyboardInterrupt
        super().replace_document(meta, chunks)


def test_interrupted_sync_is_finished_by_the_next_run(tmp_path: Path) -> None:
    kb, index = _kb(tmp_path), CrashingIndex(crash_at=3)
    with pytest.raises(KeyboardInterrupt):
        sync_paths([kb], index, progress=False)
    assert len(index.documents()) == 2  # whole documents only: the third was never half-written

    index.crash_at = 0
    report = sync_paths([kb], index, progress=False)
    assert _counts(report) == (3, 0, 2, 0, 0)
    assert len(index.documents()) == 5


def test_changed_files_are_written_in_batches_of_chunks(tmp_path: Path) -> None:
    """Files are parsed ahead and handed over several at a time, so the model embeds across documents."""
    kb = _kb(tmp_path)
    (kb / "broken.pdf").write_bytes(b"\x00\x01 not a pdf at all" * 10)
    index = FakeIndex()
    report = sync_paths([kb], index, progress=False)
    assert report.failed == 1
    assert [sorted(b) for b in index.batches] == [sorted(index.docs)]  # one pass for the small folder
    assert report.chunks == index.chunk_count()

    one_each = FakeIndex()
    sync_paths([kb], one_each, progress=False, batch_chunks=1)
    assert [len(b) for b in one_each.batches] == [1] * 5


def test_progress_bar_counts_files(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    console = Console(record=True, width=100, force_terminal=False)
    sync_paths([kb], FakeIndex(), progress=True, console=console)
    assert "5/5" in console.export_text()


def test_ingest_file_writes_one_document(tmp_path: Path) -> None:
    kb, index = _kb(tmp_path), FakeIndex()
    assert ingest_file(kb / "manual.md", index) == 2
    assert index.writes == [str((kb / "manual.md").resolve())]


def test_sync_against_real_index(tmp_path: Path) -> None:
    from core.settings import Settings
    from knowledge.index import KnowledgeIndex

    kb = _kb(tmp_path)
    index = KnowledgeIndex(Settings(), embeddings=HashingEmbeddings())
    first = sync_paths([kb], index, progress=False)
    assert _counts(first) == (5, 0, 0, 0, 0)
    assert index.chunk_count() == first.chunks
    assert set(index.documents()) == {str(p.resolve()) for p in kb.rglob("*.*")}

    (kb / "faq.html").unlink()
    (kb / "expenses.txt").write_text("Expense Claims\n\nSubmit claims within 60 days.\n", encoding="utf-8")
    second = sync_paths([kb], index, progress=False)
    assert _counts(second) == (0, 1, 3, 1, 0)
    assert index.chunk_count() == first.chunks - 1  # faq.html's one chunk gone, expenses still one chunk
    assert _counts(sync_paths([kb], index, progress=False)) == (0, 0, 4, 0, 0)


@pytest.fixture
def hashing_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its own services: hand it deterministic embeddings instead of loading the model."""
    monkeypatch.setattr("knowledge.embeddings.load_embeddings", lambda settings: HashingEmbeddings())


def test_cli_ingest_reports_errors_and_exit_codes(tmp_path: Path, hashing_model: None) -> None:
    from cli import app

    kb = _kb(tmp_path)
    broken = kb / "broken.pdf"
    broken.write_bytes(b"garbage")
    runner = CliRunner()

    result = runner.invoke(app, ["ingest", "--quiet", str(kb)])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1  # one line per broken file, no library warnings around it
    assert errors[0].startswith(f"error: {broken.resolve()}: not a readable PDF (")
    assert result.stdout.strip().startswith("added 5, updated 0, unchanged 0, removed 0, failed 1, ")

    broken.unlink()
    result = runner.invoke(app, ["ingest", "--quiet", str(kb)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "added 0, updated 0, unchanged 5, removed 0, failed 0, 0 chunks"
    assert result.stderr == ""

    result = runner.invoke(app, ["ingest"])
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_cli_ingest_missing_model_is_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cli import app
    from knowledge.embeddings import EmbeddingModelError

    def missing(settings: object) -> None:
        raise EmbeddingModelError("cannot load embedding model '/nowhere' from local files")

    monkeypatch.setattr("knowledge.embeddings.load_embeddings", missing)
    result = CliRunner().invoke(app, ["ingest", "--quiet", str(_kb(tmp_path))])
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: cannot load embedding model '/nowhere' from local files"


class _ModelB(HashingEmbeddings):
    fingerprint = "model-b"


def test_cli_ingest_after_a_model_change_asks_for_rebuild_and_rebuild_starts_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hashing_model: None
) -> None:
    from cli import app

    kb = _kb(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--quiet", str(kb)]).exit_code == 0
    monkeypatch.setattr("knowledge.embeddings.load_embeddings", lambda settings: _ModelB())
    extra = tmp_path / "extra.md"
    extra.write_text("# Extra\n\nA new note about demo rooms.\n", encoding="utf-8")

    result = runner.invoke(app, ["ingest", "--quiet", str(extra)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "built with embedding model 'HashingEmbeddings'" in result.stderr
    assert "salescoach ingest --rebuild" in result.stderr

    result = runner.invoke(app, ["ask", "who do I tell about overdue invoices?"])  # searching is refused too
    assert result.exit_code == 1 and "salescoach ingest --rebuild" in result.stderr

    result = runner.invoke(app, ["ingest", "--quiet", "--rebuild", str(tmp_path / "typo"), str(extra)])
    assert result.exit_code == 2 and "nothing was dropped" in result.stderr

    result = runner.invoke(app, ["ingest", "--quiet", "--rebuild", str(extra)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "added 1, updated 0, unchanged 0, removed 0, failed 0, 1 chunks"
    result = runner.invoke(app, ["ingest", "--quiet", str(kb)])  # the old files come back under model B
    assert result.exit_code == 0 and result.stdout.startswith("added 5, ")


def test_bot_and_sample_refuse_an_index_of_another_model_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hashing_model: None
) -> None:
    from cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--quiet", str(_kb(tmp_path))]).exit_code == 0  # hashing vectors
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-token-not-real")
    result = runner.invoke(app, ["bot"])  # the bot's configured model is the bundled MiniLM: refused at start
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "salescoach ingest --rebuild" in result.stderr
    assert "TEST-token" not in result.output + result.stderr

    monkeypatch.setattr("knowledge.embeddings.load_embeddings", lambda settings: _ModelB())
    result = runner.invoke(app, ["sample"])
    assert result.exit_code == 1 and "built with embedding model 'HashingEmbeddings'" in result.stderr
    assert "Traceback" not in result.output + result.stderr
