"""The SQL store on a real PostgreSQL server (by URL), not only SQLite.

A throwaway cluster is started from the machine's PostgreSQL binaries in a temporary folder on a free loopback
port; without the binaries (or the psycopg driver) the module is skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from authority.audit import list_decisions
from authority.decisions import AuthorityDesk
from authority.policy import import_policy
from coaching.coach import Coach
from coaching.importer import import_kpis
from core import migrations
from core.messages import Request
from core.roster import all_reps, get_rep
from core.settings import Settings
from core.store import OutdatedSchemaError, Store
from tests.ports import free_port
from workflows.identity import create_invite, redeem_invite, resolve_user
from workflows.roster_import import RosterImportError, import_roster

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None



@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="psycopg driver not installed")
    bindir = _bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries on this machine (initdb not found)")
    # Not under pytest's tmp folder: its parents are private to root, and the server runs as 'postgres'.
    folder = Path(tempfile.mkdtemp(prefix="salescoach-pg-"))
    # PostgreSQL refuses to run as root: run it as the 'postgres' system user when we are root.
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: cannot start PostgreSQL")
        shutil.chown(folder, user="postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    port = free_port()
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "salescoach"],
                   check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
                    "-w", "start"], check=True, capture_output=True)
    url = f"postgresql+psycopg://salescoach@127.0.0.1:{port}/postgres"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def pg_store(pg_url: str) -> Iterator[Store]:
    store = Store(pg_url)
    import_policy(store, SAMPLES / "policy.yaml")
    import_roster(store, SAMPLES / "roster.csv")
    yield store
    store.dispose()


def test_roster_and_policy_live_in_postgres(pg_store: Store) -> None:
    assert pg_store.engine.dialect.name == "postgresql"
    with pg_store.session() as session:
        assert len(all_reps(session)) == 13
        assert get_rep(session, "S003") is not None


def test_a_bad_roster_import_changes_nothing_in_postgres(pg_store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "rep_id,name,role,manager_id,telegram_user_id,region,channel,hire_date\n"
        "X1,Someone,junior,NOBODY,,east,direct,2026-01-01\n",
        encoding="utf-8",
    )
    with pytest.raises(RosterImportError, match=r"bad.csv:2: manager_id: 'NOBODY'"):
        import_roster(pg_store, bad)
    with pg_store.session() as session:
        assert len(all_reps(session)) == 13
        assert get_rep(session, "X1") is None


def test_decisions_are_audited_in_postgres(pg_store: Store) -> None:
    desk = AuthorityDesk(Settings(), store=pg_store, retriever=None)
    with pg_store.session() as session:
        asker = get_rep(session, "S003")
    reply = desk.answer(Request(text="可以打八五折吗？", asker=asker, door="cli"))
    assert reply is not None and reply.decision is not None
    assert reply.decision.allowed is False and reply.decision.requested == 15
    with pg_store.session() as session:
        entries = list_decisions(session, rep_id="S003")
    assert entries and entries[-1].question == "可以打八五折吗？"


def test_kpis_and_coaching_on_postgres(pg_store: Store) -> None:
    summary = import_kpis(pg_store, SAMPLES / "kpis.csv", SAMPLES / "channels.csv")
    assert summary.kpi_rows > 0 and summary.channel_rows > 0
    report = Coach(Settings(), store=pg_store).coach_rep("S005")
    assert any(f.kpi == "collection_rate" for f in report.findings)


def test_invites_on_postgres(pg_store: Store) -> None:
    code = create_invite(pg_store, "S004", timedelta(hours=1))
    rep = redeem_invite(pg_store, code, 777001)
    assert rep.rep_id == "S004"
    assert resolve_user(pg_store, 777001) is not None


def test_an_unversioned_0_1_0_database_upgrades_in_place_on_postgres(pg_url: str) -> None:
    """The 0.1.0 tables (revision 0001 without its version row, as `create_all` left them) upgrade on a server."""
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE release_010"))
    admin.dispose()
    url = pg_url.rsplit("/", 1)[0] + "/release_010"
    engine = create_engine(url)
    with engine.begin() as connection:
        migrations.command.upgrade(migrations.config(connection), "0001_baseline")
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text("INSERT INTO reps (rep_id, name, role) VALUES ('S001', 'Wang', 'junior')"))
    with pytest.raises(OutdatedSchemaError, match="run: salescoach db upgrade"):
        Store(url)
    stamped: list[str] = []
    with engine.begin() as connection:
        applied = migrations.upgrade(connection, on_stamped=stamped.append)
    engine.dispose()
    assert (stamped, applied) == (["0001_baseline"], ["0002_web_console"])
    store = Store(url)
    with store.session() as session:
        assert get_rep(session, "S001") is not None
    store.dispose()
