"""The per-user folder for files derived from installed packages (uncompressed model weights, jieba's word table).

Why not the system's temporary folder: it is shared by every user of the machine and the file names are
predictable, so another account could plant a copy first and every later start would read its arrays. The
platform's user cache folder (`$XDG_CACHE_HOME`, else `~/.cache`) belongs to the user; the folder is created
private and used only when it is owned by this user and nobody else can write to it. Everything kept there is
rebuilt from the installed packages when missing, so deleting it is always safe.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def user_cache_dir() -> Path | None:
    """`<user cache>/salescoach`, created private; None when it cannot be made or is not safely ours."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "salescoach"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except (OSError, RuntimeError):  # RuntimeError: no home folder to expand
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    return folder


KEEP_PER_KIND = 3  # copies of one kind kept: a machine may run a few installs at once; older ones are dropped


def publish(path: Path, build: Callable[[Path], object], *, directory: bool = False) -> None:
    """Write a cache entry atomically and drop superseded copies of its kind.

    `build` writes the entry at the temporary path it is given (a file, or with `directory` a folder it fills),
    which is then renamed to `path`: a reader sees the whole entry or none. Every entry's name starts with its
    kind ("use-…", "jieba-…", "cedict-…") and carries its source's version, size and time, so reinstalling or
    upgrading a package makes a new one; without pruning each install would leave ~90 MB behind. The newest
    KEEP_PER_KIND of a kind stay (a process of another install may still be reading one; on POSIX an open file
    outlives its removal)."""
    if directory:
        temporary = Path(tempfile.mkdtemp(dir=path.parent, prefix=f"{path.name}.tmp"))
    else:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(fd)
        temporary = Path(name)
    try:
        build(temporary)
        temporary.chmod(0o755 if directory else 0o644)
        os.replace(temporary, path)
    except BaseException:
        if directory:
            shutil.rmtree(temporary, ignore_errors=True)
        else:
            temporary.unlink(missing_ok=True)
        raise
    _prune(path)


def _prune(kept: Path) -> None:
    kind = kept.name.split("-", 1)[0] + "-"
    entries = [p for p in kept.parent.glob(f"{kind}*") if p != kept and ".tmp" not in p.name]
    entries.sort(key=_modified, reverse=True)
    for old in entries[KEEP_PER_KIND - 1 :]:
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
