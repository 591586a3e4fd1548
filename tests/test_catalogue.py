"""The text catalogue: one module per language keyed the same, with the same placeholders, and every key a door
asks for is there (a typo would otherwise show up as a KeyError in front of a user)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from core import catalogue
from core.catalogue import CATALOGUES, MARKUP_FIELDS, PLAIN, placeholders, text

ROOT = Path(__file__).resolve().parent.parent
EN, ZH = CATALOGUES["en"], CATALOGUES["zh"]


def test_both_languages_have_the_same_keys() -> None:
    assert len(EN) > 150  # guards the checks below: an empty catalogue would pass them
    assert sorted(set(EN) - set(ZH)) == [] and sorted(set(ZH) - set(EN)) == []


@pytest.mark.parametrize("key", sorted(EN))
def test_both_languages_fill_the_same_placeholders(key: str) -> None:
    assert placeholders(EN[key]) == placeholders(ZH[key])


@pytest.mark.parametrize("key", sorted(EN))
def test_emphasis_is_closed_in_the_order_it_opens(key: str) -> None:
    for template in (EN[key], ZH[key]):
        marks = [m for m in re.findall(r"\{(/?\w+)\}", template) if m.lstrip("/") in {"b", "i", "mono"}]
        open_marks: list[str] = []
        for mark in marks:
            if mark.startswith("/"):
                assert open_marks and open_marks.pop() == mark[1:], template
            else:
                open_marks.append(mark)
        assert open_marks == [], template


def test_text_fills_values_and_draws_emphasis_with_the_doors_markup() -> None:
    html = {"b": "<b>", "/b": "</b>", "i": "<i>", "/i": "</i>", "mono": "<code>", "/mono": "</code>"}
    assert set(html) == set(MARKUP_FIELDS) == set(PLAIN)
    assert text("whoami", "en", name="Li", rep_id="M001", role="manager", manager="") == (
        "You are Li (M001), manager."
    )
    assert text("whoami", "zh", markup=html, name="李", rep_id="M001", role="经理", manager="") == (
        "你是 <b>李</b>（M001），经理。"
    )
    with pytest.raises(KeyError):
        text("no such key", "en")


def test_placeholders_lists_values_and_emphasis() -> None:
    assert placeholders("{b}{name}{/b} ({value!r})") == {"b", "name", "/b", "value"}


def _keys_asked_for() -> dict[str, str]:
    """Every literal key passed to a catalogue text function in the doors and workflows: key -> where."""
    calls = {"text", "t", "words", "_"}
    prefixes = {"web/": "web.", "authority/": "decision."}
    found: dict[str, str] = {}
    for package in ("bot", "cli", "web", "workflows", "authority"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            prefix = next((p for start, p in prefixes.items() if relative.startswith(start)), "")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                first = node.args[0]
                # A key chosen in place ("brief.acked" if outcome else "brief.already") asks for both.
                keys = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                func = node.func
                if isinstance(func, ast.Name):
                    name = func.id
                elif isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "catalogue":
                    name = func.attr
                else:
                    continue  # a method of the same name (a quiz question's own `text(language)`)
                for key in (k.value for k in keys if isinstance(k, ast.Constant)):
                    if name in calls and isinstance(key, str) and re.fullmatch(r"[a-z_.]+", key):
                        full = key if name == "text" else prefix + key
                        found[full] = f"{relative}:{node.lineno}"
    for page in sorted((ROOT / "web" / "templates").rglob("*.html")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for key in re.findall(r"""\b_\(\s*["']([a-z_]+)["']""", line):
                found[f"web.{key}"] = f"{page.relative_to(ROOT).as_posix()}:{number}"
    return found


def test_every_key_a_door_asks_for_is_in_the_catalogue() -> None:
    asked = _keys_asked_for()
    assert {"whoami", "brief.header", "onboarding.done", "web.title", "decision.within"} <= set(asked)
    assert {key: where for key, where in asked.items() if key not in EN} == {}


def test_the_catalogue_stands_alone() -> None:
    """The catalogue is kernel: any package may word things with it, so it imports nothing of the project."""
    assert catalogue.__name__ == "core.catalogue"
    for path in (ROOT / "core" / "catalogue").glob("*.py"):
        imported = {
            (node.module or "").split(".")[0]
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.level == 0
        }
        assert imported <= {"__future__", "string", "collections", "typing", "core"}, path


def test_language_is_defined_once() -> None:
    """Every package takes `Language` from the catalogue; a second Literal could drift from it."""
    packages = ("core", "ingest", "knowledge", "authority", "compliance", "coaching", "workflows", "bot", "cli", "web")
    definitions = []
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                targets = node.targets if isinstance(node, ast.Assign) else []
                targets += [node.target] if isinstance(node, ast.AnnAssign) else []
                if any(isinstance(target, ast.Name) and target.id == "Language" for target in targets):
                    definitions.append(path.relative_to(ROOT).as_posix())
    assert definitions == ["core/catalogue/__init__.py"]
