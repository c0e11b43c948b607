"""Article page -> title, main text, date, canonical URL, author, language.

The recipe (measured choices, see ``tests/benchmarks/extraction.py``):

1. decode the bytes and parse once with lxml;
2. read the metadata (``scrapers.pagemeta``) before anything is removed;
3. site rules first: when the page's domain has a rule (``scrapers.site_rules``), its selectors pick
   the body, title and date and drop the furniture they name;
4. otherwise prune page furniture (navigation, link lists, comment threads, newsletter and share
   boxes, related-article boxes) and hand the pruned tree to trafilatura's main-content search
   (``fast=True``: its own fallbacks cost time and, after our pruning, quality);
5. when that returns too little, our own densest-block extractor over the same pruned tree;
6. tidy the text: the headline is a field of its own, paragraphs repeated on the page (a body
   printed twice) are kept once, long runs of menu-like short lines are dropped.

Pure: bytes in, a value out.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from scrapers import site_rules
from scrapers.pagemeta import read_meta
from service.errors import ExtractError
from service.models import Extraction
from service.text import clean_text, one_line

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# Elements that never carry article prose.
_NEVER_TEXT = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "form", "button", "select", "input", "textarea", "nav", "aside", "footer", "dialog",
)  # fmt: skip
# class/id words of page furniture (whole words of the attribute split on - _ and spaces).
_FURNITURE_WORDS = frozenset(
    {
        "comment", "comments", "commentlist", "disqus", "respond", "reply", "replies",
        "related", "recommended", "recommendations", "trending", "popular", "mostread", "outbrain",
        "taboola", "newsletter", "subscribe", "subscription", "signup", "sharing", "share",
        "social", "sharebar", "sidebar", "promo", "advert", "advertisement", "ad", "ads", "sponsor",
        "sponsored", "cookie", "cookies", "consent", "breadcrumb", "breadcrumbs", "menu", "navbar",
        "nav", "navigation", "footer", "masthead", "popup", "modal", "banner", "paywall", "tags",
        "skip", "print", "toolbar", "pagination", "pager",
    }
)  # fmt: skip
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "。", "！", "？")
_WORD_SPLIT = re.compile(r"[\s\-_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption", "td")
# Comments split text nodes, and trafilatura cuts a paragraph at the first one: drop them at parse.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
_MIN_TEXT = 200  # fewer characters than this from trafilatura -> try our own extractor too


def extract(html: bytes | str, url: str | None = None) -> Extraction:
    """Extract the article of one page. ``url`` is the page's address (site rules, relative links).

    Raises ``ExtractError`` when the input is empty or cannot be parsed as HTML.
    """
    page = decode_html(html) if isinstance(html, bytes) else html
    tree = parse_html(page, url)
    meta = read_meta(tree, url)
    rule = site_rules.rule_for(url)
    ruled = site_rules.apply_rule(page, rule) if rule else None
    headings = [one_line(h.text_content()) for h in tree.iter("h1")][:3]
    text = ruled.text if ruled and ruled.text else _generic_text(page, tree)
    title = (ruled.title if ruled else None) or meta.title
    return Extraction(
        title=title,
        text=tidy_text(text, title, *headings),
        published=(ruled.published if ruled else None) or meta.published,
        canonical_url=meta.canonical_url,
        author=meta.author,
        language=meta.language,
    )


def parse_html(page: str, url: str | None = None) -> lxml_html.HtmlElement:
    """Parse a whole page (already decoded) with lxml."""
    text = _XML_DECL.sub("", clean_text(page), count=1)
    if not text.strip():
        raise ExtractError(f"extract: the page is empty ({url or 'no URL'})")
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as e:
        raise ExtractError(f"extract: cannot parse the page as HTML ({url or 'no URL'}): {e}") from e


def decode_html(data: bytes) -> str:
    """Bytes of a page as text: a BOM or ``<meta charset>`` wins, then UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii").lower(), errors="replace")
        except LookupError:
            pass  # an unknown charset name: fall through to the guesses
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _generic_text(page: str, tree: lxml_html.HtmlElement) -> str:
    prune_furniture(tree)
    found = trafilatura.extract(
        tree,
        include_comments=False,
        include_tables=True,
        fast=True,
        deduplicate=False,
        with_metadata=False,
        output_format="txt",
    )
    text = (found or "").replace("\n", "\n\n")
    if len(text) < _MIN_TEXT:
        # trafilatura changes the tree it is given: search a fresh parse of the page
        spare = parse_html(page)
        prune_furniture(spare)
        own = densest_block_text(spare)
        if len(own) > len(text):
            return own
    return text


def prune_furniture(tree: lxml_html.HtmlElement) -> None:
    """Remove page furniture in place: never-text tags, furniture-named boxes and link lists.

    A furniture-named element that holds most of the page's paragraph text is kept: some sites
    put "sidebar" or "share" words on the wrapper of the whole story.
    """
    for el in list(tree.iter(*_NEVER_TEXT)):
        if el.tag in ("form",) and _has_article_text(el):
            continue  # ASP.NET pages wrap the whole page in one <form>
        _remove(el)
    body = tree.find("body")
    total = _para_chars(body if body is not None else tree)
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main"):
            continue
        if el.getparent() is None or not _furniture_named(el):
            continue
        if total and _para_chars(el) > 0.4 * total:
            continue
        _remove(el)
    for el in list(tree.iter("ul", "ol")):
        if el.getparent() is not None and _is_link_list(el):
            _remove(el)


def _furniture_named(el: lxml_html.HtmlElement) -> bool:
    attrs = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    if not attrs.strip():
        return False
    words = {w.lower() for w in _WORD_SPLIT.split(_CAMEL.sub(" ", attrs)) if w}
    return not words.isdisjoint(_FURNITURE_WORDS)


def _has_article_text(el: lxml_html.HtmlElement) -> bool:
    return sum(len(p.text_content()) for p in el.iter("p")) > 500


def _para_chars(el: lxml_html.HtmlElement) -> int:
    """Characters in paragraphs, or in all text when the page has no <p> (Blogger, old CMSs)."""
    return sum(len(p.text_content()) for p in el.iter("p")) or len(el.text_content()) // 4


def _is_link_list(el: lxml_html.HtmlElement) -> bool:
    """A list of at least three items whose text is mostly links: a menu or a "more stories" box."""
    items = [li for li in el if li.tag == "li"]
    if len(items) < 3:
        return False
    text = len(" ".join(el.text_content().split()))
    links = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return text > 0 and links / text > 0.6


def _remove(el: lxml_html.HtmlElement) -> None:
    """Drop an element but keep its tail text (it belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def densest_block_text(tree: lxml_html.HtmlElement) -> str:
    """Our own main-content search: the element whose paragraphs hold the most non-link text.

    Each paragraph scores its length less its link text; its parent gets the score and its
    grandparent half of it. The best-scoring element's text blocks are returned in order.
    """
    scores: dict[lxml_html.HtmlElement, float] = {}
    for p in tree.iter("p", "pre", "blockquote"):
        text = " ".join(p.text_content().split())
        if len(text) < 25:
            continue
        links = sum(len(" ".join(a.text_content().split())) for a in p.iter("a"))
        value = len(text) - 2 * links + 10 * text.count(",")
        parent = p.getparent()
        if parent is None or value <= 0:
            continue
        scores[parent] = scores.get(parent, 0.0) + value
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + value / 2
    if not scores:
        return ""
    best = max(scores, key=lambda el: scores[el])
    return _block_text(best)


def _block_text(root: lxml_html.HtmlElement) -> str:
    """Text of ``root`` as paragraphs: one per block element, nested blocks not repeated."""
    out: list[str] = []
    for el in root.iter(*_BLOCKS):
        if any(anc.tag in _BLOCKS for anc in el.iterancestors()) and el.tag not in ("li", "td"):
            continue
        if el.tag in ("li", "td") and any(anc.tag in ("li", "td") for anc in el.iterancestors()):
            continue
        text = one_line(el.text_content())
        if text:
            out.append(("- " + text) if el.tag == "li" else text)
    if not out:
        out = [one_line(root.text_content())]
    return "\n\n".join(t for t in out if t)


def _norm(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.lower()))


def tidy_text(text: str, *headlines: str | None) -> str:
    """Final clean-up of extracted text (pure).

    - a first paragraph equal to one of ``headlines`` is dropped (the title is its own field);
    - a paragraph seen before on the page is dropped (bodies printed twice, repeated pull quotes);
      short lines (headings, bullets) are dropped when they sit inside such a repeated stretch;
    - a run of eight or more short link-like lines (a menu that survived pruning) is dropped.
    """
    paras = [p.strip() for p in re.split(r"\n\s*\n", clean_text(text)) if p.strip()]
    heads = {_norm(h) for h in headlines if h}
    if paras and _norm(paras[0]) in heads:
        paras = paras[1:]
    paras = _drop_repeats(paras)
    paras = _drop_menu_runs(paras)
    return "\n\n".join(paras)


_LONG = 100  # a repeated paragraph this long is a copy, not a refrain


def _drop_repeats(paras: list[str]) -> list[str]:
    seen: set[str] = set()
    keep: list[bool] = []
    repeated: list[bool] = []
    for p in paras:
        key = _norm(p)
        rep = bool(key) and key in seen
        repeated.append(rep)
        keep.append(not (rep and len(key) >= _LONG))
        seen.add(key)
    # Short repeated lines inside a stretch of dropped long ones go with it (headings of a body
    # printed twice); short repeats elsewhere ("Read more", list labels) are left to the reader.
    last_long_dropped = False
    for i, p in enumerate(paras):
        if len(_norm(p)) >= _LONG:
            last_long_dropped = not keep[i]
        elif repeated[i] and last_long_dropped:
            keep[i] = False
    return [p for p, k in zip(paras, keep, strict=True) if k]


def _is_menu_line(p: str) -> bool:
    words = p.lstrip("-• ").split()
    return 0 < len(words) <= 4 and len(p) <= 40 and not p.rstrip().endswith(_SENTENCE_END)


def _drop_menu_runs(paras: list[str], run: int = 8) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and _is_menu_line(paras[j]):
            j += 1
        if j - i >= run:
            i = j
            continue
        out.extend(paras[i : max(j, i + 1)])
        i = max(j, i + 1)
    return out
