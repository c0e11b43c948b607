"""A feed server for the polling benchmarks: every feed on its own loopback address, one port.

Spreading feeds over 127.0.x.y keeps the fetcher's per-host limit in force without making it the
bottleneck. Runs in its own process and reports its port through ``port_box``.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.Response]]


def host(n: int) -> str:
    return f"127.0.{2 + n // 250}.{1 + n % 250}"


def serve_feeds(handler: Handler, count: int, port_box: multiprocessing.Queue[int]) -> None:
    """Serve ``GET /f/{n}`` with ``handler`` on ``host(0)`` .. ``host(count - 1)`` until killed."""

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/f/{n}", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        first = web.TCPSite(runner, host(0), 0)
        await first.start()
        port = first._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        for n in range(1, count):
            await web.TCPSite(runner, host(n), port).start()
        port_box.put(port)
        await asyncio.Event().wait()

    asyncio.run(main())
