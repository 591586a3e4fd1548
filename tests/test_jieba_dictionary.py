"""jieba over the on-disk word table segments exactly as over its whole dictionary, and a start never loads it all."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from core import jieba_dictionary
from core.text import CJK_RANGES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def whole() -> jieba.Tokenizer:
    """jieba's own loading (writes the shared table when it is missing, as the first real process does)."""
    tokenizer = jieba.Tokenizer()
    jieba_dictionary.prepare(tokenizer, directory=Path("/nonexistent-folder"))  # no table there: loads whole
    assert isinstance(tokenizer.FREQ, dict)
    path = jieba_dictionary.table_path()
    assert path is not None
    if not path.exists():
        jieba_dictionary.write_table(path, tokenizer.FREQ, tokenizer.total)
    return tokenizer


def _runs() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "kb").rglob("*.md")))
    text += (ROOT / "knowledge" / "glossary.yaml").read_text(encoding="utf-8")
    return sorted(set(re.findall(f"[{CJK_RANGES}]+", text)))


def test_the_table_segments_like_the_whole_dictionary(whole: jieba.Tokenizer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jieba_dictionary, "BULK_LOOKUPS", 10**12)
    over_table = jieba.Tokenizer()
    jieba_dictionary.prepare(over_table)
    assert isinstance(over_table.FREQ, jieba_dictionary.TableFreq)
    runs = _runs()
    assert len(runs) > 500
    for run in runs:
        assert list(over_table.cut_for_search(run, HMM=False)) == list(whole.cut_for_search(run, HMM=False)), run
        assert list(over_table.cut(run, HMM=False)) == list(whole.cut(run, HMM=False)), run
    for word in ("年终奖", "保修期", "保修", "买延保", "年终", "ax"):
        assert over_table.FREQ.get(word) == whole.FREQ.get(word), word
        assert (word in over_table.FREQ) == (word in whole.FREQ), word


def test_bulk_segmentation_swaps_in_the_whole_dictionary(
    whole: jieba.Tokenizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jieba_dictionary, "BULK_LOOKUPS", 50)
    tokenizer = jieba.Tokenizer()
    jieba_dictionary.prepare(tokenizer)
    runs = _runs()[:200]
    words = [list(tokenizer.cut_for_search(run, HMM=False)) for run in runs]
    assert isinstance(tokenizer.FREQ, dict)
    assert words == [list(whole.cut_for_search(run, HMM=False)) for run in runs]


def test_a_damaged_table_falls_back_to_the_whole_dictionary(tmp_path: Path) -> None:
    path = jieba_dictionary.table_path(tmp_path)
    assert path is not None
    path.write_bytes(b"not a database")
    small = tmp_path / "dict.txt"
    small.write_text("保修 100 v\n保修期 50 n\n多久 80 r\n", encoding="utf-8")
    tokenizer = jieba.Tokenizer(str(small))  # jieba's loading of a three-word dictionary: quick
    tokenizer.tmp_dir = str(tmp_path)
    jieba_dictionary.prepare(tokenizer, directory=tmp_path)
    assert isinstance(tokenizer.FREQ, dict)
    assert tokenizer.lcut("保修期多久", HMM=False) == ["保修期", "多久"]
    assert path.read_bytes() == b"not a database"  # left for its owner to see, not overwritten


def test_a_first_chinese_question_reads_no_whole_dictionary(whole: jieba.Tokenizer) -> None:
    """With the table written, a fresh process tokenizes Chinese without unmarshalling ~500k words."""
    probe = (
        "from core.text import tokenize\nimport jieba\nassert tokenize('保修期多久')\n"
        "print(type(jieba.dt.FREQ).__name__)"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "TableFreq"


def test_the_table_and_jieba_cache_live_in_the_private_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the shared temporary folder, where another account could plant a table under the predictable name."""
    import jieba

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = jieba_dictionary.table_path()
    assert path is not None and path.parent == tmp_path / "salescoach"
    assert (tmp_path / "salescoach").stat().st_mode & 0o077 == 0
    tokenizer = jieba.Tokenizer()
    jieba_dictionary.prepare(tokenizer)
    assert tokenizer.tmp_dir == str(tmp_path / "salescoach")
    assert path.is_file()  # written for the next process


def test_a_cache_folder_others_can_write_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.cache import user_cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "salescoach").mkdir(mode=0o777)
    (tmp_path / "salescoach").chmod(0o777)
    assert user_cache_dir() is None
    assert jieba_dictionary.table_path() is None
