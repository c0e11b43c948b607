"""Subscribers: validation, the admin CLI on SQLite and PostgreSQL, CSV import/export, tokens."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, func, select

from service.entrypoints.cli import main
from service.errors import SubscriberError
from service.store import subscribers as store
from service.store.schema import subscribers
from service.tokens import make_token, read_token, subscriber_links


def cli(db_url: str, *args: str) -> Result:
    env = {"THERAPYWATCH_DATABASE_URL": db_url, "THERAPYWATCH_SECRET_KEY": "test-secret"}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(subscribers)).scalar_one())


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"email": "alice@example.org\r\nBcc: x@evil.example"}, "email"),
        ({"email": '"Alice Example" <alice@example.org>'}, "email"),
        ({"email": "Ann <a@b.c>"}, "email"),
        ({"email": "a@b"}, "email"),
        ({"email": "a@[127.0.0.1]"}, "email"),
        ({"email": ""}, "email"),
        ({"email": "x" * 10_000 + "@example.org"}, "email"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": "UTC+5"}, "timezone"),
        ({"timezone": "../etc/passwd"}, "timezone"),
        ({"send_time": "24:00"}, "time"),
        ({"send_time": "-1"}, "time"),
        ({"send_time": "7pm"}, "time"),
        ({"therapies": "car-t,telepathy"}, "therapies"),
        ({"day": "someday"}, "day"),
        ({"name": "Eve\r\nBcc: x@evil.example"}, "name"),
        ({"name": "Mallory\u202eevil"}, "name"),
    ],
)
def test_bad_input_names_the_field(kwargs: dict[str, str], field: str) -> None:
    email = kwargs.pop("email", "alice@example.org")
    with pytest.raises(SubscriberError) as info:
        store.build_fields(email, **kwargs)
    message = str(info.value)
    assert f"subscribers: {field}:" in message
    assert "\n" not in message


def test_good_input_is_normalised() -> None:
    f = store.build_fields(
        "  Alice@Example.ORG ",
        name="  Alice   Example ",
        therapies="gene-therapy;car-t",
        day="Monday",
        send_time="7:05",
        timezone="Europe/Berlin",
    )
    assert f.email == "Alice@example.org"
    assert f.name == "Alice Example"
    assert (f.all_therapies, f.therapies) == (False, ("car-t", "gene-therapy"))
    assert (f.day, f.send_time, f.timezone) == ("mon", "07:05", "Europe/Berlin")
    assert store.build_fields("a@example.org", therapies="all").all_therapies


def test_losing_a_subscribe_race_returns_the_winner(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process inserts the address between our lookup and our insert: the unique key
    decides, and the loser reports "already subscribed" instead of an IntegrityError."""
    from datetime import UTC, datetime

    now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    with engine.begin() as conn:
        winner, created = store.add_subscriber(conn, store.build_fields("race@example.org"), now)
    assert created
    real = store.get_by_email
    calls = {"n": 0}

    def stale_first_lookup(conn: object, email: str) -> object:
        calls["n"] += 1
        return None if calls["n"] == 1 else real(conn, email)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "get_by_email", stale_first_lookup)
    with engine.begin() as conn:
        loser, created = store.add_subscriber(conn, store.build_fields("RACE@example.org"), now)
    assert (created, loser.id) == (False, winner.id)
    assert calls["n"] == 2
    assert count(engine) == 1


def test_tokens_are_scoped_and_unforgeable() -> None:
    token = make_token("s3cret", "unsubscribe", 42)
    assert read_token("s3cret", "unsubscribe", token) == 42
    assert read_token("s3cret", "preferences", token) is None
    assert read_token("other", "unsubscribe", token) is None
    assert read_token("s3cret", "unsubscribe", token[:-2] + "xx") is None
    assert read_token("s3cret", "unsubscribe", "") is None
    links = subscriber_links("https://tw.example/", "s3cret", 42)
    assert links["unsubscribe_url"] == f"https://tw.example/unsubscribe/{token}"


def test_cli_lifecycle(engine: Engine, db_url: str) -> None:
    r = cli(db_url, "subscribers", "add", "Alice@Example.org", "--name", "Alice",
            "--therapies", "car-t,gene-therapy", "--frequency", "daily", "--time", "07:30",
            "--timezone", "Europe/Berlin")  # fmt: skip
    assert r.exit_code == 0, r.output
    again = cli(db_url, "subscribers", "add", "ALICE@example.ORG")
    assert again.exit_code == 0 and "already subscribed" in again.output
    assert count(engine) == 1

    shown = json.loads(cli(db_url, "subscribers", "show", "alice@example.org", "--format", "json").output)
    assert shown["status"] == "active"
    assert shown["therapies"] == ["car-t", "gene-therapy"]
    assert (shown["frequency"], shown["timezone"]) == ("daily", "Europe/Berlin")
    token = shown["unsubscribe_url"].rsplit("/", 1)[1]
    assert read_token("test-secret", "unsubscribe", token) == shown["id"]
    assert shown["preferences_url"].startswith("http://127.0.0.1:8080/preferences/")
    assert shown["feed_url"].endswith(".xml")

    assert cli(db_url, "subscribers", "pause", "alice@example.org").exit_code == 0
    listed = json.loads(cli(db_url, "subscribers", "list", "--format", "json").output)
    assert [s["status"] for s in listed] == ["paused"]
    assert cli(db_url, "subscribers", "resume", "alice@example.org").exit_code == 0
    r = cli(db_url, "subscribers", "update", "alice@example.org", "--therapies", "all", "--day", "fri")
    assert r.exit_code == 0, r.output
    line = json.loads(cli(db_url, "subscribers", "list", "--format", "jsonl").output.splitlines()[0])
    assert (line["status"], line["therapies"], line["day"]) == ("active", "all", "fri")

    bad = cli(db_url, "subscribers", "add", "bob@example.org", "--timezone", "Mars/Olympus")
    assert bad.exit_code == 1 and "timezone" in bad.output and count(engine) == 1
    bad = cli(db_url, "subscribers", "add", "bob@example.org", "--time", "24:00")
    assert bad.exit_code == 1 and "time" in bad.output

    assert "removed Alice@example.org" in cli(db_url, "subscribers", "remove", "alice@example.org").output
    gone = cli(db_url, "subscribers", "remove", "alice@example.org")
    assert gone.exit_code == 0 and "not subscribed" in gone.output
    assert count(engine) == 0


def test_csv_import_is_atomic_reports_bad_rows_and_is_idempotent(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    good = "\ufeffemail;name;therapies;frequency;day;time;timezone\r\n" \
        'a@example.org;"Ann; A.";car-t|vaccine;weekly;tue;09:00;America/New_York\r\n' \
        "b@example.org;=HYPERLINK(\"http://evil.example\");all;daily;;06:00;Asia/Tokyo\r\n"  # fmt: skip
    path = tmp_path / "subs.csv"
    path.write_text(good + "c@example.org;C;car-t;weekly;mon;24:00;UTC\r\n", encoding="utf-8")
    r = cli(db_url, "subscribers", "import", str(path))
    assert r.exit_code == 1
    assert "line 4: time:" in r.output and "nothing imported" in r.output
    assert count(engine) == 0

    r = cli(db_url, "subscribers", "import", str(path), "--skip-bad")
    assert r.exit_code == 0 and "2 added" in r.output and "1 skipped" in r.output
    r = cli(db_url, "subscribers", "import", str(path), "--skip-bad")
    assert "0 added, 0 updated, 2 unchanged" in r.output
    assert count(engine) == 2

    exported = cli(db_url, "subscribers", "export").output
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert rows[0]["name"] == "Ann; A." and rows[0]["therapies"] == "car-t,vaccine"
    assert rows[1]["name"].startswith("'=HYPERLINK")
    (tmp_path / "round.csv").write_text(exported, encoding="utf-8")
    r = cli(db_url, "subscribers", "import", str(tmp_path / "round.csv"))
    assert "0 added, 0 updated, 2 unchanged" in r.output, r.output
    csv_list = cli(db_url, "subscribers", "list", "--format", "csv").output
    assert "'=HYPERLINK" in csv_list
