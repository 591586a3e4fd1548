"""The knowledge index against a Chroma server (SALESCOACH_CHROMA_URL), not only the embedded client.

The test starts the `chroma` server that the chromadb package installs, on a free loopback port, and syncs the
sample product sheets into it; without that executable the module is skipped.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import Settings
from ingest.pipeline import sync_paths
from knowledge.index import KnowledgeIndex
from knowledge.retriever import HybridRetriever
from tests.fakes import HashingEmbeddings
from tests.ports import free_port

PRODUCTS = Path(__file__).resolve().parent.parent / "samples" / "kb" / "products"



@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    executable = Path(sys.executable).parent / "chroma"
    if not executable.exists():
        found = shutil.which("chroma")
        if found is None:
            pytest.skip("the chroma server executable is not installed")
        executable = Path(found)
    port = free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen(
        [str(executable), "run", "--path", str(folder / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
                    break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"chroma server did not start: {(folder / 'server.log').read_text()[-500:]}")
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_sync_and_retrieve_through_a_chroma_server(chroma_url: str, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", chroma_url=chroma_url)
    settings.ensure_home()
    index = KnowledgeIndex(settings, embeddings=HashingEmbeddings())
    report = sync_paths([PRODUCTS], index, progress=False)
    assert report.failed == 0 and report.added == len(list(PRODUCTS.glob("*.md")))
    again = sync_paths([PRODUCTS], index, progress=False)
    assert again.unchanged == report.added and again.chunks == 0
    hits = HybridRetriever(index=index, k=3).search("AX-100 Pro warranty")
    assert hits and hits[0].source.endswith("ax-100-pro.md")
