"""Charts return real PNG images (decodable, sensible size) for rep and team reports."""

from __future__ import annotations

import io

import matplotlib.image
import pytest
from fixtures_coaching import coach, loaded_store, retriever, settings, store, team_data  # noqa: F401

from coaching import charts, synthetic
from coaching.coach import Coach

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _decoded_shape(png: bytes) -> tuple[int, ...]:
    return matplotlib.image.imread(io.BytesIO(png), format="png").shape


@pytest.mark.parametrize(
    "draw", [charts.funnel_png, charts.kpis_png, charts.rep_png], ids=["funnel", "kpis", "rep"]
)
def test_rep_charts_are_png(coach: Coach, team_data: synthetic.SyntheticData, draw) -> None:  # noqa: F811
    png = draw(coach.coach_rep(team_data.reps_with("high_cac")[0]))
    assert png.startswith(PNG_SIGNATURE)
    height, width, _channels = _decoded_shape(png)
    assert height > 200 and width > 300


def test_team_chart_is_png(coach: Coach) -> None:  # noqa: F811
    png = charts.team_png(coach.team_report("GM001"))
    assert png.startswith(PNG_SIGNATURE)
    height, width, _ = _decoded_shape(png)
    assert width > height > 200


def test_chart_of_rep_without_funnel_still_draws(coach: Coach, loaded_store, settings) -> None:  # noqa: F811
    from sqlalchemy import delete

    from coaching.records import ChannelRecord

    with loaded_store.transaction() as session:
        session.execute(delete(ChannelRecord).where(ChannelRecord.rep_id == "GR0001"))
    report = Coach(settings, store=loaded_store).coach_rep("GR0001")
    assert report.metrics["cac"] is None
    assert charts.rep_png(report).startswith(PNG_SIGNATURE)
