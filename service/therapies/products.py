"""Product names and their synonyms (pure): a brand and its INN name one product.

The licensed-biologic rows of ``biologics.py`` carry the FDA Purple Book licence number they came
from, so "Kymriah" and "tisagenlecleucel" (both BLA 125646) are one product; a watch rule on either
catches both. ``SYNONYMS`` adds products outside the Purple Book (small molecules, code names).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from service.therapies.biologics import BIOLOGICS
from service.therapies.normalise import phrase

# Brand <-> generic or code name pairs the Purple Book does not list (drugs approved as NDAs,
# products before licensure). Lower-case, as the lexicon writes them.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("aucatzyl", "obecabtagene autoleucel", "obe-cel"),
    ("carvykti", "ciltacabtagene autoleucel", "cilta-cel"),
    ("casgevy", "exagamglogene autotemcel", "exa-cel"),
    ("enhertu", "trastuzumab deruxtecan", "t-dxd", "ds-8201", "ds-8201a"),
    ("imbruvica", "ibrutinib"),
    ("keytruda", "pembrolizumab"),
    ("lynparza", "olaparib"),
    ("nex-z", "nexiguran ziclumeran", "ntla-2001"),
    ("opdivo", "nivolumab"),
    ("oxbryta", "voxelotor"),
    ("duvyzat", "givinostat"),
    ("pluvicto", "lutetium lu 177 vipivotide tetraxetan", "lutetium-177 vipivotide tetraxetan"),
    ("revuforj", "revumenib"),
    ("spinraza", "nusinersen"),
    ("tecelra", "afamitresgene autoleucel", "afami-cel"),
    ("amtagvi", "lifileucel"),
    ("venclexta", "venetoclax"),
    ("v940", "mrna-4157", "intismeran autogene"),
    ("zolgensma", "onasemnogene abeparvovec"),
)


@cache
def product_names() -> dict[str, frozenset[str]]:
    """Each name (in matching form) and every name of its product, itself included."""
    by_licence: dict[str, set[str]] = defaultdict(set)
    for text, _slug, source in BIOLOGICS:
        if source.startswith("purple-book:"):
            by_licence[source].add(phrase(text))
    groups = [frozenset(g) for g in by_licence.values()]
    groups += [frozenset(phrase(n) for n in row) for row in SYNONYMS]
    out: dict[str, frozenset[str]] = {}
    for g in groups:
        for name in g:
            out[name] = out.get(name, frozenset()) | g
    return out


def synonyms(name: str) -> frozenset[str]:
    """Every name of the product called ``name`` (in matching form), ``name`` itself included."""
    key = phrase(name)
    return product_names().get(key, frozenset()) | {key}
