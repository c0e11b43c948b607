"""The compiled lexicon (pure): every phrase of ``terms``, ``biologics`` and ``conditions`` in one
Aho-Corasick automaton, and ``LEXICON_VERSION``, a hash of all of it.

The automaton is built on first use (``matcher()``), not at import. Matching is leftmost-longest over
the normalised text (``normalise.haystack``), so "trastuzumab deruxtecan" beats "trastuzumab" and
"CAR-NK" beats "CAR"; word boundaries are checked afterwards, since the automaton knows none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final

import ahocorasick_rs

from service.therapies.biologics import BIOLOGICS
from service.therapies.conditions import CONDITIONS
from service.therapies.normalise import phrase
from service.therapies.terms import CONTEXT, TERMS

# Bump when the classifier's rules change in a way that moves labels: it is part of the version.
RULES_VERSION: Final = 13
CONDITION: Final = "@condition"


@dataclass(frozen=True, slots=True)
class Entry:
    """One compiled phrase. ``slug`` is a therapy slug, ``none``, ``""`` (stop) or ``@condition``."""

    written: str
    slug: str
    case: bool = False
    stem: bool = False
    generic: bool = False
    weak: bool = False
    implicit: bool = False
    organ_ambiguous: bool = False
    negates: bool = False
    condition: str = ""
    requires: tuple[str, ...] = ()
    forbids: tuple[str, ...] = ()
    story_requires: bool = False  # the words it requires may be anywhere in the story
    device: bool = False  # a device: its headline is about it (terms.py, flag "d")
    source: str = "terms"


def _entries() -> Iterator[Entry]:
    for written, slug, flags, _note in TERMS:
        requires, forbids = CONTEXT.get(written, ((), ()))
        yield Entry(
            written=written,
            slug=slug,
            case="c" in flags,
            stem="s" in flags,
            generic="g" in flags,
            weak="w" in flags,
            implicit="i" in flags,
            organ_ambiguous="x" in flags,
            negates="n" in flags,
            requires=requires,
            forbids=forbids,
            story_requires="b" in flags,
            device="d" in flags,
        )
    for text, slug, source in BIOLOGICS:
        yield Entry(written=text, slug=slug, source=source)
    for text, name, flags in CONDITIONS:
        yield Entry(written=text, slug=CONDITION, case="c" in flags, condition=name, source="conditions")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The automaton and, per pattern index, the entries that share that normalised phrase."""

    automaton: ahocorasick_rs.AhoCorasick
    patterns: tuple[str, ...]
    entries: tuple[tuple[Entry, ...], ...]
    # Per pattern, the shorter patterns it starts with that end where it has a space, longest
    # first: when "car t" matched "car targeting" and ran into a word, "car" is tried instead
    # (leftmost-longest matching reports only the longest phrase at a position).
    fallbacks: tuple[tuple[int, ...], ...] = ()
    # Per pattern, its entry when the group is one entry without a case rule (nearly all): such a
    # match needs no case check. None otherwise.
    plain: tuple[Entry | None, ...] = ()


def compile_entries() -> tuple[tuple[str, ...], tuple[tuple[Entry, ...], ...]]:
    """Group entries by normalised phrase; the hand-written table comes first and wins."""
    grouped: dict[str, list[Entry]] = {}
    for entry in _entries():
        key = phrase(entry.written)
        group = grouped.setdefault(key, [])
        # One reading per phrase and case rule: a later table does not override an earlier one.
        if not any(e.case == entry.case and e.slug != CONDITION for e in group) or entry.slug == CONDITION:
            group.append(entry)
    # Plurals the matcher's trailing "s" does not make: "gene therapies", "monoclonal antibodies",
    # "oncolytic viruses". Leftmost-longest matching would otherwise stop at "gene therap" and find
    # nothing, since the singular phrase is not in the text at all.
    for key, group in list(grouped.items()):
        plural = _plural(key)
        if plural and plural not in grouped:
            usable = [e for e in group if not e.case and not e.stem]
            if usable:
                grouped[plural] = usable
    patterns = tuple(sorted(grouped))
    return patterns, tuple(tuple(grouped[p]) for p in patterns)


def _plural(key: str) -> str | None:
    """The -ies / -es plural of a normalised phrase, when it has one."""
    if len(key) > 3 and key.endswith("y") and key[-2] not in "aeiou":
        return key[:-1] + "ies"
    if key.endswith(("s", "x", "z", "ch", "sh")) and len(key) > 3:
        return key + "es"
    return None


@cache
def matcher() -> Lexicon:
    """The compiled lexicon, built once per process."""
    patterns, entries = compile_entries()
    # A DFA takes ~30 ms more to build than the default NFA and searches about twice as fast.
    automaton = ahocorasick_rs.AhoCorasick(
        patterns,
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.DFA,
    )
    index = {p: i for i, p in enumerate(patterns)}
    fallbacks = tuple(
        tuple(index[p[:k]] for k in range(len(p) - 1, 0, -1) if p[k] == " " and p[:k] in index)
        for p in patterns
    )
    plain = tuple(g[0] if len(g) == 1 and not g[0].case else None for g in entries)
    return Lexicon(automaton=automaton, patterns=patterns, entries=entries, fallbacks=fallbacks, plain=plain)


def _version() -> str:
    digest = hashlib.sha256(f"rules={RULES_VERSION}".encode())
    for row in (*TERMS, *BIOLOGICS, *CONDITIONS):
        digest.update(repr(row).encode())
    digest.update(repr(sorted(CONTEXT.items())).encode())
    return digest.hexdigest()[:12]


LEXICON_VERSION: Final = _version()
"""A short hash of every lexicon table and the rules version: stored with each label."""
