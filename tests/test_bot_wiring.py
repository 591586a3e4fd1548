"""The bot's wiring: one builder registers every handler explicitly, the handlers share one typed BotData (made
by python-telegram-bot through ContextTypes), no string keys into bot_data anywhere, and no handler module
imports the builder back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from botapi import TEST_TOKEN
from fixtures_bot import build_services
from telegram.ext import CallbackContext, CommandHandler, ConversationHandler

from bot.app import MENU_COMMANDS, build_application
from bot.context import BotApplication, BotData, NotWiredError, wired
from core.catalogue import text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def application(tmp_path_factory: pytest.TempPathFactory) -> BotApplication:
    services = build_services(tmp_path_factory.mktemp("wiring"))
    return build_application(services, token=TEST_TOKEN, base_url="http://127.0.0.1:9/bot")


def test_bot_data_is_typed_and_wired_before_the_first_update(application: BotApplication) -> None:
    data = application.bot_data
    assert isinstance(data, BotData)
    assert application.context_types.bot_data is BotData
    assert isinstance(CallbackContext(application).bot_data, BotData)  # what every handler and job is given
    assert data.services is not None and data.limiter is not None
    assert data.onboarding_desk is not None and data.briefing_desk is not None
    assert data.menu == list(MENU_COMMANDS)
    assert len(data.on_link) == 1  # briefings waiting for someone who just linked


def test_every_command_is_registered_once_and_in_the_menu(application: BotApplication) -> None:
    registered: list[str] = []
    for handlers in application.handlers.values():
        for handler in handlers:
            if isinstance(handler, ConversationHandler):
                registered += [c for entry in handler.entry_points if isinstance(entry, CommandHandler)
                               for c in entry.commands]  # fmt: skip
            elif isinstance(handler, CommandHandler):
                registered += list(handler.commands)
    assert sorted(registered) == sorted(MENU_COMMANDS)
    for command in MENU_COMMANDS:  # each described in both languages
        assert text(f"menu.{command}", "en") and text(f"menu.{command}", "zh")


def test_a_part_left_unwired_names_the_builder() -> None:
    with pytest.raises(NotWiredError, match="build_application"):
        wired(BotData().services, "services")


def _bot_modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "bot").glob("*.py"))}


def test_no_handler_module_imports_the_builder() -> None:
    """bot.app imports the handler modules; one importing it back made the registration order matter."""
    modules = _bot_modules()
    assert {"app", "handlers", "briefing_handlers", "onboarding_handlers", "context"} <= set(modules)
    offenders = sorted(
        name
        for name, tree in modules.items()
        if name not in {"app", "run"}  # run starts the bot the builder made
        for node in ast.walk(tree)
        if (isinstance(node, ast.ImportFrom) and node.module == "bot.app")
        or (isinstance(node, ast.ImportFrom) and node.module == "bot" and any(a.name == "app" for a in node.names))
        or (isinstance(node, ast.Import) and any(a.name == "bot.app" for a in node.names))
    )
    assert offenders == []


def test_nothing_reads_bot_data_by_a_string_key() -> None:
    """bot_data is BotData: `bot_data[...]` or `bot_data.get(...)` anywhere is a leftover of the string keys."""
    paths = [*sorted((ROOT / "bot").glob("*.py")), *sorted((ROOT / "bench").glob("*.py")),
             *sorted((ROOT / "tests").glob("*.py"))]  # fmt: skip
    offenders = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            target = node.value if isinstance(node, ast.Subscript) else None
            if isinstance(node, ast.Attribute) and node.attr in {"get", "setdefault"}:
                target = node.value
            if isinstance(target, ast.Attribute) and target.attr == "bot_data":
                offenders.append(f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}")
    assert offenders == []
