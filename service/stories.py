"""Story signatures and the rule that puts two items in one story (pure).

Independent write-ups of one event share its names (product, code name, trial, NCT id), often its
key numbers, and a good part of their vocabulary. Different events about one product share the
names too, so a match also needs the headline product, the event kind (approval, readout,
filing...), the endpoint, the regulator and the condition not to disagree. A false merge hides a
story from a subscriber, so every disagreement vetoes; agreement alone is not enough either: the
texts must back it with shared numbers or shared words.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any
from urllib.parse import urlsplit

import orjson

from service import story_rules as rules
from service.models import EventSignature

# Items further apart than this are different events, however alike (a 2021 and a 2023 readout).
WINDOW_DAYS = 10
# A story match needs this score (0..1); see ``story_score``.
MATCH_SCORE = 0.6
MAX_WORDS = 80

_CODE = re.compile(r"([A-Za-z]{2,6})-?(\d{3,5})")
_TRIAL = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*-[A-Za-z]*\d{1,2}[A-Za-z]?")
_NCT = re.compile(r"NCT\d{8}")
_MARKED = re.compile(r"\b([A-Z][a-z]{3,})\s?[®™]")
_PERCENT = re.compile(r"\b(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)")
_HR = re.compile(r"hazard ratio(?: of|,)?\s*(?:was\s*)?(0\.\d+)")
_GENERIC_EVIDENCE = frozenset(
    {
        "antibodies", "antibody", "car", "cell", "cells", "chemotherapy", "conjugate", "editing", "gene",
        "inhibitor", "inhibitors", "radiotherapy", "therapy", "therapies", "transplant", "transplantation",
        "vaccine", "vaccines", "virus",
    }
)  # fmt: skip


def _alias_map() -> dict[str, str]:
    seen: Counter[str] = Counter()
    for names in rules.PRODUCT_ALIASES.values():
        for word in {w for n in names for w in n.split()}:
            seen[word] += 1
    out: dict[str, str] = {}
    for key, names in rules.PRODUCT_ALIASES.items():
        out[key] = key
        for name in names:
            out[name.replace("-", "")] = key
            # A word shared by several products ("autoleucel") names none of them.
            out.update({w: key for w in name.split() if seen[w] == 1 and len(w) >= 6})
    return out


_ALIASES = _alias_map()
_NOT_PRODUCTS = rules.NOT_PRODUCTS | {"autoleucel", "autotemcel"}


_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def _tokens(text: str) -> list[str]:
    """Words as written, possessive 's dropped ("Kite's" -> "Kite")."""
    return [w[:-2] if w.endswith(("'s", "’s")) else w for w in _WORD.findall(text)]


def _words(text: str) -> tuple[list[str], list[str]]:
    """``_tokens(text)`` and the same words lower-cased, position for position."""
    words = _WORD.findall(text)
    if "'" in text or "’" in text:
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    # Words are ASCII letters, digits, apostrophes and hyphens: lower-casing them all at once
    # keeps every word, and no space appears inside one.
    return words, (" ".join(words).lower().split(" ") if words else [])


class _Phrases:
    """Phrase tables looked up token by token: lower-case phrases match in any case, phrases with
    capitals (acronyms, names) only as written. Cheap enough to run on every item: one set lookup
    per token, n-gram lookups only where a phrase can start."""

    def __init__(self, tables: Mapping[str, Mapping[str, Sequence[str]]]) -> None:
        self.exact: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.loose: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for table, entries in tables.items():
            for key, phrases in entries.items():
                for phrase in phrases:
                    words = tuple(_tokens(phrase))
                    if phrase.islower() or not any(c.isupper() for c in phrase):
                        self.loose.setdefault(tuple(w.lower() for w in words), []).append((table, key))
                    else:
                        self.exact.setdefault(words, []).append((table, key))
        # First word -> the lengths of the phrases starting with it, shortest first.
        self.exact_starts: dict[str, list[int]] = {}
        self.loose_starts: dict[str, list[int]] = {}
        for table_phrases, starts in ((self.exact, self.exact_starts), (self.loose, self.loose_starts)):
            for p in table_phrases:
                starts.setdefault(p[0], []).append(len(p))
            for start, lengths in starts.items():
                starts[start] = sorted(set(lengths))

        # Every phrase's first word, lower-cased: a word is worth a look when its lower case is one.
        self.first_words = frozenset(self.loose_starts) | {w.lower() for w in self.exact_starts}

    def find(
        self, words: Sequence[str], lowered: Sequence[str], at: Iterable[int]
    ) -> list[tuple[int, str, str]]:
        """(position, table, key) of every phrase in ``words`` that starts at one of the positions
        ``at`` (in order); the others are those whose lower-cased word is not in ``first_words``."""
        exact_starts, loose_starts = self.exact_starts, self.loose_starts
        out: list[tuple[int, str, str]] = []
        for i in at:
            w = words[i]
            if w in exact_starts:
                for n in exact_starts[w]:
                    out += [(i, t, k) for t, k in self.exact.get(tuple(words[i : i + n]), ())]
            low = lowered[i]
            if low in loose_starts:
                for n in loose_starts[low]:
                    out += [(i, t, k) for t, k in self.loose.get(tuple(lowered[i : i + n]), ())]
        return out


_PHRASES = _Phrases(
    {"condition": rules.CONDITIONS, "kind": rules.EVENT_KINDS, "endpoint": rules.ENDPOINTS,
     "agency": rules.AGENCIES}
)  # fmt: skip
# Order in which a headline's event words decide its kind: a setback or an approval outranks the
# results it cites.
_KIND_ORDER = ("setback", "approval", "filing", "pricing", "readout")
# The opening of a body, in words: where the event is named before the background starts.
OPENING_WORDS = 70


def _product_key(token: str) -> str | None:
    low = token.lower()
    flat = low.replace("-", "")
    if low in _ALIASES or flat in _ALIASES:
        return _ALIASES.get(low) or _ALIASES[flat]
    if low in rules.BRANDS:
        return low
    if len(low) >= 7 and "-" not in low and low.endswith(rules.INN_SUFFIXES) and low not in _NOT_PRODUCTS:
        return low
    if low.endswith("-cel") and len(low) >= 6:
        return low
    return None


def _code(token: str) -> str | None:
    m = _CODE.fullmatch(token)
    if m is None or not token[:1].isupper() or m.group(1).lower() in rules.NOT_CODE_PREFIXES:
        return None
    code = f"{m.group(1).lower()}{m.group(2)}"
    return _ALIASES.get(code, code)


# What a signature needs to know of a word, by its lower case (product names, trial words and phrase
# starts are found by case-insensitive rules; the rules that care about case read the word as
# written afterwards). Words repeat from item to item, so these are memos: one dict lookup per word
# tells whether the word matters at all, and few do.
_PHRASE_START, _PERSON, _TRIAL_WORD, _PRODUCT, _NOT_ALPHA = 1, 2, 4, 8, 16


@dataclass(slots=True)
class _WordMemo:
    flags: dict[str, int] = field(default_factory=dict)  # lower-cased word -> bits above
    keys: dict[str, str] = field(default_factory=dict)  # lower-cased word -> product key
    content: set[str] = field(default_factory=set)  # content words: 4+ letters, not stop words


# Replaced (never cleared) when full, so it cannot grow without bound and a reader holding the old
# one in another thread still sees a whole memo.
_MEMO = _WordMemo()
_MEMO_MAX = 1 << 17


def _memo(lowered: Iterable[str]) -> _WordMemo:
    """The word memo, with every word of ``lowered`` in it."""
    global _MEMO
    memo = _MEMO
    if len(memo.flags) > _MEMO_MAX:
        memo = _MEMO = _WordMemo()
    flags = memo.flags
    # set.difference with a dict walks the (small) set and probes the dict.
    for low in set(lowered).difference(flags):
        key = _product_key(low)
        if key:
            memo.keys[low] = key
        if len(low) >= 4 and low[0].isalpha() and low not in rules.STOPWORDS:
            memo.content.add(low)
        flags[low] = (
            (_PHRASE_START if low in _PHRASES.first_words else 0)
            | (_PERSON if low in _PEOPLE else 0)
            | (_TRIAL_WORD if low in ("trial", "study") else 0)
            | (_PRODUCT if key else 0)
            | (0 if low.isalpha() else _NOT_ALPHA)
        )
    return memo


def _products(
    text: str,
    words: Sequence[str],
    lowered: Sequence[str],
    marked: Iterable[tuple[int, int]],
    memo: _WordMemo,
) -> list[str]:
    """Product keys in order of appearance, with repeats (the count picks the lead): names first,
    then code names, then marked brands. ``marked``: (position, bits) of the words with any bit."""
    keys = memo.keys
    found = []
    codes = []
    for i, bits in marked:
        if bits & _PRODUCT:
            found.append(keys[lowered[i]])
        # Code names (NTLA-2001, CTX001) are single tokens with digits; few tokens have any.
        if bits & _NOT_ALPHA and not words[i].isdigit() and (code := _code(words[i])):
            codes.append(code)
    found += codes
    if "®" in text or "™" in text:
        found += [_ALIASES.get(m.group(1).lower(), m.group(1).lower()) for m in _MARKED.finditer(text)]
    return found


def _trials(words: Sequence[str], lowered: Sequence[str], marked: Iterable[tuple[int, int]]) -> set[str]:
    """Trial names and NCT ids. ``marked``: (position, bits) of the words with any bit."""
    out: set[str] = set()
    last = len(lowered) - 1
    for i, bits in marked:
        if bits & _TRIAL_WORD:
            # "the TRANSFORM trial": a capitalised name right before trial or study.
            w = words[i - 1] if i else ""
            if len(w) >= 4 and w.isalpha() and w.isupper() and i - 1 < last:
                out.add(lowered[i - 1])
        if bits & _NOT_ALPHA:
            w = words[i]
            if _NCT.fullmatch(w) or (
                _TRIAL.fullmatch(w)
                and not _CODE.fullmatch(w)
                and lowered[i].split("-")[0] not in rules.NOT_CODE_PREFIXES
            ):
                out.add(lowered[i])
    return out


def _of(found: Sequence[tuple[int, str, str]], table: str, before: int | None = None) -> list[str]:
    return [k for pos, t, k in found if t == table and (before is None or pos < before)]


def _kind(title: Sequence[tuple[int, str, str]], body: Sequence[tuple[int, str, str]]) -> str:
    # In a headline the weightier word wins ("approved after trial results"); in the opening lines,
    # the first one does (later sentences recount history).
    kinds = set(_of(title, "kind"))
    for kind in _KIND_ORDER:
        if kind in kinds:
            return kind
    opening = _of(body, "kind", OPENING_WORDS)
    return opening[0] if opening else ""


def _endpoint(title: Sequence[tuple[int, str, str]], body: Sequence[tuple[int, str, str]]) -> str:
    """The endpoint the headline names, else the one the body names most (first on a tie)."""
    if named := _of(title, "endpoint"):
        return named[0]
    named = _of(body, "endpoint")
    if not named:
        return ""
    counts = Counter(named)
    top = max(counts.values())
    return next(k for k in named if counts[k] == top)


def _plain_number(value: str) -> str:
    return value.rstrip("0").rstrip(".") if "." in value else value


_PEOPLE = frozenset(
    "patients participants people children adults subjects infants boys men women".split()  # noqa: SIM905
)
_PEOPLE_ADJ = frozenset(("adult", "evaluable", "treated", "enrolled", "randomized", "randomised"))


def _numbers(text: str, lowered: Sequence[str], marked: Iterable[tuple[int, int]]) -> set[str]:
    """Key numbers: percentages, patient counts, hazard ratios. ``marked``: as for ``_trials``."""
    out: set[str] = set()
    low = text.lower()
    if "%" in text or "percent" in low or "per cent" in low:
        out.update("p:" + _plain_number(m.group(1)) for m in _PERCENT.finditer(text))
    for i, bits in marked:
        # "359 patients", "44 evaluable patients"
        if bits & _PERSON and i:
            j = i - 2 if lowered[i - 1] in _PEOPLE_ADJ and i > 1 else i - 1
            if lowered[j].isdigit():
                out.add("n:" + lowered[j])
    if "hazard" in low:
        out.update("hr:" + m.group(1) for m in _HR.finditer(low))
    return out


def event_signature(
    title: str, body: str, *, conditions: Iterable[str] = (), evidence: Iterable[str] = ()
) -> EventSignature:
    """The event signature of one item from its title and body text.

    ``conditions`` and ``evidence`` (matched phrases) come from the classifier when it has run;
    evidence phrases that name a product (not a therapy type) count as products.
    """
    (title_words, title_low), (body_words, body_low) = _words(title), _words(body)
    all_words, all_low = title_words + body_words, title_low + body_low
    memo = _memo(all_low)
    flags = memo.flags
    # (position, bits) of the few words any rule below reads; one pass over the words.
    marked = [(i, b) for i, b in enumerate(map(flags.__getitem__, all_low)) if b]
    n = len(title_words)
    title_marked = [m for m in marked if m[0] < n]
    body_marked = [(i - n, b) for i, b in marked if i >= n]
    in_title = _PHRASES.find(title_words, title_low, [i for i, b in title_marked if b & _PHRASE_START])
    in_body = _PHRASES.find(body_words, body_low, [i for i, b in body_marked if b & _PHRASE_START])
    title_products = _products(title, title_words, title_low, title_marked, memo)
    body_products = _products(body, body_words, body_low, body_marked, memo)
    extra = [
        e.lower()
        for e in evidence
        if e and not (set(e.lower().replace("-", " ").split()) & _GENERIC_EVIDENCE)
    ]
    counts = Counter(title_products + body_products + [_ALIASES.get(e, e) for e in extra])
    if title_products:
        lead = sorted(set(title_products))
    elif counts:
        top = max(counts.values())
        lead = [next(k for k in body_products + list(counts) if counts[k] == top)]
    else:
        lead = []
    full = f"{title}\n{body}"
    conds = set(_of(in_title, "condition") + _of(in_body, "condition")) | {c.lower() for c in conditions if c}
    return EventSignature(
        products=tuple(sorted(counts)),
        lead=tuple(lead),
        trials=tuple(sorted(_trials(all_words, all_low, marked))),
        conditions=tuple(sorted(conds)),
        kind=_kind(in_title, in_body),
        endpoint=_endpoint(in_title, in_body),
        agencies=tuple(sorted(set(_of(in_title, "agency")) or set(_of(in_body, "agency", OPENING_WORDS)))),
        numbers=tuple(sorted(_numbers(full, all_low, marked))),
        words=tuple([w for w in dict.fromkeys(all_low) if w in memo.content][:MAX_WORDS]),
    )


def index_keys(sig: EventSignature) -> list[int]:
    """Integer keys under which the store indexes ``sig``: one per strong name."""
    names = [f"p:{p}" for p in sig.products] + [f"t:{t}" for t in sig.trials]
    return [int.from_bytes(hashlib.blake2b(n.encode(), digest_size=8).digest()) >> 1 for n in names]


def _disjoint(a: Sequence[str], b: Sequence[str]) -> bool:
    return bool(a) and bool(b) and not set(a) & set(b)


def conflict(a: EventSignature, b: EventSignature) -> str:
    """Why ``a`` and ``b`` cannot report one event, or ``""`` when nothing disagrees."""
    if _disjoint(a.lead, b.lead):
        return "different products"
    if a.kind and b.kind and a.kind != b.kind:
        return f"different events ({a.kind} / {b.kind})"
    if a.endpoint and b.endpoint and a.endpoint != b.endpoint:
        return f"different endpoints ({a.endpoint} / {b.endpoint})"
    if _disjoint(a.agencies, b.agencies):
        return "different regulators"
    if _disjoint(a.conditions, b.conditions):
        return "different conditions"
    return ""


def _jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 0.0


def story_score(a: EventSignature, b: EventSignature) -> float:
    """How surely ``a`` and ``b`` report one event, 0..1; ``MATCH_SCORE`` or more is a match.

    Zero unless they share a strong name and nothing conflicts; then a base for the shared name,
    plus shared key numbers and shared vocabulary.
    """
    shared = (set(a.products) | set(a.trials)) & (set(b.products) | set(b.trials))
    if not shared or conflict(a, b):
        return 0.0
    numbers = len(set(a.numbers) & set(b.numbers))
    words = _jaccard(a.words, b.words)
    score = 0.3 + 0.1 * min(len(shared), 2) + 0.15 * min(numbers, 2) + min(words / 0.25, 1.0) * 0.3
    return round(min(score, 1.0), 4)


def to_json(sig: EventSignature) -> dict[str, Any]:
    """``sig`` as a JSON-able dict (stored with the item)."""
    return {f: (list(v) if type(v) is tuple else v) for f, v in zip(_FIELDS, _get_fields(sig), strict=True)}


def to_json_text(sig: EventSignature) -> str:
    """``to_json(sig)`` as JSON text, as it is stored (orjson: a tenth of ``json.dumps``'s time on
    these, which every new item pays)."""
    return orjson.dumps(to_json(sig)).decode()


def from_json_text(text: str | None) -> EventSignature:
    """``from_json`` of stored JSON text."""
    return from_json(orjson.loads(text) if text else None)


_FIELDS: tuple[str, ...] = EventSignature.__slots__
_get_fields = attrgetter(*_FIELDS)


def from_json(data: Mapping[str, Any] | None) -> EventSignature:
    """An ``EventSignature`` from ``to_json`` output; missing fields are empty."""
    data = data or {}
    fields: dict[str, Any] = {}
    for f in EventSignature.__slots__:
        if f in data:
            v = data[f]
            fields[f] = tuple(v) if isinstance(v, list) else v
    return EventSignature(**fields)


_PLAIN_HOST = re.compile(r"[A-Za-z0-9.-]+")
# host -> tier; hosts are few (one per source), so this stays small.
_TIERS: dict[str, int] = {}


def _hostname(url: str) -> str:
    """``urlsplit(url).hostname`` lower-cased, without parsing the URL in the common case."""
    if url.startswith(("https://", "http://")):
        parts = url.split("/", 3)
        if _PLAIN_HOST.fullmatch(parts[2]):
            return parts[2].lower()
    return (urlsplit(url).hostname or "").lower()


def source_rank(url: str | None) -> int:
    """The tier of the site ``url`` is on: regulator 0, journal 1, company 2, news 3, aggregator 4."""
    host = _hostname(url) if url else ""
    tier = _TIERS.get(host)
    if tier is None:
        if len(_TIERS) > 1 << 14:
            _TIERS.clear()
        tier = _TIERS[host] = _host_tier(host)
    return tier


def _host_tier(host: str) -> int:
    parts = host.split(".")
    for i in range(len(parts) - 1):
        tier = rules.SOURCE_DOMAINS.get(".".join(parts[i:]))
        if tier is not None:
            return tier
    if host.endswith((".gov", ".gov.uk", ".europa.eu")):
        return rules.REGULATOR
    if host.startswith(("ir.", "investors.", "investor.", "newsroom.")):
        return rules.COMPANY
    return rules.NEWS
