"""Where documents come from: the files under the paths given to `salescoach ingest`, and content hashes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from ingest.models import SUPPORTED_SUFFIXES, IngestError


def is_supported(path: Path) -> bool:
    """A file we can parse: known suffix, not hidden, not an Office lock file (~$report.docx)."""
    return (
        path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith(".")
        and not path.name.startswith("~$")
    )


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under `folder`, skipping hidden folders (.git, .obsidian) and hidden files."""
    for child in folder.iterdir():
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file() and is_supported(child):
            yield child


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[IngestError]]:
    """Expand files and folders (recursively) into a sorted, de-duplicated list of resolved supported files.

    A path that does not exist, or a file given explicitly with an unsupported suffix, is an error rather than
    silently ignored: the user asked for it by name.
    """
    found: set[Path] = set()
    errors: list[IngestError] = []
    for path in paths:
        if path.is_dir():
            found.update(p.resolve() for p in _walk(path))
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                supported = ", ".join(SUPPORTED_SUFFIXES)
                errors.append(
                    IngestError(
                        path, f"unsupported file type {path.suffix or '(none)'}; supported: {supported}"
                    )
                )
            else:
                found.add(path.resolve())
        else:
            errors.append(IngestError(path, "no such file or folder"))
    return sorted(found), errors


def content_hash(data: bytes) -> str:
    """sha256 of the raw bytes: the identity of a file's content for idempotent re-ingest."""
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str:
    """content_hash of a file on disk, read in blocks so a large PDF does not sit in memory twice."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
