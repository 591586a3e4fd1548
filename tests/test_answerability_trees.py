"""The boosted-tree answerability model: what the fitter writes is what `ask` evaluates, to the last digit."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.fit_answerability import TREE_SETTINGS, out_of_fold, train, tree_data, write
from knowledge.answerability import FEATURES
from knowledge.calibration import CalibrationError, load_calibrations, load_trees


def labelled(rows: int = 400, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Signals where the label depends on an interaction (coverage counts only without a cross-language hop)."""
    rng = np.random.default_rng(seed)
    x = rng.random((rows, len(FEATURES)))
    cross = x[:, FEATURES.index("cross_language")] > 0.5
    coverage = x[:, FEATURES.index("coverage_top")]
    cosine = x[:, FEATURES.index("cosine_top")]
    y = np.where(cross, cosine > 0.4, coverage > 0.6).astype(float)
    return x, y


def test_the_stored_ensemble_gives_the_fitted_probabilities(tmp_path: Path) -> None:
    x, y = labelled()
    _, model = train(x, y, trees=True)
    path = tmp_path / "calibration.yaml"
    path.write_text("# test\nsome-model:\n  cosine_floor: 0.15\n", encoding="utf-8")
    write("some-model", np.zeros(len(FEATURES) + 1), 0.6, path, tree_data(model, x))
    load_calibrations.cache_clear()
    stored = load_calibrations(path)["some-model"].answerability
    assert stored is not None and stored.trees is not None and stored.threshold == 0.6
    assert len(stored.trees.trees) == TREE_SETTINGS["n_estimators"]
    expected = model.predict_proba(x[:50])[:, 1]
    got = [stored.probability(dict(zip(FEATURES, row, strict=True))) for row in x[:50]]
    assert np.allclose(got, expected, atol=1e-4)


def test_trees_learn_the_interaction_a_weight_per_signal_cannot() -> None:
    x, y = labelled(800)
    test_x, test_y = labelled(400, seed=9)
    trees, _ = train(x, y, trees=True)
    logistic, _ = train(x, y, trees=False)
    tree_accuracy = float(((trees(test_x) >= 0.5) == test_y).mean())
    logistic_accuracy = float(((logistic(test_x) >= 0.5) == test_y).mean())
    assert tree_accuracy > 0.9 > logistic_accuracy


def test_the_threshold_is_cut_on_sets_the_trees_did_not_see() -> None:
    x, y = labelled(600)
    groups = [f"set{i % 6}" for i in range(len(y))]
    unseen = out_of_fold(x, y, groups, np.ones(len(y), dtype=bool), trees=True)
    seen, _ = train(x, y, trees=True)
    # Trees are surer of rows they were fitted on than of rows of a set left out.
    assert np.abs(seen(x) - y).mean() < np.abs(unseen - y).mean()


@pytest.mark.parametrize(
    "entry",
    ["m:\n  answerability:\n    trees: missing.json\n", "m:\n  reranker: missing.json\n"],
    ids=["gate", "reranker"],
)
def test_a_broken_trees_file_is_one_line_naming_it(tmp_path: Path, entry: str) -> None:
    """The answerability model's trees and the passage reranker's are read alike."""
    (tmp_path / "trees.json").write_text(json.dumps({"features": ["a"], "trees": [[[0, 0.5, 7, 2, 0.0]]]}))
    with pytest.raises(ValueError, match=r"trees.json: tree 0: a node points outside"):
        load_trees(tmp_path / "trees.json")
    path = tmp_path / "calibration.yaml"
    path.write_text(entry, encoding="utf-8")
    load_calibrations.cache_clear()
    with pytest.raises(CalibrationError, match=r"calibration.yaml: entry 'm': cannot read missing.json"):
        load_calibrations(path)
    load_calibrations.cache_clear()
