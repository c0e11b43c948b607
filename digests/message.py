"""Rendered digest -> an RFC 5322 message with the headers bulk mail needs.

Built only with ``email.message.EmailMessage`` and ``headerregistry.Address`` (the modern API
rejects CR/LF in header values), multipart/alternative with the plain-text part first. The
Message-ID is deterministic per delivery so a retry of the same outbox row carries the same ID
and a receiving server (or a test) can recognise the one documented duplicate.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import quote

from digests.render import Rendered
from service.models import Subscriber


def mail_domain(mail_from: str) -> str:
    return mail_from.rsplit("@", 1)[1].strip(">").lower()


def message_id(secret: str, mail_from: str, delivery_key: str) -> str:
    """``<digest.KEY.MAC@domain>``: the same for the same delivery, unguessable for another."""
    mac = hmac.new(secret.encode(), delivery_key.encode(), hashlib.sha256).hexdigest()[:16]
    return f"<digest.{delivery_key}.{mac}@{mail_domain(mail_from)}>"


def build_message(
    rendered: Rendered,
    sub: Subscriber,
    *,
    mail_from: str,
    msg_id: str,
    date: datetime,
    unsubscribe_url: str,
    preferences_url: str,
) -> EmailMessage:
    """The digest as an EmailMessage: text and HTML alternatives plus List-* headers (RFC 2369,
    RFC 8058 one-click unsubscribe, which Gmail and Yahoo require of bulk senders)."""
    domain = mail_domain(mail_from)
    token = unsubscribe_url.rstrip("/").rsplit("/", 1)[-1]
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = Address(display_name="therapywatch", addr_spec=mail_from)
    local, _, to_domain = sub.email.rpartition("@")
    msg["To"] = Address(display_name=sub.name, username=local, domain=to_domain)
    msg["Subject"] = rendered.subject
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = msg_id
    msg["List-Id"] = f"therapywatch digest <digest.{domain}>"
    msg["List-Unsubscribe"] = (
        f"<{unsubscribe_url}>, <mailto:{mail_from}?subject=unsubscribe%20{quote(token)}>"
    )
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["List-Help"] = f"<{preferences_url}>"
    msg["Auto-Submitted"] = "auto-generated"
    msg["Precedence"] = "bulk"
    msg.set_content(rendered.text, cte="quoted-printable")
    msg.add_alternative(rendered.html, subtype="html", cte="quoted-printable")
    return msg


def to_bytes(msg: EmailMessage) -> bytes:
    """The message as sent on the wire (CRLF line ends)."""
    return msg.as_bytes(policy=policy.SMTP)
