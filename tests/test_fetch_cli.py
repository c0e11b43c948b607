"""`therapywatch fetch`, `sources check` and `sources list` health, against http.server in a thread."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from click.testing import CliRunner

from service.entrypoints.cli import main

FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Trial news</title><link>http://n.example/</link>'
    b"<item><title>Phase 2 readout for a CAR-T product</title><link>http://n.example/1</link><guid>n-1</guid>"
    b"</item><item><title>Gene therapy label update</title><link>http://n.example/2</link><guid>n-2</guid>"
    b"</item></channel></rss>"
)


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        if self.path.split("?", 1)[0] == "/feed.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)
        else:
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def base_url() -> Iterator[str]:
    Handler.hits = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(db_url: str, *args: str, private: bool = True) -> tuple[int, str]:
    env = {"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_ALLOW_PRIVATE_NETWORKS": str(private).lower()}
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.output


def test_fetch_all_then_sources_list_shows_health(db_url: str, base_url: str) -> None:
    assert run(db_url, "sources", "add", f"{base_url}/feed.xml", "--name", "news")[0] == 0
    assert run(db_url, "sources", "add", f"{base_url}/broken", "--name", "broken")[0] == 0
    code, out = run(db_url, "fetch", "--all", "--quiet")
    assert code == 0, out
    assert "fetch summary" in out and "HTTP 500" in out
    code, out = run(db_url, "sources", "list", "--format", "json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["news"]["last_status"] == "ok" and rows["news"]["error_count"] == 0
    assert rows["broken"]["last_status"] == "http 500" and rows["broken"]["error_count"] == 1
    assert "HTTP 500" in rows["broken"]["last_error"] and rows["broken"]["next_check_at"]
    code, out = run(db_url, "items", "export", "--format", "jsonl")
    assert code == 0 and len(out.strip().splitlines()) == 2
    # Nothing is due right after the pass.
    code, out = run(db_url, "fetch", "--quiet")
    assert code == 0 and Handler.hits["/feed.xml"] == 1


def test_a_large_pass_parses_in_worker_processes(
    db_url: str, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From POOL_FROM sources on, `fetch` parses in a process pool (the event loop only fetches),
    and shuts it down; the sources are stored exactly as with in-process parsing."""
    from service.entrypoints.commands import fetch as fetch_command

    pools: list[ProcessPoolExecutor] = []
    real = fetch_command.parse_pool

    def recording_pool(workers: int | None = None) -> ProcessPoolExecutor:
        pools.append(real(workers))
        return pools[-1]

    monkeypatch.setattr(fetch_command, "parse_pool", recording_pool)
    n = fetch_command.POOL_FROM
    for i in range(n):
        assert run(db_url, "sources", "add", f"{base_url}/feed.xml?copy={i}", "--name", f"copy{i}")[0] == 0
    code, out = run(db_url, "fetch", "--quiet")
    assert code == 0, out
    assert len(pools) == 1 and pools[0]._shutdown_thread  # type: ignore[attr-defined]
    rows = json.loads(run(db_url, "sources", "list", "--format", "json")[1])
    assert len(rows) == n and all(r["last_status"] == "ok" for r in rows)
    code, out = run(db_url, "items", "export", "--format", "jsonl")
    assert code == 0 and len(out.strip().splitlines()) == 2  # the same two entries in every copy
    # A pass over fewer sources parses in-process: no pool is started.
    run(db_url, "sources", "add", f"{base_url}/feed.xml?one", "--name", "one")
    assert run(db_url, "fetch", "--source", "one", "--quiet")[0] == 0
    assert len(pools) == 1


def test_fetch_one_source_by_name(db_url: str, base_url: str) -> None:
    run(db_url, "sources", "add", f"{base_url}/feed.xml", "--name", "news")
    run(db_url, "sources", "add", f"{base_url}/broken", "--name", "broken")
    code, out = run(db_url, "fetch", "--source", "news", "--quiet")
    assert code == 0, out
    assert Handler.hits == {"/feed.xml": 1}


def test_sources_check_stores_nothing(db_url: str, base_url: str) -> None:
    code, out = run(db_url, "sources", "check", f"{base_url}/feed.xml", "--format", "json")
    assert code == 0, out
    rows = json.loads(out[out.index("[") :])
    assert [r["title"] for r in rows] == ["Phase 2 readout for a CAR-T product", "Gene therapy label update"]
    code, out = run(db_url, "sources", "list", "--format", "json")
    assert json.loads(out) == []


def test_sources_check_refuses_loopback_without_the_opt_in(db_url: str, base_url: str) -> None:
    code, out = run(db_url, "sources", "check", f"{base_url}/feed.xml", private=False)
    assert code != 0 and "non-public address" in out
    assert Handler.hits == {}
