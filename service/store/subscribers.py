"""Subscriber rows: validation of operator input, and the admin operations on them.

Validation lives here, next to the table it guards, so the CLI and the HTTP preferences page
share one set of rules. Every rejection is a SubscriberError whose one-line message names the field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import Connection, Row, delete, select, update

from service.errors import SubscriberError
from service.models import FREQUENCIES, SUBSCRIBER_STATUSES, THERAPY_SLUGS, WEEKDAYS, Subscriber
from service.store.schema import subscribers
from service.store.util import chunks, insert_ignore

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class SubscriberFields:
    """Validated, normalised subscriber settings (everything but identity and status)."""

    email: str
    name: str = ""
    all_therapies: bool = True
    therapies: tuple[str, ...] = ()
    frequency: str = "weekly"
    day: str = "mon"
    send_time: str = "08:00"
    timezone: str = "UTC"


def _no_controls(field: str, value: str) -> None:
    # Covers CR/LF header injection (RELIABILITY.md item 44) and bidi overrides in names.
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in value):
        raise SubscriberError(f"subscribers: {field}: control characters are not allowed")


def normalise_email(raw: str) -> tuple[str, str]:
    """``(address, key)``: the address as it will be stored and the case-folded key it is unique by.

    The domain is lower-cased by the validator; the local part is compared case-insensitively
    (``Alice@`` and ``alice@`` are one subscriber), as practically every mail host treats it.
    """
    text = raw.strip()
    _no_controls("email", text)
    if not text:
        raise SubscriberError("subscribers: email: empty address")
    if len(text) > 320:
        raise SubscriberError("subscribers: email: longer than 320 characters")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as e:
        raise SubscriberError(f"subscribers: email: {text!r} is not valid: {e}") from e
    return result.normalized, result.normalized.lower()


def lookalike_warning(address: str) -> str | None:
    """A warning when a label of the address's domain mixes scripts (Latin with a Cyrillic "а"):
    the classic lookalike of a real domain. Stored as given; the operator is told (RELIABILITY 47)."""
    domain = address.rpartition("@")[2]
    for label in domain.split("."):
        scripts = {unicodedata.name(c, "UNKNOWN").split()[0] for c in label if c.isalpha()}
        if len(scripts) > 1:
            names = " and ".join(sorted(x.title() for x in scripts))
            return f"warning: {address}: the domain mixes {names} letters (a lookalike of another domain?)"
    return None


def parse_therapies(raw: str | Iterable[str]) -> tuple[bool, tuple[str, ...]]:
    """``(all_therapies, slugs)`` from ``"all"`` or a comma, semicolon or bar separated slug list."""
    parts = re.split(r"[,;|\s]+", raw) if isinstance(raw, str) else list(raw)
    slugs = [p.strip().lower() for p in parts if p.strip()]
    if not slugs or slugs == ["all"]:
        return True, ()
    unknown = [s for s in slugs if s not in THERAPY_SLUGS]
    if unknown:
        raise SubscriberError(
            f"subscribers: therapies: unknown type(s) {', '.join(map(repr, unknown))}; "
            f"use 'all' or some of: {', '.join(THERAPY_SLUGS)}"
        )
    ordered = tuple(s for s in THERAPY_SLUGS if s in slugs)
    return False, ordered


def parse_time(raw: str) -> str:
    """``HH:MM`` (24-hour, 00:00 to 23:59) normalised to two-digit hours."""
    m = _TIME.match(raw.strip())
    if not m:
        raise SubscriberError(f"subscribers: time: {raw!r} is not a time from 00:00 to 23:59 (HH:MM)")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def parse_timezone(raw: str) -> str:
    """An IANA zone name that this machine's tzdata knows (``UTC+5`` and made-up names are refused)."""
    name = raw.strip()
    _no_controls("timezone", name)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SubscriberError(
            f"subscribers: timezone: {raw!r} is not an IANA time zone (like Europe/Berlin)"
        ) from None
    return name


def parse_choice(field: str, raw: str, choices: Sequence[str]) -> str:
    value = raw.strip().lower()
    if field == "day":
        value = value[:3]
    if value not in choices:
        raise SubscriberError(f"subscribers: {field}: {raw!r} is not one of {', '.join(choices)}")
    return value


def parse_name(raw: str) -> str:
    name = " ".join(raw.split())
    _no_controls("name", raw.replace("\t", " "))
    if len(name) > _MAX_NAME:
        raise SubscriberError(f"subscribers: name: longer than {_MAX_NAME} characters")
    return name


def build_fields(
    email: str,
    *,
    name: str | None = None,
    therapies: str | Iterable[str] | None = None,
    frequency: str | None = None,
    day: str | None = None,
    send_time: str | None = None,
    timezone: str | None = None,
    base: SubscriberFields | None = None,
) -> SubscriberFields:
    """Validate raw operator input; missing values come from ``base`` (or the defaults)."""
    address, _key = normalise_email(email)
    out = replace(base, email=address) if base else SubscriberFields(email=address)
    if name is not None:
        out = replace(out, name=parse_name(name))
    if therapies is not None:
        all_, slugs = parse_therapies(therapies)
        out = replace(out, all_therapies=all_, therapies=slugs)
    if frequency is not None:
        out = replace(out, frequency=parse_choice("frequency", frequency, FREQUENCIES))
    if day is not None:
        out = replace(out, day=parse_choice("day", day, WEEKDAYS))
    if send_time is not None:
        out = replace(out, send_time=parse_time(send_time))
    if timezone is not None:
        out = replace(out, timezone=parse_timezone(timezone))
    return out


def fields_of(s: Subscriber) -> SubscriberFields:
    return SubscriberFields(
        email=s.email,
        name=s.name,
        all_therapies=s.all_therapies,
        therapies=s.therapies,
        frequency=s.frequency,
        day=s.day,
        send_time=s.send_time,
        timezone=s.timezone,
    )


def to_subscriber(row: Row[Any] | Mapping[str, Any]) -> Subscriber:
    m = row._mapping if isinstance(row, Row) else row
    return Subscriber(
        id=m["id"],
        email=m["email"],
        name=m["name"],
        status=m["status"],
        all_therapies=bool(m["all_therapies"]),
        therapies=tuple(m["therapies"] or ()),
        frequency=m["frequency"],
        day=m["day"],
        send_time=m["send_time"],
        timezone=m["timezone"],
        created_at=m["created_at"],
    )


def _values(f: SubscriberFields) -> dict[str, Any]:
    return {
        "email": f.email,
        "email_key": f.email.lower(),
        "name": f.name,
        "all_therapies": f.all_therapies,
        "therapies": list(f.therapies),
        "frequency": f.frequency,
        "day": f.day,
        "send_time": f.send_time,
        "timezone": f.timezone,
    }


def get_by_email(conn: Connection, email: str) -> Subscriber | None:
    """The subscriber with this address (any case), or None."""
    _address, key = normalise_email(email)
    row = conn.execute(select(subscribers).where(subscribers.c.email_key == key)).first()
    return to_subscriber(row) if row else None


def require(conn: Connection, email: str) -> Subscriber:
    found = get_by_email(conn, email)
    if found is None:
        raise SubscriberError(f"subscribers: {email.strip()!r} is not subscribed")
    return found


def get_subscriber(conn: Connection, subscriber_id: int) -> Subscriber | None:
    row = conn.execute(select(subscribers).where(subscribers.c.id == subscriber_id)).first()
    return to_subscriber(row) if row else None


def list_subscribers(conn: Connection, *, status: str | None = None) -> list[Subscriber]:
    q = select(subscribers).order_by(subscribers.c.id)
    if status is not None:
        q = q.where(subscribers.c.status == status)
    return [to_subscriber(r) for r in conn.execute(q)]


def add_subscriber(conn: Connection, f: SubscriberFields, now: datetime) -> tuple[Subscriber, bool]:
    """Insert ``f``; ``(subscriber, False)`` when the address is already subscribed (nothing changes)."""
    existing = get_by_email(conn, f.email)
    if existing is not None:
        return existing, False
    # Two admins (or two CLI runs) may subscribe the same address at once: the unique email key
    # decides, and the loser reads the winner's row instead of failing on the constraint.
    new_id = conn.execute(
        insert_ignore(conn, subscribers)
        .values(**_values(f), status="active", created_at=now, updated_at=now)
        .returning(subscribers.c.id)
    ).scalar_one_or_none()
    if new_id is None:
        return require(conn, f.email), False
    found = get_subscriber(conn, new_id)
    assert found is not None
    return found, True


def update_subscriber(conn: Connection, subscriber_id: int, f: SubscriberFields, now: datetime) -> Subscriber:
    """Replace the settings of one subscriber (the address may change case or domain spelling)."""
    conn.execute(
        update(subscribers).where(subscribers.c.id == subscriber_id).values(**_values(f), updated_at=now)
    )
    found = get_subscriber(conn, subscriber_id)
    if found is None:
        raise SubscriberError(f"subscribers: no subscriber with id {subscriber_id}")
    return found


def set_status(conn: Connection, subscriber_id: int, status: str, now: datetime) -> None:
    if status not in SUBSCRIBER_STATUSES:
        raise SubscriberError(f"subscribers: status: {status!r} is not one of {SUBSCRIBER_STATUSES}")
    conn.execute(
        update(subscribers).where(subscribers.c.id == subscriber_id).values(status=status, updated_at=now)
    )


def remove_subscriber(conn: Connection, subscriber_id: int) -> None:
    """Delete a subscriber with their runs, outbox rows and delivery history."""
    conn.execute(delete(subscribers).where(subscribers.c.id == subscriber_id))


def import_rows(
    conn: Connection, parsed: Sequence[tuple[SubscriberFields, str | None]], now: datetime
) -> dict[str, int]:
    """Upsert many subscribers: one lookup per chunk of addresses and multi-row inserts, so a
    100,000-row CSV takes seconds rather than a query round trip per row. Counts ``added``,
    ``updated`` and ``unchanged`` (a repeated import changes nothing)."""
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    existing: dict[str, Subscriber] = {}
    for part in chunks([f.email.lower() for f, _ in parsed]):
        for row in conn.execute(select(subscribers).where(subscribers.c.email_key.in_(part))):
            existing[row.email_key] = to_subscriber(row)
    new_rows: list[dict[str, Any]] = []
    for f, status in parsed:
        if status is not None and status not in SUBSCRIBER_STATUSES:
            raise SubscriberError(f"subscribers: status: {status!r} is not one of {SUBSCRIBER_STATUSES}")
        old = existing.get(f.email.lower())
        if old is None:
            new_rows.append(_values(f) | {"status": status or "active", "created_at": now, "updated_at": now})
            counts["added"] += 1
        elif fields_of(old) == f and (status is None or status == old.status):
            counts["unchanged"] += 1
        else:
            update_subscriber(conn, old.id, f, now)
            if status and status != old.status:
                set_status(conn, old.id, status, now)
            counts["updated"] += 1
    for rows in chunks(new_rows, 1000):
        conn.execute(subscribers.insert(), list(rows))
    return counts
