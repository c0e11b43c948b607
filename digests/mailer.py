"""Mailers: put one finished message on its way and say what the receiving side answered.

``SmtpMailer`` talks SMTP with aiosmtplib (TLS or STARTTLS from ``THERAPYWATCH_SMTP_URL``, auth,
reused connections, bounded concurrency, timeouts); ``FileMailer`` writes ``.eml`` files into the
outbox folder (the embedded default). A mailer never raises for a delivery outcome: it returns a
SendResult, and the outbox decides what to retry (RELIABILITY.md 2.2, step 5).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib

Outcome = Literal["sent", "temporary", "permanent", "unknown"]
Hook = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Envelope:
    sender: str
    recipient: str
    data: bytes
    message_id: str


@dataclass(frozen=True, slots=True)
class SendResult:
    """``sent`` (2xx), ``temporary`` (4xx or no connection: retry), ``permanent`` (5xx),
    ``unknown`` (the connection died after the message was handed over: it may have arrived)."""

    outcome: Outcome
    code: int | None = None
    detail: str = ""


class Mailer(Protocol):
    async def send(self, envelope: Envelope) -> SendResult:
        """Deliver one message and report the outcome."""
        ...

    async def close(self) -> None:
        """Release connections."""
        ...


def classify_code(code: int) -> Outcome:
    """SMTP reply code -> outcome. 552 counts as temporary (RFC 5321 4.5.3.1.10; Mailman does too)."""
    if 200 <= code < 300:
        return "sent"
    if 400 <= code < 500 or code == 552:
        return "temporary"
    return "permanent"


def envelope_address(address: str) -> str:
    """The address as SMTP needs it: the domain in IDNA (punycode) form."""
    local, _, domain = address.rpartition("@")
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        return address


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    hostname: str
    port: int
    username: str | None
    password: str | None
    use_tls: bool
    start_tls: bool | None


def parse_smtp_url(url: str) -> SmtpConfig:
    """``smtp://user:pass@host:587?starttls=true`` or ``smtps://host:465`` -> SmtpConfig."""
    parts = urlsplit(url)
    query = {k.lower(): v[-1].lower() for k, v in parse_qs(parts.query).items()}
    use_tls = parts.scheme == "smtps"
    start_tls: bool | None = None  # opportunistic: upgrade when the server offers it
    if "starttls" in query:
        start_tls = query["starttls"] in ("1", "true", "yes", "on")
    return SmtpConfig(
        hostname=parts.hostname or "localhost",
        port=parts.port or (465 if use_tls else 25),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        use_tls=use_tls,
        start_tls=False if use_tls else start_tls,
    )


class SmtpMailer:
    """SMTP over aiosmtplib with up to ``concurrency`` reused connections."""

    def __init__(
        self,
        url: str,
        *,
        concurrency: int = 10,
        timeout: float = 30.0,
        hook: Hook | None = None,
    ) -> None:
        self.config = parse_smtp_url(url)
        self.timeout = timeout
        self._slots = asyncio.Semaphore(concurrency)
        self._idle: list[aiosmtplib.SMTP] = []
        self._hook = hook or (lambda _point: None)

    def _client(self) -> aiosmtplib.SMTP:
        c = self.config
        return aiosmtplib.SMTP(
            hostname=c.hostname,
            port=c.port,
            username=c.username,
            password=c.password,
            use_tls=c.use_tls,
            start_tls=c.start_tls,
            timeout=self.timeout,
        )

    async def send(self, envelope: Envelope) -> SendResult:
        """One SMTP transaction (MAIL, RCPT, DATA) on a pooled connection."""
        async with self._slots:
            client = self._idle.pop() if self._idle else self._client()
            result, reusable = await self._transaction(client, envelope)
            if reusable:
                self._idle.append(client)
            else:
                client.close()
            return result

    async def _transaction(self, client: aiosmtplib.SMTP, env: Envelope) -> tuple[SendResult, bool]:
        stage = "connect"
        try:
            async with asyncio.timeout(self.timeout * 4):
                if not client.is_connected:
                    await client.connect()
                stage = "envelope"
                await client.mail(envelope_address(env.sender))
                await client.rcpt(envelope_address(env.recipient))
                self._hook("after_rcpt")
                stage = "data"
                reply = await client.data(env.data)
        except aiosmtplib.SMTPResponseException as e:
            with contextlib.suppress(aiosmtplib.SMTPException, OSError):
                await client.rset()
            return SendResult(classify_code(e.code), e.code, f"{stage}: {e.message}"), client.is_connected
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as e:
            # Before DATA nothing can have been delivered; during DATA the server may have queued
            # the message before the connection dropped (measured with aiosmtplib 5.1), so say so.
            outcome: Outcome = "unknown" if stage == "data" else "temporary"
            return SendResult(outcome, None, f"{stage}: {type(e).__name__}: {e}"), False
        return SendResult(classify_code(reply.code), reply.code, reply.message), True

    async def close(self) -> None:
        while self._idle:
            client = self._idle.pop()
            with contextlib.suppress(aiosmtplib.SMTPException, OSError):
                await client.quit()
            client.close()


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class FileMailer:
    """Writes each message to ``outbox_dir/<message-id>.eml`` (atomic: temp file, fsync, rename).

    The file name comes from the Message-ID, so a retried delivery replaces its own file.
    """

    def __init__(self, outbox_dir: str | Path, *, hook: Hook | None = None) -> None:
        self.folder = Path(outbox_dir)
        self._hook = hook or (lambda _point: None)

    def path_for(self, message_id: str) -> Path:
        return self.folder / (_UNSAFE.sub("_", message_id.strip("<>"))[:200] + ".eml")

    async def send(self, envelope: Envelope) -> SendResult:
        try:
            path = await asyncio.to_thread(self._write, envelope)
        except OSError as e:
            return SendResult("temporary", None, f"outbox folder {self.folder}: {e}")
        return SendResult("sent", 250, f"written to {path}")

    def _write(self, envelope: Envelope) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(envelope.message_id)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".eml")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(envelope.data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return target

    async def close(self) -> None:
        return None


def make_mailer(
    smtp_url: str | None, outbox_dir: str, *, concurrency: int = 10, hook: Hook | None = None
) -> Mailer:
    """SMTP when ``smtp_url`` is set, else the ``.eml`` outbox folder (for the entrypoints)."""
    if smtp_url:
        return SmtpMailer(smtp_url, concurrency=concurrency, hook=hook)
    return FileMailer(outbox_dir, hook=hook)
