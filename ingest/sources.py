"""Where documents come from: the files under the paths given to `salescoach ingest`, and content hashes.

A folder is synced as it lies on disk: a symbolic link that leads out of it is not followed (it would index,
and keep answering from, a file that nobody put in the knowledge base), and its name is reported instead.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ingest.models import MB, SUPPORTED_SUFFIXES, IngestError


class SkippedPath(IngestError):
    """A path deliberately left out (a link leading out of the synced folder): reported, not a failure.

    `target` is where the link leads, so a document an older run indexed through it can be dropped.
    """

    def __init__(self, path: Path | str, reason: str, *, target: Path | None = None) -> None:
        super().__init__(path, reason)
        self.target = str(target) if target is not None else None


def is_supported(path: Path) -> bool:
    """A file we can parse: known suffix, not hidden, not an Office lock file (~$report.docx)."""
    return (
        path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith(".")
        and not path.name.startswith("~$")
    )


def _walk(folder: Path, root: Path, skipped: list[IngestError]) -> Iterator[Path]:
    """Supported files under `folder`, skipping hidden folders (.git, .obsidian), hidden files and links that
    lead out of `root` (the resolved folder being synced); each such link is added to `skipped`."""
    for child in folder.iterdir():
        if child.name.startswith("."):
            continue
        if child.is_symlink():
            try:
                target = child.resolve()
            except (OSError, RuntimeError):  # a link loop
                skipped.append(SkippedPath(child, "symbolic link that loops: not followed"))
                continue
            if not target.is_relative_to(root):
                if target.is_dir() or is_supported(child) or is_supported(target):
                    skipped.append(
                        SkippedPath(
                            child, f"symbolic link to {target}, outside {root}: not followed", target=target
                        )
                    )
                continue
            if target.is_dir():
                continue  # a link to a folder inside: its files are found where they are, and it could loop
        if child.is_dir():
            yield from _walk(child, root, skipped)
        elif child.is_file() and is_supported(child):
            yield child


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[IngestError]]:
    """Expand files and folders (recursively) into a sorted, de-duplicated list of resolved supported files.

    A path that does not exist, or a file given explicitly with an unsupported suffix, is an error rather than
    silently ignored: the user asked for it by name. Links out of a folder come back as `SkippedPath` errors,
    after the others. A path given by name is followed wherever it leads: the user chose it.
    """
    found: set[Path] = set()
    errors: list[IngestError] = []
    skipped: list[IngestError] = []
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            found.update(p.resolve() for p in _walk(root, root, skipped))
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
    return sorted(found), errors + sorted(skipped, key=lambda e: e.path)


def content_hash(data: bytes) -> str:
    """sha256 of the raw bytes: the identity of a file's content for idempotent re-ingest."""
    return hashlib.sha256(data).hexdigest()


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file of at most `max_bytes`; IngestError naming its size and the limit otherwise.

    Checked by size before reading, and the read stops one byte past the limit, so a file that grows
    meanwhile is caught too.
    """
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            data = fh.read(max_bytes + 1) if size <= max_bytes else b""
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes or len(data) > max_bytes:
        raise IngestError(
            path,
            f"file is {max(size, len(data)) / MB:.1f} MB, over the {max_bytes / MB:g} MB limit "
            "(SALESCOACH_MAX_FILE_MB); not ingested",
        )
    return data


def file_hash(path: Path) -> str:
    """content_hash of a file on disk, read in blocks so a large PDF does not sit in memory twice."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
