"""Sync a knowledge index with files and folders: add new files, replace changed ones, skip unchanged ones
(same content hash), drop indexed files that disappeared from a folder, and keep going past broken files.

The index makes each document's replacement atomic; this module decides what to replace. A run killed
midway leaves every document either old or new, and the next run finishes the job because unchanged
hashes are skipped and the rest is redone. Files are read and parsed without the index's writer lock, which
is taken only to write a batch and to remove documents: a briefing pushed meanwhile waits for one write,
never for the parse of a large folder.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from core.documents import Chunk, DocumentMeta
from core.printable import printable
from ingest.chunker import chunk_document, sizing_for
from ingest.loaders import parse_bytes
from ingest.models import IngestError, IngestRules
from ingest.sources import SkippedPath, content_hash, discover, read_limited

log = logging.getLogger(__name__)

BATCH_CHUNKS = 256  # chunks parsed ahead per embedding pass: enough to batch by length, little memory


class DocumentIndex(Protocol):
    """What sync needs from an index (knowledge.index.KnowledgeIndex provides it)."""

    def documents(self) -> dict[str, str]:
        """Indexed sources mapped to their content hash."""
        ...

    def replace_document(self, meta: DocumentMeta, chunks: Sequence[Chunk]) -> None: ...

    def replace_documents(self, items: Sequence[tuple[DocumentMeta, Sequence[Chunk]]]) -> int:
        """Replace several documents in one embedding pass, each document atomically; returns chunks written."""
        ...

    def remove_document(self, source: str) -> None: ...

    def writing(self, *, wait: bool = True) -> AbstractContextManager[bool]:
        """The index's writer lock: one sync or other writer at a time."""
        ...


@dataclass
class SyncReport:
    """Counts of one sync run, the errors of the files that failed, and the paths left out on purpose."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    chunks: int = 0  # chunks written this run
    errors: list[IngestError] = field(default_factory=list)
    skipped: list[SkippedPath] = field(default_factory=list)  # links out of a synced folder, not followed

    def summary(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
            f"removed {self.removed}, failed {self.failed}, {self.chunks} chunks"
        )


def _parse(path: Path, data: bytes, rules: IngestRules) -> tuple[DocumentMeta, list[Chunk]]:
    document = parse_bytes(path, data, rules)
    return document.meta, chunk_document(document)


def ingest_file(path: Path, index: DocumentIndex, rules: IngestRules | None = None) -> int:
    """Parse, chunk and (re)index one file whatever its hash; returns the number of chunks written.

    Parsed before the index's writer lock is taken (replace_document takes it for the write alone).
    """
    rules = rules or IngestRules()
    meta, chunks = _parse(path, read_limited(path, rules.max_bytes), rules)
    index.replace_document(meta, chunks)
    return len(chunks)


def _is_under(source: str, folder: Path) -> bool:
    return Path(source).is_relative_to(folder)


def _progress(console: Console | None) -> Progress:
    return Progress(
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", style="dim"),
        console=console,
        transient=False,
    )


@dataclass
class _Pending:
    """Parsed files waiting for one shared embedding pass, with whether each was already indexed."""

    items: list[tuple[DocumentMeta, list[Chunk], bool]] = field(default_factory=list)
    chunks: int = 0

    def add(self, meta: DocumentMeta, chunks: list[Chunk], previously_indexed: bool) -> None:
        self.items.append((meta, chunks, previously_indexed))
        self.chunks += len(chunks)

    def flush(self, index: DocumentIndex, report: SyncReport) -> int:
        """Write the batch and count it; returns how many files it held."""
        if not self.items:
            return 0
        report.chunks += index.replace_documents([(meta, chunks) for meta, chunks, _ in self.items])
        for meta, chunks, previously_indexed in self.items:
            log.debug(
                "%s %s (%d chunks)",
                "updated" if previously_indexed else "added",
                printable(meta.source),
                len(chunks),
            )
            if previously_indexed:
                report.updated += 1
            else:
                report.added += 1
        files = len(self.items)
        self.items, self.chunks = [], 0
        return files


def _prepare(
    path: Path, indexed: dict[str, str], pending: _Pending, report: SyncReport, rules: IngestRules
) -> bool:
    """Skip an unchanged file, count a broken one, or parse it into `pending`; True when it was queued."""
    try:
        data = read_limited(path, rules.max_bytes)
        previous = indexed.get(str(path))
        if previous == content_hash(data):
            report.unchanged += 1
            log.debug("unchanged %s", printable(path))
            return False
        meta, chunks = _parse(path, data, rules)
    except IngestError as exc:
        report.failed += 1
        report.errors.append(exc)
        log.debug("failed %s", exc)
        return False
    pending.add(meta, chunks, previous is not None)
    return True


def sync_paths(
    paths: Sequence[Path],
    index: DocumentIndex,
    *,
    progress: bool = True,
    console: Console | None = None,
    batch_chunks: int = BATCH_CHUNKS,
    rules: IngestRules | None = None,
) -> SyncReport:
    """Bring the index in line with `paths`; failures are counted and reported, never fatal to the run.

    Changed files are parsed ahead and written `batch_chunks` chunks at a time so the embedding model sees
    many documents per pass; each document still becomes live on its own. `rules` bound file sizes and name
    the roles an audience may use (default: IngestRules()).
    """
    rules = rules or IngestRules()
    files, found_errors = discover(paths)
    skipped = [e for e in found_errors if isinstance(e, SkippedPath)]
    errors = [e for e in found_errors if not isinstance(e, SkippedPath)]
    report = SyncReport(failed=len(errors), errors=errors, skipped=skipped)
    for left_out in skipped:
        log.debug("skipped %s", left_out)
    # Read without the lock: the writer lock guards writes; `documents()` sweeps only when no writer is busy.
    indexed = index.documents()
    pending = _Pending()

    bar = _progress(console) if progress else None
    with bar or nullcontext(), sizing_for(index):  # passages sized for the index's embedding model
        task = bar.add_task("", total=len(files)) if bar else None

        def advance(count: int) -> None:
            if bar is not None and task is not None and count:
                bar.advance(task, count)

        for path in files:
            if bar is not None and task is not None:
                bar.update(task, description=escape(printable(path.name)))
            if not _prepare(path, indexed, pending, report, rules):
                advance(1)
            elif pending.chunks >= batch_chunks:
                advance(pending.flush(index, report))
        advance(pending.flush(index, report))

    # A file gone from a synced folder is gone from the index. Only folders count: a file argument that
    # no longer exists is reported as an error, and a folder that does not exist removes nothing. A file
    # that failed to parse was seen, so its previous version stays indexed and keeps answering. A file
    # reached through a link out of the folder (an earlier version followed such links) goes too.
    seen = {str(path) for path in files}
    folders = [path.resolve() for path in paths if path.is_dir()]
    linked_out = {e.target for e in report.skipped if e.target}
    gone = [
        source
        for source in sorted(indexed)
        if source not in seen and (source in linked_out or any(_is_under(source, f) for f in folders))
    ]
    if gone:
        with index.writing():
            for source in gone:
                index.remove_document(source)
                report.removed += 1
                log.debug("removed %s", printable(source))
    lexical = getattr(index, "lexical", None)  # a writer without BM25 (a test double) has nothing to build
    if callable(lexical) and (report.added or report.updated or report.removed):
        # The BM25 snapshot and its dictionary table are built now, not by the first question after a start.
        lexical()
    return report
