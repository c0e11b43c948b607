"""Faults in dependencies (RELIABILITY.md 1.D, 4): the database busy in another process, the SMTP
server down then back, an unwritable or full outbox folder, and a feed host whose name does not
resolve. Each fault is real (a second process holding SQLite's write lock, a closed port, a path
that cannot be a folder, RLIMIT_FSIZE, a ``.invalid`` host name); each test checks that nothing is
lost while the fault lasts and that the work completes once it is gone.

PostgreSQL restarted mid-round is the last test here, opt-in (``THERAPYWATCH_TEST_PG_RESTART=1``,
which ``.ci/run`` sets: CI has the server to itself). Not here: the unreachable-database ``/healthz``
case (``tests/test_web.py::test_healthz_reports_an_unreachable_database``).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from digests.mailer import Envelope, FileMailer, Mailer, SmtpMailer
from scrapers.fetch import Fetcher
from service.config import Settings
from service.jobs import poll_due, send_due_digests
from service.store import sources as source_store
from service.store.schema import fetch_log, items, outbox, sightings, sources
from tests.digest_fixtures import Sink, add_item, add_subscriber, free_port
from tests.hostile.conftest import FeedServer, add_source, get_source, stored_titles
from tests.hostile.feeds import good_feed, item, rss

# Monday 23 Nov 2026 07:01 UTC is 08:01 in Berlin: the weekly digest seeded below is due.
DUE = datetime(2026, 11, 23, 7, 1, tzinfo=UTC)


def settings_for(smtp_url: str | None) -> Settings:
    return Settings(
        database_url="sqlite://",
        smtp_url=smtp_url,
        secret_key="test-secret",
        mail_from="digest@tw.example",
        base_url="https://tw.example",
    )


def seed_digest(engine: Engine) -> None:
    """One weekly subscriber with two matching items: exactly one digest is due at ``DUE``."""
    t0 = datetime(2026, 11, 16, 12, tzinfo=UTC)
    add_subscriber(
        engine,
        "ann@example.org",
        t0 - timedelta(days=60),
        therapies="car-t,gene-therapy",
        frequency="weekly",
        send_time="08:00",
        timezone="Europe/Berlin",
    )
    add_item(engine, "CAR-T for lupus", t0, primary="car-t", evidence=("CAR-T",))
    add_item(engine, "Gene therapy for haemophilia", t0 + timedelta(hours=2), primary="gene-therapy")


def tick(engine: Engine, mailer_factory: type[Mailer] | object, now: datetime, smtp_url: str | None = None):  # type: ignore[no-untyped-def]
    """One scheduler tick through ``service.jobs.send_due_digests`` with a fresh mailer."""

    async def go():  # type: ignore[no-untyped-def]
        mailer = mailer_factory()  # type: ignore[operator]
        try:
            return await send_due_digests(engine, mailer, settings_for(smtp_url), now)
        finally:
            await mailer.close()

    return asyncio.run(go())


def outbox_row(engine: Engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(outbox)).one()


# --- (a) SQLite busy across processes -------------------------------------------------------------


def run_cli(db_url: str, *args: str) -> subprocess.Popen[bytes]:
    env = os.environ | {"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "k"}
    return subprocess.Popen(
        [sys.executable, "-m", "service", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def feed_folder(root: Path, tag: str, files: int, per_file: int) -> Path:
    folder = root / tag
    folder.mkdir()
    for f in range(files):
        entries = [
            item(f"{tag} {f}-{i}: CAR-T cell therapy readout", guid=f"{tag}-{f}-{i}",
                 link=f"http://news.test/{tag}/{f}/{i}", description=f"Cohort {i} of study {f} ({tag}).")
            for i in range(per_file)
        ]  # fmt: skip
        (folder / f"{tag}{f:02d}.xml").write_bytes(rss(entries))
    return folder


@pytest.mark.slow
def test_sqlite_busy_two_ingest_processes_and_a_held_write_lock(
    sqlite_engine: Engine, sqlite_url: str, tmp_path: Path
) -> None:
    """Two `therapywatch ingest` processes on the same SQLite file, started while a third connection
    holds the write lock for 3 s: both wait (busy_timeout), both finish, every item is stored once."""
    files, per_file = 6, 40
    a = feed_folder(tmp_path, "alpha", files, per_file)
    b = feed_folder(tmp_path, "beta", files, per_file)
    db_path = sqlite_url.removeprefix("sqlite:///")
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, as a long transaction elsewhere would hold it
    holder.execute("UPDATE alembic_version SET version_num = version_num")
    try:
        procs = [
            run_cli(sqlite_url, "ingest", "--quiet", str(a)),
            run_cli(sqlite_url, "ingest", "--quiet", str(b)),
        ]
        time.sleep(3)
        # Nothing could be written while the lock was held.
        with sqlite_engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(items)).scalar_one() == 0
    finally:
        holder.execute("COMMIT")
        holder.close()
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    total = 2 * files * per_file
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert conn.execute(select(func.count()).select_from(items)).scalar_one() == total
        assert conn.execute(select(func.count(func.distinct(items.c.identity_key)))).scalar_one() == total
        per_source = dict(
            conn.execute(
                select(sightings.c.source_name, func.count()).group_by(sightings.c.source_name)
            ).all()
        )
        ok_logged = conn.execute(
            select(func.count()).select_from(fetch_log).where(fetch_log.c.outcome == "ok")
        ).scalar_one()
    assert len(per_source) == 2 * files and set(per_source.values()) == {per_file}
    assert ok_logged == 2 * files


# --- (b) SMTP down, then up -----------------------------------------------------------------------


@pytest.fixture
def closed_port() -> int:
    return free_port()


def test_smtp_down_then_up_defers_then_delivers_exactly_once(engine: Engine, closed_port: int) -> None:
    seed_digest(engine)
    url = f"smtp://127.0.0.1:{closed_port}"

    def smtp() -> SmtpMailer:
        return SmtpMailer(url, concurrency=2, timeout=5)

    report = tick(engine, smtp, DUE, url)
    assert (report.sealed, report.sent, report.deferred) == (1, 0, 1), report
    row = outbox_row(engine)
    assert row.state == "deferred" and row.attempts == 1
    assert row.last_error and row.last_error.startswith("connect:"), row.last_error
    assert row.next_attempt_at > DUE
    retry_at = row.next_attempt_at
    # Still down at the retry: a second deferral, a longer wait, the message kept.
    report = tick(engine, smtp, retry_at, url)
    row = outbox_row(engine)
    assert (report.deferred, row.state, row.attempts) == (1, "deferred", 2)
    assert row.next_attempt_at - retry_at > retry_at - DUE  # backoff grows
    retry_at = row.next_attempt_at

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=closed_port)
    controller.start()
    try:
        assert tick(engine, smtp, retry_at - timedelta(seconds=1), url).sent == 0  # not before its time
        assert not sink.messages
        assert tick(engine, smtp, retry_at, url).sent == 1
        for hours in (1, 24, 200):
            tick(engine, smtp, retry_at + timedelta(hours=hours), url)
    finally:
        controller.stop()
    row = outbox_row(engine)
    assert (row.state, row.attempts, row.last_smtp_code) == ("sent", 3, 250)
    assert len(sink.messages) == 1 and str(sink.messages[0]["Message-ID"]) == row.message_id
    assert sink.messages[0]["To"].addresses[0].addr_spec == "ann@example.org"


# --- (c) outbox folder unwritable / disk full -----------------------------------------------------


def test_unwritable_outbox_folder_defers_then_delivers(engine: Engine, tmp_path: Path) -> None:
    """The outbox folder cannot be created (its parent is a file: chmod does not stop root, this
    does): the delivery is deferred with an error naming the folder, and goes out once it can."""
    seed_digest(engine)
    blocker = tmp_path / "mail"
    blocker.write_text("not a folder")
    folder = blocker / "outbox"
    report = tick(engine, lambda: FileMailer(folder), DUE)
    assert (report.sealed, report.sent, report.deferred) == (1, 0, 1), report
    row = outbox_row(engine)
    assert row.state == "deferred" and row.attempts == 1
    assert str(folder) in row.last_error and "Not a directory" in row.last_error
    blocker.unlink()
    assert tick(engine, lambda: FileMailer(folder), row.next_attempt_at).sent == 1
    tick(engine, lambda: FileMailer(folder), row.next_attempt_at + timedelta(days=3))
    row = outbox_row(engine)
    assert row.state == "sent"
    written = list(folder.glob("*.eml"))
    assert len(written) == 1 and written[0].read_bytes() == row.message
    assert not list(folder.glob(".tmp-*"))


def test_disk_full_leaves_no_partial_file(tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes the write fail part-way (EFBIG, as a full disk fails with ENOSPC): the
    mailer answers 'temporary' with the reason, and leaves neither a partial .eml nor a temp file.
    The limit is process-wide, so only the mailer runs while it is set."""
    mailer = FileMailer(tmp_path / "outbox")
    env = Envelope("digest@tw.example", "ann@example.org", b"X" * 200_000, "<m1@tw.example>")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, hard))
    try:
        result = asyncio.run(mailer.send(env))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert result.outcome == "temporary" and result.code is None
    assert "File too large" in result.detail and str(tmp_path / "outbox") in result.detail
    assert list((tmp_path / "outbox").iterdir()) == []
    again = asyncio.run(mailer.send(env))
    assert again.outcome == "sent"
    assert mailer.path_for(env.message_id).read_bytes() == env.data


# --- (d) DNS failure ------------------------------------------------------------------------------


async def test_unresolvable_host_backs_off_and_recovers_when_fixed(
    engine: Engine, db_url: str, fetcher: Fetcher, settings: Settings, feeds: FeedServer, now: datetime
) -> None:
    neighbour = feeds.serve("/neighbour.xml", good_feed("neighbour"))
    add_source(engine, "neighbour", neighbour, now)
    add_source(engine, "nxdomain", "http://feeds.therapywatch.invalid/rss.xml", now)
    report = await poll_due(engine, fetcher, settings, now, worker_id="faults")
    assert report.claimed == 2 and report.errors == 1
    assert len(stored_titles(engine, "neighbour")) == 3
    src = get_source(engine, "nxdomain")
    assert src.last_status == "dns" and src.error_count == 1
    assert src.last_error and "cannot resolve host feeds.therapywatch.invalid" in src.last_error
    first_wait = src.next_check_at - now  # type: ignore[operator]
    assert first_wait > timedelta(0)

    # Visible to the operator.
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "service", "sources", "list", "--format", "json",
        env=os.environ | {"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "k"},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    listed = {r["name"]: r for r in json.loads(out)}
    assert listed["nxdomain"]["last_status"] == "dns"
    assert "feeds.therapywatch.invalid" in listed["nxdomain"]["last_error"]

    # Not polled again before its backed-off time; a second failure waits longer.
    early = await poll_due(engine, fetcher, settings, now + first_wait / 2, worker_id="faults")
    assert early.claimed == 0
    assert get_source(engine, "nxdomain").error_count == 1
    second_at = src.next_check_at
    await poll_due(engine, fetcher, settings, second_at, worker_id="faults")  # type: ignore[arg-type]
    src2 = get_source(engine, "nxdomain")
    assert src2.error_count == 2
    assert src2.next_check_at - second_at > first_wait  # type: ignore[operator]

    # The operator fixes the URL: the next poll succeeds and clears the error.
    fixed = feeds.serve("/fixed.xml", good_feed("fixed"))
    with engine.begin() as conn:
        source_store.update_source(conn, src2.id, url=fixed)
    report = await poll_due(engine, fetcher, settings, src2.next_check_at, worker_id="faults")  # type: ignore[arg-type]
    src3 = get_source(engine, "nxdomain")
    assert src3.last_status == "ok" and src3.error_count == 0 and not src3.last_error
    assert len(stored_titles(engine, "nxdomain")) == 3


# --- (e) PostgreSQL restarted in the middle of a poll round --------------------------------------


def _pg_restart_command() -> list[str] | None:
    """``pg_ctlcluster VERSION main`` (stop or start is added) when this machine runs the test
    server and we may restart it; None otherwise. Opt-in (``THERAPYWATCH_TEST_PG_RESTART=1``, set
    by ``.ci/run``): a restart cuts every other connection to the server, which a developer's
    parallel test runs would not enjoy."""
    if os.environ.get("THERAPYWATCH_TEST_PG_RESTART") != "1":
        return None
    ctl = shutil.which("pg_ctlcluster")
    versions = sorted(Path("/etc/postgresql").glob("*/main")) if Path("/etc/postgresql").is_dir() else []
    if ctl is None or not versions or os.geteuid() != 0:
        return None
    return [ctl, "--skip-systemctl-redirect", versions[-1].parent.name, "main"]


@pytest.mark.slow
async def test_postgres_restarted_mid_round_loses_nothing(
    pg_engine: Engine, fetcher: Fetcher, settings: Settings, feeds: FeedServer, now: datetime
) -> None:
    """The server restarts while 60 feeds are being fetched and stored: the round fails loudly or
    records store errors, the pool reconnects on its own (pre-ping), and the next rounds store
    every item exactly once, each source back to ``ok``."""
    restart = _pg_restart_command()
    if restart is None:
        pytest.skip("set THERAPYWATCH_TEST_PG_RESTART=1 (root, pg_ctlcluster) to restart PostgreSQL")
    n_sources, per_feed = 60, 5

    def slow_feed(body: bytes, delay: float) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def handler(_request: web.Request) -> web.Response:
            await asyncio.sleep(delay)
            return web.Response(body=body, headers={"Content-Type": "application/rss+xml"})

        return handler

    for i in range(n_sources):
        entries = [
            item(f"Source {i} story {k}: CAR-T readout", guid=f"s{i}-{k}", link=f"http://news.test/{i}/{k}")
            for k in range(per_feed)
        ]
        delay = 0.06 * (i % 30)  # spread over 1.7 s, under the fetcher's 2 s read timeout
        url = feeds.route(f"/f{i}.xml", slow_feed(rss(entries), delay))
        add_source(pg_engine, f"src{i}", url, now)

    stopped: list[float] = []

    async def restart_soon() -> None:
        await asyncio.sleep(0.5)  # some sources stored, most still in flight
        # Down for 2.5 s, not just bounced, so that the round's writes meet a server that is gone.
        # "fast" ends every session at once (the default "smart" waits for clients to leave).
        for action in (["stop", "--mode", "fast"], ["start"]):
            proc = await asyncio.create_subprocess_exec(*restart, *action, stderr=asyncio.subprocess.PIPE)
            _out, err = await proc.communicate()
            assert proc.returncode == 0, err.decode()
            if action[0] == "stop":
                stopped.append(time.monotonic())
                await asyncio.sleep(2.5)

    restarting = asyncio.create_task(restart_soon())
    first_error: str | None = None
    try:
        first = await poll_due(pg_engine, fetcher, settings, now, worker_id="faults")
    except SQLAlchemyError as e:  # the round may end on the database error itself
        first_error = f"{type(e).__name__}: {e}"
    round_over = time.monotonic()
    await restarting
    assert stopped and stopped[0] < round_over, "the server did not go down during the round"
    if first_error is None:
        # Writes that met the restart are recorded as store errors; the pre-ping pool reconnects.
        assert all(o.status == "ok" or (o.error and "store:" in o.error) for o in first.outcomes), first

    # Wait for the server to accept connections again (pre-ping then reconnects the pool).
    deadline = time.monotonic() + 60
    while True:
        try:
            with pg_engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.5)

    # Later ticks: whatever was cut off (stored with an error, or left leased) is polled again.
    at = now
    for _ in range(12):
        at += timedelta(hours=1)
        await poll_due(pg_engine, fetcher, settings, at, worker_id="faults")
        with pg_engine.connect() as conn:
            healthy = conn.execute(
                select(func.count()).select_from(sources).where(sources.c.last_status == "ok")
            ).scalar_one()
        if healthy == n_sources:
            break
    with pg_engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(items)).scalar_one()
        distinct = conn.execute(select(func.count(func.distinct(items.c.identity_key)))).scalar_one()
        per_source = dict(
            conn.execute(
                select(sightings.c.source_name, func.count()).group_by(sightings.c.source_name)
            ).all()
        )
        leased = conn.execute(
            select(func.count()).select_from(sources).where(sources.c.lease_owner.is_not(None))
        ).scalar_one()
    assert healthy == n_sources, (healthy, first_error)
    assert (stored, distinct) == (n_sources * per_feed, n_sources * per_feed)
    assert len(per_source) == n_sources and set(per_source.values()) == {per_feed}
    assert leased == 0
