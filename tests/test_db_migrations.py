"""Schema migrations: a database made by salescoach 0.1.0 (checked in, made by that release's `create_all` with a
roster, a policy, an audited decision and a briefing) is refused until `salescoach db upgrade`, which keeps its
rows; a new home starts at the head revision; the revisions build exactly the models' schema.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, func, select
from typer.testing import CliRunner, Result

from authority.audit import AuditRecord
from cli import app
from core import migrations
from core.roster import Rep
from core.settings import Settings
from core.store import Base, OutdatedSchemaError, Store
from workflows.schema import load_models
from workflows.services import Services

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "salescoach-0.1.0.db"
UPGRADE_LINE = "run: salescoach db upgrade"
runner = CliRunner()


def cli(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.fixture
def old_home() -> Path:
    """SALESCOACH_HOME holding a copy of the 0.1.0 database."""
    home = Path(os.environ["SALESCOACH_HOME"])
    home.mkdir(parents=True)
    shutil.copyfile(FIXTURE, home / "salescoach.db")
    return home


def _tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_the_fixture_is_an_unversioned_0_1_0_database() -> None:
    tables = _tables(FIXTURE)
    assert "alembic_version" not in tables
    assert {"reps", "audit_decisions", "briefings", "telegram_links"} <= tables
    assert "web_login_tokens" not in tables  # added after 0.1.0: the upgrade has something to do


@pytest.mark.parametrize("command", [["audit"], ["team", "M001"], ["gaps"], ["sample", "--if-missing"]])
def test_commands_refuse_an_old_database_in_one_line(old_home: Path, command: list[str]) -> None:
    before = (old_home / "salescoach.db").read_bytes()
    result = cli(*command)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {old_home / 'salescoach.db'}: ")
    assert "un-versioned (salescoach 0.1.0)" in lines[0]
    assert lines[0].endswith(UPGRADE_LINE)
    assert "alembic_version" not in _tables(old_home / "salescoach.db")
    assert (old_home / "salescoach.db").read_bytes() == before


def test_the_bot_refuses_an_old_database_before_it_starts(old_home: Path) -> None:
    """The bot reaches the database through Services, like every door."""
    services = Services(Settings(home=old_home))
    with pytest.raises(OutdatedSchemaError, match=UPGRADE_LINE):
        _ = services.store


def test_db_upgrade_migrates_in_place_and_keeps_the_rows(old_home: Path) -> None:
    current = cli("db", "current")
    assert current.exit_code == 0, current.output
    assert current.stdout.splitlines()[0] == "un-versioned (salescoach 0.1.0)"
    assert current.stdout.strip().endswith(UPGRADE_LINE)

    upgraded = cli("db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.output
    assert upgraded.stdout.splitlines() == [
        "found the tables of 0001_baseline (no revision recorded): stamped 0001_baseline",
        "applied 0002_web_console: The web console's tables: one-time login links (hashed) and content gaps "
        "marked as handled.",
    ]
    assert cli("db", "upgrade").stdout.strip() == "up to date"
    assert cli("db", "current").stdout.splitlines() == [
        "0002_web_console (The web console's tables: one-time login links (hashed) and content gaps marked as "
        "handled.)",
        "up to date",
    ]

    store = Store.from_settings(Settings(home=old_home), "read")
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Rep)) == 13
        record = session.scalars(select(AuditRecord)).one()
        assert (record.rep_id, record.question, record.decision["allowed"]) == (
            "S003",
            "Can I give 12% discount?",
            False,
        )
    store.dispose()
    with sqlite3.connect(old_home / "salescoach.db") as conn:
        assert conn.execute("SELECT title, author_id FROM briefings").fetchall() == [("Q1 price list", "M001")]
        assert conn.execute("SELECT rep_id, state FROM briefing_recipients").fetchall() == [("S003", "delivered")]
    assert {"web_login_tokens", "web_handled_gaps"} <= _tables(old_home / "salescoach.db")

    audit = cli("audit")
    assert audit.exit_code == 0, audit.output
    assert "S003" in audit.stdout and "12%" in audit.stdout
    invite = cli("invite", "S003")
    assert invite.exit_code == 0, invite.output


def test_a_new_home_is_created_at_the_head_revision(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'new.db'}")
    with store.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == migrations.head() == "0002_web_console"
        # The revisions build exactly what the models declare: a model changed without a revision fails here.
        load_models()
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    store.dispose()
    Store(f"sqlite:///{tmp_path / 'new.db'}").dispose()  # opened again: at head, accepted


def test_a_fresh_home_through_the_cli_is_at_head() -> None:
    assert cli("audit").exit_code == 1  # nothing loaded: "no data", and no database made
    assert cli("db", "current").exit_code == 1
    policy = Path(__file__).resolve().parent.parent / "samples" / "policy.yaml"
    assert cli("policy", "import", str(policy)).exit_code == 0
    assert cli("db", "current").stdout.splitlines()[-1] == "up to date"


def test_a_database_made_by_create_all_of_this_release_is_stamped_without_changes(tmp_path: Path) -> None:
    """Homes created earlier with `create_all` of the current models are recognised at the head revision."""
    load_models()
    engine = create_engine(f"sqlite:///{tmp_path / 'today.db'}")
    Base.metadata.create_all(engine)
    applied: list[str] = []
    stamped: list[str] = []
    with engine.begin() as connection:
        migrations.upgrade(connection, on_applied=applied.append, on_stamped=stamped.append)
    with engine.connect() as connection:
        assert migrations.status(connection).up_to_date
    engine.dispose()
    assert (stamped, applied) == (["0002_web_console"], [])


def test_foreign_tables_are_refused_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE reps (rep_id TEXT PRIMARY KEY)")
    engine = create_engine(f"sqlite:///{db}")
    refused = r"match no release of salescoach \(missing tables: audit_decisions"
    with pytest.raises(migrations.SchemaError, match=refused), engine.begin() as connection:
        migrations.upgrade(connection)
    engine.dispose()
    assert _tables(db) == {"reps"}


def test_a_database_from_a_newer_release_is_refused(old_home: Path) -> None:
    assert cli("db", "upgrade").exit_code == 0
    with sqlite3.connect(old_home / "salescoach.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    result = cli("audit")
    assert result.exit_code == 1
    assert "revision 0099_future, made by a newer release" in result.stderr
    upgrade = cli("db", "upgrade")
    assert upgrade.exit_code == 1
    assert "newer release" in upgrade.stderr


def test_revisions_form_one_line_ending_at_head() -> None:
    assert migrations.revisions() == ["0001_baseline", "0002_web_console"]
    assert migrations.head() == migrations.revisions()[-1]
