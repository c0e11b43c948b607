"""Therapy classification (pure): the taxonomy as data, the lexicon, and ``classify`` with evidence.

``classify(title, text, summary=...)`` returns a ``Classification`` (primary, discussed, per-type
scores with evidence, conditions, ``LEXICON_VERSION``). How to add a term: see ``terms.py``. The
hot modules run compiled by mypyc when ``make`` has built them for these sources: see ``native.py``.
"""

from __future__ import annotations

from service.therapies import native

native.use(__path__)

from service.therapies.classifier import classify  # noqa: E402  (after the search path is set)
from service.therapies.lexicon import LEXICON_VERSION  # noqa: E402
from service.therapies.taxonomy import NONE, SLUGS, TYPES, TherapyType, display_name  # noqa: E402

__all__ = ["LEXICON_VERSION", "NONE", "SLUGS", "TYPES", "TherapyType", "classify", "display_name"]
