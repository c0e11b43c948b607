"""sources admin: validation, duplicate warnings, enable/disable/remove, OPML round trip."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from service.entrypoints.cli import main


def _run(db_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"THERAPYWATCH_DATABASE_URL": db_url})
    return result.exit_code, result.output


def test_add_trims_and_rejects_non_http(db_url: str) -> None:
    code, out = _run(db_url, "sources", "add", "  https://www.fda.gov/feed.xml \n", "--name", "fda")
    assert code == 0, out
    code, out = _run(db_url, "sources", "list", "--format", "json")
    [row] = json.loads(out)
    assert row["url"] == "https://www.fda.gov/feed.xml"
    assert {"name", "url", "enabled", "last_status", "error_count", "last_error", "next_check_at"} <= set(row)
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "ftp://x.example/f", "https://", "not a url"):
        code, out = _run(db_url, "sources", "add", bad)
        assert code != 0, bad
        assert "sources:" in out or "Error" in out
        assert "Traceback" not in out


def test_probable_duplicates_warn(db_url: str) -> None:
    assert _run(db_url, "sources", "add", "https://example.org/news/feed", "--name", "a")[0] == 0
    for twin, name in (
        ("http://example.org/news/feed/", "b"),
        ("https://Example.org/news/feed?utm_source=x", "c"),
    ):
        code, out = _run(db_url, "sources", "add", twin, "--name", name)
        assert code == 0, out
        assert "same feed as source 'a'" in out
    code, out = _run(db_url, "sources", "add", "https://example.org/news/feed", "--name", "d")
    assert code == 1 and "already uses that name or URL" in out


def test_enable_disable_remove(db_url: str) -> None:
    _run(db_url, "sources", "add", "https://a.example/rss", "--name", "a", "--interval", "30m")
    assert "disabled 'a'" in _run(db_url, "sources", "disable", "a")[1]
    shown = json.loads(_run(db_url, "sources", "show", "a")[1])[0]
    assert shown["enabled"] is False and shown["interval_seconds"] == 1800
    assert "enabled 'a'" in _run(db_url, "sources", "enable", "a")[1]
    assert "removed 'a'" in _run(db_url, "sources", "remove", "a")[1]
    code, out = _run(db_url, "sources", "show", "a")
    assert code == 1 and "no source named 'a'" in out


def test_listing_needs_item_selector(db_url: str) -> None:
    code, out = _run(db_url, "sources", "add", "https://h.example/news", "--kind", "listing")
    assert code == 2 and "--item-selector" in out


def test_opml_round_trip(db_url: str, tmp_path: Path) -> None:
    opml = tmp_path / "in.opml"
    opml.write_text(
        """<?xml version="1.0"?>
<opml version="2.0"><head><title>x</title></head><body>
  <outline text="Regulators">
    <outline text="FDA press" type="rss" xmlUrl="https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/press-releases/rss.xml"/>
    <outline text="EMA news" type="rss" xmlUrl="https://www.ema.europa.eu/en/news.xml"/>
  </outline>
  <outline text="Broken" type="rss" xmlUrl="gopher://old.example/feed"/>
  <outline text="No URL"/>
</body></opml>""",
        encoding="utf-8",
    )
    code, out = _run(db_url, "sources", "import-opml", str(opml))
    assert code == 0, out
    assert "2 sources added, 1 skipped" in out
    assert "2 sources added, 1 skipped" not in _run(db_url, "sources", "import-opml", str(opml))[1]
    exported = tmp_path / "out.opml"
    assert _run(db_url, "sources", "export-opml", "-o", str(exported))[0] == 0
    code, out = _run(f"sqlite:///{tmp_path / 'other.db'}", "sources", "import-opml", str(exported))
    assert "2 sources added, 0 skipped" in out
    names = {
        r["name"]
        for r in json.loads(
            _run(f"sqlite:///{tmp_path / 'other.db'}", "sources", "list", "--format", "json")[1]
        )
    }
    assert names == {"FDA press", "EMA news"}


def test_opml_with_entities_is_not_expanded(db_url: str, tmp_path: Path) -> None:
    evil = tmp_path / "evil.opml"
    evil.write_text(
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/f"/></body></opml>'
    )
    out = _run(db_url, "sources", "import-opml", str(evil))[1]
    assert "root:" not in out
    listed = _run(db_url, "sources", "list", "--format", "json")[1]
    assert "root:" not in listed


def test_a_claim_returns_every_column_a_source_is_made_of() -> None:
    # Claims return SOURCE_COLUMNS only (for speed): they must hold every field of Source, or a
    # field added to Source would come back as its default from every claim.
    from dataclasses import fields

    from service.models import Source
    from service.store.sources import SOURCE_COLUMNS

    assert {c.name for c in SOURCE_COLUMNS} == {f.name for f in fields(Source)}
