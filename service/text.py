"""Small pure text helpers shared by every stage (base layer, like models), and the HTML allow-list."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import nh3

# C0 controls except tab/newline/carriage return, DEL, C1 controls, and the noncharacters U+FFFE/FFFF:
# PostgreSQL rejects NUL, and XML 1.0 forbids the rest, so a feed we re-publish would break.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Lone surrogates cannot be encoded as UTF-8 and make the database driver fail.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
# One scan finds whether either of the above is present at all: almost never, and a search is
# half the cost of the two substitutions it spares.
# Anything ``str.splitlines`` breaks at, or a run ``_SPACES`` folds.
_NEEDS_SQUEEZE = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\t\u00a0]|  ")
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


class CharMap:
    """``str.translate`` with a table of single characters, fast whatever the text holds.

    CPython translates ASCII text in bulk, but text with any other character (one curly quote is
    enough) one character at a time through the table: 15 KB of news text took 0.8 ms, against
    5 µs for ``str.replace`` of each mapped character it holds. So ASCII text is translated, and
    other text replaced character by character, which gives the same result because no
    replacement holds a mapped character.
    """

    __slots__ = ("_pairs", "_table")

    def __init__(self, mapping: Mapping[str, str]) -> None:
        if any(len(old) != 1 for old in mapping):
            raise ValueError("CharMap maps single characters")
        if any(old in new for new in mapping.values() for old in mapping):
            raise ValueError("a CharMap replacement may not hold a mapped character")
        self._table = str.maketrans(dict(mapping))
        self._pairs = tuple(mapping.items())

    def __call__(self, text: str) -> str:
        if text.isascii():
            return text.translate(self._table)
        for old, new in self._pairs:
            if old in text:
                text = text.replace(old, new)
        return text


def clean_text(value: str | None, limit: int | None = None) -> str:
    """Remove control characters and lone surrogates; truncate to ``limit`` characters."""
    if not value:
        return ""
    if _SUSPECT.search(value):
        value = _SURROGATE.sub("\ufffd", _CONTROL.sub("", value))
    if limit is not None and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value


def one_line(value: str | None, limit: int | None = None) -> str:
    """``clean_text`` and fold all white space to single spaces (titles, names)."""
    return clean_text(" ".join((value or "").split()), limit)


def squeeze_spaces(value: str) -> str:
    """Fold runs of spaces within lines, keep line breaks, drop blank runs to one empty line."""
    if not _NEEDS_SQUEEZE.search(value):
        return value.strip()  # one line, single spaces: the common case
    lines = [_SPACES.sub(" ", line).strip() for line in value.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


# Tags a digest or a re-published feed may show. No scripts, styles, forms, frames, and no images:
# a remote image loads on open and tells its host who read the digest (RELIABILITY.md 5 #39).
# Links keep only http(s)/mailto schemes and get rel="noopener noreferrer".
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "li",
    "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto"}


# nh3's tree builder is quadratic in nesting depth: 10 000 nested <div>s take 1 s, 50 000 take 80 s
# (measured, nh3 0.3). Past this depth (Miniflux's limit) the fragment is shown as plain text.
MAX_HTML_DEPTH = 512
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _too_deep(fragment: str) -> bool:
    """Whether open tags nest deeper than MAX_HTML_DEPTH (one linear scan)."""
    if fragment.count("<") <= MAX_HTML_DEPTH:
        return False
    depth = 0
    for m in _TAG.finditer(fragment):
        if m.group(2).lower() in _VOID or m.group(0).endswith("/>"):
            continue
        if m.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                return True
    return False


# What nh3 changes in a text without markup: tags and entities, CR (to LF), no-break spaces (to
# &nbsp;); a leading byte-order mark is dropped.
_NEEDS_NH3 = re.compile("[<>&\r\u00a0]")


def sanitize_html(fragment: str) -> str:
    """Clean ``fragment`` with the allow-list above (nh3), dropping anything not on it."""
    if not fragment:
        return ""
    if _too_deep(fragment):
        text = " ".join(html.unescape(_TAG.sub(" ", clean_text(fragment))).split())
        return f"<p>{html.escape(text, quote=False)}</p>" if text else ""
    cleaned = clean_text(fragment)
    if not _NEEDS_NH3.search(cleaned) and not cleaned.startswith("\ufeff"):
        return cleaned  # plain text: nh3 would hand it back unchanged (checked by a randomised test)
    return nh3.clean(
        cleaned,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
