"""A local HTTP server for the sample files (aiohttp.web on 127.0.0.1), dates rendered per request."""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web

from service.demo.samples import content_type, render, sample_files

ROBOTS = b"User-agent: *\nAllow: /\n"


def build_app(clock: Callable[[], datetime]) -> web.Application:
    """Serve exactly the bundled files (no filesystem paths from the request are ever opened)."""
    files = sample_files()

    async def handle(request: web.Request) -> web.Response:
        path = request.match_info["path"]
        if path == "robots.txt":
            return web.Response(body=ROBOTS, content_type="text/plain")
        body = files.get(path)
        if body is None:
            raise web.HTTPNotFound(text=f"no sample file {path!r}")
        return web.Response(body=render(body, clock()), headers={"Content-Type": content_type(path)})

    app = web.Application()
    app.router.add_get("/{path:.*}", handle)
    return app


@dataclass(slots=True)
class SampleServer:
    """A running sample server; ``base_url`` ends without a slash."""

    runner: web.AppRunner
    base_url: str
    port: int

    async def close(self) -> None:
        await self.runner.cleanup()


def _free(host: str, port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((host, port))
        except OSError as e:
            if e.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


async def start(clock: Callable[[], datetime], *, host: str = "127.0.0.1", port: int = 0) -> SampleServer:
    """Start serving on ``host``; ``port`` is a preference (the last run's), else a free one."""
    runner = web.AppRunner(build_app(clock), access_log=None)
    await runner.setup()
    if port and not _free(host, port):
        port = 0
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = int(runner.addresses[0][1])
    return SampleServer(runner=runner, base_url=f"http://{host}:{bound}", port=bound)
