"""Digest -> subject, plain text and HTML (Jinja2 templates in ``templates/``; CSS inlined).

Autoescape is switched on explicitly, not by file extension (changedetection's autoescape went
silently off for ``*.jinja`` names, RELIABILITY.md item 28), and no template uses ``|safe``. Feed
HTML never reaches a template: cards carry plain text only, and links are http(s) only
(``compose.http_url``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import css_inline
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from digests.compose import Digest
from service.text import one_line

TEMPLATES = Path(__file__).with_name("templates")
SUBJECT_LIMIT = 200

# Short names for subject lines (the sections use the taxonomy's full names).
SUBJECT_NAMES = {
    "car-t": "CAR-T",
    "cell-therapy": "cell therapy",
    "gene-therapy": "gene therapy",
    "gene-editing": "gene editing",
    "rna-therapy": "RNA therapy",
    "bispecific-antibody": "bispecifics",
    "antibody-drug-conjugate": "ADCs",
    "checkpoint-inhibitor": "checkpoint inhibitors",
    "monoclonal-antibody": "antibodies",
    "vaccine": "vaccines",
    "oncolytic-virus": "oncolytic viruses",
    "stem-cell-transplant": "stem cell transplant",
    "small-molecule": "targeted drugs",
    "chemotherapy": "chemotherapy",
    "radiotherapy": "radiotherapy",
}


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    text: str
    html: str


def _day(value: datetime) -> str:
    return f"{value.day} {value:%b %Y}"


def _wrap(value: str, width: int, indent: str) -> str:
    """Greedy word wrap, the first line flush and the rest indented; a word longer than a line is
    cut. Same lines as ``textwrap.wrap(..., break_on_hyphens=False)`` for single-spaced text (a
    test holds that), at a fifth of the cost: textwrap's regex chunking was a fifth of a digest."""
    words = value.split()
    if not words:
        return ""
    lines: list[str] = []
    line = ""
    for word in words:
        room = width - (len(indent) if lines else 0)
        if line and len(line) + 1 + len(word) <= room:
            line = f"{line} {word}"
            continue
        if line and len(word) > room and room - len(line) - 1 > 0:
            # A word that fits no line starts on this one, as textwrap does.
            space = room - len(line) - 1
            line, word = f"{line} {word[:space]}", word[space:]
        if line:
            lines.append(line)
            room = width - len(indent)
        while len(word) > room:
            lines.append(word[:room])
            word = word[room:]
            room = width - len(indent)
        line = word
    lines.append(line)
    return "\n".join([lines[0], *(indent + rest for rest in lines[1:])])


@cache
def environment(*, html: bool = True) -> Environment:
    """The template environment, built on first use (no I/O at import time). HTML templates
    autoescape; the plain-text ones must not (the text part would show ``&lt;``)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["day"] = _day
    env.filters["wrap"] = _wrap
    return env


@cache
def _inliner() -> css_inline.CSSInliner:
    # Remote stylesheets are never fetched; @media rules stay in a <style> for clients that read it.
    return css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True)


def topics(digest: Digest) -> str:
    """``CAR-T and gene therapy``, ``CAR-T, vaccines and 2 more`` or ``your therapy types``."""
    names = [SUBJECT_NAMES.get(s.slug, s.name.lower()) for s in digest.sections]
    if not names:
        sub = digest.subscriber
        names = [SUBJECT_NAMES[s] for s in sub.therapies] if not sub.all_therapies else []
    if not names:
        return "New therapies"
    if len(names) > 3:
        names = [*names[:2], f"{len(names) - 2} more"]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return text[0].upper() + text[1:]


def subject_line(text: str) -> str:
    """One line, no control or format characters, at most SUBJECT_LIMIT characters (item 29/42)."""
    cleaned = "".join(
        c for c in one_line(text) if not (0x200B <= ord(c) <= 0x200F or 0x202A <= ord(c) <= 0x202E)
    )
    cleaned = " ".join(cleaned.replace("\u2028", " ").replace("\u2029", " ").split())
    return cleaned if len(cleaned) <= SUBJECT_LIMIT else cleaned[: SUBJECT_LIMIT - 1].rstrip() + "…"


def _context(digest: Digest, links: dict[str, str]) -> dict[str, Any]:
    sub = digest.subscriber
    start_local = digest.window_start.astimezone(ZoneInfo(sub.timezone))
    count = digest.card_count
    period = f"since {_day(start_local)}" if digest.catch_up else digest.period.label
    topic_text = topics(digest)
    noun = "story" if count == 1 else "stories"
    intro = f"{count} new {noun} since {start_local:%A} {_day(start_local)}." if count else ""
    if digest.catch_up:
        intro += " This digest covers everything since your last one."
    return {
        "digest": digest,
        "links": links,
        "count": count,
        "period": period,
        "topics": topic_text,
        "heading": f"{topic_text}, {period}",
        "intro": intro.strip() or f"Your digest for {period}.",
        "email": sub.email,
        "frequency": sub.frequency,
    }


def render(digest: Digest, links: dict[str, str], *, subject: str | None = None) -> Rendered:
    """Subject, plain-text part and HTML part (CSS inlined) of ``digest``.

    ``links`` holds the subscriber's ``preferences_url``, ``unsubscribe_url`` and ``feed_url``;
    ``subject`` replaces the digest's own subject line (alerts name their story).
    """
    text_env = environment(html=False)
    ctx = _context(digest, links)
    subject = subject_line(subject or text_env.get_template("subject.txt").render(ctx))
    text = text_env.get_template("digest.txt").render(ctx)
    html = environment().get_template("digest.html").render(ctx | {"subject": subject})
    return Rendered(subject=subject, text=text, html=_inliner().inline(html))
