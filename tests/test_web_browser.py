"""The console in a real browser: headless Chromium logs in through a one-time link against a live uvicorn
server and shows what a manager and a rep may see, with the chart drawn (checked on a screenshot's pixels)."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fixtures_web import console_app, populate
from ports import free_port

from core.settings import Settings
from core.store import Store
from workflows.web_login import issue_link

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)"
)


@pytest.fixture
def server() -> Iterator[tuple[str, Store]]:
    settings = Settings()
    store = Store.from_settings(settings)
    populate(store, settings)
    _services, app = console_app(settings, store)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    running.should_exit = True
    thread.join(timeout=10)
    store.dispose()


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium once with its own profile; returns what it printed."""
    assert CHROMIUM is not None
    profile = tmp_path / f"profile-{time.monotonic_ns()}"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--hide-scrollbars", f"--user-data-dir={profile}", *args,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_manager_logs_in_by_link_and_sees_the_team(server: tuple[str, Store], tmp_path: Path) -> None:
    base, store = server
    dom = chromium(tmp_path, "--dump-dom", issue_link(store, "GM001", base))
    assert "Team of Generated Manager 1" in dom and "GR0008" in dom and "GR0009" not in dom
    assert "Top coaching priorities" in dom and "<svg" in dom


def test_rep_lands_on_their_own_coaching_without_team_pages(server: tuple[str, Store], tmp_path: Path) -> None:
    base, store = server
    dom = chromium(tmp_path, "--dump-dom", issue_link(store, "GR0002", base))
    assert "Generated Rep 2 (GR0002)" in dom and "Suggested actions" in dom
    assert 'href="/team"' not in dom and "GR0003" not in dom


def test_used_link_in_the_browser_logs_nobody_in(server: tuple[str, Store], tmp_path: Path) -> None:
    base, store = server
    link = issue_link(store, "GM001", base)
    chromium(tmp_path, "--dump-dom", link)
    dom = chromium(tmp_path, "--dump-dom", link)
    assert "This link is no longer valid" in dom and "Generated" not in dom


def test_team_chart_is_drawn(server: tuple[str, Store], tmp_path: Path) -> None:
    from matplotlib.image import imread

    base, store = server
    shot = tmp_path / "team.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1400", issue_link(store, "GM001", base))
    pixels = imread(shot)[:, :, :3]
    # The chart's "high" bars are #b3261e; elsewhere that red is only a 4-pixel border beside a priority, so a
    # chart that is drawn shows it across many pixel columns.
    red = (abs(pixels[:, :, 0] - 0xB3 / 255) < 0.03) & (abs(pixels[:, :, 1] - 0x26 / 255) < 0.03)
    assert int(red.any(axis=0).sum()) > 40
