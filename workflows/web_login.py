"""Passwordless login: one-time links (15 minutes, single use, stored hashed) and signed session cookies.

The cookie holds `rep_id|expiry|signature` (HMAC-SHA256 over the first two with the console secret): no server
session table is needed, a tampered or expired cookie is simply nobody. The secret comes from the environment
(SALESCOACH_WEB_SECRET) or a 0600 file under SALESCOACH_HOME, made on first use.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from core.roster import require_rep
from core.store import Store
from workflows.web_state import LoginToken

LINK_LIFETIME = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=8)
SECRET_ENV = "SALESCOACH_WEB_SECRET"
SECRET_FILE = "web-secret"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def utcnow() -> datetime:
    """Naive UTC, as the SQL columns hold it."""
    return datetime.now(UTC).replace(tzinfo=None)


def load_secret(home: Path) -> bytes:
    """The signing secret: $SALESCOACH_WEB_SECRET, else home/web-secret (created 0600 when missing)."""
    configured = os.environ.get(SECRET_ENV, "").strip()
    if configured:
        return configured.encode("utf-8")
    path = home / SECRET_FILE
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting together never both write; the loser reads the winner's file.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_link(store: Store, rep_id: str, base_url: str = DEFAULT_BASE_URL, *, now: datetime | None = None) -> str:
    """A fresh one-time login link for a rep on the roster (UnknownRepError otherwise)."""
    moment = now or utcnow()
    token = secrets.token_urlsafe(32)
    with store.transaction() as session:
        require_rep(session, rep_id)
        session.add(
            LoginToken(token_hash=_hash(token), rep_id=rep_id, created_at=moment, expires_at=moment + LINK_LIFETIME)
        )
    return f"{base_url.rstrip('/')}/login/{token}"


def redeem(store: Store, token: str, *, now: datetime | None = None) -> str | None:
    """The rep id a valid, unused, unexpired token logs in, marking it used; None for any other token.

    One conditional UPDATE: two requests racing with the same link cannot both win."""
    if not token or len(token) > 200:
        return None
    moment = now or utcnow()
    digest = _hash(token)
    with store.transaction() as session:
        found = session.get(LoginToken, digest)
        if found is None:
            return None
        result = session.execute(
            update(LoginToken)
            .where(LoginToken.token_hash == digest, LoginToken.used_at.is_(None), LoginToken.expires_at > moment)
            .values(used_at=moment)
        )
        return found.rep_id if getattr(result, "rowcount", 0) == 1 else None


@dataclass(frozen=True)
class SessionSigner:
    """Signs and checks session cookies and the forms' anti-forgery tokens with one secret."""

    secret: bytes
    lifetime: timedelta = SESSION_LIFETIME

    def _mac(self, message: str) -> str:
        digest = hmac.new(self.secret, message.encode("utf-8"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def sign(self, rep_id: str, *, now: datetime | None = None) -> str:
        expiry = int(((now or utcnow()) + self.lifetime).replace(tzinfo=UTC).timestamp())
        encoded = base64.urlsafe_b64encode(rep_id.encode("utf-8")).decode("ascii")
        body = f"{encoded}|{expiry}"
        return f"{body}|{self._mac(body)}"

    def rep_of(self, cookie: str | None, *, now: datetime | None = None) -> str | None:
        """The rep id of a well-signed, unexpired cookie; None for anything else."""
        if not cookie or cookie.count("|") != 2:
            return None
        encoded, expiry, mac = cookie.split("|")
        if not hmac.compare_digest(mac, self._mac(f"{encoded}|{expiry}")):
            return None
        try:
            expires = datetime.fromtimestamp(int(expiry), UTC).replace(tzinfo=None)
            rep_id = base64.urlsafe_b64decode(encoded.encode("ascii")).decode("utf-8")
        except (ValueError, UnicodeError):
            return None
        return rep_id if expires > (now or utcnow()) else None

    def form_token(self, cookie: str) -> str:
        """The anti-forgery token of a session: forms carry it, so another site cannot post as the user."""
        return self._mac(f"form|{cookie}")
