"""The passage reranker: what the fitter writes is what `search` evaluates, it orders only the head, and the
retriever applies it only when the model's calibration names one."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from fixtures_knowledge import load, make_doc, new_index

from bench.fit_reranker import SETTINGS, firsts, matrix, train, tree_data, write
from core.settings import Settings
from knowledge.calibration import TreeEnsemble, load_calibrations
from knowledge.reranking import FEATURES, HEAD, passage_features, rerank
from knowledge.retriever import HybridRetriever, ScoredChunk


def questions(n: int = 120, seed: int = 5) -> list[dict[str, object]]:
    """Heads of ten passages where the fact sits in the passage stating a figure for the asked attribute, which
    the fused order puts anywhere in the head."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        answer = int(rng.integers(0, HEAD))
        rows = []
        for place in range(HEAD):
            row = {name: float(rng.random()) for name in FEATURES}
            row["position"] = 1 / (place + 1)
            row["attribute_stated"] = float(place == answer)
            rows.append(row)
        out.append({"rows": rows, "labels": [int(place == answer) for place in range(HEAD)]})
    return out


def hit(n: int, text: str = "text", **metadata: object) -> ScoredChunk:
    return ScoredChunk(f"c{n}", text, {"source": f"/kb/{n}.md", **metadata}, score=1.0 - n / 100, relevance=0.5)


def test_the_stored_reranker_orders_as_the_fitted_one(tmp_path: Path) -> None:
    fitted = questions()
    model = train(fitted)
    path = tmp_path / "calibration.yaml"
    path.write_text("# test\nsome-model:\n  cosine_floor: 0.15\n", encoding="utf-8")
    write("some-model", tree_data(model, matrix(fitted)[0]), path)
    load_calibrations.cache_clear()
    stored = load_calibrations(path)["some-model"].reranker
    load_calibrations.cache_clear()
    assert stored is not None and len(stored.trees) == SETTINGS["n_estimators"]
    x, _ = matrix(fitted[:5])
    expected = model.decision_function(x)
    got = [stored.log_odds(dict(zip(FEATURES, row, strict=True))) for row in x]
    assert np.allclose(got, expected, atol=1e-4)
    fused, reranked = firsts(model, questions(60, seed=9))
    assert reranked > 50 > fused  # unseen heads: the passage stating the attribute comes first


def test_only_the_head_is_reordered_and_equal_odds_keep_the_fused_order() -> None:
    figure_first = TreeEnsemble(
        ("states_figure",), (((0, 0.5, 1, 2, 0.0), (-1, -2.0, -1, -1, 0.0), (-1, -2.0, -1, -1, 1.0)),)
    )
    hits = [hit(n) for n in range(HEAD + 2)]
    rows = [{"states_figure": float(n in (3, 7, HEAD + 1))} for n in range(HEAD + 2)]
    order = [h.chunk_id for h in rerank(hits, rows, figure_first)]
    assert order[:2] == ["c3", "c7"]  # both state a figure: fused order between them
    assert order[2:HEAD] == [f"c{n}" for n in range(HEAD) if n not in (3, 7)]
    assert order[HEAD:] == [f"c{HEAD}", f"c{HEAD + 1}"]  # past the head: unmoved, figure or not


def test_passage_signals_read_the_attribute_the_heading_and_the_document() -> None:
    hits = [
        hit(0, "The AX-100 cleans rooms up to 60 m2.", title="AX-100 sheet", section="AX-100 sheet > Overview"),
        hit(
            1,
            "Warranty: 24 months from delivery.",
            source="/kb/0.md",
            title="AX-100 sheet",
            section="AX-100 sheet > Warranty",
        ),
        hit(2, "Warranty claims go to service.", title="Service policy", section="Service policy > Claims"),
    ]
    rows = passage_features(
        "How long is the AX-100 warranty?",
        hits,
        language="en",
        idf=lambda term: 1.0,
        translated={},
        model_scores=[1.0, 1.0, 0.0],
    )
    assert [r["attribute_stated"] for r in rows] == [0.0, 1.0, 0.0]  # names the warranty and states a figure
    assert rows[1]["heading_coverage"] > rows[0]["heading_coverage"]
    assert [r["document_first"] for r in rows] == [1.0, 1.0, 1 / 3]
    assert rows[0]["document_share"] == 2 / HEAD and rows[2]["names_model"] == 1.0
    assert all(set(r) == set(FEATURES) for r in rows)


def test_the_retriever_reranks_only_with_a_calibrated_reranker(tmp_path: Path) -> None:
    """The test embeddings' calibration (`default`) has no reranker: the fused order stands; given one that puts
    the figure first, `search` leads with the passage stating it, and `use_reranker` off restores the fused order."""
    docs = [
        make_doc("/kb/a.md", "Delivery guide", [("Delivery", "Delivery of the standard order is quick and tracked.")]),
        make_doc("/kb/b.md", "Lead times", [("Lead time", "Standard order lead time: 15 working days.")]),
    ]
    index = load(new_index(), *docs)
    question = "standard order delivery"
    fused = [h.chunk_id for h in HybridRetriever(index=index, k=2).search(question)]
    trees = {
        "features": ["states_figure"],
        "base": 0.0,
        "rate": 1.0,
        "trees": [[[0, 0.5, 1, 2, 0.0], [-1, -2.0, -1, -1, 0.0], [-1, -2.0, -1, -1, 1.0]]],
    }
    (tmp_path / "reranker_trees.json").write_text(json.dumps(trees), encoding="utf-8")
    calibration = tmp_path / "calibration.yaml"
    calibration.write_text("default:\n  reranker: reranker_trees.json\n", encoding="utf-8")
    load_calibrations.cache_clear()
    try:
        index.settings = Settings(calibration_path=calibration)
        reranked = HybridRetriever(index=index, k=2).search(question)
        plain = HybridRetriever(index=index, k=2, use_reranker=False).search(question)
    finally:
        load_calibrations.cache_clear()
        index.close()
    assert fused[0] != reranked[0].chunk_id and "15 working days" in reranked[0].text
    assert [h.chunk_id for h in plain] == fused
