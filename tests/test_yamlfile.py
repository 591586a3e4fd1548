"""Every data-file loader words a YAML syntax error the same way: file:line: not valid YAML (problem)."""

from __future__ import annotations

import pytest
import yaml

from coaching.rules import RulesError, parse_rules
from core.yamlfile import yaml_problem


def test_the_line_of_the_error_follows_the_file_name() -> None:
    with pytest.raises(yaml.YAMLError) as info:
        yaml.safe_load("a: 1\nb: [2\nc: 3\n")
    message = yaml_problem("plan.yaml", info.value)
    assert message.startswith("plan.yaml:") and ": not valid YAML (" in message
    assert int(message.split(":")[1]) >= 2  # PyYAML points at or after the unclosed bracket


def test_without_a_known_line_only_the_file_is_named() -> None:
    assert yaml_problem("x.yaml", yaml.YAMLError("bad")) == "x.yaml: not valid YAML (bad)"


def test_coaching_rules_use_the_same_wording() -> None:
    with pytest.raises(RulesError, match=r"^rules\.yaml:\d+: not valid YAML"):
        parse_rules("thresholds: [1,\n", "rules.yaml")


def test_a_control_character_is_reported_on_one_line() -> None:
    with pytest.raises(yaml.YAMLError) as info:
        yaml.safe_load("a: \x01\n")
    message = yaml_problem("f.yaml", info.value)
    assert "\n" not in message and message.startswith("f.yaml: not valid YAML (") and "character 3" in message
