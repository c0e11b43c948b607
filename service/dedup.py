"""Identity and exact dedup: canonical URLs and identity keys (pure).

An item's key is its GUID when the feed's GUIDs are trustworthy, else its canonical URL, else a
hash of title and content. Near-duplicate signatures and story clustering build on these.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from service.models import ScrapedItem
from service.text import CharMap

# Query parameters that identify a campaign or a click, never the article.
TRACKING_PARAMS = frozenset(
    {
        "_ga", "_gl", "_hsenc", "_hsmi", "cmpid", "dclid", "fbclid", "gclid", "gclsrc", "igshid",
        "mc_cid", "mc_eid", "mkt_tok", "msclkid", "oly_anon_id", "oly_enc_id", "rb_clickid",
        "s_cid", "twclid", "vero_conv", "vero_id", "wickedid", "yclid", "ref_src", "ito",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")

# FreshRSS switches a feed away from its GUIDs when more than 5% of them are bad; so do we.
BAD_GUID_THRESHOLD = 0.05
IDENTITY_MODES = ("guid", "url", "hash")


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


@lru_cache(maxsize=16_384)
def canonical_url(url: str) -> str:
    """The URL with tracking parameters, fragment, default port and host case normalised away.

    The scheme is kept; use ``url_key`` to compare http and https copies.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = f"{host}:{port}" if port else host
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, urlencode(query), ""))


@lru_cache(maxsize=16_384)
def url_key(url: str) -> str:
    """Identity of a URL for dedup: canonical, scheme-blind, trailing slash ignored."""
    parts = urlsplit(canonical_url(url))
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.removeprefix("www.")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:40]


_NORMALISE = CharMap({c: " " for c in "\t\n\r.,;:!?\"'()[]{}<>«»“”‘’—–-_/\\|*#"})


def content_hash(title: str, text: str) -> str:
    """Hash of normalised title and text: equal for copies that differ only in case and punctuation."""
    norm = " ".join(_NORMALISE(f"{title} {text}".lower()).split())
    return _digest(norm)


def guid_key(guid: str) -> str:
    return "g:" + _digest(guid.strip())


def item_keys(item: ScrapedItem, mode: str) -> list[str]:
    """Candidate identity keys of ``item``, best first, for a feed whose identity mode is ``mode``.

    The first is the key the item is stored under; the others find it when it was stored under
    another (the same article in another feed, or a feed that changed its GUIDs).
    """
    keys: list[str] = []
    if mode == "guid" and item.guid:
        keys.append(guid_key(item.guid))
    if mode in ("guid", "url") and item.url:
        keys.append("u:" + _digest(url_key(item.url)))
    keys.append("h:" + content_hash(item.title, item.content or item.summary))
    return keys


def choose_identity_mode(items: Sequence[ScrapedItem], current: str = "guid") -> str:
    """The identity mode a feed's items call for: leave ``guid`` when >5% are missing or repeated.

    Never moves back to a stronger mode on its own: a feed that once had bad GUIDs stays on URLs.
    """
    if not items:
        return current
    order = IDENTITY_MODES.index(current) if current in IDENTITY_MODES else 0
    n = len(items)
    if order == 0:
        guids = Counter(i.guid for i in items if i.guid)
        bad = sum(1 for i in items if not i.guid) + sum(c - 1 for c in guids.values() if c > 1)
        if bad / n > BAD_GUID_THRESHOLD:
            order = 1
    if order == 1:
        urls = Counter(url_key(i.url) for i in items if i.url)
        bad = sum(1 for i in items if not i.url) + sum(c - 1 for c in urls.values() if c > 1)
        if bad / n > BAD_GUID_THRESHOLD:
            order = 2
    return IDENTITY_MODES[order]


def changed_guid_mode(guid_misses_found_by_url: int, total: int, current: str) -> str:
    """A feed whose GUIDs change on every fetch (known URL, unknown GUID) moves to ``url`` mode."""
    if current == "guid" and total and guid_misses_found_by_url / total > BAD_GUID_THRESHOLD:
        return "url"
    return current
