"""The state folder (SALESCOACH_HOME): checked before use, opened read-only when it cannot be written, and every
problem with it reported as one line naming the file and what to do.

Why here and not at each call site: the same broken file (a damaged SQLite database, a read-only folder, a home
path running through a file) surfaces in a dozen commands and in the bot; one translation keeps the wording the
same everywhere and the doors free of sqlite3 and OS error codes.
"""

from __future__ import annotations

import errno
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, Literal

# What a command does with the home: "create" it if missing (imports, ingest), "write" to an existing one
# (bot, invite, briefings), or only "read" an existing one (questions, reports; a read-only home is fine).
HomeAccess = Literal["create", "write", "read"]

_DAMAGED = ("file is not a database", "database disk image is malformed", "file is encrypted")
_READ_ONLY = ("readonly database", "read-only", "attempt to write")
_CANNOT_OPEN = ("unable to open database file",)
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


class HomeError(Exception):
    """The state folder or one of its files cannot be used; the message says which file and what to do.

    Not a ValueError on purpose: commands turn their ValueErrors into usage errors (exit 2), and a broken
    state folder is not the user's typing.
    """


class MissingHomeError(HomeError):
    """A command that needs data was pointed at a home that holds none."""


def no_data(home: Path, missing: Path | None = None) -> MissingHomeError:
    """The one wording for "nothing loaded here yet"."""
    what = f"no data at {home}" if missing is None else f"no data at {home} ({missing.name} is missing)"
    return MissingHomeError(
        f"{what}: run `salescoach sample` (the demo company) or `salescoach ingest PATH...` and "
        "`salescoach roster import FILE.csv`, or point SALESCOACH_HOME (or --home) at your data"
    )


def read_only_error(path: Path, home: Path) -> HomeError:
    """The one wording for a file this process may not write."""
    return HomeError(
        f"{path}: read-only, and this command writes to it: make {home} writable (chmod -R u+w {home}) "
        "or run as the user who owns it"
    )


def check_home(home: Path, access: HomeAccess) -> bool:
    """Check the state folder for `access`, creating it for "create"; returns whether it can be written.

    Raises HomeError when the path runs through a file, MissingHomeError when a "read"/"write" command finds
    no folder, and HomeError when a "create"/"write" command finds it read-only.
    """
    blocker = _file_on_path(home)
    if blocker is not None:
        where = "is a file" if blocker == home else f"runs through {blocker}, which is a file"
        raise HomeError(
            f"SALESCOACH_HOME {home} {where}, not a folder: set SALESCOACH_HOME (or --home) to a folder"
        )
    if not home.exists():
        if access != "create":
            raise no_data(home)
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HomeError(
                f"cannot create SALESCOACH_HOME {home} ({exc.strerror or exc}): create it, or set "
                "SALESCOACH_HOME (or --home) to a folder you can write"
            ) from exc
        return True
    writable = folder_writable(home)
    if not writable and access != "read":
        raise read_only_error(home, home)
    return writable


def _file_on_path(path: Path) -> Path | None:
    """The first component of `path` (itself included) that exists and is not a folder, if any."""
    for candidate in [*reversed(path.absolute().parents), path.absolute()]:
        if candidate.exists() and not candidate.is_dir():
            return candidate
        if not candidate.exists():
            return None
    return None


def folder_writable(folder: Path) -> bool:
    """Whether this process can create files in `folder`, found by trying.

    os.access cannot answer this: it says yes to root whatever the mode bits, and it knows nothing of
    capabilities. A nameless temporary file is created and removed at once.
    """
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError as exc:
        if exc.errno in _READ_ONLY_ERRNOS:
            return False
        raise HomeError(f"{folder}: cannot be used ({exc.strerror or exc})") from exc


def file_writable(path: Path) -> bool:
    """Whether this process can write the existing file `path` (opened for update, nothing written)."""
    try:
        with path.open("r+b"):
            return True
    except OSError as exc:
        if exc.errno in _READ_ONLY_ERRNOS:
            return False
        raise HomeError(f"{path}: cannot be opened ({exc.strerror or exc})") from exc


def connect_read_only(path: Path, **kwargs: Any) -> sqlite3.Connection:
    """Open a SQLite file without writing anything, even in a folder this process cannot write.

    `mode=ro` still needs to create the WAL's shared-memory file next to a WAL database; when the folder
    refuses it, the file is opened `immutable` (no locks, no WAL), which is exact for a folder nobody can
    write and may miss only the last transactions of a writer that crashed before its checkpoint.
    """
    uri = path.absolute().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, **kwargs)
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, **kwargs)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if _matches(exc, _DAMAGED):
            raise
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, **kwargs)
    return conn


def sqlite_problem(path: Path, home: Path, exc: BaseException, remedy: str) -> HomeError | None:
    """A one-line HomeError for a SQLite error that says the file is unusable, else None (a real bug, or a
    transient lock, stays what it was). `remedy` is what to do about a damaged file."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    if _matches(exc, _DAMAGED):
        return HomeError(f"{path}: damaged, not a readable SQLite database ({exc}): {remedy}")
    if _matches(exc, _READ_ONLY):
        return read_only_error(path, home)
    if _matches(exc, _CANNOT_OPEN):
        return HomeError(
            f"{path}: cannot be opened (missing folder or no permission): check {home} and its permissions"
        )
    return None


def _matches(exc: BaseException, needles: tuple[str, ...]) -> bool:
    text = str(exc).lower()
    return any(needle in text for needle in needles)
