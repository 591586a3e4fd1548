"""Service tests of briefings: permissions, recipients, the exactly-once outbox, acks, reminders."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fixtures_briefings import IngestRecorder, ManualClock, clock, roster_store

from core.roster import UnknownRepError, require_rep
from core.store import Store
from workflows.briefings import (
    BriefingDesk,
    BriefingInputError,
    BriefingPermissionError,
    QuizQuestion,
    acknowledge,
    claim_deliveries,
    claim_reminders,
    confirm_delivery,
    confirm_reminder,
    load_quiz,
    record_quiz_answer,
    release_delivery,
    resolve_recipients,
    summaries_for,
)
from workflows.state import TelegramLink

__all__ = ["clock", "roster_store"]

M001_TEAM = ["S001", "S002", "S003", "S004", "S005"]
LEASE = timedelta(seconds=30)


def make_desk(store: Store, tmp_path: Path, clock: ManualClock, ingest: IngestRecorder | None = None) -> BriefingDesk:
    return BriefingDesk(store, tmp_path / "home", ingest=ingest or IngestRecorder(), clock=clock)


def deliver_all(store: Store, clock: ManualClock) -> list[str]:
    """Claim and confirm everything claimable now; returns the rep ids delivered to."""
    claimed = claim_deliveries(store, now=clock(), limit=100, lease=LEASE)
    for n, delivery in enumerate(claimed):
        assert confirm_delivery(store, delivery, message_id=n + 1, now=clock())
    return [d.rep_id for d in claimed]


# ------------------------------------------------------------------------------------------ permissions


@pytest.mark.parametrize(
    ("author", "to", "expected"),
    [
        ("M001", "team", M001_TEAM),
        ("M001", "S002,S005", ["S002", "S005"]),
        ("M001", ["S005", "S002", "S005"], ["S005", "S002"]),
        ("M002", "team", ["S006", "S007", "S008", "S009", "S010"]),
        ("D001", "team", sorted(["M001", "M002", *M001_TEAM, "S006", "S007", "S008", "S009", "S010"])),
        ("D001", "S007", ["S007"]),
    ],
    ids=[
        "manager-team",
        "manager-named",
        "named-deduplicated",
        "other-manager",
        "director-recursive",
        "director-deep",
    ],
)
def test_recipients_resolve_to_own_reports(roster_store: Store, author: str, to: object, expected: list[str]) -> None:
    with roster_store.session() as session:
        rep = require_rep(session, author)
        got = [r.rep_id for r in resolve_recipients(session, rep, to)]  # type: ignore[arg-type]
    assert (sorted(got) if to == "team" else got) == expected


@pytest.mark.parametrize(
    ("author", "to", "error", "match"),
    [
        ("S001", "team", BriefingPermissionError, "S001 is a senior: only managers and directors"),
        ("S003", "S004", BriefingPermissionError, "junior"),
        ("M001", "S006", BriefingPermissionError, "S006 does not report to M001"),
        ("M001", "M002", BriefingPermissionError, "M002 does not report to M001"),
        ("M001", "S002,X999", UnknownRepError, "X999"),
    ],
    ids=["senior-refused", "junior-refused", "other-team", "peer-manager", "unknown-rep"],
)
def test_pushing_outside_authority_is_refused(
    roster_store: Store, author: str, to: str, error: type[Exception], match: str
) -> None:
    with roster_store.session() as session, pytest.raises(error, match=match):
        resolve_recipients(session, require_rep(session, author), to)


def test_manager_briefs_direct_reports_only(roster_store: Store) -> None:
    """A manager's 'team' is their direct reports; only a director's reaches down the tree."""
    with roster_store.transaction() as session:
        from core.roster import Rep

        session.add(Rep(rep_id="S099", name="Deep Rep", role="junior", manager_id="S001"))
    with roster_store.session() as session:
        team = [r.rep_id for r in resolve_recipients(session, require_rep(session, "M001"), "team")]
        with pytest.raises(BriefingPermissionError, match="S099 does not report to M001"):
            resolve_recipients(session, require_rep(session, "M001"), "S099")
    assert "S099" not in team


# ------------------------------------------------------------------------------------------ create


def test_create_writes_and_ingests_a_briefing_document(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    ingest = IngestRecorder()
    desk = make_desk(roster_store, tmp_path, clock, ingest)
    bid = desk.create(author_id="M001", title="AX-900 launch", body="The AX-900 ships in March.", due=date(2026, 12, 1))
    assert ingest.files == [tmp_path / "home" / "briefings" / f"{bid}.md"]
    text = ingest.texts[0]
    assert text.startswith("---\n")
    assert 'doc_type: "briefing"' in text
    assert 'title: "AX-900 launch"' in text
    assert "# AX-900 launch" in text
    assert "The AX-900 ships in March." in text
    status = desk.status(bid)
    assert [r.rep_id for r in status.recipients] == M001_TEAM


def test_failed_ingest_leaves_nothing_behind(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    ingest = IngestRecorder(fail_with=RuntimeError("index down"))
    desk = make_desk(roster_store, tmp_path, clock, ingest)
    with pytest.raises(RuntimeError, match="index down"):
        desk.create(author_id="M001", title="T", body="B")
    assert claim_deliveries(roster_store, now=clock(), limit=10) == []
    assert list((tmp_path / "home" / "briefings").glob("*.md")) == []
    with pytest.raises(BriefingInputError, match="no briefing with id 1"):
        desk.status(1)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"title": "  ", "body": "x"}, "needs a title"),
        ({"title": "T", "body": "\n "}, "text is empty"),
        ({"title": "T", "body": "x", "due": date(2026, 11, 19)}, "due date 2026-11-19 is in the past"),
        ({"title": "T" * 201, "body": "x"}, "title is 201 characters"),
    ],
    ids=["no-title", "no-body", "past-due", "long-title"],
)
def test_bad_input_is_refused(
    roster_store: Store, tmp_path: Path, clock: ManualClock, kwargs: dict[str, object], match: str
) -> None:
    with pytest.raises(BriefingInputError, match=match):
        make_desk(roster_store, tmp_path, clock).create(author_id="M001", **kwargs)  # type: ignore[arg-type]


def test_quiz_is_validated_with_index() -> None:
    good = load_quiz([{"question": "Q?", "options": ["a", "b"], "answer": 1}], "quiz.yaml")
    assert good[0].answer == 1
    with pytest.raises(BriefingInputError, match=r"quiz.yaml: quiz\[1\]\.answer: 2 is not an option index"):
        load_quiz(
            [
                {"question": "Q?", "options": ["a", "b"], "answer": 0},
                {"question": "R?", "options": ["a", "b"], "answer": 2},
            ],
            "quiz.yaml",
        )
    with pytest.raises(BriefingInputError, match=r"quiz.yaml: quiz\[0\]\.options: Field required"):
        load_quiz([{"question": "Q?"}], "quiz.yaml")
    assert load_quiz([{"question": "Q?", "options": [9800, 12800], "answer": 0}], "q")[0].options == [
        "9800",
        "12800",
    ]


# ------------------------------------------------------------------------------------------ outbox


def test_each_linked_recipient_is_claimed_once(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    make_desk(roster_store, tmp_path, clock).create(author_id="M001", title="T", body="B")
    first = claim_deliveries(roster_store, now=clock(), limit=100, lease=LEASE)
    # S004 has no Telegram id yet: nothing to claim for them.
    assert [d.rep_id for d in first] == ["S001", "S002", "S003", "S005"]
    assert [d.chat_id for d in first] == [100011, 100012, 100013, 100015]
    assert first[0].author_name == "Li Wei"
    # A second sweep (or a second worker) while the claims are fresh gets nothing.
    assert claim_deliveries(roster_store, now=clock.advance(seconds=5), limit=100, lease=LEASE) == []
    for delivery in first:
        assert confirm_delivery(roster_store, delivery, message_id=7, now=clock())
    assert claim_deliveries(roster_store, now=clock.advance(hours=5), limit=100, lease=LEASE) == []


def test_claims_respect_the_limit(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    make_desk(roster_store, tmp_path, clock).create(author_id="D001", title="T", body="B")
    batches = []
    while batch := claim_deliveries(roster_store, now=clock(), limit=3, lease=LEASE):
        batches.append([d.rep_id for d in batch])
    assert all(len(b) <= 3 for b in batches)
    flat = [r for b in batches for r in b]
    assert len(flat) == len(set(flat)) == 10  # 12 reports, S004 and S009 not linked


def test_unconfirmed_claim_is_resent_after_the_lease(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    """A bot killed between send and confirm: the claim stays 'sending' and is resent once the lease ends."""
    make_desk(roster_store, tmp_path, clock).create(author_id="M001", title="T", body="B", to="S001,S002")
    s001, s002 = claim_deliveries(roster_store, now=clock(), limit=10, lease=LEASE)
    assert confirm_delivery(roster_store, s001, message_id=1, now=clock())
    # s002 was "sent" but the process died before confirming.
    assert claim_deliveries(roster_store, now=clock.advance(seconds=29), limit=10, lease=LEASE) == []
    again = claim_deliveries(roster_store, now=clock.advance(seconds=2), limit=10, lease=LEASE)
    assert [d.rep_id for d in again] == ["S002"]
    # The dead worker's late confirm must not count: the claim now belongs to the new sweep.
    assert not confirm_delivery(roster_store, s002, message_id=2, now=clock())
    assert confirm_delivery(roster_store, again[0], message_id=3, now=clock())


def test_acknowledgement_settles_an_unconfirmed_claim(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    bid = make_desk(roster_store, tmp_path, clock).create(author_id="M001", title="T", body="B", to="S001")
    claim_deliveries(roster_store, now=clock(), limit=10, lease=LEASE)
    assert acknowledge(roster_store, bid, "S001", now=clock.advance(seconds=1)) is True
    assert acknowledge(roster_store, bid, "S001", now=clock.advance(seconds=1)) is False
    assert acknowledge(roster_store, bid, "S002", now=clock()) is None
    assert claim_deliveries(roster_store, now=clock.advance(hours=1), limit=10, lease=LEASE) == []


def test_failed_send_is_retried_then_given_up(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    desk = make_desk(roster_store, tmp_path, clock)
    bid = desk.create(author_id="M001", title="T", body="B", to="S001,S002")
    s001, s002 = claim_deliveries(roster_store, now=clock(), limit=10, lease=LEASE)
    release_delivery(roster_store, s001, error="timed out")
    release_delivery(roster_store, s002, error="Forbidden: bot was blocked by the user", permanent=True)
    again = claim_deliveries(roster_store, now=clock(), limit=10, lease=LEASE)
    assert [d.rep_id for d in again] == ["S001"]
    for _ in range(10):
        for delivery in claim_deliveries(roster_store, now=clock(), limit=10, lease=LEASE):
            release_delivery(roster_store, delivery, error="timed out")
    assert claim_deliveries(roster_store, now=clock(), limit=10, lease=LEASE) == []
    assert [r.delivered for r in desk.status(bid).recipients] == [False, False]


def test_recipient_linked_later_gets_the_briefing(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    make_desk(roster_store, tmp_path, clock).create(author_id="M001", title="T", body="B")
    assert "S004" not in deliver_all(roster_store, clock)
    with roster_store.transaction() as session:
        session.add(TelegramLink(telegram_user_id=555004, rep_id="S004"))
    later = claim_deliveries(roster_store, now=clock.advance(seconds=2), limit=10, lease=LEASE)
    assert [(d.rep_id, d.chat_id) for d in later] == [("S004", 555004)]


def test_state_survives_a_restart(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    """Everything lives in SQL: a new Store on the same database sees claims, deliveries and acks."""
    bid = make_desk(roster_store, tmp_path, clock).create(author_id="M001", title="T", body="B")
    first = claim_deliveries(roster_store, now=clock(), limit=2, lease=LEASE)
    confirm_delivery(roster_store, first[0], message_id=1, now=clock())
    acknowledge(roster_store, bid, first[0].rep_id, now=clock())
    url = str(roster_store.engine.url)
    roster_store.dispose()
    reopened = Store(url)
    # The unconfirmed claim (first[1]) waits for its lease; the rest go now.
    now_batch = claim_deliveries(reopened, now=clock.advance(seconds=1), limit=10, lease=LEASE)
    assert [d.rep_id for d in now_batch] == ["S003", "S005"]
    for delivery in now_batch:
        confirm_delivery(reopened, delivery, message_id=2, now=clock())
    late = claim_deliveries(reopened, now=clock.advance(seconds=60), limit=10, lease=LEASE)
    assert [d.rep_id for d in late] == [first[1].rep_id]
    status = BriefingDesk(reopened, tmp_path / "home").status(bid)
    assert [(r.rep_id, r.delivered, r.acknowledged) for r in status.recipients][:2] == [
        ("S001", True, True),
        ("S002", False, False),
    ]


# ------------------------------------------------------------------------------------------ status


def test_status_json_is_exact(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    desk = make_desk(roster_store, tmp_path, clock)
    bid = desk.create(author_id="M001", title="K5 filter recall", body="Swap the K5 filters.", to="S001,S002,S004")
    deliver_all(roster_store, clock)
    acknowledge(roster_store, bid, "S002", now=datetime(2026, 11, 20, 8, 30, 5))
    assert json.loads(desk.status(bid).model_dump_json()) == {
        "id": bid,
        "title": "K5 filter recall",
        "recipients": [
            {"rep_id": "S001", "delivered": True, "acknowledged": False, "acknowledged_at": None},
            {
                "rep_id": "S002",
                "delivered": True,
                "acknowledged": True,
                "acknowledged_at": "2026-11-20T08:30:05+00:00",
            },
            {"rep_id": "S004", "delivered": False, "acknowledged": False, "acknowledged_at": None},
        ],
    }


def test_summaries_count_acknowledged_and_name_the_missing(
    roster_store: Store, tmp_path: Path, clock: ManualClock
) -> None:
    desk = make_desk(roster_store, tmp_path, clock)
    bid = desk.create(author_id="M001", title="T", body="B")
    deliver_all(roster_store, clock)
    for rep in ("S001", "S003"):
        acknowledge(roster_store, bid, rep, now=clock())
    with roster_store.session() as session:
        (mine,) = summaries_for(session, require_rep(session, "M001"))
        directors = summaries_for(session, require_rep(session, "D001"))
        others = summaries_for(session, require_rep(session, "M002"))
    assert (mine.acknowledged, mine.recipients, mine.delivered) == (2, 5, 4)
    assert [r.rep_id for r in mine.missing] == ["S002", "S004", "S005"]
    assert [s.id for s in directors] == [bid]
    assert others == []


def test_quiz_answers_are_scored(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    quiz = [
        QuizQuestion(question="Q1", options=["a", "b"], answer=1),
        QuizQuestion(question="Q2", options=["a", "b", "c"], answer=2),
    ]
    bid = make_desk(roster_store, tmp_path, clock).create(author_id="M001", title="T", body="B", quiz=quiz)
    assert record_quiz_answer(roster_store, bid, "S001", 0, 1) == ([1], None)
    assert record_quiz_answer(roster_store, bid, "S001", 0, 0) == ([1], None)  # a double tap counts once
    assert record_quiz_answer(roster_store, bid, "S001", 1, 0) == ([1, 0], 0.5)
    assert record_quiz_answer(roster_store, bid, "S006", 0, 1) is None


# ------------------------------------------------------------------------------------------ reminders


def test_reminders_go_only_to_those_who_have_not_acknowledged(
    roster_store: Store, tmp_path: Path, clock: ManualClock
) -> None:
    bid = make_desk(roster_store, tmp_path, clock).create(author_id="M001", title="T", body="B", due=date(2026, 11, 25))
    deliver_all(roster_store, clock)
    acknowledge(roster_store, bid, "S001", now=clock.advance(hours=1))
    assert claim_reminders(roster_store, now=clock(), limit=100) == []
    # Two days before the due date, at the reminder hour.
    clock.now = datetime(2026, 11, 23, 9, 0)
    first = claim_reminders(roster_store, now=clock(), limit=100, lease=LEASE)
    assert sorted(r.rep_id for r in first) == ["S002", "S003", "S005"]  # S004 never received it
    assert {r.days_before for r in first} == {2}
    for reminder in first:
        assert confirm_reminder(roster_store, reminder, now=clock())
    assert claim_reminders(roster_store, now=clock.advance(hours=1), limit=100, lease=LEASE) == []
    acknowledge(roster_store, bid, "S002", now=clock())
    clock.now = datetime(2026, 11, 25, 9, 0)
    second = claim_reminders(roster_store, now=clock(), limit=100, lease=LEASE)
    assert sorted(r.rep_id for r in second) == ["S003", "S005"]
    assert {r.days_before for r in second} == {0}


def test_missed_reminders_collapse_into_the_latest(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    """The bot was down over both reminder times: one reminder per person, not two."""
    make_desk(roster_store, tmp_path, clock).create(
        author_id="M001", title="T", body="B", to="S001", due=date(2026, 11, 25)
    )
    deliver_all(roster_store, clock)
    due = claim_reminders(roster_store, now=datetime(2026, 11, 26, 12, 0), limit=100, lease=LEASE)
    assert [(r.rep_id, r.days_before) for r in due] == [("S001", 0)]
    assert claim_reminders(roster_store, now=datetime(2026, 11, 26, 12, 0), limit=100, lease=LEASE) == []


def test_fresh_delivery_is_not_followed_by_a_stale_reminder(
    roster_store: Store, tmp_path: Path, clock: ManualClock
) -> None:
    """A rep who links after a reminder time gets the briefing, not the briefing plus an old reminder."""
    make_desk(roster_store, tmp_path, clock).create(
        author_id="M001", title="T", body="B", to="S004", due=date(2026, 11, 25)
    )
    with roster_store.transaction() as session:
        session.add(TelegramLink(telegram_user_id=555004, rep_id="S004"))
    clock.now = datetime(2026, 11, 23, 10, 0)
    deliver_all(roster_store, clock)
    assert claim_reminders(roster_store, now=clock(), limit=100, lease=LEASE) == []
    clock.now = datetime(2026, 11, 25, 9, 0)
    assert [r.rep_id for r in claim_reminders(roster_store, now=clock(), limit=100, lease=LEASE)] == ["S004"]


def test_unconfirmed_reminder_is_retried_after_the_lease(
    roster_store: Store, tmp_path: Path, clock: ManualClock
) -> None:
    make_desk(roster_store, tmp_path, clock).create(
        author_id="M001", title="T", body="B", to="S001", due=date(2026, 11, 25)
    )
    deliver_all(roster_store, clock)
    moment = datetime(2026, 11, 23, 9, 0)
    (lost,) = claim_reminders(roster_store, now=moment, limit=10, lease=LEASE)
    assert claim_reminders(roster_store, now=moment + timedelta(seconds=10), limit=10, lease=LEASE) == []
    (again,) = claim_reminders(roster_store, now=moment + timedelta(seconds=31), limit=10, lease=LEASE)
    assert again.reminder_id == lost.reminder_id
    assert not confirm_reminder(roster_store, lost, now=moment)
    assert confirm_reminder(roster_store, again, now=moment)


# ------------------------------------------------------------------------------------------ files


def test_text_file_is_the_message_without_front_matter(tmp_path: Path) -> None:
    from workflows.briefings import read_briefing_file

    path = tmp_path / "b.md"
    path.write_text("---\ntitle: X\n---\n# AX-900\n\nLists at 12,800 CNY.\n", encoding="utf-8")
    assert read_briefing_file(path) == ("# AX-900\n\nLists at 12,800 CNY.", False)


def test_word_file_is_parsed_and_attached(tmp_path: Path) -> None:
    from fixtures_ingest import write_docx

    from workflows.briefings import read_briefing_file

    body, attach = read_briefing_file(write_docx(tmp_path / "returns.docx"))
    assert attach is True
    assert "## Refunds\n\nRefunds are paid within 7 working days." in body
    assert "Exchanges are allowed within 30 days." in body


@pytest.mark.parametrize(
    ("body", "limit", "expected"),
    [
        ("short", 100, "short"),
        ("First para.\n\nSecond para is long " + "x" * 100, 40, "First para. …"),
        ("One sentence here. Another sentence that runs on and on", 40, "One sentence here. …"),
        ("y" * 100, 10, "y" * 10 + " …"),
    ],
    ids=["fits", "paragraph", "sentence", "hard-cut"],
)
def test_summary_cuts_at_a_natural_break(body: str, limit: int, expected: str) -> None:
    from workflows.briefings import summary_of

    assert summary_of(body, limit) == expected


def test_a_chinese_briefing_is_reminded_in_chinese(roster_store: Store, tmp_path: Path, clock: ManualClock) -> None:
    from bot.briefing_handlers import reminder_text

    make_desk(roster_store, tmp_path, clock).create(
        author_id="M001", title="AX-900 新品上市", body="AX-900 标价 12,800 元，12月1日到样机。", to="S001",
        due=date(2026, 11, 25),
    )  # fmt: skip
    deliver_all(roster_store, clock)
    (due,) = claim_reminders(roster_store, now=datetime(2026, 11, 23, 9, 0), limit=100, lease=LEASE)
    assert due.language == "zh"
    assert reminder_text(due, date(2026, 11, 23)) == (
        "⏰ 提醒：请阅读并确认 <b>AX-900 新品上市</b>（2 天后截止，2026-11-25）。"
    )
    assert "due today" in reminder_text(dataclasses.replace(due, language="en"), date(2026, 11, 25))
