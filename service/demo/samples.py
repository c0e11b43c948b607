"""The demo's sample sources and subscribers, and the serve-time templating of their dates.

Sample files carry date placeholders so that the stories are always recent, whatever day the demo
runs: ``{{rfc822:-6}}`` (RSS), ``{{iso:-6}}`` (Atom, JSON Feed, HTML ``datetime``) and
``{{day:-6}}`` (a human date) stand for six hours before the demo's clock. Pure: the clock is a
parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from importlib import resources
from importlib.resources.abc import Traversable

_PLACEHOLDER = re.compile(rb"\{\{(rfc822|iso|day):(-?\d{1,5})\}\}")

CONTENT_TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".json": "application/feed+json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class SampleSource:
    """One bundled source: its name in the database and its path on the sample server."""

    name: str
    path: str
    kind: str = "feed"
    options: dict[str, str] = field(default_factory=dict)
    note: str = ""


SOURCES: tuple[SampleSource, ...] = (
    SampleSource("demo-biotech-wire", "biotech-wire.xml", note="RSS 2.0, press-release briefs"),
    SampleSource("demo-mednews-syndicate", "mednews-syndicate.xml", note="RSS 2.0, syndicated copies"),
    SampleSource("demo-clinical-frontiers", "clinical-frontiers.atom", note="Atom 1.0, journal news"),
    SampleSource("demo-health-desk", "health-desk.json", note="JSON Feed 1.1, general health news"),
    SampleSource(
        "demo-riverside-hospital",
        "hospital/breakthroughs.html",
        kind="listing",
        # The hospital page has no feed: article links are picked by CSS selectors.
        options={
            "item_selector": "ul.breakthroughs a.story-link",
            "title_selector": "article h1",
            "date_selector": "article time",
        },
        note="HTML listing page + article pages",
    ),
    SampleSource("demo-trial-alerts", "trial-alerts.json", note="a broken feed (truncated JSON)"),
)


@dataclass(frozen=True, slots=True)
class SampleSubscriber:
    """A demo subscriber, as `subscribers add` options."""

    email: str
    name: str
    therapies: str
    frequency: str
    day: str
    send_time: str
    timezone: str


SUBSCRIBERS: tuple[SampleSubscriber, ...] = (
    SampleSubscriber(
        "cell-therapy-team@example.com", "Cell therapy team", "car-t,cell-therapy,gene-editing",
        "weekly", "mon", "08:00", "Europe/Berlin",
    ),
    SampleSubscriber(
        "oncology-desk@example.com", "Oncology desk",
        "bispecific-antibody,antibody-drug-conjugate,checkpoint-inhibitor,radiotherapy,small-molecule",
        "daily", "mon", "07:30", "America/New_York",
    ),
)  # fmt: skip


def data_dir() -> Traversable:
    """The bundled sample files (package data of ``service.demo``)."""
    return resources.files("service.demo").joinpath("data")


def sample_files() -> dict[str, bytes]:
    """Every sample file by its path relative to the data folder (``hospital/articles/x.html``)."""
    out: dict[str, bytes] = {}

    def walk(node: Traversable, prefix: str) -> None:
        for child in node.iterdir():
            if child.name.startswith((".", "_")):
                continue
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, rel + "/")
            elif child.name.endswith(tuple(CONTENT_TYPES)):
                out[rel] = child.read_bytes()

    walk(data_dir(), "")
    return out


def render(template: bytes, now: datetime) -> bytes:
    """``template`` with every date placeholder replaced, relative to ``now`` (aware UTC)."""

    def sub(m: re.Match[bytes]) -> bytes:
        when = now + timedelta(hours=int(m.group(2)))
        kind = m.group(1)
        if kind == b"rfc822":
            text = format_datetime(when)
        elif kind == b"iso":
            text = when.isoformat(timespec="seconds").replace("+00:00", "Z")
        else:
            text = f"{when.day} {when:%B %Y}"
        return text.encode()

    return _PLACEHOLDER.sub(sub, template)


def content_type(path: str) -> str:
    """The Content-Type the sample server sends for ``path``."""
    for suffix, ctype in CONTENT_TYPES.items():
        if path.endswith(suffix):
            return ctype
    return "application/octet-stream"
