"""Signed, scoped subscriber tokens for the links a digest carries (pure).

A token names one subscriber for one purpose (``unsubscribe``, ``preferences``, ``feed``): a token
for one scope never opens another. Tokens do not expire, so the links in a digest sent months ago
keep working (RELIABILITY.md item 36); changing ``THERAPYWATCH_SECRET_KEY`` revokes them all.
"""

from __future__ import annotations

from itsdangerous import BadData, URLSafeSerializer

SCOPES = ("unsubscribe", "preferences", "feed")


def _serializer(secret: str, scope: str) -> URLSafeSerializer:
    if scope not in SCOPES:
        raise ValueError(f"tokens: unknown scope {scope!r}")
    return URLSafeSerializer(secret, salt=f"therapywatch.{scope}")


def make_token(secret: str, scope: str, subscriber_id: int) -> str:
    """A URL-safe token that ``read_token`` with the same secret and scope turns back into the id."""
    return str(_serializer(secret, scope).dumps(subscriber_id))


def read_token(secret: str, scope: str, token: str) -> int | None:
    """The subscriber id in ``token``, or None when it is forged, damaged or of another scope."""
    try:
        value = _serializer(secret, scope).loads(token)
    except BadData:
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def subscriber_links(base_url: str, secret: str, subscriber_id: int) -> dict[str, str]:
    """The signed links a subscriber gets: ``feed_url``, ``preferences_url``, ``unsubscribe_url``."""
    base = base_url.rstrip("/")
    return {
        "feed_url": f"{base}/feeds/subscriber/{make_token(secret, 'feed', subscriber_id)}.xml",
        "preferences_url": f"{base}/preferences/{make_token(secret, 'preferences', subscriber_id)}",
        "unsubscribe_url": f"{base}/unsubscribe/{make_token(secret, 'unsubscribe', subscriber_id)}",
    }
