"""The bot's durable state without Telegram: identity, invites, rate limiter, feedback, gaps, hand-offs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.ratelimit import SlidingWindowLimiter, Verdict
from core.roster import Rep, UnknownRepError
from core.store import Store
from workflows.feedback import (
    HANDOFF_SENT,
    gaps,
    mark_handoff,
    open_handoff,
    pending_handoffs,
    record_ask,
    record_vote,
)
from workflows.identity import (
    InviteError,
    create_invite,
    may_invite,
    redeem_invite,
    resolve_user,
    telegram_chat_of,
)
from workflows.roster_import import import_roster
from workflows.state import utcnow

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HOUR = timedelta(hours=1)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'bot.db'}")
    import_roster(store, SAMPLES / "roster.csv")
    return store


# ----------------------------------------------------------------------------------------------- identity
def test_roster_telegram_id_identifies_and_strangers_are_none(store: Store) -> None:
    rep = resolve_user(store, 100011)
    assert rep is not None and rep.rep_id == "S001"
    assert resolve_user(store, 42) is None


def test_invite_links_once_and_only_once(store: Store) -> None:
    code = create_invite(store, "S004", HOUR, created_by="M001")
    assert len(code) >= 12 and code.replace("-", "").replace("_", "").isalnum()
    rep = redeem_invite(store, code, 777)
    assert (rep.rep_id, rep.telegram_user_id) == ("S004", 777)
    resolved = resolve_user(store, 777)
    assert resolved is not None and resolved.rep_id == "S004"
    assert telegram_chat_of(store, "S004") == 777
    with pytest.raises(InviteError, match="not valid or has expired"):
        redeem_invite(store, code, 778)
    assert resolve_user(store, 778) is None


def test_expired_and_unknown_codes_get_the_same_answer(store: Store) -> None:
    code = create_invite(store, "S004", HOUR, now=utcnow() - 2 * HOUR)
    with pytest.raises(InviteError) as expired:
        redeem_invite(store, code, 777)
    with pytest.raises(InviteError) as unknown:
        redeem_invite(store, "no-such-code", 777)
    assert str(expired.value) == str(unknown.value)
    assert resolve_user(store, 777) is None


def test_a_new_phone_replaces_the_old_link(store: Store) -> None:
    redeem_invite(store, create_invite(store, "S009", HOUR), 801)
    redeem_invite(store, create_invite(store, "S009", HOUR), 802)
    assert resolve_user(store, 801) is None
    rep = resolve_user(store, 802)
    assert rep is not None and rep.rep_id == "S009"


def test_an_account_already_someone_cannot_become_someone_else(store: Store) -> None:
    code = create_invite(store, "S004", HOUR)
    with pytest.raises(InviteError, match="already linked to Wang Fang"):
        redeem_invite(store, code, 100011)  # S001's roster account
    # The failed attempt did not burn the code.
    assert redeem_invite(store, code, 900).rep_id == "S004"


def test_a_link_to_a_rep_removed_from_the_roster_grants_nothing(store: Store) -> None:
    redeem_invite(store, create_invite(store, "S009", HOUR), 803)
    with store.transaction() as session:
        session.delete(session.get(Rep, "S009"))
    assert resolve_user(store, 803) is None


def test_invites_for_unknown_reps_and_bad_lifetimes_are_refused(store: Store) -> None:
    with pytest.raises(UnknownRepError, match="X999"):
        create_invite(store, "X999", HOUR)
    with pytest.raises(ValueError, match="INVITE_TTL_HOURS"):
        create_invite(store, "S004", timedelta(0))


@pytest.mark.parametrize(
    ("inviter", "target", "allowed"),
    [("M001", "S004", True), ("D001", "S009", True), ("M001", "S006", False), ("S001", "S002", False),
     ("M001", "M001", False)],
    ids=["manager-own-report", "director-below", "other-team", "rep", "self"],
)  # fmt: skip
def test_who_may_invite(store: Store, inviter: str, target: str, allowed: bool) -> None:
    with store.session() as session:
        rep = session.get(Rep, inviter)
        assert rep is not None
        info = rep.info()
    assert may_invite(store, info, target) is allowed


# ----------------------------------------------------------------------------------------------- rate limit
class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sliding_window_tells_once_then_drops_then_recovers() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(3, 60, clock=clock)
    verdicts = [limiter.check(1) for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.REFUSE_AND_TELL, Verdict.REFUSE, Verdict.REFUSE]
    assert limiter.check(2) is Verdict.ALLOW  # another user is unaffected
    assert limiter.retry_in(1) == pytest.approx(60)
    clock.now += 30
    assert limiter.check(1) is Verdict.REFUSE
    clock.now += 30.5  # the first three fell out of the window
    assert limiter.check(1) is Verdict.ALLOW
    for _ in range(2):
        limiter.check(1)
    assert limiter.check(1) is Verdict.REFUSE_AND_TELL  # a new flood is told again


def test_zero_disables_the_limit_and_prune_forgets_idle_users() -> None:
    clock = Clock()
    assert all(SlidingWindowLimiter(0, clock=clock).check(1) is Verdict.ALLOW for _ in range(100))
    limiter = SlidingWindowLimiter(2, 10, clock=clock)
    limiter.check(1)
    clock.now += 11
    limiter.prune()
    assert limiter._events == {}
    with pytest.raises(ValueError, match="window"):
        SlidingWindowLimiter(2, 0)


# ----------------------------------------------------------------------------------------------- feedback
def _ask(store: Store, question: str, *, grounded: bool = True, rep: str = "S001") -> int:
    return record_ask(store, rep_id=rep, chat_id=1, question=question, answer="a", grounded=grounded, language="en")


def test_gaps_list_ungrounded_and_down_voted_questions_most_frequent_first(store: Store) -> None:
    for _ in range(3):
        _ask(store, "Wifi password?", grounded=False)
    _ask(store, "  WIFI   password? ", grounded=False, rep="S002")  # same question, other spelling
    voted = _ask(store, "Late delivery?")
    _ask(store, "Late delivery?")
    _ask(store, "Returns?")  # grounded, never voted down: not a gap
    assert record_vote(store, ask_id=voted, rep_id="S001", helpful=True)
    assert record_vote(store, ask_id=voted, rep_id="S001", helpful=False)  # changed their mind: one vote
    assert not record_vote(store, ask_id=voted, rep_id="S002", helpful=False)  # not S002's answer
    found = gaps(store)
    assert [(g.question, g.asks, g.ungrounded, g.not_helpful, g.helpful) for g in found] == [
        ("Wifi password?", 4, 4, 0, 0),
        ("Late delivery?", 2, 0, 1, 0),
    ]
    assert str(found[0].to_json_dict()["last_asked"]).startswith(str(utcnow().year))
    assert len(gaps(store, limit=1)) == 1


def test_hand_off_outbox_survives_until_sent(store: Store) -> None:
    ask = _ask(store, "Can we ship to Lhasa?")
    handoff = open_handoff(store, ask_id=ask, from_rep_id="S001", to_rep_id="M001", to_chat_id=100002)
    assert handoff is not None
    # The bot died before sending: the row is still pending for the next start.
    assert [(p.to_chat_id, p.question) for p in pending_handoffs(store)] == [(100002, "Can we ship to Lhasa?")]
    mark_handoff(store, handoff, HANDOFF_SENT)
    assert pending_handoffs(store) == []
    assert open_handoff(store, ask_id=ask, from_rep_id="S001", to_rep_id="M001", to_chat_id=100002) is None


def test_unreachable_hand_off_is_not_pending(store: Store) -> None:
    ask = _ask(store, "Q?")
    assert open_handoff(store, ask_id=ask, from_rep_id="S004", to_rep_id="M001", to_chat_id=None) is not None
    assert pending_handoffs(store) == []
    with store.transaction() as session:
        session.execute(update(Rep).where(Rep.rep_id == "M001").values(telegram_user_id=None))
    assert telegram_chat_of(store, "M001") is None
