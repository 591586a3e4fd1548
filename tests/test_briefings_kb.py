"""Briefings and onboarding on a real index (fake embeddings): ingested at once, sections found by name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fixtures_briefings import kb_services

from core.audience import Reader
from workflows.briefings import QuizQuestion, briefing_desk
from workflows.onboarding import (
    BUNDLED_PLAN,
    Module,
    ModuleSpec,
    SectionRef,
    load_plan,
    lookup_section,
    module_readings,
)


def test_briefing_is_answerable_as_soon_as_it_is_created(tmp_path: Path) -> None:
    """Answerable at once for a recipient (M001's team); invisible to anonymous readers."""
    services = kb_services(tmp_path / "home", files=())
    desk = briefing_desk(services)
    bid = desk.create(
        author_id="M001",
        title="AX-900 launch",
        body="## Pricing\n\nThe AX-900 lists at 12,800 CNY and ships from 1 March.\n",
        due=date(2099, 1, 1),
    )
    source = str((tmp_path / "home" / "briefings" / f"{bid}.md").resolve())
    assert source in services.index.documents()
    recipient = Reader(role="junior", rep_id="S003")
    (reading,) = lookup_section(services.index, f"{bid}.md", "Pricing", role=recipient)
    assert "12,800 CNY" in reading.text
    assert lookup_section(services.index, f"{bid}.md", "Pricing") == []
    hits = services.retriever.search("AX-900 list price", audience_role=recipient)
    assert hits and hits[0].metadata["doc_type"] == "briefing"
    assert hits[0].metadata["source"] == source
    assert all(h.metadata["doc_type"] != "briefing" for h in services.retriever.invoke("AX-900 list price"))


def test_module_readings_come_from_the_index_in_the_reps_language(tmp_path: Path) -> None:
    services = kb_services(tmp_path / "home")
    module = load_plan(BUNDLED_PLAN).paths["junior-direct"].modules[4]  # signing and discount authority
    english = module_readings(services.index, module, "en")
    assert [r.section.split(" > ")[-1] for r in english][:1] == ["Signing Authority"]
    assert any("50,000 CNY" in r.text for r in english)
    assert any(r.section.endswith("Discount Authority") for r in english)
    chinese = module_readings(services.index, module, "zh")
    assert chinese and all(r.language == "zh" for r in chinese)
    assert any(r.section.endswith("折扣权限") for r in chinese)


def test_english_fallback_when_the_chinese_twin_is_not_indexed(tmp_path: Path) -> None:
    services = kb_services(tmp_path / "home", files=("sales-duty-manual.md",))
    module = load_plan(BUNDLED_PLAN).paths["junior-online"].modules[0]
    readings = module_readings(services.index, module, "zh")
    assert readings and readings[0].section.endswith("Market Information Gathering")
    assert readings[0].language == "en"


def test_readings_respect_the_documents_audience(tmp_path: Path) -> None:
    """A module pointing at a managers-only section shows it to managers, never to a new hire."""
    services = kb_services(tmp_path / "home", files=("manager-escalation-playbook.md",))
    spec = ModuleSpec(
        title="Escalations",
        read=[SectionRef(en="manager-escalation-playbook.md#Key-Account Escalations")],
        quiz=[QuizQuestion(question="Who owns it?", options=["the rep", "the manager"], answer=1)],
    )
    module = Module("escalations", spec, 0.75)
    assert module_readings(services.index, module, "en", "junior") == []
    assert module_readings(services.index, module, "en") == []  # no role: public documents only
    (reading, *rest) = module_readings(services.index, module, "en", "Manager")
    # a section is read as its passages (cut to the embedding model's length), in order
    section_text = " ".join(r.text for r in (reading, *rest) if r.section == reading.section)
    assert reading.section.endswith("Key-Account Escalations") and "four working hours" in section_text
