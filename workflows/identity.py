"""Who a Telegram user is: the roster's `telegram_user_id`, or a link made by redeeming a one-time
invite code.

Codes are random, single-use and expire; redeeming is one conditional UPDATE, so two people racing for
the same
code cannot both win.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from core.messages import RepInfo
from core.roster import Rep, get_rep, rep_by_telegram, reports_of, require_rep
from core.store import Store
from workflows.state import InviteCode, TelegramLink, as_utc, utcnow


class InviteError(ValueError):
    """An invite code could not be redeemed; the message is safe to show the person who typed it."""


def resolve_user(store: Store, telegram_user_id: int) -> RepInfo | None:
    """The rep behind a Telegram account, or None for a stranger. The roster wins over links."""
    with store.session() as session:
        rep = rep_by_telegram(session, telegram_user_id)
        if rep is not None:
            return rep
        link = session.get(TelegramLink, telegram_user_id)
        if link is None:
            return None
        linked = get_rep(session, link.rep_id)
        # A link to a rep since removed from the roster grants nothing.
        return linked.model_copy(update={"telegram_user_id": telegram_user_id}) if linked else None


def telegram_chat_of(store: Store, rep_id: str) -> int | None:
    """Where to reach a rep in Telegram (private chat id == user id): their link, else the roster's id."""
    with store.session() as session:
        link = session.scalar(select(TelegramLink).where(TelegramLink.rep_id == rep_id))
        if link is not None:
            return link.telegram_user_id
        rep = session.get(Rep, rep_id)
        return rep.telegram_user_id if rep is not None else None


def may_invite(store: Store, inviter: RepInfo, rep_id: str) -> bool:
    """Managers invite their own reports (directors: anyone below them); nobody invites themselves or
    others."""
    with store.session() as session:
        return any(r.rep_id == rep_id for r in reports_of(session, inviter.rep_id, recursive=True))


def create_invite(
    store: Store,
    rep_id: str,
    ttl: timedelta,
    *,
    created_by: str | None = None,
    now: datetime | None = None,
) -> str:
    """A fresh one-time code for `rep_id`, valid for `ttl`. Raises UnknownRepError for an id not on the
    roster."""
    if ttl <= timedelta(0):
        raise ValueError(f"invite lifetime must be positive, got {ttl}: set SALESCOACH_INVITE_TTL_HOURS above 0")
    moment = now or utcnow()
    # 12 URL-safe characters: fits Telegram's /start deep-link parameter ([A-Za-z0-9_-], at most 64).
    code = secrets.token_urlsafe(9)
    with store.transaction() as session:
        require_rep(session, rep_id)
        session.add(
            InviteCode(code=code, rep_id=rep_id, created_by=created_by, created_at=moment, expires_at=moment + ttl)
        )
    return code


def redeem_invite(store: Store, code: str, telegram_user_id: int, *, now: datetime | None = None) -> RepInfo:
    """Link `telegram_user_id` to the code's rep and burn the code; raises InviteError when it cannot."""
    moment = now or utcnow()
    current = resolve_user(store, telegram_user_id)
    with store.transaction() as session:
        invite = session.get(InviteCode, code)
        if invite is None or invite.redeemed_at is not None or as_utc(invite.expires_at) <= moment:
            # One message for unknown, used and expired codes: nothing to learn by guessing.
            raise InviteError("This invite code is not valid or has expired. Ask your manager for a new one.")
        if current is not None and current.rep_id != invite.rep_id:
            raise InviteError(f"This Telegram account is already linked to {current.name}.")
        rep = get_rep(session, invite.rep_id)
        if rep is None:
            raise InviteError("This invite code is not valid or has expired. Ask your manager for a new one.")
        burned = session.execute(
            update(InviteCode)
            .where(InviteCode.code == code, InviteCode.redeemed_at.is_(None))
            .values(redeemed_at=moment, redeemed_by=telegram_user_id)
        )
        if burned.rowcount != 1:  # type: ignore[attr-defined]
            raise InviteError("This invite code is not valid or has expired. Ask your manager for a new one.")
        # One account per rep: a new phone replaces the old link.
        session.execute(delete(TelegramLink).where(TelegramLink.rep_id == rep.rep_id))
        session.execute(delete(TelegramLink).where(TelegramLink.telegram_user_id == telegram_user_id))
        session.add(
            TelegramLink(telegram_user_id=telegram_user_id, rep_id=rep.rep_id, invite_code=code, linked_at=moment)
        )
    return rep.model_copy(update={"telegram_user_id": telegram_user_id})
