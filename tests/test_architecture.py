"""The layout's rules, checked on the source: who may import whom.

Doors (bot = Telegram, cli = typer commands and the console chat, web) sit over workflows, which sit over the
domains (knowledge, authority, compliance, coaching, ingest), which sit over core. Only bot/ imports telegram,
nothing imports a door, the packages import each other without a cycle, and no project module is loaded by a
name in a string.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "ingest", "knowledge", "authority", "compliance", "coaching", "workflows", "bot", "cli", "web")
DOORS = ("bot", "cli", "web")
# Imports allowed against the rules, each with its reason (a test below fails when one is no longer needed):
# - `salescoach bot` and `salescoach web` are the commands that start the Telegram and web doors: the places a
#   door is launched from another (inside the command function, at the edge).
EXCEPTIONS: dict[str, set[str]] = {
    "cli.telegram": {"bot"},
    "cli.web": {"web"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).is_dir() else []:
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, anywhere in the file (TYPE_CHECKING blocks included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def _package_edges() -> dict[str, set[str]]:
    """package -> the other project packages its modules import (allowed exceptions left out)."""
    edges: dict[str, set[str]] = {package: set() for package in PACKAGES}
    for module, path in MODULES.items():
        package = module.split(".")[0]
        imported = {name for name in _imports(path) if name in PACKAGES and name != package}
        edges[package] |= imported - EXCEPTIONS.get(module, set())
    return edges


def find_cycle(edges: dict[str, set[str]]) -> str | None:
    """One import cycle as "a -> b -> a", or None."""
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> str | None:
        if node in path:
            return " -> ".join((*path[path.index(node):], node))
        if node in done:
            return None
        for target in sorted(edges.get(node, ())):
            cycle = visit(target, (*path, node))
            if cycle:
                return cycle
        done.add(node)
        return None

    for node in sorted(edges):
        cycle = visit(node, ())
        if cycle:
            return cycle
    return None


def test_layout_is_found() -> None:
    """Guards the other tests: an empty scan would pass them all."""
    assert {"core.store", "core.documents", "workflows.services", "bot.app", "cli.console"} <= set(MODULES)


def test_only_bot_imports_telegram() -> None:
    offenders = sorted(
        module
        for module, path in MODULES.items()
        if module.split(".")[0] != "bot"
        and "telegram" not in EXCEPTIONS.get(module, set())
        and "telegram" in _imports(path)
    )
    assert offenders == []


def test_nothing_imports_a_door() -> None:
    offenders = sorted(
        f"{package} -> {door}" for package, targets in _package_edges().items() for door in DOORS if door in targets
    )
    assert offenders == []


def test_exceptions_are_still_needed() -> None:
    unused = sorted(
        f"{module} -> {name}"
        for module, names in EXCEPTIONS.items()
        for name in names
        if module in MODULES and name not in _imports(MODULES[module])
    )
    assert unused == [], "remove these from EXCEPTIONS"


def test_every_table_module_is_in_the_schema() -> None:
    """The store creates the tables of workflows.schema's modules; a module left out would lose its tables."""
    from workflows.schema import TABLE_MODULES

    def declares_tables(path: Path) -> bool:
        return any(
            isinstance(node, ast.ClassDef) and any(isinstance(b, ast.Name) and b.id == "Base" for b in node.bases)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )

    assert {module for module, path in MODULES.items() if declares_tables(path)} == {
        module.__name__ for module in TABLE_MODULES
    }


def test_core_stands_alone() -> None:
    assert _package_edges()["core"] == set()


def test_ingest_imports_core_only() -> None:
    assert _package_edges()["ingest"] <= {"core"}


def test_packages_import_without_a_cycle() -> None:
    assert find_cycle(_package_edges()) is None


def test_a_cycle_is_found() -> None:
    """The cycle check can fail: a clean pass above means something."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == "a -> b -> c -> a"
    assert find_cycle({"a": {"b"}, "b": set()}) is None


_LOADED_BY_NAME = re.compile(r"\b(?:import_module|__import__)\s*\(")


# The benchmarks are no package of the layout (they drive the doors from outside), but they are project code too.
BENCH_MODULES = {f"bench.{path.stem}": path for path in sorted((ROOT / "bench").glob("*.py"))}


def test_no_module_loaded_by_a_string() -> None:
    """importlib/__import__ hide an arrow from readers and from the checks above."""
    assert "bench.run" in BENCH_MODULES
    offenders = sorted(
        f"{module}: {line.strip()}"
        for module, path in {**MODULES, **BENCH_MODULES}.items()
        for line in path.read_text(encoding="utf-8").splitlines()
        if _LOADED_BY_NAME.search(line)
    )
    assert offenders == []
