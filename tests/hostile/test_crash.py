"""Crash and restart (RELIABILITY.md 4.4): the real CLI in a subprocess, killed with SIGKILL while it
works, then restarted. After any kill the database is consistent (every stored item has its
sighting and its source's recorded outcome; no partial batch), and the restart completes the work
with no item lost or doubled. On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text, update

from service import therapies
from service.store.schema import fetch_log, items, sightings
from tests.hostile.feeds import item, rss

pytestmark = pytest.mark.slow
FILES = 30
PER_FILE = 120


def run_cli(db_url: str, *args: str) -> subprocess.Popen[bytes]:
    env = os.environ | {"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "k"}
    return subprocess.Popen(
        [sys.executable, "-m", "service", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def scalar(engine: Engine, query) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def kill_when(proc: subprocess.Popen[bytes], ready: Callable[[], bool], timeout: float = 120) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()``; False when it finished first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            return False
        try:
            if ready():
                proc.send_signal(signal.SIGKILL)
                proc.wait(10)
                return True
        except Exception:  # the database may be mid-migration or locked: look again
            pass
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("the worker neither progressed nor finished")


def feed_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "feeds"
    folder.mkdir()
    for f in range(FILES):
        entries = [
            item(f"Trial {f}-{i}: CAR-T cell therapy readout", guid=f"f{f}-i{i}", link=f"http://news.test/{f}/{i}",
                 description=f"Patients in cohort {i} of study {f} received an investigational gene therapy.")
            for i in range(PER_FILE)
        ]  # fmt: skip
        (folder / f"feed{f:02d}.xml").write_bytes(rss(entries))
    return folder


def assert_consistent(engine: Engine) -> None:
    """No item without a sighting; every source that has items has exactly its whole batch and a
    recorded 'ok' outcome (the batch, the sightings and the fetch log commit together)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        orphans = conn.execute(
            select(func.count()).select_from(items).where(~items.c.id.in_(select(sightings.c.item_id)))
        ).scalar_one()
        assert orphans == 0
        per_source = dict(
            conn.execute(
                select(sightings.c.source_name, func.count()).group_by(sightings.c.source_name)
            ).all()
        )
        logged = {
            r.source_name
            for r in conn.execute(select(fetch_log.c.source_name).where(fetch_log.c.outcome == "ok"))
        }
    assert all(n == PER_FILE for n in per_source.values()), per_source
    assert set(per_source) <= logged


def test_kill_during_ingest_then_restart(engine: Engine, db_url: str, tmp_path: Path) -> None:
    folder = feed_dir(tmp_path)
    count = select(func.count()).select_from(items)
    proc = run_cli(db_url, "ingest", str(folder))
    killed = kill_when(proc, lambda: 0 < scalar(engine, count) < FILES * PER_FILE // 2)
    assert killed, "ingest finished before it could be killed"
    partial = scalar(engine, count)
    assert 0 < partial < FILES * PER_FILE
    assert_consistent(engine)
    done = run_cli(db_url, "ingest", str(folder))
    _out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err.decode()
    assert_consistent(engine)
    assert scalar(engine, count) == FILES * PER_FILE
    assert scalar(engine, select(func.count(func.distinct(items.c.identity_key)))) == FILES * PER_FILE
    # A third run is a no-op.
    again = run_cli(db_url, "ingest", str(folder))
    again.communicate(timeout=300)
    assert scalar(engine, count) == FILES * PER_FILE


def test_kill_during_reclassify_then_restart(engine: Engine, db_url: str, tmp_path: Path) -> None:
    done = run_cli(db_url, "ingest", str(feed_dir(tmp_path)))
    assert done.wait(300) == 0
    total = FILES * PER_FILE
    with engine.begin() as conn:
        conn.execute(update(items).values(lexicon_version="old-lexicon", primary_therapy="none"))
    current = (
        select(func.count()).select_from(items).where(items.c.lexicon_version == therapies.LEXICON_VERSION)
    )
    proc = run_cli(db_url, "reclassify")
    killed = kill_when(proc, lambda: 0 < scalar(engine, current) < total)
    if killed:
        partial = scalar(engine, current)
        assert 0 < partial < total
        # A relabelled item carries both its new version and its new label (one transaction).
        stale_labelled = scalar(
            engine,
            select(func.count())
            .select_from(items)
            .where(items.c.lexicon_version == "old-lexicon", items.c.primary_therapy != "none"),
        )
        assert stale_labelled == 0
    rerun = run_cli(db_url, "reclassify")
    _out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert scalar(engine, current) == total
    assert scalar(engine, select(func.count()).select_from(items)) == total
    assert (
        scalar(engine, select(func.count()).select_from(items).where(items.c.primary_therapy == "none"))
        < total
    )


@pytest.mark.parametrize("delay", [0.05, 0.4, 1.0])
def test_kill_during_migration_then_restart(tmp_path: Path, delay: float) -> None:
    """`therapywatch init` on a fresh SQLite file killed at a few points; the next init finishes.
    (Each migration is one transaction on both engines; on SQLite that needs the driver's own
    transaction handling off, see ``service.store.engine.migrate``.)"""
    url = f"sqlite:///{tmp_path / 'migrate.db'}"
    proc = run_cli(url, "init")
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    again = run_cli(url, "init")
    _out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err.decode()
    check = run_cli(url, "sources", "list", "--format", "json")
    _out, err = check.communicate(timeout=60)
    assert check.returncode == 0, err.decode()
