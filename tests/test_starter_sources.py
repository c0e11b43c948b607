"""deploy/starter-sources.opml: parses, every feed is https, and `sources import-opml` takes it."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from service.entrypoints.cli import main
from service.opml import parse_opml

OPML = Path(__file__).resolve().parent.parent / "deploy" / "starter-sources.opml"


def test_starter_list_parses_with_https_urls_only() -> None:
    entries = parse_opml(OPML.read_bytes())
    assert len(entries) >= 15
    for e in entries:
        parts = urlsplit(e.url)
        assert parts.scheme == "https" and parts.hostname, e.url
        assert e.kind == "feed"
    assert len({e.url for e in entries}) == len(entries)
    assert len({e.name for e in entries}) == len(entries)


def test_starter_list_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THERAPYWATCH_DATABASE_URL", f"sqlite:///{tmp_path / 'starter.db'}")
    runner = CliRunner()
    result = runner.invoke(main, ["sources", "import-opml", str(OPML)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(main, ["sources", "list", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    urls = {row["url"] for row in json.loads(listed.output)}
    assert urls == {e.url for e in parse_opml(OPML.read_bytes())}
    again = runner.invoke(main, ["sources", "import-opml", str(OPML)])
    assert again.exit_code == 0, again.output
    assert len(json.loads(runner.invoke(main, ["sources", "list", "--format", "json"]).output)) == len(urls)
