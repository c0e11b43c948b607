"""Which local calendar period a subscriber's digest is due for (pure; the clock is a parameter).

A period is named by the subscriber's *local* calendar: ``2026-W47`` for a weekly digest (ISO
week of the local send date), ``2026-11-22`` for a daily one, and a UTC quarter hour for
``instant``. The database keeps one run per (subscriber, period key), so a double tick, a DST
fold, a restart or a second replica can compute the same key again and nothing is sent twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from service.models import WEEKDAYS, Subscriber

INSTANT_SLOT = timedelta(minutes=15)
# After a long outage (or a long pause) one digest covers at most this much history.
MAX_CATCH_UP = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class Period:
    """One send occasion: its key, a label for people, and the instant it falls due (UTC)."""

    key: str
    label: str
    due_at: datetime
    length: timedelta


def _local_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    # fold=0: in a fall-back fold the first 02:30 counts; in a spring-forward gap 02:30 does not
    # exist and zoneinfo reads it with the old offset, i.e. 03:30 summer time, which is when we send.
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def latest_period(sub: Subscriber, now: datetime) -> Period:
    """The most recent send occasion at or before ``now`` for this subscriber's schedule."""
    if sub.frequency == "instant":
        slot = int(now.timestamp()) // int(INSTANT_SLOT.total_seconds()) * int(INSTANT_SLOT.total_seconds())
        due = datetime.fromtimestamp(slot, UTC)
        return Period(due.strftime("%Y-%m-%dT%H:%MZ"), "latest news", due, INSTANT_SLOT)
    tz = ZoneInfo(sub.timezone)
    hour, minute = map(int, sub.send_time.split(":"))
    at = time(hour, minute)
    local_today = now.astimezone(tz).date()
    if sub.frequency == "daily":
        day = local_today
        if _local_instant(day, at, tz) > now:
            day -= timedelta(days=1)
        return Period(
            day.isoformat(), f"{day.day} {day:%B %Y}", _local_instant(day, at, tz), timedelta(days=1)
        )
    weekday = WEEKDAYS.index(sub.day)
    day = local_today - timedelta(days=(local_today.weekday() - weekday) % 7)
    if _local_instant(day, at, tz) > now:
        day -= timedelta(days=7)
    iso = day.isocalendar()
    return Period(
        f"{iso.year}-W{iso.week:02d}", f"week {iso.week}", _local_instant(day, at, tz), timedelta(days=7)
    )


def window_for(period: Period, last_end: datetime | None) -> tuple[datetime, datetime]:
    """``(start, end)`` of the items a digest for ``period`` covers.

    It starts where the previous digest's window ended, so after downtime spanning several
    periods one digest covers everything unsent; a first digest covers one period back.
    """
    floor = period.due_at - MAX_CATCH_UP
    start = last_end if last_end is not None else period.due_at - period.length
    return max(start, floor), period.due_at
