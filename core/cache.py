"""The per-user folder for files derived from installed packages (uncompressed model weights, jieba's word table).

Why not the system's temporary folder: it is shared by every user of the machine and the file names are
predictable, so another account could plant a copy first and every later start would read its arrays. The
platform's user cache folder (`$XDG_CACHE_HOME`, else `~/.cache`) belongs to the user; the folder is created
private and used only when it is owned by this user and nobody else can write to it. Everything kept there is
rebuilt from the installed packages when missing, so deleting it is always safe.
"""

from __future__ import annotations

import os
import stat
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
