"""classify CLI (table, --jsonl, --eval), reclassify after a lexicon change, and items why."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine, select, update

from service import therapies
from service.entrypoints.cli import main
from service.ingest import ingest_bytes
from service.store import sources as source_store
from service.store.schema import items

CART_TEXT = (
    "Doctors in Erlangen treated five patients with lupus using CD19 CAR-T cells; all five went into "
    "drug-free remission within three months, the team reported."
)


def _run(args: list[str], stdin: str | None = None, db_url: str | None = None) -> tuple[int, str]:
    env = {"THERAPYWATCH_DATABASE_URL": db_url} if db_url else {}
    result = CliRunner().invoke(main, args, input=stdin, env=env)
    return result.exit_code, result.output


def test_classify_for_a_person_shows_evidence() -> None:
    code, out = _run(["classify", "--title", "CAR-T in lupus", "--text", CART_TEXT])
    assert code == 0, out
    assert "primary    car-t" in out
    assert "title 0-5: CAR-T" in out


def test_classify_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "title": "CAR-T in lupus", "text": CART_TEXT}),
        "{not json",
        json.dumps({"id": "b", "title": "Car crash on the M4", "text": "A car hit a van."}),
        json.dumps({"id": "c", "text": 5}),
    ]
    code, out = _run(["classify", "--jsonl"], stdin="\n".join(lines) + "\n")
    assert code == 1
    rows = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    assert [r["id"] for r in rows] == ["a", "b"]
    a, b = rows
    assert set(a) == {"id", "primary", "discussed", "therapies", "conditions"}
    assert a["primary"] == "car-t" and b["primary"] == "none"
    ev = a["therapies"][0]["evidence"][0]
    assert set(ev) == {"field", "start", "end", "text"}
    assert "line 2: not JSON" in out and "line 4: 'text' must be a string" in out


def test_classify_eval_reports_accuracy_f1_and_confusion(tmp_path: Path) -> None:
    data = tmp_path / "set.jsonl"
    rows = [
        {"id": "1", "title": "CAR-T in lupus", "text": CART_TEXT, "primary": "car-t", "discussed": ["car-t"]},
        # Labelled wrong on purpose: the report must count it as a miss and a confusion pair.
        {
            "id": "2",
            "title": "CAR-T in lupus",
            "text": CART_TEXT,
            "primary": "vaccine",
            "discussed": ["vaccine"],
        },
    ]
    data.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    code, out = _run(["classify", "--eval", str(data), "--format", "json"])
    assert code == 0, out
    report = json.loads(out)
    assert report["items"] == 2 and report["primary_accuracy"] == 0.5
    assert report["confusion"] == [{"gold": "vaccine", "predicted": "car-t", "count": 1}]
    overall = next(r for r in report["discussed"] if r["type"] == "overall")
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 1, 1)
    unlabelled = {"text": "Kidney stones rise.", "primary": None, "discussed": []}
    data.write_text(json.dumps(unlabelled), encoding="utf-8")
    code, out = _run(["classify", "--eval", str(data), "--format", "json"])
    assert code == 0 and json.loads(out)["primary_accuracy"] == 1.0, out
    data.write_text(json.dumps({"text": "x", "primary": "cart"}), encoding="utf-8")
    code, out = _run(["classify", "--eval", str(data)])
    assert code == 1 and "unknown therapy slug(s) cart" in out


def _rss(title: str, body: str) -> bytes:
    return (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><link>https://example.org/</link>"
        f"<item><title>{title}</title><link>https://example.org/a</link><guid>g1</guid>"
        f"<description>{body}</description></item></channel></rss>"
    ).encode()


def test_reclassify_relabels_stale_items_and_why_shows_evidence(
    engine: Engine, db_url: str, now: datetime
) -> None:
    with engine.begin() as conn:
        src = source_store.insert_source(conn, name="wire", url="https://wire.example/feed", now=now)
    ingest_bytes(engine, src, _rss("CAR-T in lupus", CART_TEXT), {}, now)
    with engine.begin() as conn:
        row = conn.execute(select(items.c.id, items.c.primary_therapy, items.c.lexicon_version)).one()
        assert row.primary_therapy == "car-t" and row.lexicon_version == therapies.LEXICON_VERSION
        # As if labelled by an older lexicon that knew no CAR-T.
        conn.execute(update(items).values(primary_therapy="none", discussed=[], lexicon_version="old"))
    code, out = _run(["reclassify"], db_url=db_url)
    assert code == 0, out
    assert "1 item(s) re-labelled, 1 changed (1 primary moved)" in out
    assert "none -> car-t" in out
    code, out = _run(["reclassify"], db_url=db_url)
    assert "0 item(s) re-labelled" in out
    code, out = _run(["reclassify", "--all"], db_url=db_url)
    assert "1 item(s) re-labelled, 0 changed" in out
    code, out = _run(["items", "why", str(row.id)], db_url=db_url)
    assert code == 0, out
    assert "== fetch" in out and "== classify" in out
    assert "primary car-t" in out and "[CAR-T]" in out
    code, out = _run(["items", "why", "999"], db_url=db_url)
    assert code == 1 and "no item with id 999" in out
