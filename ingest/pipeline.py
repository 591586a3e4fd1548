"""Sync a knowledge index with files and folders: add new files, replace changed ones, skip unchanged ones
(same content hash), drop indexed files that disappeared from a folder, and keep going past broken files.

The index makes each document's replacement atomic; this module decides what to replace. A run killed
midway leaves every document either old or new, and the next run finishes the job because unchanged
hashes are skipped and the rest is redone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ingest.chunker import chunk_document
from ingest.loaders import parse_bytes
from ingest.models import Chunk, DocumentMeta, IngestError
from ingest.sources import content_hash, discover

log = logging.getLogger(__name__)


class DocumentIndex(Protocol):
    """What sync needs from an index (knowledge.index.KnowledgeIndex provides it)."""

    def documents(self) -> dict[str, str]:
        """Indexed sources mapped to their content hash."""
        ...

    def replace_document(self, meta: DocumentMeta, chunks: Sequence[Chunk]) -> None: ...

    def remove_document(self, source: str) -> None: ...


@dataclass
class SyncReport:
    """Counts of one sync run, plus the errors of the files that failed."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    chunks: int = 0  # chunks written this run
    errors: list[IngestError] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
            f"removed {self.removed}, failed {self.failed}, {self.chunks} chunks"
        )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from exc


def _write(path: Path, data: bytes, index: DocumentIndex) -> int:
    document = parse_bytes(path, data)
    chunks = chunk_document(document)
    index.replace_document(document.meta, chunks)
    return len(chunks)


def ingest_file(path: Path, index: DocumentIndex) -> int:
    """Parse, chunk and (re)index one file whatever its hash; returns the number of chunks written."""
    return _write(path, _read(path), index)


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


def _sync_one(path: Path, indexed: dict[str, str], index: DocumentIndex, report: SyncReport) -> None:
    """Skip, add or replace one file, counting the outcome in `report`."""
    try:
        data = _read(path)
        previous = indexed.get(str(path))
        if previous == content_hash(data):
            report.unchanged += 1
            log.debug("unchanged %s", path)
            return
        written = _write(path, data, index)
    except IngestError as exc:
        report.failed += 1
        report.errors.append(exc)
        log.debug("failed %s", exc)
        return
    report.chunks += written
    log.debug("%s %s (%d chunks)", "added" if previous is None else "updated", path, written)
    if previous is None:
        report.added += 1
    else:
        report.updated += 1


def sync_paths(
    paths: Sequence[Path], index: DocumentIndex, *, progress: bool = True, console: Console | None = None
) -> SyncReport:
    """Bring the index in line with `paths`; failures are counted and reported, never fatal to the run."""
    files, errors = discover(paths)
    report = SyncReport(failed=len(errors), errors=list(errors))
    indexed = index.documents()

    bar = _progress(console) if progress else None
    with bar or nullcontext():
        task = bar.add_task("", total=len(files)) if bar else None
        for path in files:
            if bar is not None and task is not None:
                bar.update(task, description=path.name)
            _sync_one(path, indexed, index, report)
            if bar is not None and task is not None:
                bar.advance(task)

    # A file gone from a synced folder is gone from the index. Only folders count: a file argument that
    # no longer exists is reported as an error, and a folder that does not exist removes nothing. A file
    # that failed to parse was seen, so its previous version stays indexed and keeps answering.
    seen = {str(path) for path in files}
    folders = [path.resolve() for path in paths if path.is_dir()]
    for source in sorted(indexed):
        if source not in seen and any(_is_under(source, folder) for folder in folders):
            index.remove_document(source)
            report.removed += 1
            log.debug("removed %s", source)
    return report
