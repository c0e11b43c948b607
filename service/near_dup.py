"""Near-duplicate signatures: word shingles, MinHash and LSH band keys (pure).

A syndicated copy of a press release keeps the body and changes the headline, the dateline and the
boilerplate around it. Word 3-shingles of the normalised title and body see through that; MinHash
(rensa, measured about 20x faster than datasketch in PERFORMANCE.md section 3) compresses the
shingle set, and LSH banding turns it into a few integer bucket keys that the store indexes, so a
lookup costs a handful of indexed reads however many items are stored.

Candidates from the band index are only candidates: ``copy_score`` checks them on the exact
shingle sets before anything is merged.
"""

from __future__ import annotations

from collections.abc import Sequence

from rensa import RMinHash

from service.text import CharMap

SHINGLE = 3
# 10 bands of 2 rows: a pair with Jaccard 0.5 shares a bucket with probability 0.94, at 0.6 with
# 0.98, at 0.3 (a short cut of a longer release) with 0.61, at 0.1 (two releases sharing only
# boilerplate) with 0.10 (1 - (1 - J^2)^10). Measured against 20 bands of 3 rows (twice the index
# rows to write and read) on the copies of tests/data/stories and of tests/benchmarks/dedup.py:
# the same copies found. Verification on the exact sets removes the false candidates.
BANDS = 10
ROWS = 2
NUM_PERM = BANDS * ROWS
SEED = 20261122
# A near-copy: most shingles shared (Jaccard), or one text (a shorter summary of the same
# release) almost wholly inside the other (containment), given enough text to judge by.
COPY_JACCARD = 0.55
COPY_CONTAINMENT = 0.85
MIN_SHINGLES = 12

_MASK63 = (1 << 63) - 1
_M1, _M2, _M4 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0xD6E8FEB86659FD93
# Punctuation and symbols become spaces; digits and letters stay (numbers tell releases apart).
_PUNCT = CharMap({c: " " for c in "\t\n\r.,;:!?\"'`()[]{}<>«»“”‘’—–-_/\\|*#@&%$+=~^®™©•…"})


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` with punctuation removed."""
    return _PUNCT(text.lower()).split()


def shingles(title: str, body: str) -> frozenset[str]:
    """Word 3-shingles of the title and of the body, kept apart so a new headline costs little.

    A text shorter than a shingle contributes itself as one shingle, so short items still match.
    """
    out: set[str] = set()
    for part in (title, body):
        w = _PUNCT(part.lower()).split()
        if len(w) < SHINGLE:
            if w:
                out.add(" ".join(w))
            continue
        out.update(map(" ".join, zip(w, w[1:], w[2:], strict=False)))
    return frozenset(out)


_BAND_SALT = tuple((band + 1) * _M4 for band in range(BANDS))
_MASK64 = 0xFFFFFFFFFFFFFFFF


def _band_key(band: int, a: int, b: int) -> int:
    # Multiply-xor mixing of the band's rows; the band number is mixed in so that a bucket key
    # alone is unique across bands. 63 bits so it fits a signed BIGINT on every database.
    h = (a * _M1) ^ (b * _M2) ^ _BAND_SALT[band]
    h ^= h >> 29
    h = (h * _M1) & _MASK64
    return (h ^ (h >> 32)) & _MASK63


def band_keys(shingle_sets: Sequence[frozenset[str]]) -> list[list[int]]:
    """For each shingle set, its ``BANDS`` LSH bucket keys (index i is band i).

    An empty set has no keys: an item with no text never matches anything by shingles.
    """
    nonempty = [i for i, s in enumerate(shingle_sets) if s]
    out: list[list[int]] = [[] for _ in shingle_sets]
    if not nonempty:
        return out
    digests = RMinHash.digests_from_token_sets([shingle_sets[i] for i in nonempty], NUM_PERM, SEED)
    m1, m2, mask64 = _M1, _M2, _MASK64
    for i, d in zip(nonempty, digests, strict=True):
        # _band_key for every band, inlined: this runs BANDS times per item.
        keys = []
        for salt, a, b in zip(_BAND_SALT, d[0::ROWS], d[1::ROWS], strict=True):
            h = (a * m1) ^ (b * m2) ^ salt
            h ^= h >> 29
            h = (h * m1) & mask64
            keys.append((h ^ (h >> 32)) & _MASK63)
        out[i] = keys
    return out


def copy_score(a: frozenset[str], b: frozenset[str]) -> float:
    """How surely ``a`` and ``b`` are copies of one text, 0..1; at least ``COPY_JACCARD`` means yes.

    The Jaccard index, or the containment of the smaller set scaled onto the Jaccard scale when
    the smaller one is nearly all inside the larger one (a shorter cut of the same release).
    """
    small = min(len(a), len(b))
    if small < MIN_SHINGLES:
        return 1.0 if a == b and small else 0.0
    common = len(a & b)
    jaccard = common / (len(a) + len(b) - common)
    containment = common / small
    if containment >= COPY_CONTAINMENT:
        return max(jaccard, COPY_JACCARD + (1 - COPY_JACCARD) * (containment - COPY_CONTAINMENT) / 0.15)
    return jaccard


def is_copy(score: float) -> bool:
    """Whether a ``copy_score`` says the two texts are copies."""
    return score >= COPY_JACCARD
