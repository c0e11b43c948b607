"""Instant alerts: watch rules, one alert per story, the rate limit, webhooks, latency."""

from __future__ import annotations

import asyncio
import statistics
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp import web
from click.testing import CliRunner
from sqlalchemy import Engine, select

from digests.alerts import match_story, rule_reason
from digests.mailer import SmtpMailer
from service.config import Settings
from service.entrypoints.cli import main
from service.ingest import ingest_parsed
from service.jobs import send_due_digests
from service.models import DigestCandidate, Item, Sighting, Subscriber, WatchRule
from service.store import alerts as alert_store
from service.store import sources as source_store
from service.store.schema import outbox, webhook_deliveries
from tests.digest_fixtures import Sink, add_item, add_subscriber, smtp_url, start_smtp

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _candidate(title: str, text: str = "", *, primary: str = "none", conditions: tuple[str, ...] = (),
               sources: tuple[str, ...] = ("news.example",)) -> DigestCandidate:  # fmt: skip
    item = Item(
        id=1, story_id=1, identity_key="k", title=title, url="https://news.example/a", summary="",
        content=text, published=T0, first_seen=T0, primary=primary,
        discussed=(primary,) if primary != "none" else (), conditions=conditions,
        sightings=tuple(Sighting(s, None, f"https://{s}/a") for s in sources),
    )  # fmt: skip
    return DigestCandidate(item=item)


def test_product_rule_catches_every_name_of_the_product() -> None:
    rule = WatchRule("product", "Kymriah")
    assert rule_reason(rule, _candidate("Tisagenlecleucel label expanded")) is not None
    assert rule_reason(rule, _candidate("KYMRIAH in follicular lymphoma")) is not None
    assert rule_reason(rule, _candidate("Yescarta (axicabtagene ciloleucel) data")) is None
    keytruda = WatchRule("product", "pembrolizumab")
    assert "Keytruda" in (rule_reason(keytruda, _candidate("Keytruda combination approved")) or "")


def test_keyword_rules_respect_word_boundaries_and_primary_only() -> None:
    hold = WatchRule("keyword", "clinical hold")
    assert rule_reason(hold, _candidate("FDA lifts clinical hold on gene therapy trial")) is not None
    assert rule_reason(hold, _candidate("Clinical holdings report for the quarter")) is None
    lead_only = WatchRule("keyword", "clinical hold", primary_only=True)
    buried = _candidate("Quarterly update", "x " * 400 + "a clinical hold was mentioned at the end")
    assert rule_reason(hold, buried) is not None
    assert rule_reason(lead_only, buried) is None


def test_condition_and_source_rules() -> None:
    lupus = _candidate("CAR-T in autoimmune disease", primary="car-t",
                       conditions=("systemic lupus erythematosus",))  # fmt: skip
    assert rule_reason(WatchRule("condition", "lupus"), lupus) is not None
    assert rule_reason(WatchRule("condition", "myeloma"), lupus) is None
    fda = _candidate("Approval", sources=("www.fda.gov",))
    assert rule_reason(WatchRule("source", "fda.gov"), fda) is not None
    assert rule_reason(WatchRule("source", "ema.europa.eu"), fda) is None


def test_types_or_rules_decide_and_a_story_without_either_does_not_alert() -> None:
    sub = Subscriber(id=1, email="a@b.example", name="", all_therapies=False, therapies=("car-t",))
    car = _candidate("CAR-T approval", primary="car-t")
    crash = _candidate("Car crash on the ring road")
    assert match_story(sub, [], [car]) is not None
    assert match_story(sub, [], [crash]) is None
    watched = match_story(sub, [WatchRule("keyword", "ring road")], [crash])
    assert watched is not None and watched.slug == "watched"


# --- end to end with aiosmtpd -------------------------------------------------------------------


@pytest.fixture
def sink() -> Iterator[Sink]:
    s = Sink()
    controller = start_smtp(s)
    s.url = smtp_url(controller)  # type: ignore[attr-defined]
    yield s
    controller.stop()


def _settings(url: str, **kw: Any) -> Settings:
    return Settings(database_url="sqlite://", smtp_url=url, secret_key="k", mail_from="alerts@tw.example",
                    base_url="https://tw.example", **kw)  # fmt: skip


def tick(engine: Engine, url: str, now: datetime, **kw: Any) -> None:
    async def go() -> None:
        mailer = SmtpMailer(url, concurrency=2)
        try:
            await send_due_digests(engine, mailer, _settings(url, **kw), now)
        finally:
            await mailer.close()

    asyncio.run(go())


def _instant(engine: Engine, email: str = "doc@hospital.example", therapies: str = "car-t") -> int:
    return add_subscriber(engine, email, T0 - timedelta(days=1), therapies=therapies, frequency="instant")


def test_one_story_alerts_once_across_copies_and_rewrites(engine: Engine, sink: Sink) -> None:
    sid = _instant(engine)
    url = sink.url  # type: ignore[attr-defined]
    story = 4242
    arrivals = [(f"Copy {i}: FDA approves CAR-T for lymphoma", f"wire{i}.example") for i in range(5)]
    arrivals += [("Analysis: what the new CAR-T approval means", "journal.example"),
                 ("Hospital to offer newly approved CAR-T", "hospital.example")]  # fmt: skip
    for n, (title, src) in enumerate(arrivals):
        when = T0 + timedelta(minutes=9 * n)
        add_item(engine, title, when, primary="car-t", evidence=("CAR-T",), story_id=story,
                 seen_in=(src,), url=f"https://{src}/story")  # fmt: skip
        tick(engine, url, when + timedelta(seconds=30))
    tick(engine, url, T0 + timedelta(hours=2))
    assert len(sink.messages) == 1
    msg = sink.messages[0]
    assert msg["Subject"].startswith("Alert: ")
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg.get_body(("plain",)) is not None and msg.get_body(("html",)) is not None
    # The late copies are recorded as carried by the alert: nothing of the story is pending.
    with engine.connect() as conn:
        assert alert_store.alerted_stories(conn, sid, [story]) != {}
        assert len(conn.execute(select(outbox)).all()) == 1


def test_non_matching_story_does_not_alert(engine: Engine, sink: Sink) -> None:
    _instant(engine, therapies="gene-therapy")
    add_item(engine, "Bispecific antibody data at ASH", T0, primary="bispecific-antibody")
    add_item(engine, "Driver hurt in car crash", T0, primary="none")
    tick(engine, sink.url, T0 + timedelta(minutes=1))  # type: ignore[attr-defined]
    assert sink.messages == []


def test_watch_rule_alerts_beside_types(engine: Engine, sink: Sink) -> None:
    sid = _instant(engine, therapies="gene-therapy")
    with engine.begin() as conn:
        alert_store.add_rule(conn, sid, WatchRule("product", "Kymriah"), T0)
    add_item(engine, "Tisagenlecleucel label updated", T0, primary="car-t", url="https://n.example/k")
    tick(engine, sink.url, T0 + timedelta(minutes=1))  # type: ignore[attr-defined]
    [msg] = sink.messages
    text = msg.get_body(("plain",)).get_content()
    assert "Tisagenlecleucel" in text and "Kymriah" in text


def test_rate_limit_rolls_overflow_into_one_summary(engine: Engine, sink: Sink) -> None:
    _instant(engine)
    url = sink.url  # type: ignore[attr-defined]
    for i in range(7):
        add_item(engine, f"CAR-T story number {i}", T0 + timedelta(seconds=i), primary="car-t",
                 story_id=100 + i, url=f"https://n.example/{i}")  # fmt: skip
    tick(engine, url, T0 + timedelta(minutes=1), alert_rate_limit=4)
    subjects = sorted(str(m["Subject"]) for m in sink.messages)
    assert len(subjects) == 5
    assert sum(s.startswith("Alert: ") for s in subjects) == 4
    [summary] = [m for m in sink.messages if str(m["Subject"]).startswith("Alerts: ")]
    body = summary.get_body(("plain",)).get_content()
    assert all(f"CAR-T story number {i}" in body for i in (4, 5, 6))
    # Still within the hour: two more stories wait (no flood, no second summary) ...
    for i in (7, 8):
        add_item(engine, f"CAR-T story number {i}", T0 + timedelta(minutes=5), primary="car-t",
                 story_id=100 + i, url=f"https://n.example/{i}")  # fmt: skip
    tick(engine, url, T0 + timedelta(minutes=10), alert_rate_limit=4)
    assert len(sink.messages) == 5
    # ... and go out once the hour has passed, each on its own.
    tick(engine, url, T0 + timedelta(minutes=70), alert_rate_limit=4)
    assert len(sink.messages) == 7


@dataclass
class Receiver:
    """A real HTTP webhook receiver on 127.0.0.1 that fails the first ``fail`` requests."""

    fail: int = 0
    bodies: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0
    calls: int = 0


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec = Receiver()
    loop = asyncio.new_event_loop()
    started = threading.Event()

    async def hook(request: web.Request) -> web.Response:
        rec.calls += 1
        if rec.fail > 0:
            rec.fail -= 1
            return web.Response(status=500)
        rec.bodies.append(await request.json())
        return web.Response(status=200)

    async def serve() -> web.AppRunner:
        app = web.Application()
        app.router.add_post("/hook", hook)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        rec.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return runner

    def run() -> None:
        asyncio.set_event_loop(loop)
        runner = loop.run_until_complete(serve())
        started.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(5)
    yield rec
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


def test_failing_webhook_is_retried_and_does_not_block_email(
    engine: Engine, sink: Sink, receiver: Receiver
) -> None:
    sid = _instant(engine)
    with engine.begin() as conn:
        alert_store.add_channel(conn, sid, f"json://127.0.0.1:{receiver.port}/hook", T0)
    receiver.fail = 1
    add_item(engine, "CAR-T approved in Europe", T0, primary="car-t", url="https://n.example/eu")
    url = sink.url  # type: ignore[attr-defined]
    tick(engine, url, T0 + timedelta(minutes=1))
    assert len(sink.messages) == 1  # the email went out although the webhook failed
    assert receiver.calls == 1 and receiver.bodies == []
    with engine.connect() as conn:
        [row] = conn.execute(select(webhook_deliveries)).all()
    assert row.state == "pending" and row.attempts == 1 and row.last_error
    assert f"{receiver.port}" not in row.last_error  # the channel URL (a secret) is not recorded
    tick(engine, url, T0 + timedelta(minutes=2))  # backoff not over yet
    assert receiver.calls == 1
    tick(engine, url, T0 + timedelta(minutes=10))
    assert len(receiver.bodies) == 1 and "CAR-T approved in Europe" in str(receiver.bodies[0])
    tick(engine, url, T0 + timedelta(minutes=30))
    assert len(receiver.bodies) == 1 and len(sink.messages) == 1


def test_ingest_to_alert_within_one_tick(engine: Engine, sink: Sink) -> None:
    """Items ingested through the real pipeline at uneven moments; the scheduler ticks each minute."""
    _instant(engine, therapies="car-t,gene-therapy")
    with engine.begin() as conn:
        src = source_store.insert_source(conn, name="wire", url="https://wire.example/rss", now=T0)
    from service.models import ScrapedItem

    stories = [
        ("FDA approves CAR-T therapy for relapsed lymphoma",
         "The agency approved a chimeric antigen receptor T-cell therapy for adults with relapsed lymphoma."),
        ("Gene therapy for haemophilia B shows durable factor IX",
         "An AAV gene therapy kept factor IX levels up for three years in the phase 3 trial."),
        ("CAR-T cells put lupus into remission in a small study",
         "CD19 CAR T cells led to drug-free remission of systemic lupus in eight patients."),
    ]  # fmt: skip
    ingested: dict[str, datetime] = {}
    url = sink.url  # type: ignore[attr-defined]
    for n, (title, text) in enumerate(stories):
        at = T0 + timedelta(minutes=n, seconds=7 + 17 * n)
        with engine.begin() as conn:
            ingest_parsed(conn, src, [ScrapedItem(title=title, url=f"https://wire.example/{n}",
                                                  guid=str(n), summary=text)], at)  # fmt: skip
        ingested[title] = at
        tick(engine, url, (at + timedelta(minutes=1)).replace(second=0, microsecond=0))
    with engine.connect() as conn:
        sent = {r.subject: r.sent_at for r in conn.execute(select(outbox))}
    latencies = [(sent[f"Alert: {t}"] - at).total_seconds() for t, at in ingested.items()]
    assert all(0 < s <= 60 for s in latencies), latencies
    print(f"\ningest -> alert sent, scheduler tick 60 s: median {statistics.median(latencies):.0f} s")


def test_watch_and_alerts_cli(db_url: str, engine: Engine) -> None:
    env = {"THERAPYWATCH_DATABASE_URL": db_url}
    run = CliRunner().invoke
    assert run(main, ["subscribers", "add", "doc@h.example", "--therapies", "car-t",
                      "--frequency", "instant"], env=env).exit_code == 0  # fmt: skip
    out = run(main, ["subscribers", "watch", "add", "doc@h.example", "product:Kymriah"], env=env)
    assert out.exit_code == 0 and "watching product:Kymriah" in out.output
    bad = run(main, ["subscribers", "watch", "add", "doc@h.example", "drug:Kymriah"], env=env)
    assert bad.exit_code == 1 and "KIND:VALUE" in bad.output
    listed = run(main, ["subscribers", "watch", "list", "doc@h.example", "--format", "json"], env=env)
    assert '"value": "Kymriah"' in listed.output
    secret = "json://user:hunter2@127.0.0.1:9/hook/token123"
    assert run(main, ["subscribers", "notify", "add", "doc@h.example", secret], env=env).exit_code == 0
    shown = run(main, ["subscribers", "notify", "list", "doc@h.example"], env=env).output
    assert "hunter2" not in shown and "token123" not in shown and "127.0.0.1" in shown
    add_item(engine, "Kymriah gets a new indication", datetime.now(UTC), primary="car-t")
    add_item(engine, "Ordinary diet news", datetime.now(UTC), primary="none")
    tested = run(main, ["alerts", "test", "doc@h.example", "--format", "json"], env=env)
    assert tested.exit_code == 0, tested.output
    assert "Kymriah gets a new indication" in tested.output and "diet" not in tested.output
    assert (
        run(main, ["subscribers", "watch", "remove", "doc@h.example", "product:kymriah"], env=env).exit_code
        == 0
    )
