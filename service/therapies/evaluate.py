"""Score the classifier on a labelled set (pure): primary accuracy, discussed P/R/F1 per type and
overall (micro-averaged over item x type decisions), and the primary confusion pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from service.errors import TherapywatchError
from service.models import Classification
from service.therapies.classifier import classify
from service.therapies.taxonomy import NONE, SLUGS


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled item of an evaluation set."""

    id: str
    title: str
    text: str
    primary: str
    discussed: frozenset[str]
    summary: str = ""


@dataclass(frozen=True, slots=True)
class TypeScore:
    slug: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """What ``evaluate`` measured; ``misses`` lists (id, gold primary, predicted primary)."""

    items: int
    primary_accuracy: float
    overall: TypeScore
    per_type: tuple[TypeScore, ...]
    confusion: tuple[tuple[str, str, int], ...]
    misses: tuple[tuple[str, str, str], ...]


def parse_labelled(record: Mapping[str, Any], where: str) -> Labelled:
    """A ``Labelled`` from one JSON object; a clear error names ``where`` and what is wrong."""
    known = {*SLUGS, NONE}
    try:
        # JSON null reads as `none`: the same "about no therapy", as labellers often write it.
        primary = NONE if record["primary"] is None else str(record["primary"])
        discussed = frozenset(str(s) for s in record.get("discussed", ()))
        item = Labelled(
            id=str(record.get("id", where)),
            title=str(record.get("title", "")),
            text=str(record["text"]),
            primary=primary,
            discussed=discussed,
            summary=str(record.get("summary", "")),
        )
    except (KeyError, TypeError) as e:
        raise TherapywatchError(f"classify: {where}: needs 'text' and 'primary' ({e})") from e
    unknown = sorted({primary, *discussed} - known)
    if unknown:
        raise TherapywatchError(f"classify: {where}: unknown therapy slug(s) {', '.join(unknown)}")
    return item


def evaluate(
    items: Iterable[Labelled],
    classifier: Callable[..., Classification] = classify,
) -> Report:
    """Classify every item and compare with its labels."""
    counts = {s: [0, 0, 0] for s in SLUGS}
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[tuple[str, str, str]] = []
    n = right = 0
    for item in items:
        got = classifier(item.title, item.text, summary=item.summary)
        n += 1
        if got.primary == item.primary:
            right += 1
        else:
            confusion[(item.primary, got.primary)] += 1
            misses.append((item.id, item.primary, got.primary))
        predicted = set(got.discussed)
        for slug in SLUGS:
            c = counts[slug]
            c[0] += slug in predicted and slug in item.discussed
            c[1] += slug in predicted and slug not in item.discussed
            c[2] += slug not in predicted and slug in item.discussed
    per_type = tuple(TypeScore(s, *counts[s]) for s in SLUGS)
    overall = TypeScore(
        "overall", sum(t.tp for t in per_type), sum(t.fp for t in per_type), sum(t.fn for t in per_type)
    )
    pairs = tuple((g, p, k) for (g, p), k in sorted(confusion.items(), key=lambda kv: (-kv[1], kv[0])))
    return Report(n, right / n if n else 0.0, overall, per_type, pairs, tuple(misses))
