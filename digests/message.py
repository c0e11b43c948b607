"""Rendered digest -> an RFC 5322 message with the headers bulk mail needs.

multipart/alternative with the plain-text part first. The Message-ID is deterministic per
delivery so a retry of the same outbox row carries the same ID and a receiving server (or a test)
can recognise the one documented duplicate.

Speed: the modern ``EmailMessage`` API quoted-printable-encodes bodies in pure Python and parses
every header through the header registry; for a 40 KB digest that was 3.5 ms of the ~6 ms a
message cost (``tests/benchmarks/digests.py``). Messages are therefore assembled with the
``compat32`` classes of the same package: bodies encoded by ``binascii.b2a_qp`` (C), headers
given as plain strings or ``email.header.Header`` for non-ASCII text. The modern API refused CR
and LF in header values; ``_checked`` keeps that guarantee here. An address whose local part is
not ASCII (no ASCII form exists) goes through the modern API as before.
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
from datetime import datetime
from email import policy
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.utils import format_datetime, formataddr
from urllib.parse import quote

from digests.mailer import envelope_address
from digests.render import Rendered
from service.models import Subscriber


def mail_domain(mail_from: str) -> str:
    return mail_from.rsplit("@", 1)[1].strip(">").lower()


def message_id(secret: str, mail_from: str, delivery_key: str) -> str:
    """``<digest.KEY.MAC@domain>``: the same for the same delivery, unguessable for another."""
    mac = hmac.new(secret.encode(), delivery_key.encode(), hashlib.sha256).hexdigest()[:16]
    return f"<digest.{delivery_key}.{mac}@{mail_domain(mail_from)}>"


# CRLF on the wire; compat32 folding (at ", " and "; ") keeps URLs whole.
WIRE = policy.compat32.clone(linesep="\r\n")


def _checked(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise ValueError(f"message: {name}: a header value may not contain CR or LF")
    return value


def _text(name: str, value: str) -> str | Header:
    """A free-text header: ASCII as it is, anything else as RFC 2047 encoded words."""
    _checked(name, value)
    return value if value.isascii() else Header(value, "utf-8", header_name=name)


def _part(body: str, subtype: str) -> Message:
    part = Message(policy=WIRE)
    part["Content-Type"] = f"text/{subtype}; charset=utf-8"
    part["Content-Transfer-Encoding"] = "quoted-printable"
    part.set_payload(binascii.b2a_qp(body.encode("utf-8"), istext=True).decode("ascii"))
    return part


def _list_headers(
    mail_from: str, msg_id: str, date: datetime, unsubscribe_url: str, preferences_url: str
) -> list[tuple[str, str]]:
    """Date, Message-ID and the bulk-mail headers, the same whichever way the message is built."""
    token = unsubscribe_url.rstrip("/").rsplit("/", 1)[-1]
    unsubscribe = f"<{unsubscribe_url}>, <mailto:{mail_from}?subject=unsubscribe%20{quote(token)}>"
    return [
        ("Date", format_datetime(date)),
        ("Message-ID", msg_id),
        ("List-Id", f"therapywatch digest <digest.{mail_domain(mail_from)}>"),
        ("List-Unsubscribe", unsubscribe),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("List-Help", f"<{preferences_url}>"),
        ("Auto-Submitted", "auto-generated"),
        ("Precedence", "bulk"),
    ]


def build_message(
    rendered: Rendered,
    sub: Subscriber,
    *,
    mail_from: str,
    msg_id: str,
    date: datetime,
    unsubscribe_url: str,
    preferences_url: str,
) -> Message:
    """The digest as a message: text and HTML alternatives plus List-* headers (RFC 2369,
    RFC 8058 one-click unsubscribe, which Gmail and Yahoo require of bulk senders)."""
    rest = _list_headers(mail_from, msg_id, date, unsubscribe_url, preferences_url)
    to_address = envelope_address(sub.email)
    if not to_address.isascii():
        # No ASCII form of this address exists: the modern API's encoding, as before.
        modern = EmailMessage(policy=policy.SMTP)
        modern["From"] = Address(display_name="therapywatch", addr_spec=mail_from)
        local, _, to_domain = sub.email.rpartition("@")
        modern["To"] = Address(display_name=sub.name, username=local, domain=to_domain)
        modern["Subject"] = rendered.subject
        for name, value in rest:
            modern[name] = value
        modern.set_content(rendered.text, cte="quoted-printable")
        modern.add_alternative(rendered.html, subtype="html", cte="quoted-printable")
        return modern
    msg: Message[str, str | Header] = Message(policy=WIRE)
    msg["From"] = _checked("From", formataddr(("therapywatch", mail_from)))
    msg["To"] = _checked("To", formataddr((sub.name, to_address), charset="utf-8"))
    msg["Subject"] = _text("Subject", rendered.subject)
    for name, value in rest:
        msg[name] = _checked(name, value)
    msg["MIME-Version"] = "1.0"
    msg["Content-Type"] = "multipart/alternative"
    msg.set_payload([_part(rendered.text, "plain"), _part(rendered.html, "html")])
    return msg


def to_bytes(msg: Message) -> bytes:
    """The message as sent on the wire (CRLF line ends)."""
    return msg.as_bytes(policy=policy.SMTP if isinstance(msg, EmailMessage) else WIRE)
