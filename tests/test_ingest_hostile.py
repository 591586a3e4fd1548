"""Ingest against hostile and careless input: audience front matter in every text format, links out of the
synced folder, parser bombs, oversized files and file names that carry terminal escape codes.

The CLI runs are the real `salescoach ingest` in a subprocess (real model, real Chroma) over small folders
built here; each folder is ingested once per module and several tests read the same run.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from fakes import HashingEmbeddings
from rich.console import Console

import ingest.pipeline as pipeline
from core.printable import printable
from core.settings import Settings
from ingest.docx import check_unzipped_size
from ingest.loaders import parse_file
from ingest.models import MB, IngestError, IngestRules
from ingest.pipeline import ingest_file, sync_paths
from knowledge.index import MANIFEST, KnowledgeIndex

SALESCOACH = Path(sys.executable).parent / "salescoach"
ESCAPED_NAME = "\x1b[2J\x1b[31mbroken.md"  # clears the screen and turns it red if printed raw
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# -- hostile file builders ------------------------------------------------------------------------------------


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_document_xml(base: bytes, document_xml: bytes) -> bytes:
    """`base` (a .docx) with word/document.xml replaced, every other part kept."""
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = document_xml if info.filename == "word/document.xml" else source.read(info.filename)
            target.writestr(info.filename, data)
    return out.getvalue()


def write_entity_bomb_docx(path: Path) -> Path:
    """A .docx whose document.xml is a "billion laughs" DTD: ten levels of ten-fold entity expansion."""
    entities = ['<!ENTITY a0 "lolololololololololol">'] + [
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<!DOCTYPE w:document [{''.join(entities)}]>\n"
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>'
    )
    path.write_bytes(_with_document_xml(_docx_bytes("placeholder"), xml.encode()))
    return path


def _zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, data as stored, method, crc32, uncompressed size): lets a test store a raw deflate
    stream it built itself, which zipfile's writer cannot."""
    out = bytearray()
    central = bytearray()
    for name, data, method, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(encoded), 0)
        out += encoded + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += encoded
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)


def write_zip_bomb_docx(path: Path, expanded_mb: int = 1024) -> Path:
    """A real zip bomb: a .docx of about 1 MB whose document.xml inflates to `expanded_mb` MB.

    After a full flush deflate forgets what came before, so one compressed megabyte of "A" repeated is a valid
    stream: the bomb takes a fraction of a second to build instead of compressing a gigabyte.
    """
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'
    )
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    block = b"A" * MB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head.encode()) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head.encode())
    for _ in range(expanded_mb):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + expanded_mb * MB + len(tail)

    base = zipfile.ZipFile(io.BytesIO(_docx_bytes("placeholder")))
    members = []
    for info in base.infolist():
        if info.filename == "word/document.xml":
            members.append((info.filename, first + repeated * expanded_mb + last, zipfile.ZIP_DEFLATED, crc, size))
        else:
            data = base.read(info.filename)
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            packed = packer.compress(data) + packer.flush()
            members.append((info.filename, packed, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data)))
    path.write_bytes(_zip(members))
    return path


# -- running the real CLI -------------------------------------------------------------------------------------


@dataclass
class Run:
    """One `salescoach ingest` process and the index it left."""

    home: Path
    folder: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()

    def chunks(self) -> list[tuple[str, str, str]]:
        """(source, text, audience) of every live chunk, read from the index manifest."""
        with sqlite3.connect(self.home / "lexical" / MANIFEST) as conn:
            return list(conn.execute("SELECT source, text, audience FROM chunks ORDER BY source, ordinal"))

    def sources(self) -> set[str]:
        return {source for source, _, _ in self.chunks()}


def ingest_cli(home: Path, *paths: Path, env: dict[str, str] | None = None) -> Run:
    environment = {**os.environ, "SALESCOACH_HOME": str(home), **(env or {})}
    done = subprocess.run(
        [str(SALESCOACH), "ingest", "--quiet", *map(str, paths)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Run(home, paths[0], done.returncode, done.stdout, done.stderr)


def _module_run(tmp_path_factory: pytest.TempPathFactory, build: Callable[[Path], Path], **env: str) -> Run:
    root = tmp_path_factory.mktemp("run")
    return ingest_cli(root / "home", build(root), env=env)


# -- audience front matter in .txt and .md, and file names with escape codes ------------------------------------


def _front_matter_kb(root: Path) -> Path:
    kb = root / "kb"
    kb.mkdir()
    (kb / "rebates.txt").write_text(
        "---\ntitle: Distributor Rebates\naudience: [manager, rep:S003]\n---\nDistributor Rebates\n\n"
        "The confidential distributor rebate is 12 percent.\n",
        encoding="utf-8",
    )
    (kb / "visits.txt").write_text("Visit Notes\n\nLog every visit within 24 hours.\n", encoding="utf-8")
    (kb / "people.md").write_text(
        "---\naudience: rep:S003, Director\n---\n# Territory Plan\n\nThe east territory grows first.\n",
        encoding="utf-8",
    )
    (kb / "typo.md").write_text(
        "---\ntitle: Margins\naudience: [Managers]\n---\n# Margins\n\nFloor margin is 18 percent.\n", encoding="utf-8"
    )
    (kb / "empty.txt").write_text(
        "---\naudience: []\n---\nBonus Plan\n\nThe bonus pool is 3 percent of sales.\n", encoding="utf-8"
    )
    (kb / ESCAPED_NAME).write_text("---\ntitle: never closed\n\nBody.\n", encoding="utf-8")
    (kb / "two\nlines.md").write_text("---\ntitle: never closed\n\nBody.\n", encoding="utf-8")
    return kb


@pytest.fixture(scope="module")
def front_matter_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _module_run(tmp_path_factory, _front_matter_kb)


def test_cli_reads_txt_front_matter_as_markdown_and_does_not_index_it(front_matter_run: Run) -> None:
    run = front_matter_run
    by_source: dict[str, list[tuple[str, str]]] = {}
    for source, text, audience in run.chunks():
        by_source.setdefault(Path(source).name, []).append((text, audience))
    assert {audience for _, audience in by_source["rebates.txt"]} == {"manager,rep:s003"}
    assert {audience for _, audience in by_source["people.md"]} == {"rep:s003,director"}
    assert {audience for _, audience in by_source["visits.txt"]} == {""}  # no front matter: public
    indexed = " ".join(text for chunks in by_source.values() for text, _ in chunks)
    assert "12 percent" in indexed
    assert "audience" not in indexed and "---" not in indexed


def test_cli_unknown_or_empty_audience_fails_that_file_only(front_matter_run: Run) -> None:
    run = front_matter_run
    kb = run.folder.resolve()
    assert run.returncode == 1
    assert f"error: {kb / 'typo.md'}: front matter line 3: audience 'Managers' is not a role (junior, " in run.stderr
    assert f"error: {kb / 'empty.txt'}: front matter line 2: audience is empty; " in run.stderr
    assert run.stdout.strip().startswith("added 3, updated 0, unchanged 0, removed 0, failed 4, ")
    assert {Path(s).name for s in run.sources()} == {"rebates.txt", "visits.txt", "people.md"}


def test_cli_prints_file_names_with_escape_codes_escaped(front_matter_run: Run) -> None:
    run = front_matter_run
    kb = run.folder.resolve()
    assert "\x1b" not in run.stderr + run.stdout
    assert any(line.startswith(f"error: {kb}/\\x1b[2J\\x1b[31mbroken.md: front matter opened") for line in run.lines)
    assert any(line.startswith(f"error: {kb}/two\\nlines.md: front matter opened") for line in run.lines)
    assert len(run.lines) == 4  # one line per failed file, the newline in a name included


def test_printable_escapes_controls_and_keeps_text() -> None:
    assert printable("a\x1b[2Jb\n\t\u202e\udcff\x7f.md") == "a\\x1b[2Jb\\n\\t\\u202e\\udcff\\x7f.md"
    assert printable("K7 净水器 (v2) 手册.md") == "K7 净水器 (v2) 手册.md"
    assert str(IngestError(Path("x\x1b[2J.md"), "bad")) == "x\\x1b[2J.md: bad"


def test_progress_bar_prints_file_names_escaped(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "zz\x1b[2J[bold]note.md").write_text("# Note\n\nCall back within a day.\n", encoding="utf-8")
    out = io.StringIO()
    console = Console(file=out, force_terminal=False, width=200)
    report = sync_paths([kb], _index(), progress=True, console=console)
    assert report.added == 1
    assert "\x1b" not in out.getvalue()
    assert "zz\\x1b[2J[bold]note.md" in out.getvalue()  # escaped, and not read as console markup


# -- symbolic links ---------------------------------------------------------------------------------------------


def _linked_kb(root: Path) -> Path:
    outside = root / "private"
    (outside / "hr").mkdir(parents=True)
    (outside / "salaries.md").write_text("# Salaries\n\nThe director earns 90,000 a month.\n", encoding="utf-8")
    (outside / "hr" / "reviews.md").write_text("# Reviews\n\nS004 is on a performance plan.\n", encoding="utf-8")
    kb = root / "kb"
    (kb / "products").mkdir(parents=True)
    (kb / "products" / "k7.md").write_text("# K7\n\nThe K7 filter lasts six months.\n", encoding="utf-8")
    (kb / "k7-link.md").symlink_to(kb / "products" / "k7.md")  # inside the folder: the same document
    (kb / "loop").symlink_to(kb)  # a folder linking to itself must not be walked forever
    (kb / "salaries.md").symlink_to(outside / "salaries.md")
    (kb / "hr").symlink_to(outside / "hr")
    return kb


@pytest.fixture(scope="module")
def links_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _module_run(tmp_path_factory, _linked_kb)


def test_cli_does_not_follow_links_out_of_the_folder(links_run: Run) -> None:
    run = links_run
    kb = run.folder.resolve()
    private = kb.parent / "private"
    assert run.returncode == 0, run.stderr
    assert run.lines == [
        f"skipped: {kb / 'hr'}: symbolic link to {private / 'hr'}, outside {kb}: not followed",
        f"skipped: {kb / 'salaries.md'}: symbolic link to {private / 'salaries.md'}, outside {kb}: not followed",
    ]
    assert run.sources() == {str(kb / "products" / "k7.md")}
    assert run.stdout.strip().startswith("added 1, updated 0, unchanged 0, removed 0, failed 0, ")


def _index() -> KnowledgeIndex:
    return KnowledgeIndex(Settings(), embeddings=HashingEmbeddings())


def test_document_behind_a_link_goes_when_the_link_goes(tmp_path: Path) -> None:
    kb = _linked_kb(tmp_path)
    index = _index()
    secret = str((tmp_path / "private" / "salaries.md").resolve())
    first = sync_paths([kb], index, progress=False)
    assert secret not in index.documents() and len(first.skipped) == 2
    (kb / "salaries.md").unlink()
    second = sync_paths([kb], index, progress=False)
    assert secret not in index.documents() and len(second.skipped) == 1
    assert (second.added, second.failed) == (0, 0)


def test_a_document_an_earlier_run_indexed_through_a_link_is_removed(tmp_path: Path) -> None:
    kb = _linked_kb(tmp_path)
    index = _index()
    secret = tmp_path / "private" / "salaries.md"
    ingest_file(secret, index)  # what a version that followed the link left in the index
    assert str(secret.resolve()) in index.documents()
    report = sync_paths([kb], index, progress=False)
    assert str(secret.resolve()) not in index.documents()
    assert report.removed == 1


# -- parser bombs and oversized files ---------------------------------------------------------------------------


def _hostile_kb(root: Path) -> Path:
    kb = root / "kb"
    kb.mkdir()
    (kb / "a-good.md").write_text("# Returns\n\nRefunds are paid within 7 working days.\n", encoding="utf-8")
    (kb / "b-good.docx").write_bytes(_docx_bytes("Exchanges are allowed within 30 days."))
    write_entity_bomb_docx(kb / "entities.docx")
    write_zip_bomb_docx(kb / "zipbomb.docx")
    (kb / "huge.txt").write_text("Huge\n\n" + "A long line of notes.\n" * 150_000, encoding="utf-8")  # 3.3 MB
    return kb


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _module_run(tmp_path_factory, _hostile_kb, SALESCOACH_MAX_FILE_MB="2")


def test_cli_parser_errors_fail_one_file_and_the_rest_is_indexed(hostile_run: Run) -> None:
    run = hostile_run
    kb = run.folder.resolve()
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert (
        f"error: {kb / 'entities.docx'}: cannot parse (XMLSyntaxError: Maximum entity amplification factor "
        "exceeded" in run.stderr
    )
    assert run.sources() == {str(kb / "a-good.md"), str(kb / "b-good.docx")}
    assert run.stdout.strip().startswith("added 2, updated 0, unchanged 0, removed 0, failed 3, ")
    assert len(run.lines) == 3


def test_cli_refuses_a_zip_bomb_by_its_unzipped_size(hostile_run: Run) -> None:
    zipbomb = hostile_run.folder / "zipbomb.docx"
    assert zipbomb.stat().st_size < 1.2 * MB
    assert re.search(
        rf"^error: {re.escape(str(zipbomb.resolve()))}: unzips to 1024\.\d MB, over the 2 MB limit "
        r"\(SALESCOACH_MAX_FILE_MB\); not unzipped$",
        hostile_run.stderr,
        re.M,
    )


def test_cli_refuses_a_file_over_the_size_limit(hostile_run: Run) -> None:
    assert (
        f"error: {hostile_run.folder.resolve() / 'huge.txt'}: file is 3.1 MB, over the 2 MB limit "
        "(SALESCOACH_MAX_FILE_MB); not ingested"
    ) in hostile_run.lines


def test_zip_size_is_read_from_the_directory_before_anything_is_inflated(tmp_path: Path) -> None:
    # The member's data is not deflate at all: refusing it by size proves nothing was decompressed.
    lying = _zip([("word/document.xml", b"\xff" * 64, zipfile.ZIP_DEFLATED, 0, 1 << 30)])
    with pytest.raises(IngestError, match=r"unzips to 1024\.0 MB, over the 50 MB limit"):
        check_unzipped_size(tmp_path / "x.docx", lying, 50 * MB)
    check_unzipped_size(tmp_path / "ok.docx", _docx_bytes("fine"), 50 * MB)  # a normal file passes


def test_zip_bomb_builder_makes_a_valid_stream(tmp_path: Path) -> None:
    """The test bomb is real: a small one inflates to exactly what its directory says."""
    path = write_zip_bomb_docx(tmp_path / "small.docx", expanded_mb=3)
    with zipfile.ZipFile(path) as archive:
        assert len(archive.read("word/document.xml")) == archive.getinfo("word/document.xml").file_size > 3 * MB
    assert path.stat().st_size < 60_000  # the Word template itself is about 34 KB


def test_size_limit_applies_to_a_single_file_and_briefing_ingest(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("# Big\n\n" + "x" * 3000 + "\n", encoding="utf-8")
    rules = IngestRules(max_bytes=2000)
    with pytest.raises(IngestError, match=r"big\.md: file is .* MB, over the .* MB limit \(SALESCOACH_MAX_FILE_MB\)"):
        parse_file(big, rules)
    with pytest.raises(IngestError, match="over the"):
        ingest_file(big, _index(), rules)


# -- the writer lock is not held while parsing ------------------------------------------------------------------


def _lock_is_free(index: KnowledgeIndex) -> bool:
    """Whether another writer (another thread here; the flock makes it hold across processes) could write now."""
    result: list[bool] = []

    def probe() -> None:
        with index.writing(wait=False) as held:
            result.append(held)

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return result[0]


def test_sync_parses_without_holding_the_writer_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (kb / name).write_text(f"# {name}\n\nNotes about {name} for the sales team.\n", encoding="utf-8")
    index = _index()
    free_while_parsing: list[bool] = []
    parse = pipeline._parse

    def observed_parse(*args: Any) -> Any:
        free_while_parsing.append(_lock_is_free(index))
        return parse(*args)

    monkeypatch.setattr(pipeline, "_parse", observed_parse)
    report = sync_paths([kb], index, progress=False, batch_chunks=1)
    assert report.added == 3
    assert free_while_parsing == [True, True, True]  # a briefing pushed meanwhile would not wait for the parse
    assert _lock_is_free(index)


def test_show_and_rebuild_print_names_escaped_and_keep_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from cli import app

    big = tmp_path / "big\x1b[2J.txt"
    big.write_text("Big\n\n" + "Many words here.\n" * 100_000, encoding="utf-8")  # 1.7 MB
    monkeypatch.setenv("SALESCOACH_MAX_FILE_MB", "1")
    runner = CliRunner()
    shown = runner.invoke(app, ["ingest", "--show", str(big)])
    assert shown.exit_code == 1
    assert shown.stderr == (
        f"error: {tmp_path}/big\\x1b[2J.txt: file is 1.6 MB, over the 1 MB limit (SALESCOACH_MAX_FILE_MB); "
        "not ingested\n"
    )
    rebuilt = runner.invoke(app, ["ingest", "--rebuild", str(tmp_path / "gone\x1b[2J[red]")])
    assert rebuilt.exit_code == 2
    assert rebuilt.stderr == (
        f"error: --rebuild: {tmp_path}/gone\\x1b[2J[red]: no such file or folder; nothing was dropped\n"
    )  # escaped, and "[red]" printed as written, not read as console markup
