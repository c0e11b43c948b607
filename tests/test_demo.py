"""`therapywatch demo --once` end to end: sample server, polling, classification, idempotence."""

from __future__ import annotations

import email
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, select

from service.demo.samples import SOURCES, render, sample_files
from service.entrypoints.cli import main
from service.store.schema import items, sightings, sources


@pytest.fixture()
def demo_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("THERAPYWATCH_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.db'}")
    monkeypatch.setenv("THERAPYWATCH_OUTBOX_DIR", str(tmp_path / "outbox"))
    return tmp_path


def _run_demo() -> str:
    result = CliRunner().invoke(main, ["demo", "--once"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_samples_render_to_valid_recent_feeds() -> None:
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    files = sample_files()
    assert {s.path for s in SOURCES} <= set(files)
    health = json.loads(render(files["health-desk.json"], now))
    assert health["items"][0]["date_published"] == "2026-03-01T08:00:00Z"
    assert b"{{" not in render(files["biotech-wire.xml"], now)
    with pytest.raises(json.JSONDecodeError):
        json.loads(render(files["trial-alerts.json"], now))


def test_demo_once_stores_classified_items_and_is_idempotent(demo_env: Path) -> None:
    output = _run_demo()
    assert "demo-trial-alerts" in output
    engine = create_engine(f"sqlite:///{demo_env / 'demo.db'}")
    with engine.connect() as conn:
        per_type = dict(
            conn.execute(
                select(items.c.primary_therapy, func.count()).group_by(items.c.primary_therapy)
            ).all()
        )
        total = sum(per_type.values())
        health = {r.name: r for r in conn.execute(select(sources))}
        multi = conn.execute(
            select(sightings.c.item_id)
            .group_by(sightings.c.item_id)
            .having(func.count(sightings.c.source_id.distinct()) >= 2)
        ).all()
        listing_items = conn.execute(
            select(items.c.title, items.c.primary_therapy)
            .join(sightings, sightings.c.item_id == items.c.id)
            .where(sightings.c.source_name == "demo-riverside-hospital")
        ).all()
    assert total >= 40
    assert len([t for t in per_type if t != "none"]) >= 10, per_type
    assert per_type.get("none", 0) >= 2  # the car crash and the cell phone study
    assert multi, "a story seen in several sources is stored once with several sightings"
    broken = health["demo-trial-alerts"]
    assert broken.last_error and "not a feed" in broken.last_error and broken.error_count == 1
    assert all(health[s.name].last_status == "ok" for s in SOURCES if s.name != "demo-trial-alerts")
    # The hospital's article pages: menus, related links and comments did not become labels.
    assert len(listing_items) == 4
    assert ("A gene therapy delivered straight into the brain", "gene-therapy") in listing_items

    emls = sorted((demo_env / "outbox").glob("*.eml"))
    recipients = set()
    for path in emls:
        msg = email.message_from_bytes(path.read_bytes(), policy=default_policy)
        assert isinstance(msg, EmailMessage)
        assert msg["Subject"] and msg["Message-ID"] and msg["List-Unsubscribe"]
        html = msg.get_body(preferencelist=("html",))
        assert html is not None and "<html" in html.get_content().lower()
        assert path.with_suffix(".html").exists()
        recipients.add(str(msg["To"]))
    assert {"cell-therapy-team@example.com", "oncology-desk@example.com"} <= {
        r.split("<")[-1].rstrip(">") for r in recipients
    }

    _run_demo()
    assert sorted((demo_env / "outbox").glob("*.eml")) == emls
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(items)).scalar_one() == total
        assert conn.execute(select(func.count()).select_from(sources)).scalar_one() == len(SOURCES)
        assert (
            conn.execute(
                select(sources.c.error_count).where(sources.c.name == "demo-trial-alerts")
            ).scalar_one()
            == 2
        )
    engine.dispose()


@pytest.mark.slow
def test_demo_without_once_ends_in_a_running_http_server(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = dict(
        os.environ,
        THERAPYWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'demo.db'}",
        THERAPYWATCH_OUTBOX_DIR=str(tmp_path / "outbox"),
        THERAPYWATCH_HTTP_PORT=str(port),
        THERAPYWATCH_BASE_URL=base,
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "service", "demo"], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        home = None
        for _ in range(240):
            if proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{base}/", timeout=5) as resp:
                    home = resp.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert home is not None, proc.stdout.read().decode() if proc.stdout else ""
        # The obe-cel story (Aucatzyl): its card shows whichever report represents the story.
        assert "CAR T-cell therapy" in home and ("Aucatzyl" in home or "obe-cel" in home)
        with urllib.request.urlopen(f"{base}/feeds/therapy/car-t.xml", timeout=5) as resp:
            feed = feedparser.parse(resp.read())
        assert not feed.bozo and len(feed.entries) >= 3
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
