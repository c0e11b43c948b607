"""One normalisation for lexicon phrases and the text they are matched in (pure).

Matching runs on a copy of the text that is lowercased and has hyphens, dashes and slashes turned into
spaces, character for character, so an offset in the copy is an offset in the original: "CAR-T",
"CAR T" and "car-T" all read "car t"; "PD-1" reads "pd 1"; "CDK4/6" reads "cdk4 6".
"""

from __future__ import annotations

import re
from typing import Final

from service.text import CharMap

_SEPARATORS: Final = "-‐‑‒–—/_"
_MAP: Final = CharMap({c: " " for c in _SEPARATORS} | {"’": "'", "\u00a0": " "})
_SPACES: Final = re.compile(r"\s+")


def haystack(text: str) -> str:
    """The matching copy of ``text``: same length, lowercased, separators as spaces."""
    low = text.lower()
    if len(low) != len(text):
        # A few characters lowercase to two ("İ"); keep those as they are so offsets stay exact.
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _MAP(low)


def phrase(text: str) -> str:
    """A lexicon phrase in matching form: as ``haystack`` with runs of spaces collapsed."""
    return _SPACES.sub(" ", haystack(text)).strip()
