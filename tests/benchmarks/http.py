# ruff: noqa: E402 - sys.path must be fixed before the imports below (see the comment there)
"""HTTP benchmark: /feeds/all.xml (100 stories) served by the app vs the same bytes as a static response.

Run: ``python tests/benchmarks/http.py [--requests 3000] [--seconds 3] [--rounds 3] [--concurrency 32]``

Each server is a separate process running uvicorn (the same server, loop and HTTP parser for both);
this process is the load generator (aiohttp, keep-alive connections) on 127.0.0.1. For each server
it measures requests/s for plain GETs (200) and for conditional GETs with the current ETag (304).
The floor is a bare ASGI app that returns the app's own bytes (and 304 on a matching ETag) with no
routing, database or cache; the ratio app/floor is printed for both.
"""

from __future__ import annotations

import sys

# This file is named like the standard library's `http` package, and a script's folder comes first
# on sys.path: drop it so that `urllib.request` (which imports `http.client`) finds the real one.
sys.path[:] = [p for p in sys.path if p not in ("", __file__.rsplit("/", 1)[0])]

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

STORIES = 100
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _settings(db: Path) -> Any:
    from service.config import load_settings

    return load_settings(
        {"THERAPYWATCH_DATABASE_URL": f"sqlite:///{db}", "THERAPYWATCH_SECRET_KEY": "bench"},
        toml_path="/nonexistent.toml",
    )


def _serve_app(db: Path, port: int) -> None:
    import uvicorn

    from service.entrypoints.bootstrap import build_app
    from service.entrypoints.web import create_app

    asgi = create_app(build_app(_settings(db)))
    uvicorn.run(asgi, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off")


def _serve_static(body_file: Path, port: int) -> None:
    import uvicorn

    meta = json.loads(body_file.with_suffix(".json").read_text())
    body = body_file.read_bytes()
    etag = meta["etag"].encode()
    ok_headers = [
        (b"content-type", meta["content_type"].encode()),
        (b"content-length", str(len(body)).encode()),
        (b"etag", etag),
    ]
    nm_headers = [(b"etag", etag)]

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        inm = next((v for k, v in scope["headers"] if k == b"if-none-match"), None)
        if inm == etag:
            await send({"type": "http.response.start", "status": 304, "headers": nm_headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": ok_headers})
        await send({"type": "http.response.body", "body": body})

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off")


def _start(kind: str, path: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--serve", kind, str(path), str(port)])
    url = f"http://127.0.0.1:{port}/feeds/all.xml"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"bench: {kind} server did not start")


async def _load(
    url: str, etag: str | None, requests: int, seconds: float, concurrency: int
) -> tuple[float, int]:
    import aiohttp

    headers = {"If-None-Match": etag} if etag else {}
    want = 304 if etag else 200
    done = 0
    bad = 0
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one() -> None:
            nonlocal bad
            async with session.get(url, headers=headers) as r:
                await r.read()
                bad += r.status != want

        await asyncio.gather(*(one() for _ in range(concurrency * 4)))  # warm-up, not counted
        bad = 0
        start = time.perf_counter()
        stop_at = start + seconds

        async def worker() -> None:
            nonlocal done
            while done < requests and time.perf_counter() < stop_at:
                done += 1
                await one()

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return done / elapsed, bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="requests per measurement (cap)")
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement (cap)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; figures are medians")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--serve", nargs=3, metavar=("KIND", "PATH", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        kind, path, port = args.serve
        (_serve_app if kind == "app" else _serve_static)(Path(path), int(port))
        return

    from service.entrypoints.bootstrap import build_app
    from tests.storydata import seed_many

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        app = build_app(_settings(db))
        seed_many(app.engine, NOW, STORIES)
        app.engine.dispose()

        app_proc, app_url = _start("app", db)
        procs = [app_proc]
        try:
            with urllib.request.urlopen(app_url) as r:
                body, etag, ctype = r.read(), r.headers["ETag"], r.headers["Content-Type"]
            items = body.count(b"<item>")
            body_file = Path(tmp) / "feed.xml"
            body_file.write_bytes(body)
            body_file.with_suffix(".json").write_text(json.dumps({"etag": etag, "content_type": ctype}))
            static_proc, static_url = _start("static", body_file)
            procs.append(static_proc)
            limits = f"up to {args.requests} requests or {args.seconds:.0f} s per measurement"
            print(f"feed: {len(body)} bytes, {items} items; {args.concurrency} connections, {limits}")
            print(f"cpus={os.cpu_count()} (shared with everything else running on this machine)")
            servers = (("floor (static uvicorn)", static_url), ("therapywatch", app_url))
            # Rounds alternate floor and app so that load from other processes on a shared machine
            # falls on both alike; each figure is the median of the rounds.
            samples: dict[tuple[str, str], list[float]] = {}
            for round_no in range(args.rounds):
                for status, tag in (("200", None), ("304", etag)):
                    for name, url in servers if round_no % 2 == 0 else servers[::-1]:
                        rps, bad = asyncio.run(_load(url, tag, args.requests, args.seconds, args.concurrency))
                        samples.setdefault((name, status), []).append(rps)
                        if bad:
                            print(f"warning: {bad} unexpected statuses from {name} ({status})")
            for status in ("200", "304"):
                for name, _url in servers:
                    runs = samples[(name, status)]
                    spread = ", ".join(f"{r:.0f}" for r in runs)
                    print(f"{status}  {name:24s} {statistics.median(runs):8.0f} req/s  (rounds: {spread})")
            for status in ("200", "304"):
                app_rps = statistics.median(samples[("therapywatch", status)])
                floor_rps = statistics.median(samples[("floor (static uvicorn)", status)])
                print(f"ratio {status}: therapywatch / floor = {app_rps / floor_rps:.2f}")
        finally:
            for p in procs:
                p.terminate()
                p.wait(10)


if __name__ == "__main__":
    main()
