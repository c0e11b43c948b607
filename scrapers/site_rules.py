"""Per-site extraction rules as data: domain -> CSS selectors for body, title, date, furniture.

Precedence (what ``scrapers.extract.extract`` does with a page from ``url``):

1. The rule whose domain is the page's host or the longest parent domain of it wins
   (``news.example.org`` matches ``news.example.org`` before ``example.org``; ``www.`` is ignored).
2. ``drop`` elements are removed first, then ``body`` gives the text (every match, in page order),
   ``title`` the headline and ``date`` the publication date (its ``datetime`` or ``content``
   attribute, else its text).
3. A selector that is empty or matches nothing leaves that field to the generic path: the body to
   the generic extractor, title and date to the page's own metadata (JSON-LD, meta tags, ...).
   Author, canonical URL and language always come from the page's metadata.

Rules are for sources this service follows, never for the domains of the extraction benchmarks
(that would make the benchmark figure meaningless). Keep the table sorted by domain; a test checks
the order and that every selector parses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scrapers.pagemeta import parse_date
from service.text import one_line


@dataclass(frozen=True, slots=True)
class SiteRule:
    """CSS selectors for one domain (and its subdomains); empty means "not set"."""

    domain: str
    body: str = ""
    title: str = ""
    date: str = ""
    drop: str = ""


@dataclass(frozen=True, slots=True)
class RuledPage:
    """What a site rule found on a page; empty fields fall back to the generic path."""

    text: str
    title: str | None
    published: datetime | None


RULES: tuple[SiteRule, ...] = (
    # Northwestern Medicine "Breakthroughs for Physicians" (Weebly): the specialty menu is printed
    # in the header and again in the footer; the story sits in the Weebly content area.
    SiteRule(
        domain="breakthroughsforphysicians.nm.org",
        body="#wsite-content .paragraph, #wsite-content h2, #wsite-content blockquote",
        title="#wsite-content h2.wsite-content-title",
        drop=".wsite-menu-default, .wsite-mobile-menu, #wsite-menus, .blog-sidebar, .blog-comments",
    ),
    # HealthTree newsroom: the article repeats its body in a hidden print block and ends in
    # "Trending Articles" and newsletter boxes.
    SiteRule(
        domain="healthtree.org",
        body="article .article-body",
        title="article h1",
        date="article time",
        drop=".print-only, .trending-articles, .newsletter-signup, .author-box",
    ),
    # MSK news and blog posts: reader comments under every story.
    SiteRule(
        domain="mskcc.org",
        body="article .field--name-body, article .article-body",
        title="h1",
        date="article time",
        drop="#comments, .comments, .related-content, .social-share",
    ),
    # WordPress-based hospital newsrooms share the theme's "entry" classes.
    SiteRule(
        domain="newsroom.clevelandclinic.org",
        body=".entry-content",
        title=".entry-title",
        date="time.entry-date",
        drop=".sharedaddy, .jp-relatedposts, #comments, .newsletter",
    ),
)


def rule_for(url: str | None, rules: Iterable[SiteRule] | None = None) -> SiteRule | None:
    """The rule of ``url``'s host: an exact domain match, else the longest matching parent domain.

    ``rules`` defaults to the module's ``RULES`` table.
    """
    if not url:
        return None
    rules = RULES if rules is None else rules
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    best: SiteRule | None = None
    for rule in rules:
        if (host == rule.domain or host.endswith("." + rule.domain)) and (
            best is None or len(rule.domain) > len(best.domain)
        ):
            best = rule
    return best


def apply_rule(page: str, rule: SiteRule) -> RuledPage:
    """Run ``rule`` on the page's HTML text: drop, then read body, title and date."""
    tree = LexborHTMLParser(page)
    if rule.drop:
        for node in tree.css(rule.drop):
            node.decompose()
    title = None
    if rule.title:
        heading = tree.css_first(rule.title)
        title = one_line(heading.text(separator=" ")) if heading is not None else None
    published = None
    if rule.date:
        for node in tree.css(rule.date):
            raw = node.attributes.get("datetime") or node.attributes.get("content") or node.text()
            published = parse_date(raw or "")
            if published:
                break
    text = ""
    if rule.body:
        text = "\n\n".join(_paragraphs(node) for node in tree.css(rule.body))
    return RuledPage(text=text.strip(), title=title or None, published=published)


_BREAKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "div", "br")


def _paragraphs(node: LexborNode) -> str:
    """Text of a body node with one paragraph per block element."""
    for el in node.css(", ".join(_BREAKS)):
        if el.tag == "br":
            el.replace_with("\n")
        else:
            el.insert_after("\n\n")
            if el.tag == "li":
                el.insert_before("- ")
    lines = [" ".join(part.split()) for part in node.text(deep=True).split("\n\n")]
    return "\n\n".join(line for line in lines if line)


def check_rules(rules: Iterable[SiteRule] | None = None) -> list[str]:
    """Problems with a rule table (default ``RULES``): unsorted or duplicate domains, bad selectors."""
    problems: list[str] = []
    rules = list(RULES if rules is None else rules)
    domains = [r.domain for r in rules]
    if domains != sorted(domains) or len(set(domains)) != len(domains):
        problems.append("site rules: domains must be sorted and unique")
    probe = LexborHTMLParser("<html><body><p>x</p></body></html>")
    for rule in rules:
        for field in ("body", "title", "date", "drop"):
            selector = getattr(rule, field)
            if not selector:
                continue
            try:
                probe.css(selector)
            except Exception as e:  # selectolax raises plain exceptions for bad selectors
                problems.append(f"site rules: {rule.domain} {field} selector {selector!r}: {e}")
    return problems
