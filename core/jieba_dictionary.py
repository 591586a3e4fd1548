"""jieba's word list read word by word from a table on disk, instead of unmarshalled whole at the first Chinese text.

Why: `jieba.initialize()` unmarshals about 500,000 words and prefixes into one dict: ~0.4 s on an idle core, over
a second on a busy two-core machine, and ~70 MB of memory, on the path of nearly every first question (the
glossary's expansions of an English question are Chinese). Segmenting a question needs a few dozen lookups. So
the same word -> frequency pairs are kept in a SQLite table in the user's cache folder (core.cache), written once
by a process that loaded the whole dictionary; later processes look words up there. Segmentation is identical:
jieba reads the same numbers through the same `in` / `[]` / `.get` it uses on its dict. A process that segments a
lot (ingest) swaps the whole dictionary in after BULK_LOOKUPS table lookups, where a dict is faster.

Any problem with the table (no cache folder, a damaged or foreign file) falls back to jieba's own loading.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from contextlib import closing
from importlib import metadata
from pathlib import Path
from typing import Any

from core.cache import publish, user_cache_dir

log = logging.getLogger(__name__)

TABLE_FORMAT = 1  # bump when the table's layout changes
BULK_LOOKUPS = 20_000  # table lookups after which a process loads the whole dictionary instead


def table_path(directory: Path | None = None) -> Path | None:
    """Where the table for the installed jieba and its bundled dictionary lives (None without jieba)."""
    import jieba

    dictionary = Path(jieba.__file__).with_name("dict.txt")
    try:
        stat = dictionary.stat()
        version = metadata.version("jieba")
    except (OSError, metadata.PackageNotFoundError):
        return None
    key = hashlib.sha256(f"{TABLE_FORMAT}:{version}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    folder = directory or user_cache_dir()
    if folder is None:
        return None
    return Path(folder) / f"jieba-{key}.sqlite"


class TableFreq:
    """The part of a dict jieba's Tokenizer uses (`in`, `[]`, `.get`) over the table; answers are remembered.

    A word absent from the dictionary reads as absent; a prefix of a word reads as 0, as in jieba's own dict.
    """

    def __init__(self, connection: sqlite3.Connection, on_bulk: Any = None) -> None:
        self._connection = connection
        self._known: dict[str, int | None] = {}
        self._lock = threading.Lock()
        self._lookups = 0
        self._on_bulk = on_bulk

    def _find(self, word: str) -> int | None:
        try:
            return self._known[word]
        except KeyError:
            pass
        with self._lock:
            row = self._connection.execute("SELECT n FROM freq WHERE w = ?", (word,)).fetchone()
            self._lookups += 1
            bulk = self._lookups == BULK_LOOKUPS
        found = None if row is None else int(row[0])
        self._known[word] = found
        if bulk and self._on_bulk is not None:
            self._on_bulk()
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self._find(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: Any = None) -> Any:
        found = self._find(word)
        return default if found is None else found


def _open(path: Path) -> tuple[sqlite3.Connection, int] | None:
    """A read-only connection to a complete table and the dictionary's total, or None."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        row = connection.execute("SELECT v FROM meta WHERE k = 'total'").fetchone()
    except sqlite3.Error as exc:
        log.debug("jieba table %s unusable (%s); loading the whole dictionary", path, exc)
        return None
    if row is None or int(row[0]) <= 0:
        connection.close()
        return None
    return connection, int(row[0])


def write_table(path: Path, freq: dict[str, int], total: int) -> None:
    """Write the table atomically (core.cache.publish), so readers see all of it or nothing."""

    def build(temporary: Path) -> None:
        with closing(sqlite3.connect(temporary)) as db:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL)")
            db.executemany("INSERT INTO freq VALUES (?, ?)", sorted(freq.items()))
            db.execute("INSERT INTO meta VALUES ('total', ?)", (total,))
            db.commit()

    publish(path, build)


def _load_whole(tokenizer: Any, path: Path | None) -> None:
    """jieba's own loading; then the table is written for the next process if it is missing."""
    tokenizer.initialize()
    if path is None or path.exists():
        return
    try:
        write_table(path, tokenizer.FREQ, tokenizer.total)
    except (OSError, sqlite3.Error) as exc:
        log.debug("could not write the jieba table %s: %s", path, exc)


def prepare(tokenizer: Any, directory: Path | None = None) -> None:
    """Make `tokenizer` (jieba.dt) ready to segment: over the table when there is one, whole otherwise."""
    if tokenizer.initialized:
        return
    own_cache = user_cache_dir()
    if own_cache is not None and tokenizer.tmp_dir is None:
        tokenizer.tmp_dir = str(own_cache)  # jieba's own marshal cache, not in the shared temporary folder
    path = table_path(directory)
    opened = _open(path) if path is not None else None
    if opened is None:
        _load_whole(tokenizer, path)
        return
    connection, total = opened

    def swap_in_whole() -> None:
        import jieba

        whole = jieba.Tokenizer()
        whole.initialize()
        tokenizer.FREQ = whole.FREQ  # one attribute store: segmentations under way see either mapping, both right

    with tokenizer.lock:
        if tokenizer.initialized:
            connection.close()
            return
        tokenizer.FREQ = TableFreq(connection, on_bulk=swap_in_whole)
        tokenizer.total = total
        tokenizer.initialized = True
