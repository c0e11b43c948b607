"""One sender tick in its own process, for the crash-matrix tests.

    python tests/digest_sender.py DB_URL SMTP_URL NOW_ISO

With ``THERAPYWATCH_TEST_CRASH_AT=<point>`` the process kills itself with SIGKILL the first time
the sender reaches that point (see ``digests.send``), like a power cut at that moment.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from digests.mailer import SmtpMailer
from digests.send import send_due_digests
from service.config import Settings
from service.store.engine import make_engine

CRASH_AT = os.environ.get("THERAPYWATCH_TEST_CRASH_AT", "")


def hook(point: str) -> None:
    if point == CRASH_AT:
        os.kill(os.getpid(), signal.SIGKILL)


async def main(db_url: str, smtp_url: str, now: datetime) -> None:
    settings = Settings(
        database_url=db_url,
        smtp_url=smtp_url,
        secret_key="crash-test",
        mail_from="digest@tw.example",
        # One message in flight, so the crash point names exactly one row's state.
        smtp_concurrency=1 if CRASH_AT else 10,
    )
    engine = make_engine(db_url)
    mailer = SmtpMailer(smtp_url, concurrency=settings.smtp_concurrency, hook=hook)
    try:
        report = await send_due_digests(engine, mailer, settings, now, hook=hook)
    finally:
        await mailer.close()
        engine.dispose()
    print(f"sealed={report.sealed} sent={report.sent} deferred={report.deferred}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], datetime.fromisoformat(sys.argv[3])))
