"""RELIABILITY.md section 5, items 44-58: hostile operator input through the admin CLI, on SQLite and
PostgreSQL. Assertions are on the exit code, the one-line message and what the database holds."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, func, select

from service.entrypoints.cli import main
from service.store.schema import sources, subscribers

pytestmark = pytest.mark.usefixtures("engine")


def cli(db_url: str, *args: str, input: str | bytes | None = None) -> Result:
    env = {"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "hostile-secret"}
    return CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)


def rows(engine: Engine, table) -> list[dict]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table))]


def one_line_error(result: Result) -> str:
    assert result.exit_code != 0
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_44_header_injection_in_email_rejected(engine: Engine, db_url: str) -> None:
    r = cli(db_url, "subscribers", "add", "alice@example.org\r\nBcc: x@evil.example")
    assert "control characters" in one_line_error(r)
    assert rows(engine, subscribers) == []


def test_45_display_name_form_never_stored_raw(engine: Engine, db_url: str) -> None:
    r = cli(db_url, "subscribers", "add", '"Alice Example" <alice@example.org>')
    stored = rows(engine, subscribers)
    if r.exit_code == 0:
        assert [s["email"] for s in stored] == ["alice@example.org"]
    else:
        one_line_error(r)
        assert stored == []


def test_46_case_variant_is_the_same_subscriber(engine: Engine, db_url: str) -> None:
    assert cli(db_url, "subscribers", "add", "alice@example.org").exit_code == 0
    r = cli(db_url, "subscribers", "add", "ALICE@Example.ORG")
    assert r.exit_code == 0 and "already subscribed" in r.output
    assert len(rows(engine, subscribers)) == 1


def test_47_idn_domain_stored_as_unicode(engine: Engine, db_url: str) -> None:
    r = cli(db_url, "subscribers", "add", "user@exämple.org")
    assert r.exit_code == 0, r.output
    [s] = rows(engine, subscribers)
    assert s["email"] == "user@exämple.org"


def test_47b_homoglyph_domain_warned(engine: Engine, db_url: str) -> None:
    added = cli(db_url, "subscribers", "add", "user@ex\u0430mple.org")  # Cyrillic a
    assert added.exit_code == 0 and "Cyrillic and Latin" in added.output
    r = cli(db_url, "subscribers", "list")
    assert "warning" in r.output.lower()
    cli(db_url, "subscribers", "add", "user@exämple.org")  # all Latin: an IDN, not a lookalike
    assert cli(db_url, "subscribers", "list").output.lower().count("warning:") == 1


@pytest.mark.parametrize("address", ["x" * 10_000 + "@example.org", "", "@", "a@b", "a@[127.0.0.1]"])
def test_48_malformed_addresses_rejected(engine: Engine, db_url: str, address: str) -> None:
    r = cli(db_url, "subscribers", "add", address)
    line = one_line_error(r)
    assert len(line) < 400  # the 10 000-character address is not echoed back in full
    assert rows(engine, subscribers) == []


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "gopher://127.0.0.1:70/", "javascript:alert(1)", "ftp://ftp.example.org/feed"],
)
def test_49_non_http_feed_urls_rejected(engine: Engine, db_url: str, url: str) -> None:
    r = cli(db_url, "sources", "add", url)
    assert "only http" in one_line_error(r)
    assert rows(engine, sources) == []


def test_50_credentials_in_feed_url_refused_and_never_echoed(engine: Engine, db_url: str) -> None:
    r = cli(db_url, "sources", "add", "http://user:s3cr3t-pw@feeds.example.org/feed")
    line = one_line_error(r)
    assert "s3cr3t-pw" not in line
    assert rows(engine, sources) == []
    listing = cli(db_url, "sources", "list", "--format", "json")
    assert "s3cr3t-pw" not in listing.output


def test_51_pasted_whitespace_trimmed_inner_newline_rejected(engine: Engine, db_url: str) -> None:
    ok = cli(db_url, "sources", "add", "  https://feeds.example.org/rss \n", "--name", "pasted")
    assert ok.exit_code == 0, ok.output
    assert [s["url"] for s in rows(engine, sources)] == ["https://feeds.example.org/rss"]
    bad = cli(db_url, "sources", "add", "https://feeds.example.org/a\nb", "--name", "newline")
    one_line_error(bad)
    assert len(rows(engine, sources)) == 1


@pytest.mark.parametrize(
    "variant",
    [
        "https://feeds.example.org/rss/",
        "http://feeds.example.org/rss",
        "https://feeds.example.org/rss?utm_source=x",
    ],
)
def test_52_probable_duplicate_warned(engine: Engine, db_url: str, variant: str) -> None:
    assert cli(db_url, "sources", "add", "https://feeds.example.org/rss", "--name", "first").exit_code == 0
    r = CliRunner().invoke(
        main, ["sources", "add", variant, "--name", "second"],
        env={"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "k"},
    )  # fmt: skip
    assert "same feed as source 'first'" in r.stderr


def _csv(n_good: int, bad_row: bool) -> bytes:
    lines = ["email;name;therapies"]
    for i in range(n_good):
        lines.append(f'reader{i}@example.org;"Reader; number {i}, esq.";car-t')
    if bad_row:
        lines.insert(n_good // 2 + 1, "not-an-address;Bad Row;car-t")
    return "\ufeff".encode() + "\r\n".join(lines).encode() + b"\r\n"


def _import(engine: Engine, db_url: str, n: int) -> None:
    r = cli(db_url, "subscribers", "import", "-", input=_csv(n, bad_row=True))
    assert r.exit_code != 0 and "not-an-address" in r.output
    assert rows(engine, subscribers) == []  # all or nothing
    ok = cli(db_url, "subscribers", "import", "-", input=_csv(n, bad_row=False))
    assert ok.exit_code == 0, ok.output
    again = cli(db_url, "subscribers", "import", "-", input=_csv(n, bad_row=False))
    assert again.exit_code == 0
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(subscribers)).scalar_one() == n
        name = conn.execute(
            select(subscribers.c.name).where(subscribers.c.email == "reader1@example.org")
        ).scalar()
    assert name == "Reader; number 1, esq."


def test_53_csv_import_all_or_nothing(engine: Engine, db_url: str) -> None:
    _import(engine, db_url, 300)


@pytest.mark.slow
def test_53b_csv_import_hundred_thousand_rows(engine: Engine, db_url: str) -> None:
    _import(engine, db_url, 100_000)


@pytest.mark.parametrize("name", ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)"])
def test_54_csv_export_formula_injection(engine: Engine, db_url: str, name: str) -> None:
    assert cli(db_url, "subscribers", "add", "formula@example.org", "--name", name).exit_code == 0
    out = cli(db_url, "subscribers", "export")
    [row] = list(csv.DictReader(io.StringIO(out.output)))
    assert row["name"] == "'" + name


@pytest.mark.slow
def test_55_concurrent_subscribe_makes_one_row(engine: Engine, db_url: str) -> None:
    env = os.environ | {"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "k"}
    cmd = [sys.executable, "-m", "service", "subscribers", "add", "race@example.org"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    results = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], results
    assert len(rows(engine, subscribers)) == 1


def test_56_unsubscribe_unknown_address(engine: Engine, db_url: str) -> None:
    r = cli(db_url, "subscribers", "remove", "nobody@example.org")
    assert r.exit_code == 0 and "not subscribed" in r.output


@pytest.mark.parametrize("zone", ["Mars/Olympus", "UTC+5", "../../etc/passwd"])
def test_57_bad_time_zones_rejected(engine: Engine, db_url: str, zone: str) -> None:
    r = cli(db_url, "subscribers", "add", "tz@example.org", "--timezone", zone)
    assert "timezone" in one_line_error(r)
    assert rows(engine, subscribers) == []


def test_57b_kyiv_accepted(engine: Engine, db_url: str) -> None:
    assert cli(db_url, "subscribers", "add", "kyiv@example.org", "--timezone", "Europe/Kyiv").exit_code == 0


@pytest.mark.parametrize("when", ["24:00", "-1", "7pm"])
def test_58_bad_send_hours_rejected(engine: Engine, db_url: str, when: str) -> None:
    r = cli(db_url, "subscribers", "add", "hour@example.org", "--time", when)
    assert "time" in one_line_error(r)


def test_58b_dst_ambiguous_hour_accepted_with_warning(engine: Engine, db_url: str) -> None:
    r = CliRunner().invoke(
        main, ["subscribers", "add", "dst@example.org", "--time", "02:30", "--timezone", "Europe/Berlin"],
        env={"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "k"},
    )  # fmt: skip
    assert r.exit_code == 0 and "DST" in r.stderr
    shown = cli(db_url, "subscribers", "show", "dst@example.org", "--format", "json")
    assert json.loads(shown.output)["time"] == "02:30"
