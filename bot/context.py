"""What the bot's handler modules share, typed: the one `BotData` an Application holds (python-telegram-bot
makes it through `ContextTypes(bot_data=BotData)`), the `Context` every handler and job takes, the private-chat
filter and the briefing delivery knobs.

Handler modules import this module and `bot.handlers`' helpers, never `bot.app`: the builder there imports them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from telegram.ext import Application, CallbackContext, ExtBot, filters

from bot.ratelimit import SlidingWindowLimiter
from workflows.briefings import DEFAULT_LEASE, Clock, utcnow

if TYPE_CHECKING:
    from core.messages import RepInfo
    from workflows.briefings import BriefingDesk
    from workflows.onboarding import OnboardingDesk
    from workflows.services import Services

T = TypeVar("T")

# Private chats only: answers, coaching and KPIs must never land in a group, and a group's chatter is not
# questions. Edits are not new questions either (answering every typo fix again is noise).
PRIVATE = filters.ChatType.PRIVATE & ~filters.UpdateType.EDITED


@dataclass
class DeliveryConfig:
    """Knobs of the briefing delivery jobs; tests and the benchmark adjust them in bot_data before the first tick.

    `batch` bounds what one claim takes; `max_per_second` spaces the sends evenly, below Telegram's broadcast
    limit of 30/s with room left for answering people meanwhile (PTB's AIORateLimiter alone lets a burst of
    30 through at once, so a one-second window could see 60). Even spacing also keeps few sends in flight,
    which is what bounds the duplicates a hard kill can cause. 20/s rather than 25/s: event-loop stalls let
    a claimed send leave late, and at 25/s the 2,000-rep benchmark saw 31 arrivals in one second after a restart.
    """

    interval: float = 2.0
    batch: int = 30
    max_per_second: float = 20.0
    lease: timedelta = DEFAULT_LEASE
    reminder_interval: float = 30.0
    clock: Clock = utcnow


@dataclass
class SweepState:
    """Per-application: a lock so a slow delivery tick and the next one never run side by side, and counters."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_start: float = float("-inf")
    sent: int = 0
    failed: int = 0
    reminders: int = 0


class NotWiredError(RuntimeError):
    """A handler ran in an Application that `bot.app.build_application` did not build."""


@dataclass
class BotData:
    """Everything the handlers share within one Application (never a module global).

    python-telegram-bot makes it empty (`ContextTypes(bot_data=BotData)`); `build_application` fills in the
    services, the rate limiter, the desks and the menu before the first update (`wired` reads a part that must
    be there). Tests and the benchmark may replace `delivery` and `onboarding_clock` before the first tick."""

    services: Services | None = None
    limiter: SlidingWindowLimiter | None = None
    onboarding_desk: OnboardingDesk | None = None
    briefing_desk: BriefingDesk | None = None
    # The commands in Telegram's menu (their descriptions are the catalogue's `menu.<command>`).
    menu: list[str] = field(default_factory=list)
    # Run after someone links their Telegram account with /start CODE (briefings waiting for them go out).
    on_link: list[Callable[[Context, RepInfo], Awaitable[None]]] = field(default_factory=list)
    delivery: DeliveryConfig = field(default_factory=DeliveryConfig)
    sweep: SweepState = field(default_factory=SweepState)
    onboarding_clock: Clock = utcnow


def wired(value: T | None, name: str) -> T:
    """A part of BotData that `build_application` sets; NotWiredError in an Application built otherwise."""
    if value is None:
        raise NotWiredError(f"bot_data has no {name}: build the application with bot.app.build_application")
    return value


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
"""The `context` of every handler, error handler and job of this bot."""
# The bot and job queue stay Any: PTB's builder types its job queue for the default context whatever the
# context types, and our bot is its LengthGuardedBot subclass.
BotApplication = Application[Any, Context, dict[Any, Any], dict[Any, Any], BotData, Any]
"""The Application `bot.app.build_application` builds."""
