"""`salescoach check`: point at each risky phrase of a sales draft, with law, article, reason and a rewrite.

Exit 0 whenever the check ran (a draft with findings is a result, not an error); 2 on bad usage; 1 when the
rule file cannot be used.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.markup import escape
from rich.text import Text

from cli.common import EXIT_DATA_ERROR, EXIT_USAGE, console, fail, services
from compliance.checker import LAW_NAMES, CheckResult, ComplianceChecker, Finding
from compliance.rules import RuleFileError, load_rules

HIGHLIGHT = "bold red"


def render_text(result: CheckResult, text: str) -> Text:
    """The draft with every flagged span highlighted (spans are offsets into this very text)."""
    rendered = Text(text)
    for finding in result.findings:
        rendered.stylize(HIGHLIGHT, finding.start, finding.end)
    return rendered


def card_label(title: str, section: str) -> str:
    """ "Title > Section" without repeating the title when the section's heading path already starts with it."""
    parts = [part.strip() for part in section.split(">") if part.strip()]
    if parts and parts[0] == title.strip():
        parts = parts[1:]
    return " > ".join([title.strip(), *parts]) if parts else title.strip()


def group_findings(result: CheckResult) -> list[list[Finding]]:
    """Findings grouped per rule, in order of first appearance: a long draft shows each rule once, with a count."""
    groups: dict[str, list[Finding]] = {}
    for finding in result.findings:
        groups.setdefault(finding.rule_id, []).append(finding)
    return list(groups.values())


def _print_human(result: CheckResult, text: str) -> None:
    console.print(render_text(result, text), soft_wrap=True)
    for warning in result.warnings:
        console.print(f"[yellow]Warning:[/] {escape(warning)}", soft_wrap=True, highlight=False)
    if result.compliant:
        console.print("[green]No issues found.[/]")
        return
    shown_cards: set[tuple[str, str]] = set()
    for n, group in enumerate(group_findings(result), 1):
        f = group[0]
        law = f"{LAW_NAMES[f.law]} {f.article}" + (f"; also {f.also}" if f.also else "")
        spans = ", ".join(dict.fromkeys(f"“{g.text}”" for g in group))
        count = f" ×{len(group)}" if len(group) > 1 else ""
        kind = f"likely {f.category}" if f.likely else f.category
        lines = [
            f"\n[bold]{n}. [red]{escape(spans)}[/red][/bold]{count}  "
            f"({escape(kind)}, {f.severity}; {escape(f.rule_id)})",
            f"   [bold]Law:[/] {escape(law)}",
            f"   [bold]Why:[/] {escape(f.explanation)}",
        ]
        if f.likely and f.resembles:
            lines.append(f"   [bold]Reads like:[/] “{escape(f.resembles)}” (similarity {f.similarity})")
        for rewritten in dict.fromkeys(g.rewrite for g in group if g.rewrite):
            lines.append(f"   [bold]Rewrite:[/] {escape(rewritten)}")
        lines.append(f"   [bold]Say instead:[/] {escape(f.suggestion)}")
        console.print("\n".join(lines), soft_wrap=True, highlight=False)
        for source in (c for g in group for c in g.sources):
            key = (source.title, source.section)
            if key not in shown_cards:
                shown_cards.add(key)
                console.print(f"   [dim]Company rule: {escape(card_label(source.title, source.section))}[/]")


def _texts(text: str | None) -> list[str]:
    """The texts to check: the argument, or every stdin line for `-`.

    Blank stdin lines are kept (and come out clean) so that output line N always answers input line N.
    """
    if text is None:
        fail("no text to check: give the draft as an argument, or - for one draft per stdin line", EXIT_USAGE)
    if text == "-":
        lines = [line.rstrip("\r\n") for line in sys.stdin]
        if not any(line.strip() for line in lines):
            fail("stdin held no text to check (one draft per line expected)", EXIT_USAGE)
        return lines
    if not text.strip():
        fail("the text to check is empty", EXIT_USAGE)
    return [text]


def register(app: typer.Typer) -> None:
    """Attach this feature's commands to the root app."""

    @app.command("check")
    def check(
        ctx: typer.Context,
        text: str | None = typer.Argument(None, help="The draft, or - for one per stdin line."),
        as_json: bool = typer.Option(False, "--json", help="One JSON object per draft: compliant, findings, warnings."),
        rules: Path | None = typer.Option(
            None, "--rules", help="Rule YAML to use instead of the configured one.", dir_okay=False
        ),
        with_sources: bool = typer.Option(
            False, "--sources", help="Cite the company's compliance rule cards from the knowledge base."
        ),
    ) -> None:
        """Check a sales draft (Chinese or English) against the Advertising Law and the AUCL."""
        texts = _texts(text)
        svc = services(ctx)
        try:
            if rules is not None:
                checker = ComplianceChecker(
                    load_rules(rules),
                    retriever_factory=lambda: svc.retriever,
                    max_chars=svc.settings.max_check_chars,
                )
            else:
                checker = svc.checker
        except RuleFileError as exc:
            fail(str(exc), EXIT_DATA_ERROR)
        shown = 0
        for draft in texts:
            if not as_json and not draft.strip():
                continue  # only the JSON stream needs one answer per line
            result = checker.check(draft, with_sources=with_sources)
            if as_json:
                typer.echo(json.dumps(result.to_json_dict(), ensure_ascii=False))
                continue
            if shown:
                console.rule()
            _print_human(result, draft)
            shown += 1
