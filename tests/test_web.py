"""The HTTP side on a real database: feeds, conditional GETs, pages, tokens, health and metrics.

Most tests drive the ASGI app in-process (Starlette's TestClient); the path-trick, feed-reader and
browser tests talk to a real uvicorn on 127.0.0.1.
"""

from __future__ import annotations

import http.server
import json
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qsl, urlsplit

import feedparser
import pytest
from lxml import etree
from sqlalchemy import Engine, create_engine, insert, select
from starlette.testclient import TestClient

from service.config import load_settings
from service.entrypoints.bootstrap import App
from service.entrypoints.web import create_app
from service.models import THERAPY_SLUGS, Subscriber
from service.store import alerts as alert_store
from service.store import subscribers as subscriber_store
from service.store.schema import fetch_log, sources, subscribers
from service.tokens import make_token, subscriber_links
from tests.liveserver import serve
from tests.storydata import HOSTILE_FEED, entry, ingest, ingest_document, link_story, seed_many

SECRET = "web-test-secret-" + "x" * 16
BASE = "http://testserver"
STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
DATA = Path(__file__).with_name("data")


def make_app(engine: Engine, *, base: str = BASE) -> App:
    settings = load_settings({}, toml_path="/nonexistent/therapywatch.toml")
    url = engine.url.render_as_string(hide_password=False)
    return App(settings=replace(settings, database_url=url, secret_key=SECRET, base_url=base), engine=engine)


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(make_app(engine), freshness=0)) as c:
        yield c


def add_subscriber(
    engine: Engine, now: datetime, email: str = "ann@example.org", therapies: str = "car-t"
) -> Subscriber:
    with engine.begin() as conn:
        fields = subscriber_store.build_fields(email, therapies=therapies, frequency="weekly")
        sub, _ = subscriber_store.add_subscriber(conn, fields, now)
    return sub


def status_of(engine: Engine, sub: Subscriber) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(subscribers.c.status).where(subscribers.c.id == sub.id)).scalar_one())


def path_of(url: str) -> str:
    return urlsplit(url).path


def feed_paths() -> list[str]:
    paths = [f"/feeds/all.{ext}" for ext in ("xml", "atom", "json")]
    paths += [f"/feeds/therapy/{slug}.{ext}" for slug in THERAPY_SLUGS for ext in ("xml", "atom", "json")]
    return paths


def check_feed(body: bytes, path: str) -> list[str]:
    """Parse a served feed strictly; the titles of its entries."""
    if path.endswith(".json"):
        doc = json.loads(body)
        assert doc["version"] == "https://jsonfeed.org/version/1.1"
        assert all(isinstance(i["id"], str) and "content_html" in i for i in doc["items"])
        return [i["title"] for i in doc["items"]]
    etree.fromstring(body, STRICT)
    parsed = feedparser.parse(body)
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return [e.title for e in parsed.entries]


def test_every_feed_parses_strictly_and_has_validators(
    engine: Engine, client: TestClient, now: datetime
) -> None:
    seed_many(engine, now, 24)
    assert ingest_document(engine, "hostile", HOSTILE_FEED, now).new_items == 1
    sub = add_subscriber(engine, now)
    paths = [*feed_paths(), path_of(subscriber_links(BASE, SECRET, sub.id)["feed_url"])]
    for path in paths:
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["etag"].startswith('"') and r.headers["last-modified"].endswith("GMT")
        assert "max-age" in r.headers["cache-control"]
        assert r.headers["x-content-type-options"] == "nosniff"
        titles = check_feed(r.content, path)
        low = r.content.lower()
        assert b"<script" not in low and b"javascript:" not in low and b"onerror" not in low, path
        if path.startswith("/feeds/therapy/car-t") or path.startswith("/feeds/all") or "subscriber" in path:
            assert any("CAR-T ]]>" in t and "hostile" in t for t in titles), path
    rss = client.get("/feeds/all.xml")
    assert rss.headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert etree.fromstring(rss.content).findtext("channel/ttl") == "60"
    assert client.get("/feeds/all.atom").headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert client.get("/feeds/all.json").headers["content-type"] == "application/feed+json; charset=utf-8"


def test_one_entry_per_story_with_other_sources(engine: Engine, client: TestClient, now: datetime) -> None:
    a = ingest(engine, "alpha", [entry(1, "CAR-T puts lupus into remission")], now)
    b = ingest(engine, "beta", [entry(2, "Lupus remission after CAR-T", url="https://beta.example/2")], now)
    link_story(engine, [*a.new_item_ids, *b.new_item_ids], now, representative=b.new_item_ids[0])
    parsed = feedparser.parse(client.get("/feeds/therapy/car-t.atom").content)
    assert [e.title for e in parsed.entries] == ["Lupus remission after CAR-T"]
    content = parsed.entries[0].content[0].value
    assert "alpha" in content and "beta" in content
    assert [t.term for t in parsed.entries[0].tags] == ["car-t"]


def test_conditional_requests(engine: Engine, client: TestClient, now: datetime) -> None:
    seed_many(engine, now, 5)
    first = client.get("/feeds/all.xml")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    for headers in (
        {"If-None-Match": etag},
        {"If-None-Match": f'"other", W/{etag}'},
        {"If-None-Match": "*"},
        {"If-Modified-Since": modified},
        {"If-Modified-Since": format_datetime(now + timedelta(days=1), usegmt=True)},
    ):
        r = client.get("/feeds/all.xml", headers=headers)
        assert r.status_code == 304, headers
        assert r.content == b"" and r.headers["etag"] == etag and "cache-control" in r.headers
    for headers in (
        {"If-None-Match": '"stale"'},
        {"If-None-Match": '"stale"', "If-Modified-Since": modified},  # If-None-Match wins (RFC 9110)
        {"If-Modified-Since": format_datetime(now - timedelta(days=2), usegmt=True)},
        {"If-Modified-Since": "not a date"},
    ):
        assert client.get("/feeds/all.xml", headers=headers).status_code == 200, headers
    assert client.head("/feeds/all.xml", headers={"If-None-Match": etag}).status_code == 304
    # A new story changes the bytes, so the old validator no longer matches.
    ingest(engine, "late", [entry(99, "CAR-T news that arrives later")], now + timedelta(hours=1))
    again = client.get("/feeds/all.xml", headers={"If-None-Match": etag})
    assert again.status_code == 200 and again.headers["etag"] != etag
    assert b"CAR-T news that arrives later" in again.content
    assert client.get("/", headers={"If-None-Match": client.get("/").headers["etag"]}).status_code == 304


def test_feed_is_cached_until_the_store_changes(engine: Engine, now: datetime) -> None:
    seed_many(engine, now, 3)
    asgi = create_app(make_app(engine), freshness=3600)
    with TestClient(asgi) as c:
        before = c.get("/feeds/all.xml").content
        ingest(engine, "late", [entry(99, "CAR-T late news")], now)
        # Within the freshness window the cached bytes are served without asking the database.
        assert c.get("/feeds/all.xml").content == before
        assert asgi.state.web.cache.builds == 1 and asgi.state.web.cache.hits == 1


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/therapy/nope.xml",
        "/feeds/therapy/car-t.rdf",
        "/feeds/therapy/CAR-T.xml",
        "/feeds/everything.xml",
        "/feeds/all.html",
        "/feeds/%3Cscript%3Ealert(1)%3C%2Fscript%3E.xml",
        "/feeds/therapy/%3Csvg%20onload%3Dalert(1)%3E.xml",
        "/feeds/subscriber/%3Cscript%3E.xml",
        "/feeds/subscriber/abc.json",
        "/unsubscribe/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/preferences/..%2F..%2Fetc%2Fpasswd",
        "/nothing-here",
    ],
)
def test_unknown_paths_are_plain_404s_that_echo_nothing(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/plain")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.text == "not found\n"


def raw_get(base: str, target: str) -> tuple[str, bytes]:
    """Send ``target`` byte for byte (no client-side path normalisation); the status line and body."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0].decode(), body


@pytest.mark.parametrize(
    "target",
    [
        "/feeds/../..",
        "/feeds/../../etc/passwd",
        "/feeds/all.xml/../../../etc/passwd",
        "/feeds/therapy/../../../etc/passwd",
        "/feeds/<script>.xml",
        "/feeds/<script>alert(1)</script>.xml",
        "/feeds/therapy/..%2f..%2fetc%2fpasswd.xml",
        "/feeds//etc/passwd",
    ],
)
def test_path_tricks_on_a_real_server(sqlite_engine: Engine, target: str) -> None:
    with serve(create_app(make_app(sqlite_engine))) as base:
        status, body = raw_get(base, target)
    assert status.split(" ")[1] in {"404", "400"}, (target, status)
    assert b"script" not in body and b"root:" not in body and b"passwd" not in body


def test_home_page_lists_stories_by_type(engine: Engine, client: TestClient, now: datetime) -> None:
    seed_many(engine, now, 12)
    ingest_document(engine, "hostile", HOSTILE_FEED, now)
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert "<script" not in html and "javascript:" not in html
    assert "<h3>CAR-T ]]&gt; hostile</h3>" in html  # the parser already dropped the script from the title
    assert "<h2>CAR T-cell therapy</h2>" in html and "<h2>Gene editing</h2>" in html
    assert 'href="http://testserver/feeds/therapy/car-t.xml"' in html
    assert 'href="http://testserver/feeds/all.json"' in html
    assert "<mark>CAR-T</mark>" in html  # the evidence snippet
    assert "Reported by:" in html and ">wire</a>" in html
    assert "parking garage" not in html  # unlabelled stories are not listed by type
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert 'name="viewport"' in html
    assert client.get("/style.css").headers["content-type"].startswith("text/css")


def test_unsubscribe_get_changes_nothing_and_post_is_one_click(
    engine: Engine, client: TestClient, now: datetime
) -> None:
    sub = add_subscriber(engine, now)
    url = path_of(subscriber_links(BASE, SECRET, sub.id)["unsubscribe_url"])
    # Link scanners and prefetchers: GET and HEAD (even with a next= parameter) only show a page.
    page = client.get(url + "?next=//evil.example", follow_redirects=False)
    assert page.status_code == 200 and "location" not in page.headers
    assert 'name="List-Unsubscribe" value="One-Click"' in page.text and "ann@example.org" not in page.text
    assert page.headers["cache-control"] == "no-store" and page.headers["x-robots-tag"] == "noindex"
    client.head(url)
    assert status_of(engine, sub) == "active"
    # A POST without the RFC 8058 body does nothing.
    assert client.post(url, data={}).status_code == 400
    assert client.post(url, data={"List-Unsubscribe": "Yes"}).status_code == 400
    assert status_of(engine, sub) == "active"
    # The mail provider's one-click POST: no cookies, form body, 200, idempotent.
    client.cookies.clear()
    for _ in range(2):
        r = client.post(url, data={"List-Unsubscribe": "One-Click"}, follow_redirects=False)
        assert r.status_code == 200 and "unsubscribed" in r.text and "location" not in r.headers
        assert status_of(engine, sub) == "unsubscribed"
    multipart = client.post(url, files={"List-Unsubscribe": (None, "One-Click")})
    assert multipart.status_code == 200
    assert "You are unsubscribed" in client.get(url).text


def test_forged_tokens_get_the_same_404(engine: Engine, client: TestClient, now: datetime) -> None:
    sub = add_subscriber(engine, now)
    good = make_token(SECRET, "unsubscribe", sub.id)
    forged = [
        make_token("another-secret", "unsubscribe", sub.id),  # signed with another key
        make_token("another-secret", "preferences", sub.id),
        make_token(SECRET, "unsubscribe", sub.id + 1000),  # nobody
        make_token(SECRET, "preferences", sub.id + 1000),
        good[:-1] + ("A" if good[-1] != "A" else "B"),  # tampered signature
        secrets.token_urlsafe(24),
        "",
    ]
    answers = set()
    for token in [*forged, make_token(SECRET, "preferences", sub.id), make_token(SECRET, "feed", sub.id)]:
        for method in ("GET", "POST"):
            r = client.request(method, f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"})
            answers.add((r.status_code, r.text, r.headers["content-type"]))
    for token in [*forged, good, make_token(SECRET, "feed", sub.id)]:
        for method in ("GET", "POST"):
            r = client.request(method, f"/preferences/{token}", data={"scope": "all", "frequency": "daily"})
            answers.add((r.status_code, r.text, r.headers["content-type"]))
    assert answers == {(404, "not found\n", "text/plain; charset=utf-8")}
    assert status_of(engine, sub) == "active"
    hits = sum(client.get(f"/unsubscribe/{secrets.token_urlsafe(16)}").status_code != 404 for _ in range(100))
    assert hits == 0


def test_preferences_change_types_and_frequency(engine: Engine, client: TestClient, now: datetime) -> None:
    sub = add_subscriber(engine, now)
    url = path_of(subscriber_links(BASE, SECRET, sub.id)["preferences_url"])
    page = client.get(url)
    assert page.status_code == 200 and 'value="car-t" checked' in page.text
    r = client.post(
        url, data={"scope": "chosen", "therapies": ["gene-therapy", "vaccine"], "frequency": "daily"}
    )
    assert r.status_code == 200 and "Saved." in r.text
    with engine.connect() as conn:
        saved = subscriber_store.get_subscriber(conn, sub.id)
    assert saved is not None
    assert (saved.all_therapies, saved.therapies, saved.frequency) == (
        False,
        ("gene-therapy", "vaccine"),
        "daily",
    )
    bad = client.post(url, data={"scope": "chosen", "therapies": ["<script>"], "frequency": "daily"})
    assert bad.status_code == 400 and "&lt;script&gt;" in bad.text and "<script>" not in bad.text
    assert (
        client.post(url, data={"scope": "chosen", "frequency": "hourly", "therapies": ["car-t"]}).status_code
        == 400
    )
    assert client.post(url, data={"scope": "chosen", "frequency": "daily"}).status_code == 400
    assert client.post(url, data={"scope": "all", "frequency": "instant"}).status_code == 200
    with engine.connect() as conn:
        final = subscriber_store.get_subscriber(conn, sub.id)
    assert final is not None and (final.all_therapies, final.frequency) == (True, "instant")


def test_preferences_page_manages_watch_rules(engine: Engine, client: TestClient, now: datetime) -> None:
    sub = add_subscriber(engine, now)
    other = add_subscriber(engine, now, email="bob@example.org")
    with engine.begin() as conn:
        alert_store.add_rule(conn, other.id, alert_store.parse_rule("condition:lupus"), now)
        others_rule = alert_store.rules_for(conn, other.id)[0].id
    url = path_of(subscriber_links(BASE, SECRET, sub.id)["preferences_url"])
    keep = {"scope": "all", "frequency": "weekly"}
    assert "No watch rules yet." in client.get(url).text

    r = client.post(
        url, data=keep | {"watch_kind": "product", "watch_value": " Kymriah ", "watch_primary": "on"}
    )
    assert r.status_code == 200 and "<strong>Kymriah</strong> (only when it is the story)" in r.text
    r = client.post(url, data=keep | {"watch_kind": "keyword", "watch_value": "<b>clinical hold</b>"})
    assert "&lt;b&gt;clinical hold&lt;/b&gt;" in r.text and "<b>clinical" not in r.text
    with engine.connect() as conn:
        rules = alert_store.rules_for(conn, sub.id)
    assert [(x.kind, x.value, x.primary_only) for x in rules] == [
        ("product", "Kymriah", True),
        ("keyword", "<b>clinical hold</b>", False),
    ]

    bad_kind = client.post(url, data=keep | {"watch_kind": "telepathy", "watch_value": "x"})
    assert bad_kind.status_code == 400 and "KIND:VALUE" in bad_kind.text
    forged = client.post(url, data=keep | {"remove_rule": "1 OR 1=1"})
    assert forged.status_code == 400 and "not a rule id" in forged.text
    # Another subscriber's rule id is ignored: a token only reaches its own rules.
    client.post(url, data=keep | {"remove_rule": [str(rules[0].id), str(others_rule)]})
    with engine.connect() as conn:
        assert [x.value for x in alert_store.rules_for(conn, sub.id)] == ["<b>clinical hold</b>"]
        assert [x.id for x in alert_store.rules_for(conn, other.id)] == [others_rule]


def test_subscriber_feed_follows_the_selection(engine: Engine, client: TestClient, now: datetime) -> None:
    seed_many(engine, now, 12)
    sub = add_subscriber(engine, now, therapies="gene-editing")
    url = path_of(subscriber_links(BASE, SECRET, sub.id)["feed_url"])
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["cache-control"].startswith("private") and r.headers["x-robots-tag"] == "noindex"
    titles = check_feed(r.content, url)
    assert titles and all(t.startswith("Base editing") for t in titles)
    assert b"ann@example.org" not in r.content
    assert client.get(f"/feeds/subscriber/{make_token(SECRET, 'unsubscribe', sub.id)}.xml").status_code == 404
    with engine.begin() as conn:
        subscriber_store.set_status(conn, sub.id, "unsubscribed", now)
    assert client.get(url).status_code == 404


def test_healthz(engine: Engine, now: datetime) -> None:
    app = make_app(engine)
    with TestClient(create_app(app)) as c:
        body = c.get("/healthz").json()
        assert body == {"status": "ok", "database": "ok", "scheduler": "not running in this process",
                        "last_successful_poll": None}  # fmt: skip
    with TestClient(create_app(app, scheduler_alive=lambda: False)) as c:
        r = c.get("/healthz")
        assert r.status_code == 503 and r.json()["scheduler"] == "stopped"
    ingest(engine, "alpha", [entry(1, "CAR-T")], now)
    with engine.begin() as conn:
        conn.execute(sources.update().values(last_success_at=now))
    with TestClient(create_app(app, scheduler_alive=lambda: True)) as c:
        body = c.get("/healthz").json()
        assert body["scheduler"] == "running" and body["last_successful_poll"] == now.isoformat()


def test_healthz_reports_an_unreachable_database(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    broken = create_engine(f"sqlite:///{tmp_path}/a-file/db.sqlite")  # a folder that cannot exist
    with TestClient(create_app(make_app(broken))) as c:
        r = c.get("/healthz")
        assert r.status_code == 503 and r.json()["database"].startswith("error")
        assert c.get("/metrics").status_code == 503


def test_metrics(engine: Engine, client: TestClient, now: datetime) -> None:
    seed_many(engine, now, 6)
    with engine.begin() as conn:
        conn.execute(
            insert(fetch_log),
            [
                {"source_name": "wire", "started_at": now, "duration_ms": 80, "outcome": "ok"},
                {"source_name": "wire", "started_at": now, "duration_ms": 4000, "outcome": "ok"},
                {"source_name": "slow", "started_at": now, "duration_ms": 31000, "outcome": "timeout"},
            ],
        )
    client.get("/feeds/all.xml")
    text = client.get("/metrics").text
    assert 'therapywatch_fetches_total{outcome="ok"} 2.0' in text
    assert 'therapywatch_fetches_total{outcome="timeout"} 1.0' in text
    assert 'therapywatch_fetch_duration_seconds_bucket{le="0.1",outcome="ok"} 1.0' in text
    assert 'therapywatch_fetch_duration_seconds_bucket{le="+Inf",outcome="timeout"} 1.0' in text
    assert 'therapywatch_items{therapy="car-t"} 1.0' in text
    assert 'therapywatch_items{therapy="none"} 1.0' in text
    assert "# TYPE therapywatch_digests gauge" in text
    assert 'therapywatch_http_request_duration_seconds_count{route="/feeds/all",status="200"} 1.0' in text


def test_newsboat_reads_the_feeds(sqlite_engine: Engine, now: datetime, tmp_path: Path) -> None:
    newsboat = shutil.which("newsboat")
    if newsboat is None:
        pytest.skip("newsboat is not installed")
    seed_many(sqlite_engine, now, 100)
    with serve(create_app(make_app(sqlite_engine))) as base:
        for name, expected in (("all.xml", 100), ("therapy/car-t.atom", 17)):
            cache = tmp_path / f"{name.replace('/', '_')}.db"
            urls = tmp_path / "urls"
            urls.write_text(f"{base}/feeds/{name}\n")
            (tmp_path / "config").write_text("")
            args = [
                "-u",
                str(urls),
                "-c",
                str(cache),
                "-C",
                str(tmp_path / "config"),
                "-x",
                "reload",
                "print-unread",
            ]
            env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
            run = subprocess.run([newsboat, *args], capture_output=True, text=True, timeout=60, env=env)
            assert run.returncode == 0, run.stderr
            assert run.stdout.strip() == f"{expected} unread articles", run.stdout
            with sqlite3.connect(cache) as db:
                titles = [r[0] for r in db.execute("SELECT title FROM rss_item")]
            assert len(titles) == expected
            assert (
                "Teclistamab approved for relapsed multiple myeloma (update 99)" in titles or expected != 100
            )
            assert all("CAR-T" in t or "tisagenlecleucel" in t.lower() for t in titles) or expected == 100


CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
    "--enable-logging=stderr", "--v=0",
]  # fmt: skip


def chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.slow
def test_pages_render_in_headless_chromium_without_console_errors(
    sqlite_engine: Engine, now: datetime, tmp_path: Path
) -> None:
    binary = shutil.which("chromium")
    if binary is None:
        pytest.skip("chromium is not installed")
    seed_many(sqlite_engine, now, 30)
    ingest_document(sqlite_engine, "hostile", HOSTILE_FEED, now)
    sub = add_subscriber(sqlite_engine, now)
    links = subscriber_links(BASE, SECRET, sub.id)
    pages = {
        "/": "Latest stories by therapy type",
        path_of(links["unsubscribe_url"]): "Unsubscribe from therapywatch digests?",
        path_of(links["preferences_url"]): "Your digest preferences",
    }
    with serve(create_app(make_app(sqlite_engine))) as base:
        for path, heading in pages.items():
            run = chromium(binary, tmp_path / "profile", "--dump-dom", base + path)
            assert heading in run.stdout, (path, run.stderr[-2000:])
            # Our pages run no script, so any console message is a blocked or failed load.
            console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
            assert console == [], (path, console)
        shot = tmp_path / "home.png"
        run = chromium(
            binary, tmp_path / "profile", f"--screenshot={shot}", "--window-size=412,1600", base + "/"
        )
        assert shot.stat().st_size > 10_000, run.stderr[-2000:]
    # A browser (or a link scanner) that opened the unsubscribe link unsubscribed nobody.
    assert status_of(sqlite_engine, sub) == "active"
    if os.environ.get("THERAPYWATCH_UPDATE_SCREENSHOT"):
        DATA.mkdir(exist_ok=True)
        shutil.copyfile(shot, DATA / "home_screenshot.png")


class _Hub(http.server.BaseHTTPRequestHandler):
    pings: ClassVar[list[list[tuple[str, str]]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        type(self).pings.append(parse_qsl(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_websub_hub_is_advertised_and_pinged_on_change(engine: Engine, now: datetime) -> None:
    hub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hub)
    threading.Thread(target=hub.serve_forever, daemon=True).start()
    hub_url = f"http://127.0.0.1:{hub.server_address[1]}/hub"
    app = make_app(engine)
    app.settings = replace(app.settings, websub_hub=hub_url)
    try:
        with TestClient(create_app(app, freshness=0, websub_every=0.05)) as c:
            rss = etree.fromstring(c.get("/feeds/all.xml").content)
            assert rss.find("channel/{http://www.w3.org/2005/Atom}link[@rel='hub']").get("href") == hub_url
            assert json.loads(c.get("/feeds/all.json").content)["hubs"] == [
                {"type": "WebSub", "url": hub_url}
            ]
            assert _Hub.pings == []  # nothing changed yet
            ingest(engine, "alpha", [entry(1, "CAR-T news")], now)
            deadline = time.monotonic() + 10
            while not _Hub.pings and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        hub.shutdown()
    ping = _Hub.pings[0]
    assert ("hub.mode", "publish") in ping
    urls = [v for k, v in ping if k == "hub.url"]
    assert f"{BASE}/feeds/all.xml" in urls and f"{BASE}/feeds/therapy/car-t.atom" in urls and len(urls) == 48
    _Hub.pings.clear()


def test_fast_path_answers_like_the_app(engine: Engine, now: datetime) -> None:
    seed_many(engine, now, 3)
    asgi = create_app(make_app(engine), freshness=3600)
    with TestClient(asgi) as c:
        first = c.get("/feeds/therapy/car-t.atom")  # through Starlette: builds and caches
        second = c.get("/feeds/therapy/car-t.atom")  # answered by the fast path
        assert asgi.state.web.cache.builds == 1
        assert second.content == first.content and dict(second.headers) == dict(first.headers)
        cond = c.get("/feeds/therapy/car-t.atom", headers={"If-None-Match": first.headers["etag"]})
        assert cond.status_code == 304 and cond.content == b""
        since = c.get(
            "/feeds/therapy/car-t.atom", headers={"If-Modified-Since": first.headers["last-modified"]}
        )
        assert since.status_code == 304
        assert c.get("/feeds/therapy/car-t.atom", headers={"If-None-Match": '"x"'}).status_code == 200
        assert 'route="/feeds (cached)",status="304"' in c.get("/metrics").text
