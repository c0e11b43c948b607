"""Digests: selection, rendering, messages, and the outbox against a real aiosmtpd server on
SQLite and PostgreSQL (restarts, repeated ticks, DST, the date line, retries, crashes)."""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from digests.compose import compose, http_url
from digests.mailer import FileMailer, SmtpMailer
from digests.message import build_message, to_bytes
from digests.render import TEMPLATES, Rendered, _wrap, render
from digests.schedule import latest_period, window_for
from digests.send import LEASE, SendReport, backoff, send_due_digests
from service.config import Settings
from service.models import DigestCandidate, Evidence, Item, Sighting, Subscriber, TherapyScore
from service.store.schema import digest_runs, outbox, subscribers
from tests.digest_fixtures import Sink, add_item, add_subscriber, smtp_url, start_smtp

DATA = Path(__file__).with_name("data")
ROOT = Path(__file__).resolve().parent.parent
REGENERATE = os.environ.get("THERAPYWATCH_REGENERATE_GOLDEN") == "1"
T0 = datetime(2026, 11, 16, 12, tzinfo=UTC)  # Monday of ISO week 47
HEADERS = (
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "List-Id",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "Auto-Submitted",
)


def settings_for(url: str | None, **kw: object) -> Settings:
    return Settings(
        database_url="sqlite://",
        smtp_url=url,
        secret_key="test-secret",
        mail_from="digest@tw.example",
        base_url="https://tw.example",
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def sink() -> Iterator[Sink]:
    s = Sink()
    controller = start_smtp(s)
    s.url = smtp_url(controller)  # type: ignore[attr-defined]
    yield s
    controller.stop()


def tick(engine: Engine, url: str, now: datetime, **kw: object) -> SendReport:
    """One scheduler tick with a fresh mailer, like a restarted process."""

    async def go() -> SendReport:
        mailer = SmtpMailer(url, concurrency=4)
        try:
            return await send_due_digests(engine, mailer, settings_for(url, **kw), now)
        finally:
            await mailer.close()

    return asyncio.run(go())


# --- pure parts ---------------------------------------------------------------------------------


def _sub(**kw: object) -> Subscriber:
    base: dict[str, object] = {
        "id": 7,
        "email": "ann@example.org",
        "name": "Ann",
        "all_therapies": False,
        "therapies": ("car-t", "gene-therapy"),
        "timezone": "Europe/Berlin",
    }
    return Subscriber(**(base | kw))  # type: ignore[arg-type]


def _cand(
    item_id: int,
    primary: str,
    seen: datetime,
    *,
    story: int | None = None,
    url: str | None = None,
    discussed: tuple[str, ...] = (),
    sources: tuple[str, ...] = ("a.example",),
    title: str = "t",
    summary: str = "s",
    evidence: tuple[str, ...] = ("CAR-T",),
) -> DigestCandidate:
    item = Item(
        id=item_id,
        story_id=story or item_id,
        identity_key=str(item_id),
        title=title,
        url=url,
        summary=summary,
        content="",
        published=seen,
        first_seen=seen,
        primary=primary,
        discussed=(primary, *discussed),
        sightings=tuple(Sighting(s, None, None) for s in sources),
    )
    ev = (
        tuple(Evidence("title", 0, len(e), e) for e in evidence)
        if primary in ("car-t", "gene-therapy")
        else ()
    )
    return DigestCandidate(item=item, therapies=(TherapyScore(primary, 0.9, ev),))


def test_compose_selects_groups_and_explains() -> None:
    sub = _sub()
    period = latest_period(sub, datetime(2026, 11, 23, 9, tzinfo=UTC))
    window = window_for(period, None)
    inside = window[0] + timedelta(hours=1)
    cands = [
        _cand(1, "car-t", inside, story=1, sources=("stat",), url="https://a.example/1", title="Lead"),
        _cand(2, "car-t", inside + timedelta(hours=1), story=1, sources=("reuters", "fierce")),
        _cand(3, "vaccine", inside),  # not followed
        _cand(4, "none", inside, discussed=("gene-therapy",), url="javascript:alert(1)"),
        _cand(5, "car-t", window[0] - timedelta(seconds=1)),  # before the window
        _cand(6, "car-t", inside),  # sent before
    ]
    d = compose(sub, cands, period, window, frozenset({6}))
    assert [s.slug for s in d.sections] == ["car-t", "gene-therapy"]
    car = d.sections[0].cards
    assert len(car) == 1 and car[0].item_ids == (1, 2)
    assert car[0].source == "reuters" and car[0].also_covered_by == ("fierce", "stat")
    assert car[0].url == "https://a.example/1"
    assert car[0].why == "CAR T-cell therapy, the main topic: “CAR-T” in the title"
    gene = d.sections[1].cards[0]
    assert gene.url is None and gene.why.startswith("Gene therapy, discussed")
    assert d.item_ids == (1, 2, 4)
    assert compose(_sub(therapies=("vaccine",)), cands[4:], period, window).is_empty


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "file:///etc/passwd", "//evil", "ftp://x/y"],
)
def test_only_http_links(url: str) -> None:
    assert http_url(url) is None
    assert http_url("https://ok.example/a?b=1") == "https://ok.example/a?b=1"


@pytest.mark.parametrize(
    ("zone", "send_time", "now", "key", "due"),
    [
        # Europe/Berlin fall-back (2026-10-25): 02:30 happens twice; the first one counts.
        ("Europe/Berlin", "02:30", "2026-10-25T01:45:00+00:00", "2026-10-25", "2026-10-25T00:30:00+00:00"),
        # Spring-forward (2026-03-29): 02:30 does not exist; sent at 03:30 summer time.
        ("Europe/Berlin", "02:30", "2026-03-29T01:30:00+00:00", "2026-03-29", "2026-03-29T01:30:00+00:00"),
        ("Europe/Berlin", "02:30", "2026-03-29T01:29:00+00:00", "2026-03-28", "2026-03-28T01:30:00+00:00"),
        ("America/New_York", "01:30", "2026-11-01T07:00:00+00:00", "2026-11-01", "2026-11-01T05:30:00+00:00"),
        ("America/New_York", "02:30", "2026-03-08T07:30:00+00:00", "2026-03-08", "2026-03-08T07:30:00+00:00"),
        (
            "Pacific/Kiritimati",
            "08:00",
            "2026-11-20T18:00:00+00:00",
            "2026-11-21",
            "2026-11-20T18:00:00+00:00",
        ),
        (
            "Pacific/Pago_Pago",
            "08:00",
            "2026-11-20T19:00:00+00:00",
            "2026-11-20",
            "2026-11-20T19:00:00+00:00",
        ),
    ],
)
def test_daily_periods_follow_the_local_calendar(
    zone: str, send_time: str, now: str, key: str, due: str
) -> None:
    p = latest_period(
        _sub(frequency="daily", send_time=send_time, timezone=zone), datetime.fromisoformat(now)
    )
    assert (p.key, p.due_at.isoformat()) == (key, due)


def test_weekly_period_key_is_the_local_iso_week() -> None:
    sub = _sub(frequency="weekly", day="mon", send_time="08:00", timezone="Pacific/Kiritimati")
    # Sunday 2026-11-22 18:00 UTC is Monday 08:00 in Kiritimati (UTC+14): week 48 there.
    assert latest_period(sub, datetime(2026, 11, 22, 18, tzinfo=UTC)).key == "2026-W48"
    assert latest_period(sub, datetime(2026, 11, 22, 17, 59, tzinfo=UTC)).key == "2026-W47"


def test_backoff_grows_and_jitters() -> None:
    first, later = backoff(1, 1), backoff(5, 1)
    assert timedelta(seconds=96) <= first <= timedelta(seconds=144)
    assert later > first and backoff(30, 1) <= timedelta(hours=7.2)
    assert len({backoff(3, i) for i in range(10)}) > 1


# --- rendering and messages -----------------------------------------------------------------------


def _golden_digest() -> tuple[Rendered, bytes]:
    sub = _sub(id=3, email="ann@example.org", name="Ann Example")
    period = latest_period(sub, datetime(2026, 11, 23, 9, tzinfo=UTC))
    start = window_for(period, None)[0]
    cands = [
        _cand(
            1,
            "car-t",
            start + timedelta(days=1),
            sources=("Health Wire", "Biotech Daily", "Rheumatology Today"),
            url="https://a.example/1",
            title="Regulator clears a CD19 CAR-T for refractory lupus",
            summary="The first CAR T-cell therapy for an autoimmune disease was cleared for adults with "
            "lupus "
            "that has not responded to standard treatment, after a trial in which most patients stopped "
            "all immunosuppressive drugs within a year.",
        ),
        _cand(
            2,
            "gene-therapy",
            start + timedelta(days=2),
            url="https://b.example/2",
            sources=("Hematology News",),
            title="AAV gene therapy keeps factor IX steady for five years",
            summary="Five-year follow-up of a one-time AAV gene therapy for haemophilia B shows factor IX "
            "activity holding steady, with bleeding rates far below those on prophylaxis.",
            evidence=("AAV gene therapy", "factor IX"),
        ),
    ]
    d = compose(sub, cands, period, window_for(period, None))
    links = {
        "preferences_url": "https://tw.example/p/T",
        "unsubscribe_url": "https://tw.example/u/T",
        "feed_url": "https://tw.example/f/T.xml",
    }
    r = render(d, links)
    msg = build_message(
        r,
        sub,
        mail_from="digest@tw.example",
        msg_id="<digest.1.abc@tw.example>",
        date=datetime(2026, 11, 23, 7, tzinfo=UTC),
        unsubscribe_url=links["unsubscribe_url"],
        preferences_url=links["preferences_url"],
    )
    return r, to_bytes(msg)


def test_text_part_matches_golden_file() -> None:
    rendered, _ = _golden_digest()
    golden = DATA / "digest_text.golden"
    if REGENERATE or not golden.exists():
        golden.write_text(rendered.text, encoding="utf-8")
    assert rendered.text == golden.read_text(encoding="utf-8")
    assert rendered.subject == "CAR-T and gene therapy: 2 new stories (week 48)"


def test_message_parses_with_both_parts_and_all_headers() -> None:
    _rendered, data = _golden_digest()
    msg = message_from_bytes(data, policy=policy.default)
    assert isinstance(msg, EmailMessage) and msg.get_content_type() == "multipart/alternative"
    for name in HEADERS:
        assert msg[name], name
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<https://tw.example/u/T>" in msg["List-Unsubscribe"] and "mailto:" in msg["List-Unsubscribe"]
    plain, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert plain is not None and html is not None
    assert "https://tw.example/u/T" in plain.get_content()
    assert 'href="https://tw.example/u/T"' in html.get_content()
    assert "<style" not in html.get_content().split("<body", 1)[1]  # CSS inlined
    assert 'style="' in html.get_content()


def test_hostile_titles_are_escaped_and_cannot_inject_headers() -> None:
    sub = _sub()
    period = latest_period(sub, datetime(2026, 11, 23, 9, tzinfo=UTC))
    start = window_for(period, None)[0] + timedelta(hours=1)
    title = "<script>alert(1)</script><img src=x onerror=alert(2)> hello\r\nBcc: victim@evil.example\u202e"
    d = compose(sub, [_cand(1, "car-t", start, title=title + "x" * 2000)], period, window_for(period, None))
    r = render(d, {"preferences_url": "https://p", "unsubscribe_url": "https://u", "feed_url": "https://f"})
    assert (
        "<script" not in r.html
        and "&lt;script&gt;" in r.html
        and "onerror=alert" not in r.html.replace("&lt;img src=x onerror=alert(2)&gt;", "")
    )
    msg = build_message(
        r,
        sub,
        mail_from="d@tw.example",
        msg_id="<x@tw.example>",
        date=T0,
        unsubscribe_url="https://u",
        preferences_url="https://p",
    )
    parsed = message_from_bytes(to_bytes(msg), policy=policy.default)
    assert parsed["Bcc"] is None and len(r.subject) <= 200
    for template in TEMPLATES.iterdir():
        assert "|safe" not in template.read_text().replace(" ", ""), template


@pytest.mark.parametrize(
    ("email", "name", "to_address"),
    [
        ("zoe@example.org", "Zoë Ørsted", "zoe@example.org"),
        ("ann@exämple.org", "Ann", "ann@xn--exmple-cua.org"),  # IDN domain: punycode in the header
        ("jörg@example.org", "Jörg", "jörg@example.org"),  # no ASCII form: the modern API's encoding
    ],
)
def test_non_ascii_names_subjects_and_bodies_survive_the_wire(email: str, name: str, to_address: str) -> None:
    sub = _sub(email=email, name=name)
    r = Rendered(
        subject="Thérapie génique · 2 new stories", text="Zoë · café\n" * 200, html="<p>é</p>" * 5000
    )
    msg = build_message(
        r,
        sub,
        mail_from="digest@tw.example",
        msg_id="<m.1@tw.example>",
        date=T0,
        unsubscribe_url="https://tw.example/u/" + "T" * 120,
        preferences_url="https://tw.example/p/T",
    )
    data = to_bytes(msg)
    assert data.isascii() or not to_address.isascii()
    assert all(len(line) <= 998 for line in data.split(b"\r\n"))
    assert b"\n" not in data.replace(b"\r\n", b"")
    parsed = message_from_bytes(data, policy=policy.default)
    assert parsed["Subject"] == r.subject
    assert parsed["To"].addresses[0].display_name == name
    if to_address.isascii():
        assert parsed["To"].addresses[0].addr_spec == to_address
    assert "https://tw.example/u/" + "T" * 120 in parsed["List-Unsubscribe"]
    plain, html = parsed.get_body(("plain",)), parsed.get_body(("html",))
    assert plain is not None and html is not None
    assert plain.get_content().replace("\r\n", "\n").rstrip("\n") == r.text.rstrip("\n")
    assert (
        html.get_content().replace("\r\n", "\n").rstrip("\n") == r.html
    )  # the modern API adds a final newline


def test_a_line_break_in_a_header_value_is_refused() -> None:
    r = Rendered(subject="Weekly\r\nBcc: victim@evil.example", text="t", html="<p>h</p>")
    with pytest.raises(ValueError, match="Subject"):
        build_message(
            r,
            _sub(),
            mail_from="digest@tw.example",
            msg_id="<m.1@tw.example>",
            date=T0,
            unsubscribe_url="https://u",
            preferences_url="https://p",
        )


def test_word_wrap_gives_textwraps_lines() -> None:
    """The greedy wrap replaced textwrap for speed; it must break lines the same way (textwrap can
    leave one trailing space after a cut word, which ours does not)."""
    rnd = random.Random(48)
    for _ in range(5000):
        sizes = (1, 2, 3, 5, 8, 12, 30, 80, 150)
        words = ["".join(rnd.choices("abcdefghij-é", k=rnd.choice(sizes))) for _ in range(rnd.randint(0, 40))]
        text = " ".join(words)
        width, indent = rnd.choice((10, 20, 72)), rnd.choice(("", "  ", "    "))
        expected = textwrap.wrap(text, width=width, subsequent_indent=indent, break_on_hyphens=False)
        assert _wrap(text, width, indent) == "\n".join(line.rstrip() for line in expected), (text, width)


def test_html_screenshot_in_headless_chromium(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed")
    rendered, _ = _golden_digest()
    page = tmp_path / "digest.html"
    page.write_text(rendered.html, encoding="utf-8")
    shot = DATA / "digest_screenshot.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=760,900",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert shot.stat().st_size > 10_000


# --- the outbox against aiosmtpd ------------------------------------------------------------------


def _seed(engine: Engine, zone: str = "Europe/Berlin", frequency: str = "weekly", time: str = "08:00") -> int:
    sub_id = add_subscriber(
        engine,
        "ann@example.org",
        T0 - timedelta(days=60),
        name="Ann",
        therapies="car-t,gene-therapy",
        frequency=frequency,
        send_time=time,
        timezone=zone,
    )
    add_item(engine, "CAR-T for lupus", T0, primary="car-t", evidence=("CAR-T",))
    add_item(engine, "Gene therapy for haemophilia", T0 + timedelta(hours=2), primary="gene-therapy")
    add_item(engine, "A vaccine", T0, primary="vaccine")
    return sub_id


def test_one_digest_per_period_across_ticks_and_restarts(engine: Engine, sink: Sink) -> None:
    _seed(engine)
    url = sink.url  # type: ignore[attr-defined]
    start = datetime(2026, 11, 23, 6, tzinfo=UTC)  # Monday 07:00 Berlin: not yet due
    for i in range(50):
        tick(engine, url, start + timedelta(minutes=3 * i))
    assert len(sink.messages) == 1
    msg = sink.messages[0]
    assert msg["Subject"] == "CAR-T and gene therapy: 2 new stories (week 48)"
    assert msg["To"].addresses[0].addr_spec == "ann@example.org"
    # A new item next week goes into next week's digest only; the old ones are not repeated.
    add_item(engine, "Another CAR-T", datetime(2026, 11, 25, tzinfo=UTC), primary="car-t")
    for hours in (0, 1, 30):
        tick(engine, url, datetime(2026, 11, 30, 7, tzinfo=UTC) + timedelta(hours=hours))
    assert len(sink.messages) == 2
    second = sink.messages[1].get_body(("plain",))
    assert second is not None and "Another CAR-T" in second.get_content()
    assert "CAR-T for lupus" not in second.get_content()
    assert len(sink.per_message_id()) == 2


def test_downtime_over_several_periods_sends_one_catch_up(engine: Engine, sink: Sink) -> None:
    _seed(engine, frequency="daily")
    url = sink.url  # type: ignore[attr-defined]
    tick(engine, url, datetime(2026, 11, 16, 7, 5, tzinfo=UTC))  # 08:05 Berlin: yesterday's, empty
    for day in range(1, 4):
        add_item(engine, f"CAR-T news {day}", T0 + timedelta(days=day), primary="car-t")
    tick(engine, url, datetime(2026, 11, 20, 9, tzinfo=UTC))  # down Tuesday to Friday morning
    assert len(sink.messages) == 1
    body = sink.messages[0].get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert all(f"CAR-T news {d}" in text for d in (1, 2, 3)) and "CAR-T for lupus" in text
    assert "since" in sink.messages[0]["Subject"]


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        ("Europe/Berlin", "2026-10-25"),
        ("Europe/Berlin", "2026-03-29"),
        ("America/New_York", "2026-11-01"),
        ("America/New_York", "2026-03-08"),
    ],
)
def test_dst_changes_send_exactly_one_daily_digest(engine: Engine, sink: Sink, zone: str, day: str) -> None:
    midnight = datetime.fromisoformat(day).replace(tzinfo=UTC)
    add_subscriber(
        engine,
        "dst@example.org",
        midnight - timedelta(days=3),
        frequency="daily",
        send_time="02:30",
        timezone=zone,
    )
    for h in range(-36, 48, 6):
        add_item(engine, f"CAR-T item {h}", midnight + timedelta(hours=h), primary="car-t")
    url = sink.url  # type: ignore[attr-defined]
    start = midnight - timedelta(hours=12)
    for i in range(0, 60 * 48, 40):  # every 40 minutes for two days around the change
        tick(engine, url, start + timedelta(minutes=i))
    ids = sink.per_message_id()
    assert all(n == 1 for n in ids.values())
    with engine.connect() as conn:
        keys = sorted(conn.execute(select(digest_runs.c.period_key)).scalars())
    change = datetime.fromisoformat(day).date()
    assert keys == [str(change + timedelta(days=d)) for d in (-1, 0, 1)]  # the change day once
    assert len(sink.messages) == 3
    texts = [m.get_body(("plain",)).get_content() for m in sink.messages]  # type: ignore[union-attr]
    titles = [set(re.findall(r"CAR-T item -?\d+", t)) for t in texts]
    assert all(titles) and not (titles[0] & titles[1]) and not (titles[1] & titles[2])


def test_subscribers_on_both_sides_of_the_date_line(engine: Engine, sink: Sink) -> None:
    for email, zone in (
        ("east@example.org", "Pacific/Kiritimati"),
        ("west@example.org", "Pacific/Pago_Pago"),
    ):
        add_subscriber(engine, email, T0 - timedelta(days=5), frequency="daily", timezone=zone)
    for h in range(0, 96, 4):
        add_item(engine, f"CAR-T {h}", T0 - timedelta(days=2) + timedelta(hours=h), primary="car-t")
    url = sink.url  # type: ignore[attr-defined]
    for i in range(0, 72 * 60, 80):
        tick(engine, url, T0 + timedelta(minutes=i))
    with engine.connect() as conn:
        q = select(subscribers.c.email, digest_runs.c.period_key).join(digest_runs)
        runs = sorted((r.email, r.period_key) for r in conn.execute(q))
    # At T0 it is already 17 Nov in Kiritimati (UTC+14) and still 16 Nov in Pago Pago (UTC-11):
    # their keys differ by a day, and neither skips a date.
    assert runs == [("east@example.org", f"2026-11-{d}") for d in (16, 17, 18, 19)] + [
        ("west@example.org", f"2026-11-{d}") for d in (15, 16, 17, 18)
    ]
    assert len(sink.messages) == 8 and all(n == 1 for n in sink.per_message_id().values())


def test_451_is_retried_with_backoff_and_550_is_not(engine: Engine, sink: Sink) -> None:
    _seed(engine)
    sink.rcpt_replies = ["451 4.3.0 try later"] * 3
    url = sink.url  # type: ignore[attr-defined]
    now = datetime(2026, 11, 23, 7, 1, tzinfo=UTC)
    for attempt in range(1, 4):
        report = tick(engine, url, now)
        assert report.deferred == 1, report
        with engine.connect() as conn:
            row = conn.execute(select(outbox)).one()
        assert (row.state, row.attempts, row.last_smtp_code) == ("deferred", attempt, 451)
        assert row.next_attempt_at == now + backoff(attempt, row.id)
        assert tick(engine, url, row.next_attempt_at - timedelta(seconds=1)).deferred == 0  # not early
        now = row.next_attempt_at
    assert tick(engine, url, now).sent == 1
    with engine.connect() as conn:
        row = conn.execute(select(outbox)).one()
    assert (row.state, row.attempts, row.last_smtp_code) == ("sent", 4, 250)
    assert len(sink.messages) == 1

    add_subscriber(
        engine, "gone@example.org", T0 - timedelta(days=30), therapies="car-t", timezone="Europe/Berlin"
    )
    sink.rcpt_replies = ["550 5.1.1 no such user"]
    tick(engine, url, datetime(2026, 11, 23, 8, tzinfo=UTC))
    for hours in (1, 24, 100):
        tick(engine, url, datetime(2026, 11, 23, 8, tzinfo=UTC) + timedelta(hours=hours))
    with engine.connect() as conn:
        row = conn.execute(select(outbox).where(outbox.c.recipient == "gone@example.org")).one()
        status = conn.execute(select(subscribers.c.status).where(subscribers.c.email == "gone@example.org"))
        assert status.scalar_one() == "bounced"
    assert (row.state, row.attempts, row.last_smtp_code) == ("failed_permanent", 1, 550)
    assert len(sink.messages) == 1


def test_unsubscribe_after_seal_skips_the_mail(engine: Engine, sink: Sink, tmp_path: Path) -> None:
    sub_id = _seed(engine)
    now = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)
    sealed = asyncio.run(send_due_digests(engine, FileMailer(tmp_path), settings_for(None), now))
    assert sealed.sent == 1 and len(list(tmp_path.glob("*.eml"))) == 1  # the embedded default
    parsed = message_from_bytes(next(tmp_path.glob("*.eml")).read_bytes(), policy=policy.default)
    assert parsed["Message-ID"] and parsed.get_body(("html",)) is not None
    with engine.begin() as conn:
        conn.execute(outbox.update().values(state="pending"))
        conn.execute(subscribers.update().where(subscribers.c.id == sub_id).values(status="unsubscribed"))
    assert tick(engine, sink.url, now + LEASE).skipped == 1  # type: ignore[attr-defined]
    assert sink.messages == []


# --- crashes and concurrent senders (subprocesses) -----------------------------------------------------

CRASH_POINTS = ["before_seal_commit", "after_seal", "after_claim", "after_rcpt", "after_250", "after_record"]


def _sender(db_url: str, url: str, now: datetime, crash_at: str = "") -> subprocess.CompletedProcess[str]:
    env = os.environ | {"THERAPYWATCH_TEST_CRASH_AT": crash_at}
    return subprocess.run(
        [sys.executable, str(ROOT / "tests" / "digest_sender.py"), db_url, url, now.isoformat()],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize("point", CRASH_POINTS)
def test_kill_9_at_each_crash_point(engine: Engine, db_url: str, sink: Sink, point: str) -> None:
    _seed(engine)
    add_subscriber(
        engine, "bob@example.org", T0 - timedelta(days=9), therapies="all", timezone="Europe/Berlin"
    )
    url = sink.url  # type: ignore[attr-defined]
    now = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)
    crashed = _sender(db_url, url, now, point)
    assert crashed.returncode == -9, crashed.stderr
    for later in (LEASE + timedelta(minutes=1), timedelta(hours=1), timedelta(hours=2)):
        done = _sender(db_url, url, now + later)
        assert done.returncode == 0, done.stderr
    counts = sink.per_message_id()
    with engine.connect() as conn:
        states = [r.state for r in conn.execute(select(outbox.c.state))]
    assert states == ["sent", "sent"]
    assert len(counts) == 2
    if point == "after_250":
        # The documented window: a row whose 250 arrived before the kill is sent again, with the
        # same Message-ID and the same bytes; the other row is sent once.
        assert sorted(counts.values()) == [1, 2], counts
        by_id: dict[str, set[bytes]] = {}
        for raw, msg in zip(sink.raw, sink.messages, strict=True):
            by_id.setdefault(str(msg["Message-ID"]), set()).add(raw)
        assert all(len(v) == 1 for v in by_id.values())
    else:
        assert sorted(counts.values()) == [1, 1], counts


@pytest.mark.slow
@pytest.mark.postgres
def test_two_sender_processes_send_every_row_once(pg_engine: Engine, sink: Sink) -> None:
    for i in range(120):
        add_subscriber(pg_engine, f"user{i}@example.org", T0 - timedelta(days=9), therapies="all")
    add_item(pg_engine, "CAR-T for lupus", T0, primary="car-t")
    db_url = pg_engine.url.render_as_string(hide_password=False)
    url = sink.url  # type: ignore[attr-defined]
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    procs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "digest_sender.py"), db_url, url, now.isoformat()],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    counts = sink.per_message_id()
    assert len(counts) == 120 and set(counts.values()) == {1}
    sent = [int(re.search(r"sent=(\d+)", out).group(1)) for out, _ in outputs]  # type: ignore[union-attr]
    assert sum(sent) == 120


# --- the CLI ----------------------------------------------------------------------------------------


def test_cli_preview_and_send(engine: Engine, db_url: str, sink: Sink, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from service.entrypoints.cli import main

    _seed(engine)
    env = {"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "k",
           "THERAPYWATCH_OUTBOX_DIR": str(tmp_path / "outbox")}  # fmt: skip
    runner = CliRunner()
    now = ["--now", "2026-11-23T07:05:00Z"]
    text = runner.invoke(main, ["digest", "preview", "ann@example.org", *now], env=env)
    assert text.exit_code == 0, text.output
    assert "Subject: CAR-T and gene therapy: 2 new stories (week 48)" in text.output
    html = runner.invoke(main, ["digest", "preview", "ann@example.org", "--format", "html", *now], env=env)
    assert "<html" in html.output and "CAR-T for lupus" in html.output
    dry = runner.invoke(main, ["digest", "send", "--dry-run", *now], env=env)
    assert dry.exit_code == 0 and "2026-W48" in dry.output
    assert not (tmp_path / "outbox").exists()
    bad = runner.invoke(main, ["digest", "send", "--now", "2026-11-23 07:05"], env=env)
    assert bad.exit_code != 0 and "time zone" in bad.output
    sent = runner.invoke(main, ["digest", "send", *now], env=env | {"THERAPYWATCH_SMTP_URL": sink.url})  # type: ignore[attr-defined]
    assert sent.exit_code == 0 and "sent 1" in sent.output, sent.output
    again = runner.invoke(main, ["digest", "send", *now], env=env)
    assert "sent 0" in again.output and len(sink.messages) == 1
