"""The authority policy: per-role limits (discounts, payment terms, gifts, contracts) and the credit hold.

The active policy is stored as JSON in the SQL store (table `policies`, newest row wins, older rows stay as
history), so the decision desk, the roster import and the bot all read the same limits. Importing validates
the whole file first and writes one row in one transaction: a bad file changes nothing.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel
from sqlalchemy import JSON, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.roster import DEFAULT_ROLES, Rep
from core.store import Base, Store
from core.yamlfile import yaml_problem

Kind = Literal["discount", "payment_terms", "gift", "contract_value"]
Unit = Literal["percent", "days", "CNY"]

# Decision kind -> (YAML section, unit). The section names are the file format; the kinds are the API.
SECTIONS: dict[Kind, tuple[str, Unit]] = {
    "discount": ("discount", "percent"),
    "payment_terms": ("payment_terms_days", "days"),
    "gift": ("gift_value", "CNY"),
    "contract_value": ("contract_value", "CNY"),
}
_SECTION_NAMES = tuple(section for section, _unit in SECTIONS.values())
_CREDIT_HOLD_KEYS = ("overdue_days", "approver_role")
_CITATION_KEYS = ("document", "section")
# What a `citations:` entry may be keyed by: a limits section, or the credit hold.
_CITED = (*_SECTION_NAMES, "credit_hold")
_KNOWN_KEYS = ("roles", *_SECTION_NAMES, "credit_hold", "citations")


class PolicySource(BaseModel, frozen=True):
    """Where the knowledge base writes a rule down: a document (file name or title) and a heading in it."""

    document: str
    section: str


class CreditHold(BaseModel):
    """A customer overdue by more than `overdue_days` gets no new credit terms below `approver_role`."""

    overdue_days: float
    approver_role: str


class Policy(BaseModel):
    """Roles from lowest to highest authority, and each section's limit per role (None: section absent)."""

    roles: list[str]
    discount: dict[str, float] | None = None
    payment_terms_days: dict[str, float] | None = None
    gift_value: dict[str, float] | None = None
    contract_value: dict[str, float] | None = None
    credit_hold: CreditHold | None = None
    # Per limits section (or "credit_hold"), the document sections a decision cites; none named, none cited.
    citations: dict[str, list[PolicySource]] | None = None

    def sources(self, kind: Kind) -> list[PolicySource]:
        """The document sections the policy names for a kind of decision (empty when it names none)."""
        return list((self.citations or {}).get(SECTIONS[kind][0], []))

    def limits(self, kind: Kind) -> dict[str, float] | None:
        """Limits per role for a kind of question, in role order; None when the policy lacks the section."""
        section: dict[str, float] | None = getattr(self, SECTIONS[kind][0])
        if section is None:
            return None
        return {role: section[role] for role in self.roles}

    def limit_for(self, kind: Kind, role: str) -> float | None:
        limits = self.limits(kind)
        return None if limits is None else limits.get(role)

    @staticmethod
    def unit(kind: Kind) -> Unit:
        return SECTIONS[kind][1]

    def rank(self, role: str) -> int:
        """Position of a role in the authority order (0 = lowest); -1 for a role the policy does not list."""
        return self.roles.index(role) if role in self.roles else -1


class PolicyError(ValueError):
    """A policy file that cannot be imported; `problems` holds one line per problem (FILE:LINE: key)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class PolicyRecord(Base):
    """One imported policy; the row with the highest id is the active one."""

    __tablename__ = "policies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(500))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


# --- parsing and validation ---------------------------------------------------------------------------


@dataclass
class _Lines:
    """Line numbers of the YAML keys and values, so every problem can point at its line."""

    by_path: dict[tuple[str, ...], int]

    def of(self, *path: str) -> int:
        # Fall back to the parent's line (e.g. a missing role is reported at its section's line).
        while path:
            if path in self.by_path:
                return self.by_path[path]
            path = path[:-1]
        return 1


def _line_map(text: str) -> _Lines:
    """Walk the composed YAML node tree and note the 1-based line of every mapping key (dotted path)."""
    lines: dict[tuple[str, ...], int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)

    def walk(node: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = str(key_node.value)
                lines[(*path, key)] = key_node.start_mark.line + 1
                walk(value_node, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines[(*path, str(index))] = item.start_mark.line + 1

    if root is not None:
        walk(root, ())
    return _Lines(lines)


def _is_number(value: object) -> bool:
    # YAML turns `yes`/`no` into booleans, which Python counts as ints: a limit of `yes` is not a number.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def parse_policy_text(text: str, source: str = "<policy>") -> Policy:
    """Validate a policy YAML document; raise PolicyError listing every problem found."""
    try:
        data = yaml.safe_load(text)
        lines = _line_map(text)
    except yaml.YAMLError as exc:
        raise PolicyError([yaml_problem(source, exc)]) from exc

    def problem(path: tuple[str, ...], value: object, reason: str) -> str:
        key = ".".join(path) if path else "(top level)"
        return f"{source}:{lines.of(*path)}: {key}: {value!r}: {reason}"

    if data is None:
        raise PolicyError([f"{source}: empty policy file: expected 'roles:' and at least one limits section"])
    if not isinstance(data, dict):
        raise PolicyError([problem((), data, "the policy must be a mapping with 'roles:' and limits sections")])

    problems: list[str] = []
    for key in data:
        if key not in _KNOWN_KEYS:
            problems.append(problem((str(key),), data[key], f"unknown key; expected one of {', '.join(_KNOWN_KEYS)}"))

    roles_raw = data.get("roles")
    roles: list[str] = []
    if roles_raw is None:
        problems.append(f"{source}:1: roles: missing: list the roles, lowest authority first")
    elif not isinstance(roles_raw, list) or not roles_raw:
        problems.append(problem(("roles",), roles_raw, "must be a non-empty list of role names, lowest first"))
    else:
        for index, role in enumerate(roles_raw):
            if not isinstance(role, str) or not role.strip():
                problems.append(problem(("roles", str(index)), role, "a role must be a non-empty name"))
            elif role.strip() in roles:
                problems.append(problem(("roles", str(index)), role, "duplicate role"))
            else:
                roles.append(role.strip())

    sections: dict[str, dict[str, float]] = {}
    present = [name for name in _SECTION_NAMES if name in data]
    if not present and not problems:
        problems.append(f"{source}:1: (top level): no limits section: add one of {', '.join(_SECTION_NAMES)}")
    for name in present:
        section = data[name]
        if not isinstance(section, dict):
            problems.append(problem((name,), section, "must be a mapping of role: limit"))
            continue
        limits: dict[str, float] = {}
        for role, value in section.items():
            path = (name, str(role))
            if roles and role not in roles:
                problems.append(problem(path, value, f"unknown role; the policy's roles are {', '.join(roles)}"))
            elif not _is_number(value):
                problems.append(problem(path, value, "limit must be a number"))
            elif value < 0:
                problems.append(problem(path, value, "limit must not be negative"))
            elif name == "discount" and value > 100:
                problems.append(problem(path, value, "a discount is a percentage of list price: at most 100"))
            else:
                limits[str(role)] = float(value)
        for role in roles:
            if role not in section:
                problems.append(problem((name,), role, f"missing limit for role {role!r}"))
        # Limits must not decrease with seniority: the approver of a request is the lowest role whose limit
        # covers it, which is only meaningful when authority grows up the ladder. A decrease is almost
        # always a typo (swapped numbers), so it is an error rather than a warning.
        ordered = [(role, limits[role]) for role in roles if role in limits]
        for (low_role, low), (high_role, high) in itertools.pairwise(ordered):
            if high < low:
                problems.append(
                    problem(
                        (name, high_role),
                        high,
                        f"limit decreases with seniority ({low_role} has {low:g}); roles are lowest first",
                    )
                )
        sections[name] = limits

    credit_hold = _parse_credit_hold(data, roles, problem, problems)
    citations = _parse_citations(data, problem, problems)

    if problems:
        raise PolicyError(problems)
    return Policy(roles=roles, credit_hold=credit_hold, citations=citations, **sections)


def _parse_citations(
    data: dict[Any, Any],
    problem: Callable[[tuple[str, ...], object, str], str],
    problems: list[str],
) -> dict[str, list[PolicySource]] | None:
    """The optional `citations:` block: per section, one `{document, section}` or a list of them."""
    if "citations" not in data:
        return None
    block = data["citations"]
    if not isinstance(block, dict):
        problems.append(problem(("citations",), block, "must be a mapping of section: {document, section}"))
        return None
    parsed: dict[str, list[PolicySource]] = {}
    for name, entries in block.items():
        path = ("citations", str(name))
        if name not in _CITED:
            problems.append(problem(path, entries, f"unknown key; expected one of {', '.join(_CITED)}"))
            continue
        items = entries if isinstance(entries, list) else [entries]
        sources: list[PolicySource] = []
        for index, item in enumerate(items):
            where = (*path, str(index)) if isinstance(entries, list) else path
            if not isinstance(item, dict):
                problems.append(problem(where, item, "must be a mapping with document and section"))
                continue
            unknown = [str(key) for key in item if key not in _CITATION_KEYS]
            missing = [key for key in _CITATION_KEYS if key not in item]
            empty = [
                key for key in _CITATION_KEYS if key in item and not (isinstance(item[key], str) and item[key].strip())
            ]
            if unknown:
                problems.append(problem(where, item, f"unknown key {unknown[0]!r}; expected document, section"))
            elif missing:
                problems.append(problem(where, item, f"missing {missing[0]}"))
            elif empty:
                problems.append(problem(where, item, f"{empty[0]} must be non-empty text"))
            else:
                sources.append(PolicySource(document=item["document"].strip(), section=item["section"].strip()))
        parsed[str(name)] = sources
    return parsed


def _parse_credit_hold(
    data: dict[Any, Any],
    roles: list[str],
    problem: Callable[[tuple[str, ...], object, str], str],
    problems: list[str],
) -> CreditHold | None:
    """The optional `credit_hold:` block; both keys are required when the block is present."""
    if "credit_hold" not in data:
        return None
    block = data["credit_hold"]
    if not isinstance(block, dict):
        problems.append(problem(("credit_hold",), block, "must be a mapping with overdue_days and approver_role"))
        return None
    found = len(problems)
    for key in block:
        if key not in _CREDIT_HOLD_KEYS:
            problems.append(
                problem(("credit_hold", str(key)), block[key], f"unknown key; expected {', '.join(_CREDIT_HOLD_KEYS)}")
            )
    days = block.get("overdue_days")
    if "overdue_days" not in block:
        problems.append(problem(("credit_hold",), None, "missing overdue_days (days overdue before the hold)"))
    elif not _is_number(days):
        problems.append(problem(("credit_hold", "overdue_days"), days, "must be a number of days"))
    elif isinstance(days, int | float) and days < 0:
        problems.append(problem(("credit_hold", "overdue_days"), days, "must not be negative"))
    approver = block.get("approver_role")
    if "approver_role" not in block:
        problems.append(problem(("credit_hold",), None, "missing approver_role (who may lift the hold)"))
    elif not isinstance(approver, str) or not approver.strip():
        problems.append(problem(("credit_hold", "approver_role"), approver, "must be a role name"))
    elif roles and approver.strip() not in roles:
        problems.append(
            problem(
                ("credit_hold", "approver_role"), approver, f"unknown role; the policy's roles are {', '.join(roles)}"
            )
        )
    if len(problems) > found or not isinstance(days, int | float) or not isinstance(approver, str):
        return None
    return CreditHold(overdue_days=float(days), approver_role=approver.strip())


def parse_policy_file(path: Path) -> Policy:
    """Read and validate a policy file; an unreadable file is a PolicyError too (one line naming it)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise PolicyError([f"{path}: cannot read: {exc.strerror or exc}"]) from exc
    except UnicodeDecodeError as exc:
        raise PolicyError([f"{path}: not UTF-8 text (byte {exc.start}): save it as UTF-8"]) from exc
    return parse_policy_text(text, source=str(path))


# --- storage ------------------------------------------------------------------------------------------


def active_policy(session: Session) -> Policy | None:
    record = session.scalar(select(PolicyRecord).order_by(PolicyRecord.id.desc()).limit(1))
    return None if record is None else Policy.model_validate(record.body)


def load_policy(store: Store) -> Policy | None:
    """The active policy, or None when none was imported yet."""
    with store.session() as session:
        return active_policy(session)


def active_roles(session: Session) -> tuple[str, ...]:
    """The roles a roster may use: the active policy's, or the defaults before any policy is imported."""
    policy = active_policy(session)
    return tuple(policy.roles) if policy is not None else DEFAULT_ROLES


def check_roster_roles(policy: Policy, roster_roles: Iterable[tuple[str, str]], source: str) -> list[str]:
    """Problems when reps on the roster hold a role the new policy drops (they would have no limits)."""
    missing: dict[str, list[str]] = {}
    for rep_id, role in roster_roles:
        if role not in policy.roles:
            missing.setdefault(role, []).append(rep_id)
    return [
        f"{source}:1: roles: {role!r}: role used on the roster by {', '.join(sorted(ids))} is missing; "
        "add it or re-import the roster first"
        for role, ids in sorted(missing.items())
    ]


def save_policy(session: Session, policy: Policy, source: str) -> None:
    session.add(
        PolicyRecord(
            imported_at=datetime.now(UTC).replace(tzinfo=None),
            source=source,
            body=policy.model_dump(mode="json"),
        )
    )


def import_policy(store: Store, path: Path) -> Policy:
    """Validate the file and make it the active policy in one transaction; PolicyError on any problem."""
    policy = parse_policy_file(path)
    with store.transaction() as session:
        roster = [(rep.rep_id, rep.role) for rep in session.scalars(select(Rep))]
        problems = check_roster_roles(policy, roster, str(path))
        if problems:
            raise PolicyError(problems)
        save_policy(session, policy, str(path))
    return policy
