"""Main-content extraction: furniture built around the seed stories is removed, the story stays.

The seed texts are read from ../shared/seeds at run time; the pages around them (menus printed
twice, related-article boxes, newsletter boxes, comment threads, a body printed twice) are built
here, the way the seeds' own sites lay them out.
"""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrapers import site_rules
from scrapers.extract import extract, tidy_text
from scrapers.site_rules import SiteRule
from service.entrypoints.cli import main
from service.errors import ExtractError


def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def seed_paragraphs(shared: Path, prefix: str) -> list[str]:
    path = next((shared / "seeds").glob(f"{prefix}_*.txt"))
    return [" ".join(line.split()) for line in path.read_text("utf-8").splitlines() if line.strip()]


def is_prose(line: str) -> bool:
    return len(line.split()) >= 12


def ps(lines: list[str]) -> str:
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)


def links(lines: list[str]) -> str:
    return "\n".join(f'<li><a href="/{i}">{html.escape(line)}</a></li>' for i, line in enumerate(lines))


def page(title: str, body: str, *, head: str = "", before: str = "", after: str = "") -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Example Health</title>{head}</head><body>
<header class="site-header">{before}</header>
<main><article><h1>{html.escape(title)}</h1>{body}</article>{after}</main>
<footer class="site-footer"><p>© Example Health. All rights reserved.</p></footer></body></html>"""


def assert_story_kept(text: str, story: list[str]) -> None:
    got = norm(text)
    for line in story:
        assert norm(line) in got, f"story paragraph lost: {line[:80]!r}"


def test_specialty_menu_printed_twice_is_removed(shared: Path) -> None:
    lines = seed_paragraphs(shared, "000")
    menu = [line.lstrip("• ").strip() for line in lines if line.startswith("•") and len(line.split()) <= 6]
    story = [line for line in lines if is_prose(line) and not line.startswith("•")]
    nav = f'<nav class="main-menu"><ul>{links(menu)}</ul></nav>'
    doc = page("Gene therapy for beta-thalassemia", ps(story), before=nav, after=f"<div>{nav}</div>")
    text = extract(doc).text
    assert_story_kept(text, story)
    paragraphs = {norm(p) for p in text.split("\n\n")}
    leaked = [m for m in menu if norm(m) in paragraphs]
    assert not leaked, f"menu items leaked into the text: {leaked[:5]}"


def test_related_articles_and_newsletter_box_are_removed(shared: Path) -> None:
    lines = seed_paragraphs(shared, "001")
    cut = next(i for i, line in enumerate(lines) if "related" in line.lower())
    story = [line for line in lines[:cut] if is_prose(line)][1:]  # the first one is the standfirst
    newsletter = [line for line in lines[:cut] if not is_prose(line)][-4:]
    related = lines[cut + 1 :]
    box = (
        '<div class="newsletter-signup"><h3>' + html.escape(newsletter[0]) + "</h3>"
        + ps(newsletter[1:])
        + '<form><input type="email"><button>Subscribe</button></form></div>'
    )  # fmt: skip
    rel = (
        '<section class="related-articles"><h2>More</h2>'
        + "".join(
            f'<div class="card"><h3><a href="/r{i}">{html.escape(t)}</a></h3><p>{html.escape(s)}</p></div>'
            for i, (t, s) in enumerate(zip(related[::2], related[1::2], strict=False))
        )
        + "</section>"
    )
    text = extract(page("CAR-T for acquired hemophilia A", ps(story) + box, after=rel)).text
    assert_story_kept(text, story)
    for line in newsletter + related:
        assert norm(line) not in norm(text), f"furniture kept: {line[:60]!r}"


def test_comment_thread_is_removed(shared: Path) -> None:
    lines = seed_paragraphs(shared, "003")
    cut = next(i for i, line in enumerate(lines) if "comment" in line.lower())
    story = [line for line in lines[:cut] if is_prose(line)]
    comments = [line for line in lines[cut + 1 :] if is_prose(line)]
    thread = (
        '<section id="comments" class="comments-area"><h2>Comments</h2><ol class="comment-list">'
        + "".join(
            f'<li class="comment"><div class="comment-author">Reader {i}</div><p>{html.escape(c)}</p></li>'
            for i, c in enumerate(comments)
        )
        + "</ol></section>"
    )
    text = extract(page("Cell-based immune therapy in leukemia", ps(story), after=thread)).text
    assert_story_kept(text, story)
    got = norm(text)
    kept = [c for c in comments if norm(c) in got]
    assert not kept, f"{len(kept)} comments kept, e.g. {kept[0][:60]!r}"
    # The classifier must not see the thread's talk of vaccines and radiation under a CAR-T story.
    assert "vaccine" not in got and "radiation" not in got


def test_body_printed_twice_is_kept_once(shared: Path) -> None:
    lines = seed_paragraphs(shared, "004")
    second = lines.index(lines[1], 2)  # the body starts again here
    body = lines[1:second]
    doc = page(lines[0], ps(body) + '<div class="article-content">' + ps(body) + "</div>")
    text = extract(doc).text
    got = norm(text)
    for line in body:
        if is_prose(line):
            assert got.count(norm(line)) == 1, f"not exactly once: {line[:60]!r}"


def test_all_seeds_keep_their_story_inside_a_busy_page(shared: Path) -> None:
    lines = seed_paragraphs(shared, "002")
    cut = next(i for i, line in enumerate(lines) if "may like" in line.lower())
    story = [line for line in lines[:cut] if is_prose(line)]
    liked = [line for line in lines[cut + 1 :] if not is_prose(line)][:4]
    after = f'<aside class="sidebar"><h3>You may like</h3><ul>{links(liked)}</ul></aside>'
    after += '<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div>'
    text = extract(page(lines[0], ps(story), after=after)).text
    assert_story_kept(text, story)
    for line in liked:
        assert norm(line) not in norm(text)


def test_metadata_from_json_ld_meta_and_markup() -> None:
    head = """
<link rel="canonical" href="/news/story-1">
<meta name="author" content="By A. Writer">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Example Health"},
 {"@type": "NewsArticle", "headline": "A headline from JSON-LD",
  "datePublished": "2025-03-04T10:15:00+01:00", "author": {"@type": "Person", "name": "Jo Reporter"}}]}
</script>"""
    body = "<p>" + "A sentence about a new cell therapy trial in children. " * 10 + "</p>"
    got = extract(page("Headline", body, head=head), "https://news.example.org/a/b?x=1")
    assert got.title == "A headline from JSON-LD"
    assert got.author == "Jo Reporter"
    assert got.published == datetime(2025, 3, 4, 9, 15, tzinfo=UTC)
    assert got.canonical_url == "https://news.example.org/news/story-1"
    assert got.language == "en"
    assert got.text.startswith("A sentence about a new cell therapy")


def test_metadata_falls_back_to_meta_tags_and_time() -> None:
    head = '<meta property="og:title" content="OG title"><meta http-equiv="content-language" content="de">'
    body = '<p><time datetime="2024-12-01">1 Dec</time></p><p>' + "Ein Satz über eine Studie. " * 12 + "</p>"
    doc = page("Headline", body, head=head).replace('<html lang="en">', "<html>")
    got = extract(doc.encode("utf-8"))
    assert got.title == "OG title"
    assert got.published == datetime(2024, 12, 1, tzinfo=UTC)
    assert got.language == "de"
    assert got.canonical_url is None and got.author is None


def test_declared_charset_is_honoured() -> None:
    body = "<p>" + "Fièvre et thérapie génique à l'hôpital, une étude récente. " * 6 + "</p>"
    doc = page("Étude", body).replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1")
    assert "thérapie génique" in extract(doc).text


def test_empty_page_is_a_clear_error() -> None:
    with pytest.raises(ExtractError, match="empty"):
        extract(b"   ", "https://example.org/x")


def test_tidy_text_rules() -> None:
    long_a = (
        "A paragraph long enough to count as prose, repeated when a page prints its body twice, " * 2
    ).strip()
    long_b = (
        "Another paragraph of the story with enough words to be a real paragraph of prose text, " * 2
    ).strip()
    text = "\n\n".join(["The Title", long_a, "Heading", long_b, long_a, "Heading", long_b, "Read more"])
    assert tidy_text(text, "The title").split("\n\n") == [long_a, "Heading", long_b, "Read more"]
    menu = "\n\n".join(f"Item {i}" for i in range(10))
    assert tidy_text(menu + "\n\n" + long_a, None) == long_a
    assert tidy_text("\n\n".join(f"Item {i}" for i in range(5)), None).count("Item") == 5


# Site rules ------------------------------------------------------------------------------------

RULED = """<html lang="en"><head><title>Page title</title>
<meta property="article:published_time" content="2020-01-01T00:00:00Z"></head><body>
<h1 class="headline">Rule headline</h1><time class="stamp" datetime="2025-06-02T08:00:00Z">2 June</time>
<div class="story"><p>Story paragraph one, from the rule's body selector.</p>
<div class="promo"><p>A promotion inside the body that the rule drops.</p></div>
<p>Story paragraph two.</p></div>
<div class="other"><p>Text outside the rule's body that the generic extractor might have taken.</p></div>
</body></html>"""
TEST_RULES = (
    SiteRule(domain="example.org", body=".other"),
    SiteRule(domain="news.example.org", body=".story", title=".headline", date=".stamp", drop=".promo"),
)


def test_site_rule_table_is_sorted_and_parses() -> None:
    assert site_rules.check_rules() == []
    assert site_rules.check_rules(tuple(reversed(TEST_RULES))) != []
    assert site_rules.check_rules([SiteRule(domain="a.org", body="p[")]) != []


def test_longest_matching_domain_wins() -> None:
    assert site_rules.rule_for("https://www.news.example.org/a", TEST_RULES) is TEST_RULES[1]
    assert site_rules.rule_for("https://deep.news.example.org/a", TEST_RULES) is TEST_RULES[1]
    assert site_rules.rule_for("https://example.org/a", TEST_RULES) is TEST_RULES[0]
    assert site_rules.rule_for("https://notexample.org/a", TEST_RULES) is None
    assert site_rules.rule_for(None, TEST_RULES) is None


def test_site_rule_takes_precedence_over_generic_and_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_rules, "RULES", TEST_RULES)
    got = extract(RULED, "https://news.example.org/story")
    assert got.text == "Story paragraph one, from the rule's body selector.\n\nStory paragraph two."
    assert got.title == "Rule headline"
    assert got.published == datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
    assert got.language == "en"  # not a rule field: always the page's metadata


def test_site_rule_that_matches_nothing_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        site_rules, "RULES", (SiteRule(domain="example.com", body=".missing", title=".gone"),)
    )
    got = extract(RULED, "https://example.com/story")
    assert "Story paragraph one" in got.text
    assert got.title == "Rule headline" or got.title == "Page title"
    assert got.published == datetime(2020, 1, 1, tzinfo=UTC)


# Pages of the shared corpus (read at run time) -------------------------------------------------


@pytest.mark.parametrize("name", ["aclu", "guardian-1", "medium-1", "nytimes-1"])
def test_readability_pages_metadata(shared: Path, name: str) -> None:
    base = shared / "corpus/extraction_benchmark/mozilla_readability_test_pages" / name
    expected = json.loads((base / "expected-metadata.json").read_text("utf-8"))
    got = extract((base / "source.html").read_bytes())
    assert norm(got.title or "") == norm(expected["title"])
    assert norm(got.author or "") == norm(expected["byline"])
    if expected.get("publishedTime"):
        assert got.published is not None
        assert got.published.date().isoformat() == expected["publishedTime"][:10]
    assert len(got.text) > 1000


def test_cli_prints_json(tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(RULED, "utf-8")
    result = CliRunner().invoke(main, ["extract", "--url", "https://x.test/a", str(saved)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"title", "text", "published", "canonical_url", "author", "language"}
    assert data["published"] == "2020-01-01T00:00:00+00:00"
    assert data["canonical_url"] == "https://x.test/a"
    assert "Story paragraph two." in data["text"]
    empty = CliRunner().invoke(main, ["extract", "-"], input=b"")
    assert empty.exit_code == 1 and "empty" in empty.output
