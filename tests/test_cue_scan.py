"""The shortcuts the classifier takes to read its cues find what the plain regular expressions find."""

from __future__ import annotations

import json
import random
from bisect import bisect_left, bisect_right
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

from service.therapies.classifier import (
    _MULTI,
    _MULTI_OPENERS,
    _cue_marks,
    _multi_matches,
    _seek_left,
    _seek_right,
)
from service.therapies.normalise import haystack

DEV = Path(__file__).parent / "data" / "classify_dev.jsonl"


def _openings(items: list[Any]) -> set[str]:
    """The literal text every match of the parsed sequence ``items`` starts with, cut at the first
    part that is not plain text (so each is a prefix of some match, and every match has one)."""
    outs = {""}
    for op, av in items:
        if op is sre_constants.AT:
            continue
        if op is sre_constants.LITERAL:
            outs = {o + chr(av) for o in outs}
            continue
        if op is sre_constants.SUBPATTERN:
            parts = _openings(list(av[3]))
        elif op is sre_constants.BRANCH:
            parts = set().union(*(_openings(list(alt)) for alt in av[1]))
        else:
            return outs
        return {o + p for o in outs for p in parts}
    return outs


def test_every_match_of_the_cue_phrases_begins_with_an_opener() -> None:
    openings = _openings(list(sre_parser.parse(_MULTI.pattern)))
    assert len(openings) > 40  # the derivation reached into the alternatives
    uncovered = sorted(o for o in openings if not any(o.startswith(w) for w in _MULTI_OPENERS))
    assert not uncovered, f"add openers for: {uncovered}"
    assert any(o.startswith("refractory to") for o in openings)


def test_the_opener_scan_finds_what_finditer_finds() -> None:
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines()]
    texts.append("Patients who had already been treated, e.g. those refractory to it; free of chemo.")
    windows = 0
    for text in texts:
        hay = haystack(text)
        opens = _cue_marks(hay).opens
        for lo in range(0, len(hay), 31):
            for width in (40, 130):
                hi = min(len(hay), lo + width)
                want = [(m.span(), m.lastgroup) for m in _MULTI.finditer(hay, lo, hi)]
                got = [(m.span(), m.lastgroup) for m in _multi_matches(hay, opens, lo, hi)]
                assert got == want, (text[:60], lo, hi)
                windows += 1
    assert windows > 4000


def test_a_missing_opener_would_miss_a_cue() -> None:
    hay = haystack("Patients refractory to bortezomib were enrolled.")
    opens = [at for at in _cue_marks(hay).opens if not hay.startswith("refractory", at)]
    assert [m.group() for m in _MULTI.finditer(hay)] == ["refractory to"]
    assert _multi_matches(hay, opens, 0, len(hay)) == []


def test_the_walking_seeks_answer_as_bisect_does_in_any_order() -> None:
    rng = random.Random(12)
    for _ in range(300):
        values = sorted(rng.randrange(60) for _ in range(rng.randrange(12)))
        left = right = 0
        queries = sorted(rng.randrange(-5, 65) for _ in range(20))
        if rng.random() < 0.5:
            rng.shuffle(queries)  # mostly ascending in use, but any order must be right
        for x in queries:
            left = _seek_left(values, x, left)
            right = _seek_right(values, x, right)
            assert left == bisect_left(values, x), (values, x)
            assert right == bisect_right(values, x), (values, x)
