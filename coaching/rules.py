"""Load and check coaching/rules.yaml (or a sales-ops copy): severities, directions, suggestions, channels.

The file is data so sales operations can tune thresholds without a release; a typo must fail loudly with the
key that is wrong, never silently switch a rule off.
"""

from __future__ import annotations

import string
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from core.yamlfile import yaml_problem

Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
# Single-value metrics a rule can watch; stage conversions have their own `funnel` section.
FINDING_KPIS: tuple[str, ...] = (
    "sales_attainment", "collection_rate", "overdue_ratio", "market_share_growth", "cac", "ltv",
    "ltv_cac_ratio", "lead_conversion", "csat", "complaint_rate", "repeat_rate", "training_hours",
)
PLACEHOLDERS = frozenset({"value", "benchmark", "p25", "p75", "gap", "amount"})


class RulesError(ValueError):
    """The rules file is missing, not YAML, or has a bad key; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Thresholds(_Strict):
    """Minimum gap to the team median for each severity (relative fraction or absolute units)."""

    high: float = Field(ge=0)
    medium: float = Field(ge=0)
    low: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if not self.high >= self.medium >= self.low:
            raise ValueError("thresholds must satisfy high >= medium >= low")
        return self

    def severity(self, gap: float) -> Severity | None:
        for name in SEVERITIES:
            if gap >= getattr(self, name):
                return name
        return None


class Sample(_Strict):
    column: Literal[
        "sales_target", "billed_amount", "active_customers", "leads", "qualified", "proposals", "won", "spend"
    ]
    min: float = Field(ge=0)


class KpiRule(_Strict):
    label: str
    direction: Literal["higher", "lower"]
    unit: Literal["ratio", "points", "money", "score", "hours", "multiple"]
    gap: Literal["relative", "absolute"] = "relative"
    thresholds: Thresholds | None = None
    amount_base: Literal["sales_target", "billed_amount", "active_customers", "proposals"] | None = None
    sample: Sample | None = None
    max_severity: Severity = "high"
    trend_change: float | None = Field(default=None, ge=0)
    query: str
    why: str = ""
    suggestions: list[str] = Field(min_length=1)


    @model_validator(mode="after")
    def _absolute_needs_own_scale(self) -> KpiRule:
        if self.gap == "absolute" and (self.thresholds is None or self.trend_change is None):
            raise ValueError("a KPI with gap: absolute needs its own thresholds and trend_change (its units)")
        return self


class StageRule(_Strict):
    label: str
    query: str
    why: str = ""
    suggestions: list[str] = Field(min_length=1)


class FunnelRules(_Strict):
    min_leads: int = Field(ge=0)
    stages: dict[Literal["lead_to_qualified", "qualified_to_proposal", "proposal_to_won"], StageRule]


class ChannelRules(_Strict):
    recommend_max_cac_ratio: float = Field(gt=0, le=1)
    min_team_won: int = Field(ge=0)
    shift_share: float = Field(gt=0, le=1)
    own_cac_ratio: float = Field(gt=1)
    mix_cac_ratio: float = Field(gt=1)


class TrendRules(_Strict):
    change: float = Field(ge=0)


class BenchmarkRules(_Strict):
    min_team_size: int = Field(ge=1)
    min_peers: int = Field(ge=1)


class Rules(_Strict):
    """The whole rules file."""

    version: Literal[1]
    severity: Thresholds
    trend: TrendRules
    benchmarks: BenchmarkRules
    kpis: dict[str, KpiRule]
    funnel: FunnelRules
    channels: ChannelRules

    @model_validator(mode="after")
    def _templates(self) -> Rules:
        """Reject unknown KPI names and suggestion placeholders the findings code cannot fill."""
        for name, rule in self.kpis.items():
            if name not in FINDING_KPIS:
                raise ValueError(f"kpis.{name}: unknown KPI (one of: {', '.join(FINDING_KPIS)})")
            allowed = PLACEHOLDERS if rule.amount_base else PLACEHOLDERS - {"amount"}
            _check_templates(f"kpis.{name}", rule.suggestions, allowed)
        for stage, stage_rule in self.funnel.stages.items():
            _check_templates(f"funnel.stages.{stage}", stage_rule.suggestions, PLACEHOLDERS)
        return self

    def thresholds_for(self, kpi: str) -> Thresholds:
        rule = self.kpis[kpi]
        return rule.thresholds or self.severity


def _check_templates(where: str, templates: list[str], allowed: frozenset[str]) -> None:
    for number, template in enumerate(templates, start=1):
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError as exc:
            raise ValueError(f"{where}.suggestions[{number}]: {exc}") from None
        for name in fields:
            if name not in allowed:
                known = ", ".join(sorted(allowed))
                raise ValueError(f"{where}.suggestions[{number}]: unknown placeholder {{{name}}} ({known})")


def default_rules_text() -> str:
    return resources.files("coaching").joinpath("rules.yaml").read_text(encoding="utf-8")


def load_rules(path: Path | None = None) -> Rules:
    """Parse and validate a rules file (default: the packaged coaching/rules.yaml)."""
    name = str(path) if path else "coaching/rules.yaml"
    try:
        text = path.read_text(encoding="utf-8") if path else default_rules_text()
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{name}: cannot read rules file ({exc})") from exc
    return parse_rules(text, name)


def parse_rules(text: str, name: str = "rules") -> Rules:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RulesError(yaml_problem(name, exc)) from exc
    if not isinstance(data, dict):
        raise RulesError(f"{name}: expected a mapping at the top level")
    try:
        return Rules.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        reason = str(first["msg"]).removeprefix("Value error, ")
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise RulesError(f"{name}: {where + ': ' if where else ''}{reason}{more}") from exc
