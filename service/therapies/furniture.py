"""Find page furniture that slipped through extraction (pure): navigation menus, "Related articles"
and "You may also like" boxes, reader comments, newsletter prompts, and a body printed twice.

``content_spans(text)`` returns the character ranges of ``text`` that are content, with a weight per
range; everything else is ignored by the classifier. The rules read lines, the unit a text extractor
leaves behind:

* a run of three or more short lines (five words or fewer, no sentence punctuation) is a menu;
* a heading such as "Related Articles", "Comments" or "Leave a Reply" ends the article: what follows
  is furniture (when such a heading comes before 150 words of prose, only the short lines after it are);
* a line with newsletter, sharing or cookie wording is furniture, and so is an in-article link line
  ("Read more: ...");
* a line of five words or more that already appeared is a repeat (the title echoed, or a body
  syndicated twice) and is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate
from typing import Final

import ahocorasick_rs

_TAIL: Final = re.compile(
    # (a screen reader's skip link may lead the heading: "Skip next section Explore more")
    r"^(skip (next|this|the) section\s+)?"
    r"(related( articles?| stories| headlines| posts| content| news| reading| coverage| information|"
    r" links| resources| (media |press )?releases| updates| pages)?( (from|on|in|at|about)\b.*)?|"
    r"(articles |stories )?you (may|might) (also )?(like|enjoy)|"
    r"recommended( for you| reading| articles| stories)?|"
    r"more (from|on|in|stories|news|articles|like this)\b.*|read (more|next|also)|further reading|"
    # a section's own list: "More Health stories", "More cancer news"
    r"more [\w&-]+( [\w&-]+)? (stories|news|articles|headlines|coverage)|"
    r"explore more|more to explore|keep reading|what to read next|read this next|don'?t miss|up next|"
    r"more for you|you (may|might) (also )?be interested in|notes? to editors?|"
    r"additional reading|trending( now| articles| stories| topics)?( (in|on)\b.*)?|"
    r"popular( now| stories| articles)?|"
    r"most (read|popular|viewed|shared)|(reader )?comments?( \(\d+\))?|\d+ comments?|"
    r"leave a (reply|comment)|join the (conversation|discussion)|commenting is (disabled|closed)\b.*|"
    r"(latest|recent)( news| stories| articles| posts| headlines)?|see also|editor'?s picks|top stories|"
    r"sources?|references?|"
    # a regulator's or an outlet's other news of the day, listed after the story: "Other recent FDA
    # actions", "Elsewhere at the agency in recent days", "In other news"
    r"other( recent| notable)?( [\w-]+){0,3} (actions|approvals|decisions|news|headlines)( [\w-]+){0,4}|"
    r"elsewhere (at|in|on)\b.*|in other news\b.*|also (in|on|from|approved)\b.*|"
    # a science news site's credit, journal and tag lines and its "Explore further" links
    r"explore further|related news releases|feedback to editors\b.*|provided by\b.*|"
    r"journal information\b.*|tags?:.*|keywords?:.*|suggested( reading| articles| stories| for you)?|"
    r"about the author|related topics|tags|forward[- ]looking statements?|media contacts?|"
    # a press release's regulatory boilerplate on its product's risks ("Fatal complications can occur
    # in patients who receive allogeneic stem cell transplantation before or after ...")
    r"(selected )?important safety information( and indications?| for [\w -]{1,40})?|"
    # "About Children's National Hospital", "About Iovance Biotherapeutics, Inc.": the boilerplate
    # of a press release, after its news ("About the trial" and "About <drug>" are news).
    r"about (?!the\b)[^.!?]{0,60}\b(inc|hospital|therapeutics|biotherapeutics|pharmaceuticals?|pharma|"
    r"biotech|biosciences|university|institute|ltd|limited|plc|ag|corporation|corp|company|group|"
    r"foundation|trust|clinic|health|medical center|medical centre|cancer center|cancer centre)\.?)\s*:?$",
    re.IGNORECASE,
)
_LINK_LINES: Final = (
    "back to",
    "read more",
    "read also",
    "read next",
    "see also:",
    "related:",
    "also read",
    "related articles:",
    "related stories:",
    "related coverage:",
    "you may also like:",
    "you might also like:",
    "recommended:",
    "also on our site",
    "also on this site",
    "more on our site",
    "elsewhere on our site",
    "elsewhere on the site",
    "from our network",
    # a regulator's other decisions of the day, after the story: "Also approved today: Ensacove ..."
    "also approved",
    # a long line of a page's tags ("Tags: Anemia, Cancer, Chemotherapy, Gemcitabine, ...")
    "tags:",
    "keywords:",
    "also today:",
    "also this week:",
    # tickers of other stories and media captions at the head of a page
    "breaking:",
    "ticker:",
    "trending:",
    "just in:",
    "live:",
    "watch:",
    "listen:",
    "photo:",
    "image:",
)
# A short line cut into three or more parts by "|" is a menu or a ticker ("News | Health | Opinion").
_PIPE: Final = "|"
# Newsletter boxes, sharing prompts and legal lines: one of these words or phrases in a short line.
_FURNITURE_WORDS: Final = frozenset(
    {"subscribe", "newsletter", "inbox", "unsubscribe", "cookie", "cookies", "copyright", "advertisement"}
)
_FURNITURE_PHRASES: Final = (
    "sign up",
    "privacy policy",
    "all rights reserved",
    "follow us",
    "share this",
    "download the app",
    "download our app",
    "back to top",
    "click here",
    "log in",
    "sign in",
    "required fields",
    "sponsored content",
)
_FURNITURE_SUBSTRINGS: Final = (*_LINK_LINES, *_FURNITURE_WORDS, *_FURNITURE_PHRASES, _PIPE)
_BULLETS: Final = " \t•-*·>›»<|"
MENU_WORDS: Final = 5
MENU_RUN: Final = 3
ARTICLE_WORDS: Final = 150
# Lines are counted up to this many words: every rule but the prose count before a tail heading only
# asks whether a line is short, and counting a long paragraph in full is most of the cost.
WORD_CAP: Final = 31
HEADLINE_WORDS: Final = 20  # the most words a part of a long link line cut by "|" has (a headline)


# Plain classes with their own __init__, not NamedTuple or dataclass: mypyc compiles these, while
# the generated constructors of those run as interpreted Python (one per line of every text).
class Span:
    """A content range of the text and the weight its matches get (short list-like lines: less)."""

    __slots__ = ("end", "start", "weight")

    def __init__(self, start: int, end: int, weight: float) -> None:
        self.start = start
        self.end = end
        self.weight = weight

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, {self.weight})"


class _Line:
    __slots__ = ("end", "keep", "start", "text", "words")

    def __init__(self, start: int, end: int, text: str, words: int) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.words = words  # at most WORD_CAP: WORD_CAP means that many or more
        self.keep = True


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    # Inside a line of ASCII text the only white space can be " ", a tab or \x1f (the others break
    # lines): without the last two, a stripped ASCII line with no double space has one word more
    # than it has spaces, which counts without building the words.
    plain = "\t" not in text and "\x1f" not in text
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.lstrip(_BULLETS).strip()
        if stripped:
            start = pos + body.find(stripped[:1])
            if plain and stripped.isascii() and "  " not in stripped:
                words = min(stripped.count(" ") + 1, WORD_CAP)
            else:
                words = len(stripped.split(None, WORD_CAP - 1))
            out.append(_Line(start, pos + len(body), stripped, words))
        pos += len(raw)
    return out


_SENTENCE_ENDS: Final = (".", "?", "!", ":", '"', "”")


def _mark_menus(lines: list[_Line]) -> None:
    # A run of MENU_RUN or more short lines that end no sentence is a menu.
    run: list[_Line] = []
    for line in lines:
        if line.words <= MENU_WORDS and not line.text.endswith(_SENTENCE_ENDS):
            run.append(line)
            continue
        if len(run) >= MENU_RUN:
            for li in run:
                li.keep = False
        run.clear()
    if len(run) >= MENU_RUN:
        for li in run:
            li.keep = False


def _mark_tail(lines: list[_Line]) -> None:
    prose = 0
    uncounted: list[_Line] = []  # long prose lines, counted in full only when a tail heading comes
    for i, line in enumerate(lines):
        if line.words > 8 or not _TAIL.match(line.text):
            if line.keep and line.words > MENU_WORDS:
                if line.words < WORD_CAP:
                    prose += line.words
                else:
                    uncounted.append(line)
            continue
        line.keep = False
        # Each uncounted line has WORD_CAP words or more: enough of them make the article without
        # counting (a long page may have a dozen tail headings, each after many paragraphs).
        if prose + WORD_CAP * len(uncounted) < ARTICLE_WORDS:
            prose += sum(len(u.text.split()) for u in uncounted)
        else:
            prose += WORD_CAP * len(uncounted)
        uncounted.clear()
        if prose >= ARTICLE_WORDS:
            for rest in lines[i + 1 :]:
                rest.keep = False
            return
        for rest in lines[i + 1 :]:
            if rest.words >= 25:
                break
            rest.keep = False


def _opens_links(text: str) -> bool:
    """Whether ``text`` opens as a line of links does ("Read more: <headline>"). Only its opening
    is lowercased (the longest opener is 21 characters), so a long line costs no more than a short
    one."""
    return text[:30].lower().startswith(_LINK_LINES)


def _is_link_line(text: str) -> bool:
    """A line of links: "Read more: <headline>" (which sits inside articles too: only that line goes)
    or headlines cut apart by "|"."""
    return _opens_links(text) or text.count(_PIPE) >= 2


def _is_long_link_line(text: str) -> bool:
    """The same for a long line, whose parts after the first must be headline-sized: a paragraph
    ("Q&A | The nurses who ... | ...") may hold two pipes."""
    if _opens_links(text):
        return True
    if text.count(_PIPE) < 2:
        return False
    return all(_headline_sized(part) for part in text.split(_PIPE)[1:])


def _headline_sized(part: str) -> bool:
    return len(part.split(None, HEADLINE_WORDS)) <= HEADLINE_WORDS


# What cuts inline links apart: "|", or one of these dashes and bullets between spaces.
_LINK_DASHES: Final = "-–—•·"
_LINK_SEPARATORS: Final = (_PIPE, *(f" {c} " for c in _LINK_DASHES))
_LINK_SPLIT: Final = re.compile(rf"\||\s[{_LINK_DASHES}]\s")
_INLINE_LINKS: Final = re.compile(
    r"(?:^|(?<=[.!?\"”] ))(?:related(?: articles| stories| coverage| reading)?|read more|read also|"
    r"read next|see also|also read|more on this|you may also like|you might also like|recommended)"
    rf"(?::|\s+[{_LINK_DASHES}|])",
    re.IGNORECASE,
)


def _inline_tail(text: str) -> int:
    """Where a run of links begins after the last sentence of ``text``, or -1: the links' opener
    ("Related:", "RELATED ARTICLES -") and then headline-sized parts cut apart by "|" or dashes;
    the last part may run on into more furniture ("... Sign up to our newsletter")."""
    found = -1
    for m in _INLINE_LINKS.finditer(text):
        found = m.start()
    if found < 0:
        return -1
    parts = _LINK_SPLIT.split(text[found:])
    if len(parts) < 2:
        return -1
    # Of three or more links the last may run on into more furniture; of two, neither.
    links = parts[:-1] if len(parts) > 2 else parts
    return found if all(_headline_sized(part) for part in links) else -1


def _is_furniture_line(low: str) -> bool:
    if _is_link_line(low) or any(p in low for p in _FURNITURE_PHRASES):
        return True
    return not _FURNITURE_WORDS.isdisjoint(w.strip(".,:;!?()") for w in low.split())


@cache
def _furniture_automaton() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(_FURNITURE_SUBSTRINGS, implementation=ahocorasick_rs.Implementation.DFA)


def _furniture_candidates(lines: list[_Line]) -> set[int]:
    """Indexes of the ``lines`` that hold one of the furniture words or phrases: the only ones
    that can be furniture lines (usually none; one automaton pass instead of a scan per line)."""
    if not lines:
        return set()
    # No phrase holds a line break, so a phrase found in the joined text is inside one line.
    joined = "\n".join(li.text for li in lines).lower()
    found = _furniture_automaton().find_matches_as_indexes(joined)
    if not found:
        return set()
    ends = list(accumulate(len(li.text) + 1 for li in lines))
    return {bisect_right(ends, start) for _, start, _ in found}


def _mark_lines(lines: list[_Line]) -> None:
    seen: set[str] = set()
    short = [i for i, li in enumerate(lines) if li.keep and li.words <= 30]
    candidates = {short[j] for j in _furniture_candidates([lines[i] for i in short])}
    for i, line in enumerate(lines):
        if not line.keep:
            continue
        if i in candidates and _is_furniture_line(line.text.lower()):
            line.keep = False
            continue
        if line.words >= WORD_CAP and any(sep in line.text for sep in _LINK_SEPARATORS):
            # A text flattened into one line carries its links inline, at its end ("... as it
            # restores production. Related: <headline> | <headline>"): the line ends before them.
            tail = _inline_tail(line.text)
            if tail > 0:
                line.text = line.text[:tail].rstrip()
                line.end = line.start + len(line.text)
        # A link line can run long ("Related articles: <headline> | <headline> | <headline>",
        # "<cookie notice> Accept all cookies | Reject optional cookies | Cookie settings");
        # shorter ones were read above.
        if line.words >= WORD_CAP and _is_long_link_line(line.text):
            line.keep = False
            continue
        if line.words >= 5:
            key = line.text.casefold()
            if key in seen:
                line.keep = False
            seen.add(key)


def content_spans(text: str) -> list[Span]:
    """The content ranges of ``text`` in order; furniture lines are left out."""
    lines = _lines(text)
    _mark_menus(lines)
    _mark_tail(lines)
    _mark_lines(lines)
    # A short line kept between content lines is a heading or a list item: it counts, but less.
    return [Span(li.start, li.end, 1.0 if li.words > MENU_WORDS else 0.7) for li in lines if li.keep]
