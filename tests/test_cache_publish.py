"""Cache entries in the user's cache folder are published whole, and superseded copies of a kind do not pile up
(each reinstall of a package makes a new entry named for its version, size and time)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.cache import KEEP_PER_KIND, publish


def test_a_new_entry_replaces_all_but_the_newest_copies_of_its_kind(tmp_path: Path) -> None:
    for i in range(5):
        old = tmp_path / f"use-old{i}"
        old.mkdir()
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    other = tmp_path / "jieba-abc.sqlite"
    other.write_text("another kind")
    publish(tmp_path / "use-new", lambda folder: (folder / "meta.json").write_text("{}"), directory=True)
    kept = sorted(p.name for p in tmp_path.glob("use-*"))
    assert len(kept) == KEEP_PER_KIND and "use-new" in kept and "use-old4" in kept  # the newest old ones stay
    assert (tmp_path / "use-new" / "meta.json").read_text() == "{}"
    assert other.exists()


def test_a_failed_build_leaves_neither_the_entry_nor_its_temporary_file(tmp_path: Path) -> None:
    def broken(path: Path) -> None:
        path.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        publish(tmp_path / "cedict-1.marshal", broken)
    assert list(tmp_path.iterdir()) == []
