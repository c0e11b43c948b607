"""The polling decider: what a fetch outcome means for a source and when to look at it next.

Pure functions of (source, outcome, now, random source): no I/O, no clock reads. The job in
``service.jobs`` fetches, parses and stores; this module says which source-row fields change.

Rules (RELIABILITY.md 1.A #11 and #13, after Miniflux):

* 304, or a body identical to the last one: nothing to parse; the error streak ends.
* 301/308 chains: the stored URL moves only after ``REDIRECT_CONFIRMATIONS`` consecutive polls
  that end at the same permanent target, so one bad response cannot hijack a source.
* 410: the source is disabled (``sources enable`` brings it back).
* 429/503: Retry-After is honoured (seconds or an HTTP date), never shorter than the backoff.
* Any other failure: exponential backoff with jitter, capped at ``max_backoff``; a source is
  never given up on, the next success resets the streak.
* Success: the next check is a week divided by the items posted in the last week (clamped to
  ``min_interval``..``max_interval``), the source's configured interval when it posted nothing,
  and never sooner than the feed's ``<ttl>``, Cache-Control max-age or Expires ask for.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from scrapers.fetch import FetchResult
from service.errors import FetchError
from service.models import Source

WEEK = 7 * 24 * 3600
REDIRECT_CONFIRMATIONS = 3
_MAX_AGE = re.compile(r"(?:^|[,\s])(?:s-)?max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """Bounds of the schedule, in seconds."""

    min_interval: int = 300
    max_interval: int = 24 * 3600
    backoff_base: int = 300
    max_backoff: int = 24 * 3600


DEFAULT_POLICY = PollPolicy()


@dataclass(frozen=True, slots=True)
class FetchVerdict:
    """What the fetch alone says: parse the body, or a final state for the source row.

    ``parse`` is True when ``body`` should be parsed and ingested; otherwise ``updates`` holds
    the source-row values to write now.
    """

    parse: bool
    updates: dict[str, Any]
    status: str
    http_status: int | None = None
    body: bytes = b""
    headers: dict[str, str] | None = None
    body_hash: str | None = None


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def backoff_seconds(error_count: int, rng: random.Random, policy: PollPolicy = DEFAULT_POLICY) -> float:
    """Delay after the ``error_count``-th failure in a row: doubling from the base, capped, jittered.

    "Equal jitter": half the delay is fixed, half random, so replicas that failed together spread
    out, and the wait still grows with the streak.
    """
    exp = min(max(error_count - 1, 0), 30)
    delay = min(policy.backoff_base * 2.0**exp, float(policy.max_backoff))
    return min(delay / 2 + rng.uniform(0, delay / 2), float(policy.max_backoff))


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds from ``now``: delta-seconds or an HTTP date; None when absent or bad."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max((when - now).total_seconds(), 0.0)


def cache_lifetime(headers: dict[str, str], now: datetime) -> float | None:
    """Seconds the response says it stays fresh: Cache-Control max-age, else Expires."""
    cc = headers.get("cache-control", "")
    if "no-cache" in cc.lower() or "no-store" in cc.lower():
        return None
    m = _MAX_AGE.search(cc)
    if m:
        return float(m.group(1))
    expires = headers.get("expires")
    if expires:
        try:
            when = parsedate_to_datetime(expires)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is not None:
            return max((when - now).total_seconds(), 0.0)
    return None


def adaptive_interval(
    weekly_count: int,
    configured: int,
    *,
    ttl_seconds: int | None = None,
    cache_seconds: float | None = None,
    policy: PollPolicy = DEFAULT_POLICY,
) -> float:
    """Seconds until the next check of a healthy source.

    A week divided by the items posted in the last week (Miniflux), the configured interval when
    nothing was posted, clamped to the policy; then at least what ``<ttl>`` and the cache headers
    ask (those may exceed ``max_interval`` only up to it: a feed cannot ask us to stop).
    """
    base = WEEK / weekly_count if weekly_count > 0 else float(configured)
    interval = min(max(base, policy.min_interval), policy.max_interval)
    floor = max(float(ttl_seconds or 0), cache_seconds or 0.0)
    return min(max(interval, floor), float(policy.max_interval))


def _failure(
    source: Source,
    now: datetime,
    rng: random.Random,
    *,
    status: str,
    error: str,
    http_status: int | None = None,
    retry_after: float | None = None,
    policy: PollPolicy,
) -> dict[str, Any]:
    count = source.error_count + 1
    delay = backoff_seconds(count, rng, policy)
    if retry_after is not None:
        delay = min(max(delay, retry_after), float(policy.max_backoff))
    return {
        "last_checked_at": now,
        "last_status": status[:40],
        "last_error": error,
        "error_count": count,
        "next_check_at": now + timedelta(seconds=delay),
    }


def failure_updates(
    source: Source,
    now: datetime,
    rng: random.Random,
    error: str,
    *,
    status: str = "error",
    policy: PollPolicy = DEFAULT_POLICY,
) -> dict[str, Any]:
    """Source-row values after a failure that happened after the fetch (parse or store)."""
    return _failure(source, now, rng, status=status, error=error, policy=policy)


def _redirect_updates(source: Source, result: FetchResult) -> dict[str, Any]:
    """Count consecutive polls that end at the same permanent target; move the URL on the third."""
    target = result.permanent_redirect
    if target is None or target == source.url:
        return {"redirect_url": None, "redirect_count": 0} if source.redirect_count else {}
    count = source.redirect_count + 1 if source.redirect_url == target else 1
    if count >= REDIRECT_CONFIRMATIONS:
        return {"url": target, "redirect_url": None, "redirect_count": 0}
    return {"redirect_url": target, "redirect_count": count}


def judge_fetch(
    source: Source,
    outcome: FetchResult | FetchError,
    now: datetime,
    rng: random.Random,
    policy: PollPolicy = DEFAULT_POLICY,
) -> FetchVerdict:
    """Decide what a fetch outcome means for ``source`` before anything is parsed."""
    if isinstance(outcome, FetchError):
        return FetchVerdict(
            False,
            _failure(source, now, rng, status=outcome.kind, error=str(outcome), policy=policy),
            outcome.kind,
        )
    r = outcome
    if r.status == 410:
        updates = {
            "enabled": False,
            "last_checked_at": now,
            "last_status": "gone",
            "last_error": (
                f"fetch: {r.final_url} answered 410 Gone: source disabled (`sources enable` to retry)"
            ),
            "error_count": source.error_count + 1,
            "next_check_at": None,
        }
        return FetchVerdict(False, updates, "gone", r.status)
    if r.status in (429, 503):
        wait = retry_after_seconds(r.headers.get("retry-after"), now)
        updates = _failure(
            source,
            now,
            rng,
            status=f"http {r.status}",
            error=f"fetch: {r.final_url} answered HTTP {r.status}"
            + (f", Retry-After {r.headers.get('retry-after')}" if wait is not None else ""),
            http_status=r.status,
            retry_after=wait,
            policy=policy,
        )
        return FetchVerdict(False, updates, f"http {r.status}", r.status)
    if r.not_modified:
        return FetchVerdict(False, {}, "not_modified", r.status, headers=r.headers)
    if not r.ok:
        updates = _failure(
            source,
            now,
            rng,
            status=f"http {r.status}",
            error=f"fetch: {r.final_url} answered HTTP {r.status}",
            policy=policy,
        )
        return FetchVerdict(False, updates, f"http {r.status}", r.status)
    digest = body_hash(r.body)
    if digest == source.content_hash:
        return FetchVerdict(False, {}, "unchanged", r.status, headers=r.headers, body_hash=digest)
    return FetchVerdict(True, {}, "ok", r.status, body=r.body, headers=r.headers, body_hash=digest)


def success_updates(
    source: Source,
    verdict: FetchVerdict,
    now: datetime,
    *,
    weekly_count: int,
    ttl_seconds: int | None = None,
    redirect: dict[str, Any] | None = None,
    policy: PollPolicy = DEFAULT_POLICY,
) -> dict[str, Any]:
    """Source-row values after a good poll (stored, not modified, or unchanged).

    Validators and the body hash are saved here, i.e. only once the entries are stored.
    """
    headers = verdict.headers or {}
    ttl = ttl_seconds if ttl_seconds is not None else source.ttl_seconds
    interval = adaptive_interval(
        weekly_count,
        source.interval_seconds,
        ttl_seconds=ttl,
        cache_seconds=cache_lifetime(headers, now),
        policy=policy,
    )
    updates: dict[str, Any] = {
        "last_checked_at": now,
        "last_success_at": now,
        "last_status": verdict.status,
        "last_error": None,
        "error_count": 0,
        "next_check_at": now + timedelta(seconds=interval),
        "ttl_seconds": ttl,
    }
    if verdict.status in ("ok", "unchanged", "not_modified"):
        # A 304 may carry fresh validators; keep the old ones when it does not. Unchanged values
        # are not rewritten, so a round of 304s gives every source the same values (one UPDATE).
        etag = headers.get("etag", "")[:500]
        if etag and etag != source.etag:
            updates["etag"] = etag
        modified = headers.get("last-modified", "")[:100]
        if modified and modified != source.last_modified:
            updates["last_modified"] = modified
    if verdict.body_hash and verdict.body_hash != source.content_hash:
        updates["content_hash"] = verdict.body_hash
    updates.update(redirect or {})
    return updates


def redirect_updates(source: Source, outcome: FetchResult | FetchError) -> dict[str, Any]:
    """The URL-move bookkeeping for a fetch that reached a final response."""
    if isinstance(outcome, FetchError):
        return {}
    return _redirect_updates(source, outcome)
