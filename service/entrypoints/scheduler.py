"""APScheduler 3.x wiring: a tick source, never the place where work is remembered.

Every job is a "reconcile" function that derives its work from the database, so the scheduler
keeps nothing worth persisting: a ``MemoryJobStore`` recreated at start, ``coalesce=True``,
``max_instances=1`` and ``misfire_grace_time=None`` (the 3.x default of 1 s drops overdue runs).

Replicas: the poll job runs on every replica, because sources are claimed one by one with leases
(N replicas split a round, none fetches a source twice). Jobs added with ``leader_only=True``
(digests, alerts) run only on the replica holding a PostgreSQL advisory lock; on SQLite there is
one process, which always leads.

Used by ``therapywatch run``::

    session = build_session(user_agent=..., allow_private_networks=...)
    service = build_scheduler(app, session)
    service.add_job(send_due_digests, "interval", id="digests", minutes=5)
    service.start()
    ...
    await service.shutdown()
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import socket
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import UTC, datetime
from typing import Any, TypeVar

import aiohttp
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from scrapers.fetch import Fetcher
from service.entrypoints.bootstrap import App
from service.jobs import PollReport, build_fetcher, poll_due

log = logging.getLogger("therapywatch.scheduler")

POLL_JOB_ID = "poll_due"
POLL_EVERY_SECONDS = 60
# pg_try_advisory_lock key of the scheduler leader: "twsc" as a number, constant across releases.
LEADER_LOCK_KEY = 0x74777363
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


def worker_name() -> str:
    """host:pid, the lease owner written on claimed sources (shows who holds what)."""
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


class Leadership:
    """Who leads: a session-level PostgreSQL advisory lock held on one dedicated connection.

    When the connection dies, the lock goes with it and another replica takes over on its next
    tick. On any other database the single process leads.
    """

    def __init__(self, engine: Engine, key: int = LEADER_LOCK_KEY) -> None:
        self.engine = engine
        self.key = key
        self._conn: Connection | None = None

    def check(self) -> bool:
        """True when this process leads (acquiring the lock if it is free). Blocking: call in a thread."""
        if self.engine.dialect.name != "postgresql":
            return True
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT 1"))
                self._conn.commit()
                return True
            except SQLAlchemyError:
                log.warning("scheduler: lost the leader connection; will try to lead again")
                self._discard()
        try:
            conn = self.engine.connect()
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key}).scalar())
            conn.commit()
        except SQLAlchemyError as e:
            log.warning("scheduler: cannot check leadership: %s", e)
            return False
        if got:
            self._conn = conn
            log.info("scheduler: this replica leads")
            return True
        conn.close()
        return False

    def release(self) -> None:
        """Give up leadership (at shutdown), so another replica leads at once."""
        if self._conn is None:
            return
        try:
            self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
            self._conn.commit()
        except SQLAlchemyError:
            pass
        self._discard()

    def _discard(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.invalidate()
                conn.close()
            except SQLAlchemyError:
                pass


class ServiceScheduler:
    """An ``AsyncIOScheduler`` with the poll job and a hook for leader-only jobs."""

    def __init__(
        self,
        app: App,
        fetcher: Fetcher,
        *,
        executor: Executor | None = None,
        worker_id: str | None = None,
        poll_every: int = POLL_EVERY_SECONDS,
    ) -> None:
        self.app = app
        self.fetcher = fetcher
        self.executor = executor
        self.worker_id = worker_id or worker_name()
        self.leadership = Leadership(app.engine)
        self.scheduler = AsyncIOScheduler(job_defaults=dict(JOB_DEFAULTS), timezone=UTC)
        self.last_report: PollReport | None = None
        # next_run_time=now: a catch-up pass at start, then every minute.
        self.scheduler.add_job(
            self.poll_tick, "interval", seconds=poll_every, id=POLL_JOB_ID, next_run_time=datetime.now(UTC)
        )

    async def poll_tick(self) -> PollReport:
        """One tick: poll whatever the database says is due now."""
        report = await poll_due(
            self.app.engine,
            self.fetcher,
            self.app.settings,
            self.app.now(),
            worker_id=self.worker_id,
            executor=self.executor,
        )
        self.last_report = report
        if report.claimed:
            log.info(
                "poll: %d sources, %d fetched, %d not modified, %d new items, %d errors",
                report.claimed,
                report.fetched,
                report.not_modified,
                report.new_items,
                report.errors,
            )
        return report

    async def is_leader(self) -> bool:
        return await asyncio.to_thread(self.leadership.check)

    def add_job(
        self,
        func: Callable[..., Awaitable[Any]],
        trigger: str | Any,
        *,
        id: str,
        leader_only: bool = True,
        **trigger_args: Any,
    ) -> None:
        """Add a job with the safe defaults; ``leader_only`` jobs run only on the leading replica.

        ``func`` must be idempotent (derive its work from the database): ticks can be missed,
        coalesced or doubled across restarts.
        """

        async def gated(*args: Any, **kwargs: Any) -> Any:
            if leader_only and not await self.is_leader():
                return None
            return await func(*args, **kwargs)

        self.scheduler.add_job(gated, trigger, id=id, replace_existing=True, **trigger_args)

    def start(self) -> None:
        """Start ticking (inside the running event loop)."""
        self.scheduler.start()

    async def shutdown(self) -> None:
        """Stop ticking, wait for running jobs, give up leadership, stop the parse workers."""
        self.scheduler.shutdown(wait=False)
        await asyncio.to_thread(self.leadership.release)
        if isinstance(self.executor, ProcessPoolExecutor):
            self.executor.shutdown(wait=True, cancel_futures=True)


def parse_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """Processes for feed parsing, so both cores work and the event loop is never blocked.

    ``forkserver``: forking a process that already runs threads (aiohttp, the database pool) can
    copy a held lock into the child.
    """
    return ProcessPoolExecutor(
        max_workers=workers or max(os.cpu_count() or 1, 1),
        mp_context=multiprocessing.get_context("forkserver"),
    )


T = TypeVar("T")


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)`` on uvloop where it is installed (every platform but Windows).

    The polling round is CPU-bound in one process: on uvloop's event loop a 1,000-feed all-304
    round took about a sixth less time than on asyncio's own, and so did bare aiohttp GETs
    (tests/benchmarks/poll.py, which runs both on the loop the service uses).
    """
    try:
        import uvloop
    except ImportError:  # pragma: no cover - Windows
        return asyncio.run(main)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(main)


# Container allocations between two young-generation collections (CPython's default is 700).
GC_YOUNG_THRESHOLD = 20_000


def tune_gc() -> None:
    """Set the cyclic garbage collector up for a polling process; call once, after start-up.

    A first round allocates millions of short-lived containers (entries, rows, signatures): with
    the default thresholds the collector ran about 1,300 times in a 1,000-feed round, 1.8 s of the
    polling process's time, and each full collection walked every object of the application
    (SQLAlchemy's metadata, the lexicon, imported modules) with the event loop stopped, up to
    130 ms (tests/benchmarks/poll.py). ``gc.freeze`` moves what exists at start-up out of the
    collector's sight, and a higher young threshold makes collections rarer; reference counting
    still frees everything that is not in a cycle at once.
    """
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG_THRESHOLD), max(middle, 20), max(old, 20))


def build_scheduler(
    app: App,
    session: aiohttp.ClientSession,
    *,
    executor: Executor | None = None,
    worker_id: str | None = None,
    poll_every: int = POLL_EVERY_SECONDS,
) -> ServiceScheduler:
    """The service's scheduler around the shared ``session``; ``.scheduler`` is the AsyncIOScheduler.

    Call from inside the running loop; call ``.start()`` to begin and ``await .shutdown()`` to stop.
    Without ``executor``, a process pool for parsing is created (and shut down with the scheduler).
    """
    return ServiceScheduler(
        app,
        build_fetcher(session, app.settings),
        executor=executor or parse_pool(),
        worker_id=worker_id,
        poll_every=poll_every,
    )
