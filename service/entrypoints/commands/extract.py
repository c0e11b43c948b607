"""extract: the main text and metadata of a saved page, as JSON (debugging a source, outside checks)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

# A saved page larger than this is not an article; the fetcher caps pages at the same size.
MAX_PAGE_BYTES = 5 * 1024 * 1024


@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--url", help="The page's address: picks site rules and resolves relative links.")
def extract(file: Path, url: str | None) -> None:
    """Print title, text, published, canonical_url, author and language of a saved page (FILE or -)."""
    # Imported here: trafilatura takes about half a second to import, which every other command
    # would pay at start-up.
    from scrapers.extract import extract as extract_page

    if str(file) == "-":
        data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
        name = "standard input"
    else:
        if not file.exists():
            raise click.BadParameter(f"no such file: {file}", param_hint="FILE")
        with file.open("rb") as f:
            data = f.read(MAX_PAGE_BYTES + 1)
        name = str(file)
    if len(data) > MAX_PAGE_BYTES:
        raise click.ClickException(f"extract: {name} is larger than {MAX_PAGE_BYTES} bytes")
    found = extract_page(data, url)
    click.echo(
        json.dumps(
            {
                "title": found.title,
                "text": found.text,
                "published": found.published.isoformat() if found.published else None,
                "canonical_url": found.canonical_url,
                "author": found.author,
                "language": found.language,
            },
            ensure_ascii=False,
            indent=2,
        )
    )


COMMANDS: list[click.Command] = [extract]
