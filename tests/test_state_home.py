"""The state folder under faults: simultaneous first questions, a read-only home, damaged files, a home path
through a file, a missing home. Broken state is checked through the real CLI in a subprocess (one stderr line,
exit 1); the first-questions burst through the assistant core and through the real bot against the stand-in API.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from botapi import TEST_TOKEN, FakeBotApi
from fakes import HashingEmbeddings
from fixtures_bot import KB_EN, KB_ZH, TG, running_bot
from fixtures_knowledge import MANUAL_EN, MANUAL_ZH, load, new_index

from core.messages import Request
from core.settings import Settings
from core.store import Store
from ingest.pipeline import sync_paths
from workflows.roster_import import import_roster
from workflows.services import Services

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SALESCOACH = Path(sys.executable).parent / "salescoach"
LATE = "What do I do when a delivery is late?"
ANSWER = "call the customer the same day"
BURST = 8  # simultaneous first questions (the issue saw the crash with 4)


def _write_kb(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "delivery.md").write_text(KB_EN, encoding="utf-8")
    (folder / "delivery-zh.md").write_text(KB_ZH, encoding="utf-8")
    return folder


def _loaded_home(home: Path, kb: Path) -> None:
    """A home with the sample roster and the delivery handbook indexed with fake embeddings."""
    settings = Settings(home=home)
    services = Services(settings, embeddings=HashingEmbeddings())
    import_roster(services.store, SAMPLES / "roster.csv")
    report = sync_paths([kb], services.index, progress=False)
    assert report.failed == 0, report.summary()
    services.index.close()
    services.close()


@pytest.fixture
def fresh_home(tmp_path: Path) -> Path:
    """A loaded home that this process has never opened: chromadb keeps one client system per path and
    process, so the copy's Chroma client is created from scratch, as in a bot that has just started."""
    built = tmp_path / "built"
    _loaded_home(built, _write_kb(tmp_path / "kb"))
    fresh = tmp_path / "fresh"
    shutil.copytree(built, fresh)
    return fresh


# ------------------------------------------------------------------------------------ simultaneous first questions
@pytest.mark.parametrize("round_", range(3), ids=["round-1", "round-2", "round-3"])
def test_simultaneous_first_questions_through_the_core_all_get_answers(fresh_home: Path, round_: int) -> None:
    services = Services(Settings(home=fresh_home), embeddings=HashingEmbeddings())
    start = threading.Barrier(BURST)
    answers: list[str] = []
    errors: list[BaseException] = []

    def ask() -> None:
        start.wait()
        try:
            reply = services.assistant.ask(Request(text=LATE, door="cli"))
            answers.append(reply.answer)
        except BaseException as exc:  # collected and reported below: a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, [repr(e) for e in errors]
    expected = services.assistant.ask(Request(text=LATE, door="cli")).answer  # asked alone, once all is built
    services.close()
    assert answers == [expected] * BURST


async def test_several_users_asking_the_real_bot_at_once_all_get_answers(fresh_home: Path) -> None:
    services = Services(Settings(home=fresh_home), embeddings=HashingEmbeddings())
    users = [TG[r] for r in ("S001", "S002", "S003", "S005", "S006", "S007", "S008", "M001")]
    async with running_bot(services) as bot:
        mark = bot.api.mark()
        for user in users:  # all queued before the bot's next poll: they arrive in one getUpdates batch
            bot.api.push_message(user, LATE)
        replies = await asyncio.gather(*(bot.api.wait_sent(u, since=mark, timeout=60) for u in users))
    services.close()
    texts = [sent[0].text for sent in replies]
    assert not any("went wrong" in text for text in texts), texts
    assert len(set(texts)) == 1, texts  # one public handbook: every rep gets the same answer


async def test_several_users_asking_the_bot_process_in_its_first_seconds_all_get_answers(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = Store.from_settings(Settings(home=home))
    import_roster(store, SAMPLES / "roster.csv")
    store.dispose()
    ingested = _cli(home, "ingest", "--quiet", str(_write_kb(tmp_path / "kb")))  # the real model, as the bot's
    assert ingested.returncode == 0, ingested.stderr[-2000:]
    users = [TG[r] for r in ("S001", "S002", "S003", "S005", "S006", "M001")]
    async with FakeBotApi() as api:
        env = {**os.environ, "SALESCOACH_HOME": str(home), "TELEGRAM_BOT_TOKEN": TEST_TOKEN}
        env["TELEGRAM_API_BASE_URL"] = api.base_url
        process = await asyncio.create_subprocess_exec(
            str(SALESCOACH), "bot", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        try:
            await api.wait_call("setMyCommands", 2, timeout=120)
            mark = api.mark()
            for user in users:  # the first questions, together, before the model has loaded
                api.push_message(user, LATE)
            replies = await asyncio.gather(*(api.wait_sent(u, since=mark, timeout=120) for u in users))
        finally:
            process.terminate()
            _out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    texts = [sent[0].text for sent in replies]
    assert not any("went wrong" in text for text in texts), (texts, err.decode()[-3000:])
    assert all(ANSWER in text for text in texts), texts


# ------------------------------------------------------------------------------------------------ the real CLI
def _cli(home: Path, *args: str, preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SALESCOACH_HOME": str(home),
        "TELEGRAM_BOT_TOKEN": "123456789:AAF-state-test-token-0000000000",
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",  # never reached: the home fails first
        "COLUMNS": "1000",  # one logical line stays one physical line
    }
    return subprocess.run(
        [str(SALESCOACH), *args],
        env=env,
        cwd=home.parent if home.parent.is_dir() else None,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec,
        check=False,
    )


def _one_line_error(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[-2000:]
    for fragment in expected:
        assert fragment in lines[0], lines[0]
    return lines[0]


def _damaged(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a SQLite database\n" * 200)


def _home_with_damaged_db(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    _damaged(home / "salescoach.db")
    return home


def _home_with_damaged_manifest(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    store = Store.from_settings(Settings(home=home))
    import_roster(store, SAMPLES / "roster.csv")
    store.dispose()
    _damaged(home / "lexical" / "manifest.sqlite3")
    return home


def _home_through_a_file(tmp_path: Path) -> Path:
    (tmp_path / "a-file").write_text("not a folder\n")
    return tmp_path / "a-file" / "sub"


def _missing_home(tmp_path: Path) -> Path:
    return tmp_path / "no-such-home"


BROKEN = {
    "db": (_home_with_damaged_db, ["salescoach.db: damaged", "restore it from a backup"]),
    "manifest": (_home_with_damaged_manifest, ["manifest.sqlite3: damaged", "ingest --rebuild"]),
    "through-file": (_home_through_a_file, ["a-file, which is a file", "set SALESCOACH_HOME"]),
    "missing": (_missing_home, ["no data at", "no-such-home", "salescoach sample"]),
}
ASK_AS = ["ask", "--as", "S003", LATE]
CASES = [
    ("db", ["audit"]),
    ("db", ["roster", "import", str(SAMPLES / "roster.csv")]),
    ("db", ["coach", "S003"]),
    ("db", ["invite", "S003"]),
    ("db", ASK_AS),
    ("db", ["bot"]),
    ("manifest", ["ask", LATE]),
    ("manifest", ["ingest", "KB"]),
    ("manifest", ["bot"]),
    ("through-file", ["ask", LATE]),
    ("through-file", ["roster", "import", str(SAMPLES / "roster.csv")]),
    ("missing", ASK_AS),
    ("missing", ["coach", "S003"]),
    ("missing", ["audit"]),
    ("missing", ["invite", "S003"]),
]


@pytest.mark.parametrize(
    ("state", "args"), CASES, ids=[f"{state}-{args[0]}{'-as' if '--as' in args else ''}" for state, args in CASES]
)
def test_a_broken_home_is_one_line_naming_the_file_and_what_to_do(
    tmp_path: Path, state: str, args: list[str]
) -> None:
    make, expected = BROKEN[state]
    home = make(tmp_path)
    args = [str(_write_kb(tmp_path / "kb")) if a == "KB" else a for a in args]
    result = _cli(home, *args)
    _one_line_error(result, *expected)
    if state == "missing":
        assert not home.exists()  # nothing was created to answer "unknown rep id" from


# ----------------------------------------------------------------------------------------------- read-only home
PR_CAPBSET_DROP = 24
# Capabilities that let root write (and search) files whatever their mode bits say.
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def _honouring_modes(probe_dir: Path) -> Callable[[], None] | None:
    """A preexec_fn under which the child cannot write a file its mode bits forbid, or None when it need not
    do anything (not root). Skips the test when mode bits cannot be made to bind."""
    if os.geteuid() != 0:
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        pytest.skip("running as root without prctl: chmod does not stop root's writes, so no read-only home here")

    def drop() -> None:  # runs in the child between fork and exec: a system call, nothing else
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
            if prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")

    probe_dir.mkdir()
    (probe_dir / "f").write_text("x")
    os.chmod(probe_dir / "f", 0o444)
    os.chmod(probe_dir, 0o555)
    try:
        wrote = subprocess.run(
            [sys.executable, "-c", f"open({str(probe_dir / 'f')!r}, 'w')"], preexec_fn=drop, capture_output=True
        ).returncode == 0
    except (OSError, subprocess.SubprocessError):
        wrote = True
    if wrote:
        pytest.skip(
            "running as root and the capabilities that override file modes (CAP_DAC_OVERRIDE) cannot be dropped "
            "here, so chmod does not make a home read-only for this process"
        )
    return drop


def _tree(home: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(home)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(home.rglob("*"))}


@contextlib.contextmanager
def _read_only(home: Path) -> Iterator[None]:
    """chmod -R a-w, then back (so the temporary folder can be removed)."""
    paths = [home, *home.rglob("*")]
    for path in paths:
        path.chmod(path.stat().st_mode & ~0o222)
    try:
        yield
    finally:
        for path in paths:
            path.chmod(path.stat().st_mode | 0o200)


def test_a_read_only_home_answers_questions_and_refuses_writes_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    kb = _write_kb(tmp_path / "kb")
    preexec = _honouring_modes(tmp_path / "probe")
    store = Store.from_settings(Settings(home=home))
    import_roster(store, SAMPLES / "roster.csv")
    store.dispose()
    ingested = _cli(home, "ingest", "--quiet", str(kb))  # the real embedding model, as `ask` will use
    assert ingested.returncode == 0, ingested.stderr[-2000:]
    with _read_only(home):
        before = _tree(home)
        asked = _cli(home, *ASK_AS, preexec=preexec)
        assert asked.returncode == 0, asked.stderr[-2000:]
        assert ANSWER in asked.stdout and "Delivery Handbook" in asked.stdout
        assert "error" not in asked.stderr.lower()
        assert _tree(home) == before  # nothing under the home was written, not even a lock or a cache
        refused = _cli(home, "ingest", str(kb), preexec=preexec)
        _one_line_error(refused, str(home), "read-only", "chmod -R u+w")


# ------------------------------------------------------------------------------------------- a manifest replaced
def test_a_new_manifest_never_loads_the_bm25_snapshot_of_the_one_moved_aside() -> None:
    old = load(new_index(), MANUAL_EN)
    old_ids = set(old.lexical().chunk_ids)  # built and saved as the snapshot next to the manifest
    old.close()
    manifest = old.manifest_path
    manifest.rename(manifest.with_name("manifest.sqlite3.damaged"))  # what the damaged-manifest error advises
    new = load(new_index(), MANUAL_ZH)  # as many manifest flips as the old one: the same generation from 0
    new_ids = set(new.lexical().chunk_ids)
    assert new_ids and not new_ids & old_ids
    assert new_ids == set(new.fetch(sorted(new_ids)))
