"""A spec line whose values are separated by slashes is the document's own text, not a breadcrumb."""

from __future__ import annotations

import pytest

from ingest.boilerplate import boilerplate_reason


@pytest.mark.parametrize(
    "line",
    ["排水方式：水箱 / 连续排水 / 内置泵上排水（扬程 4 米）", "Power: 220 V / 50 Hz / single phase"],
    ids=["zh-drainage-options", "en-supply"],
)
def test_a_field_with_slash_separated_values_is_kept(line: str) -> None:
    # (before: read as a breadcrumb trail and dropped as navigation, so "扬程 4 米" never reached an answer)
    assert boilerplate_reason(line) is None


@pytest.mark.parametrize(
    "line",
    ["首页 / 产品中心 / 除湿机", "Home / Products / Dehumidifiers", "首页 > 文档 > 管理"],
    ids=["zh", "en", "arrows"],
)
def test_a_breadcrumb_is_still_navigation(line: str) -> None:
    assert boilerplate_reason(line) == "navigation"
