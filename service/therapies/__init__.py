"""Therapy classification (pure): the taxonomy as data, the lexicon, and ``classify`` with evidence.

``classify(title, text, summary=...)`` returns a ``Classification`` (primary, discussed, per-type
scores with evidence, conditions, ``LEXICON_VERSION``). How to add a term: see ``terms.py``.
"""

from __future__ import annotations

from service.therapies.classifier import classify
from service.therapies.lexicon import LEXICON_VERSION
from service.therapies.taxonomy import NONE, SLUGS, TYPES, TherapyType, display_name

__all__ = ["LEXICON_VERSION", "NONE", "SLUGS", "TYPES", "TherapyType", "classify", "display_name"]
