"""The shared text helpers of service.text."""

from __future__ import annotations

import random

import pytest

from service.text import CharMap

MAPPING = {"-": " ", "’": "'", "<": "\\u003c", "\u00a0": " ", "—": " "}


def test_charmap_equals_str_translate_on_ascii_and_other_text() -> None:
    table = str.maketrans(MAPPING)
    fast = CharMap(MAPPING)
    alphabet = list(MAPPING) + list("ab c'\\u\n") + ["é", "İ", "€", "\U0001f600"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert fast(text) == text.translate(table), repr(text)
    # Both paths: an ASCII text, and the same text once a curly quote makes it not ASCII.
    assert fast("CAR-T <b>") == "CAR T \\u003cb>"
    assert fast("CAR-T’s <b>") == "CAR T's \\u003cb>"


def test_charmap_refuses_tables_that_chained_replacement_would_get_wrong() -> None:
    with pytest.raises(ValueError, match="single characters"):
        CharMap({"ab": "c"})
    with pytest.raises(ValueError, match="may not hold a mapped character"):
        CharMap({"a": "b", "b": "c"})
