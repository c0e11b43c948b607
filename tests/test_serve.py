"""`therapywatch serve` and `therapywatch run` as real processes: they answer, then stop on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[str], timeout: float = 60) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited early: {proc.communicate()}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                body: dict[str, object] = json.loads(r.read())
                if body.get("scheduler") != "stopped":
                    return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise AssertionError("server did not become healthy")


@pytest.mark.parametrize(
    ("command", "scheduler"), [("serve", "not running in this process"), ("run", "running")]
)
def test_command_serves_and_stops_cleanly_on_sigterm(tmp_path: Path, command: str, scheduler: str) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "THERAPYWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'tw.db'}",
        "THERAPYWATCH_HTTP_PORT": str(port),
        "THERAPYWATCH_SECRET_KEY": "serve-test-secret",
        "THERAPYWATCH_CONFIG": str(tmp_path / "none.toml"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "service", command], env=env, cwd=tmp_path, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        body = _wait_healthy(f"http://127.0.0.1:{port}", proc)
        assert body["status"] == "ok" and body["scheduler"] == scheduler
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/feeds/all.xml", timeout=5) as r:
            assert r.status == 200 and r.headers["ETag"]
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Finished server process" in err
    if command == "run":
        assert "run: stopped" in err


def test_service_loop_is_uvloop_where_installed() -> None:
    """``run``, ``serve`` and ``fetch`` start their loop through run_loop: uvloop when importable."""
    import asyncio

    from service.entrypoints.scheduler import run_loop

    async def loop_module() -> str:
        await asyncio.sleep(0)
        return type(asyncio.get_running_loop()).__module__

    pytest.importorskip("uvloop")
    assert run_loop(loop_module()).startswith("uvloop")
