"""Okapi BM25 over a sparse inverted index (scipy CSC), rebuilt from stored token lists, snapshotted to disk.

Why our own: rank_bm25 scores every document in Python and is far too slow at 100,000 chunks. Here each
column of the matrix is one term's posting list holding precomputed BM25 weights, so a query touches only its
terms' postings. Token lists are stored at ingest time, so a start never re-runs jieba over the whole corpus;
a snapshot keyed by the manifest generation makes loading a few numpy reads.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
from scipy import sparse

from core.audience import ReaderLike, as_reader
from knowledge.dictionary import TABLE_VERSION

SNAPSHOT = "bm25.npz"
SNAPSHOT_META = "bm25.json"
MODEL_BASE = re.compile(r"([a-z]{1,4})\d{1,7}[a-z]{0,2}")  # a joined model token, family letters first: "ax100"


def query_terms(tokens: Iterable[str]) -> list[str]:
    """Unique query tokens in order (the tokenizer already dropped stopwords), minus bare punctuation."""
    seen: dict[str, None] = {}
    for tok in tokens:
        t = tok.strip().lower()
        if not t or not any(ch.isalnum() for ch in t):
            continue
        seen.setdefault(t, None)
    return list(seen)


@dataclass
class LexicalIndex:
    """BM25 weights for the live chunks; row i is `chunk_ids[i]`."""

    chunk_ids: list[str]
    vocab: dict[str, int]
    weights: sparse.csc_matrix  # (n_chunks, n_terms) BM25 term weight of term in chunk
    idf: np.ndarray
    audiences: list[str]  # comma-joined audience entries per row (core.audience); "" means everyone
    generation: int
    # Cross-language word translations for this vocabulary (knowledge.dictionary.translation_table).
    translations: dict[str, list[str]] = field(default_factory=dict)
    row_of: dict[str, int] = field(init=False)
    _role_masks: dict[frozenset[str], np.ndarray] = field(init=False, default_factory=dict)
    _model_bases: frozenset[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.row_of = {cid: i for i, cid in enumerate(self.chunk_ids)}

    @property
    def size(self) -> int:
        return len(self.chunk_ids)

    @classmethod
    def build(
        cls,
        rows: Iterable[tuple[str, Sequence[str], str]],
        generation: int,
        *,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> LexicalIndex:
        """Build from (chunk_id, tokens, audience) rows, with the dictionary translations of the vocabulary."""
        chunk_ids: list[str] = []
        audiences: list[str] = []
        vocab: dict[str, int] = {}
        row_idx: list[np.ndarray] = []
        col_idx: list[np.ndarray] = []
        tfs: list[np.ndarray] = []
        lengths: list[int] = []
        for row, (cid, tokens, audience) in enumerate(rows):
            chunk_ids.append(cid)
            audiences.append(audience)
            counts = Counter(t.lower() for t in tokens if t.strip())
            lengths.append(sum(counts.values()))
            cols = np.fromiter((vocab.setdefault(t, len(vocab)) for t in counts), dtype=np.int32, count=len(counts))
            col_idx.append(cols)
            tfs.append(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
            row_idx.append(np.full(len(counts), row, dtype=np.int32))
        n, m = len(chunk_ids), len(vocab)
        if n == 0 or m == 0:
            empty = sparse.csc_matrix((n, m), dtype=np.float32)
            return cls(chunk_ids, vocab, empty, np.zeros(m, dtype=np.float32), audiences, generation)
        r = np.concatenate(row_idx)
        c = np.concatenate(col_idx)
        tf = np.concatenate(tfs)
        dl = np.asarray(lengths, dtype=np.float32)
        avgdl = float(dl.mean()) or 1.0
        df = np.bincount(c, minlength=m).astype(np.float32)
        idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        norm = k1 * (1.0 - b + b * dl[r] / avgdl)
        w = idf[c] * tf * (k1 + 1.0) / (tf + norm)
        weights = sparse.csc_matrix((w.astype(np.float32), (r, c)), shape=(n, m))
        weights.sort_indices()
        from knowledge.dictionary import translation_table

        return cls(chunk_ids, vocab, weights, idf, audiences, generation, translation_table(vocab))

    def translate(self, term: str) -> list[str]:
        """The knowledge base's words in the other language for a query word ([] when none)."""
        return self.translations.get(term, [])

    def model_bases(self) -> frozenset[str]:
        """Model designations the documents name, joined and lowercased ("ax100", "k7"); computed once."""
        if self._model_bases is None:
            self._model_bases = frozenset(t for t in self.vocab if MODEL_BASE.fullmatch(t))
        return self._model_bases

    def term_idf(self, term: str) -> float:
        """IDF of a term; a term no chunk contains weighs as much as the rarest possible term."""
        col = self.vocab.get(term)
        if col is None:
            return math.log1p((self.size + 0.5) / 0.5)
        return float(self.idf[col])

    def allowed_mask(self, who: ReaderLike) -> np.ndarray | None:
        """Rows the reader (a Reader, a bare role, or None for anonymous) may see; None when every row is
        visible, the common case."""
        reader = as_reader(who)
        key = reader.principals
        if key not in self._role_masks:
            restricted = np.fromiter((bool(a) for a in self.audiences), dtype=bool, count=self.size)
            if not restricted.any():
                self._role_masks[key] = np.ones(self.size, dtype=bool)
            else:
                permitted = np.fromiter(
                    (bool(a) and reader.admits(a) for a in self.audiences), dtype=bool, count=self.size
                )
                self._role_masks[key] = ~restricted | permitted
        mask = self._role_masks[key]
        return None if bool(mask.all()) else mask

    def scores(self, terms: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        """BM25 score of every row for the (already filtered) query terms, each times its weight (default 1)."""
        out = np.zeros(self.size, dtype=np.float32)
        indptr, indices, data = self.weights.indptr, self.weights.indices, self.weights.data
        for number, term in enumerate(terms):
            col = self.vocab.get(term)
            if col is None:
                continue
            lo, hi = indptr[col], indptr[col + 1]
            if weights is None or weights[number] == 1.0:
                out[indices[lo:hi]] += data[lo:hi]
            else:
                out[indices[lo:hi]] += data[lo:hi] * np.float32(weights[number])
        return out

    def search(
        self,
        terms: Sequence[str],
        n: int,
        allowed: np.ndarray | None = None,
        weights: Sequence[float] | None = None,
    ) -> list[tuple[int, float]]:
        """Top-n (row, score) with a positive score, best first."""
        if not terms or self.size == 0:
            return []
        scores = self.scores(terms, weights)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        positive = int(np.count_nonzero(scores > 0))
        n = min(n, positive)
        if n <= 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n] if n < self.size else np.arange(self.size)
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def coverage(self, terms: Sequence[str], row: int) -> float:
        """IDF-weighted share of the query terms that occur in the row (0..1)."""
        if not terms:
            return 0.0
        total = hit = 0.0
        indptr, indices = self.weights.indptr, self.weights.indices
        for term in terms:
            weight = self.term_idf(term)
            total += weight
            col = self.vocab.get(term)
            if col is None:
                continue
            posting = indices[indptr[col] : indptr[col + 1]]
            pos = int(np.searchsorted(posting, row))
            if pos < len(posting) and posting[pos] == row:
                hit += weight
        return hit / total if total else 0.0

    # -- persistence -----------------------------------------------------------------------------------------

    def save(self, folder: Path) -> None:
        """Write the snapshot atomically (temp file + rename), so a reader never sees half a file."""
        folder.mkdir(parents=True, exist_ok=True)
        w = self.weights
        _atomic_write(
            folder / SNAPSHOT,
            lambda fh: np.savez(
                fh, data=w.data, indices=w.indices, indptr=w.indptr, shape=np.asarray(w.shape), idf=self.idf
            ),
        )
        terms = [""] * len(self.vocab)
        for term, col in self.vocab.items():
            terms[col] = term
        payload = {
            "generation": self.generation,
            "chunk_ids": self.chunk_ids,
            "terms": terms,
            "audiences": self.audiences,
            "translations": self.translations,
            "dictionary": TABLE_VERSION,
        }
        _atomic_write(folder / SNAPSHOT_META, lambda fh: fh.write(json.dumps(payload).encode("utf-8")))

    @classmethod
    def load(cls, folder: Path, generation: int) -> LexicalIndex | None:
        """The snapshot if it exists and matches the manifest generation, else None (caller rebuilds)."""
        meta_path, arrays_path = folder / SNAPSHOT_META, folder / SNAPSHOT
        if not meta_path.exists() or not arrays_path.exists():
            return None
        try:
            payload = json.loads(meta_path.read_text(encoding="utf-8"))
            if payload.get("generation") != generation or payload.get("dictionary", 1) != TABLE_VERSION:
                return None  # another manifest, or translations built by an older dictionary reading
            with np.load(arrays_path, allow_pickle=False) as arrays:
                shape = tuple(int(x) for x in arrays["shape"])
                weights = sparse.csc_matrix((arrays["data"], arrays["indices"], arrays["indptr"]), shape=shape)
                idf = arrays["idf"]
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return None  # a damaged snapshot is only a cache: rebuild from the manifest
        vocab = {t: i for i, t in enumerate(payload["terms"])}
        if weights.shape != (len(payload["chunk_ids"]), len(vocab)):
            return None
        translations = payload.get("translations") or {}
        return cls(payload["chunk_ids"], vocab, weights, idf, payload["audiences"], generation, translations)


def _atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
