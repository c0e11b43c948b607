"""Re-label stored items after a lexicon change: the recipe behind ``therapywatch reclassify``."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from service import therapies
from service.store import labels as label_store


@dataclass(frozen=True, slots=True)
class Change:
    """One item whose labels moved."""

    id: int
    title: str
    old_primary: str
    new_primary: str
    old_discussed: tuple[str, ...]
    new_discussed: tuple[str, ...]


@dataclass(slots=True)
class RelabelResult:
    checked: int = 0
    relabelled: int = 0
    changes: list[Change] = field(default_factory=list)

    @property
    def primary_moved(self) -> int:
        return sum(c.old_primary != c.new_primary for c in self.changes)


def reclassify(engine: Engine, *, everything: bool = False, batch: int = 500) -> RelabelResult:
    """Classify again every item labelled by another lexicon version (or all), store the new labels
    with the current version, and report which items' primary or discussed types moved."""
    result = RelabelResult()
    stale_for = None if everything else therapies.LEXICON_VERSION
    last = 0
    while True:
        with engine.begin() as conn:
            part = next(label_store.iter_labels(conn, stale_for=stale_for, batch=batch, after_id=last), [])
            for item in part:
                c = therapies.classify(item.title, item.content or item.summary, summary=item.summary)
                result.checked += 1
                label_store.write_labels(conn, item.id, c)
                result.relabelled += 1
                if c.primary != item.primary or set(c.discussed) != set(item.discussed):
                    result.changes.append(
                        Change(item.id, item.title, item.primary, c.primary, item.discussed, c.discussed)
                    )
        if not part:
            return result
        last = part[-1].id
