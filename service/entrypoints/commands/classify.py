"""classify (a person's table, --jsonl for machines, --eval for a labelled set) and reclassify."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click
from rich.console import Console
from rich.table import Table

from service import therapies
from service.entrypoints.context import Context, pass_ctx
from service.entrypoints.output import emit, format_option
from service.errors import TherapywatchError
from service.models import Classification
from service.relabel import reclassify as relabel
from service.therapies.evaluate import Report, evaluate, parse_labelled

EVIDENCE_SHOWN = 4


def classification_json(item_id: Any, c: Classification) -> dict[str, Any]:
    """The ``classify --jsonl`` output fields of DESIGN.md."""
    return {
        "id": item_id,
        "primary": c.primary,
        "discussed": list(c.discussed),
        "therapies": [
            {
                "slug": t.slug,
                "score": round(t.score, 4),
                "evidence": [
                    {"field": e.field, "start": e.start, "end": e.end, "text": e.text} for e in t.evidence
                ],
            }
            for t in c.therapies
        ],
        "conditions": list(c.conditions),
    }


def print_classification(c: Classification, console: Console) -> None:
    """A person's view: the labels, then one row per therapy type with its evidence."""
    console.print(f"[bold]primary[/bold]    {c.primary} ({therapies.display_name(c.primary)})")
    console.print(f"[bold]discussed[/bold]  {', '.join(c.discussed) or '-'}")
    console.print(f"[bold]conditions[/bold] {', '.join(c.conditions) or '-'}")
    console.print(f"[dim]lexicon {c.lexicon_version}[/dim]")
    if not c.therapies:
        console.print("no therapy phrase found")
        return
    table = Table("type", "score", "discussed", "evidence (field start-end: text)")
    for t in c.therapies:
        shown = sorted(t.evidence, key=lambda e: (e.field != "title", e.start))[:EVIDENCE_SHOWN]
        evidence = "\n".join(f"{e.field} {e.start}-{e.end}: {e.text}" for e in shown)
        more = len(t.evidence) - len(shown)
        table.add_row(
            t.slug,
            f"{t.score:.2f}",
            "yes" if t.slug in c.discussed else "",
            evidence + (f"\n+{more}" if more else ""),
        )
    console.print(table)


def _json_lines(stream: IO[str], name: str) -> Iterator[tuple[str, dict[str, Any] | None]]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            click.echo(f"classify: {where}: not JSON ({e.msg})", err=True)
            yield where, None
            continue
        if not isinstance(value, dict):
            click.echo(f"classify: {where}: expected a JSON object", err=True)
            yield where, None
            continue
        yield where, value


def _run_jsonl(stream: IO[str], name: str) -> None:
    bad = 0
    for where, record in _json_lines(stream, name):
        if record is None:
            bad += 1
            continue
        text = record.get("text") or ""
        if not isinstance(text, str):
            click.echo(f"classify: {where}: 'text' must be a string", err=True)
            bad += 1
            continue
        c = therapies.classify(str(record.get("title") or ""), text, summary=str(record.get("summary") or ""))
        click.echo(json.dumps(classification_json(record.get("id"), c), ensure_ascii=False))
    if bad:
        raise TherapywatchError(
            f"classify: {bad} line(s) of {name} could not be read; the others were classified"
        )


def report_rows(report: Report) -> list[dict[str, Any]]:
    rows = [
        {"type": t.slug, "tp": t.tp, "fp": t.fp, "fn": t.fn}
        | {"precision": round(t.precision, 3), "recall": round(t.recall, 3), "f1": round(t.f1, 3)}
        for t in (*report.per_type, report.overall)
    ]
    return rows


def _run_eval(path: str, fmt: str) -> None:
    try:
        with open(path, encoding="utf-8") as fh:
            records = list(_json_lines(fh, path))
    except OSError as e:
        raise TherapywatchError(f"classify: cannot read {path}: {e.strerror}") from e
    if any(r is None for _, r in records):
        raise TherapywatchError(f"classify: {path} has lines that are not JSON objects (see above)")
    report = evaluate(parse_labelled(r, where) for where, r in records if r is not None)
    if fmt == "json":
        out = {
            "items": report.items,
            "primary_accuracy": round(report.primary_accuracy, 4),
            "discussed": report_rows(report),
            "confusion": [{"gold": g, "predicted": p, "count": n} for g, p, n in report.confusion],
            "misses": [{"id": i, "gold": g, "predicted": p} for i, g, p in report.misses],
        }
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(f"items {report.items}  primary accuracy {report.primary_accuracy:.3f}  ")
    o = report.overall
    click.echo(f"discussed overall  P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}")
    emit(report_rows(report), "table")
    if report.confusion:
        click.echo("primary confusion (gold -> predicted)")
        emit([{"gold": g, "predicted": p, "count": n} for g, p, n in report.confusion], "table")


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--title", default="", help="The headline.")
@click.option("--text", "text_opt", help="The body text (instead of FILE or standard input).")
@click.option("--summary", default="", help="The feed summary, if any.")
@click.option("--jsonl", is_flag=True, help='Read {"id","title","text"} lines, write one result per line.')
@click.option("--eval", "eval_file", type=click.Path(dir_okay=False), help="Score a labelled JSONL set.")
@format_option()
def classify(
    file: str | None,
    title: str,
    text_opt: str | None,
    summary: str,
    jsonl: bool,
    eval_file: str | None,
    fmt: str,
) -> None:
    """Classify text by therapy type, with the evidence for each type."""
    if eval_file:
        _run_eval(eval_file, fmt)
        return
    if jsonl:
        if file and file != "-":
            with open(file, encoding="utf-8") as fh:
                _run_jsonl(fh, file)
        else:
            _run_jsonl(sys.stdin, "stdin")
        return
    if text_opt is not None:
        body = text_opt
    elif file and file != "-":
        with open(file, encoding="utf-8") as fh:
            body = fh.read()
    elif title and sys.stdin.isatty():
        body = ""
    else:
        body = sys.stdin.read()
    c = therapies.classify(title, body, summary=summary)
    if fmt in ("json", "jsonl"):
        click.echo(json.dumps(classification_json(None, c), ensure_ascii=False))
    else:
        print_classification(c, Console())


@click.command()
@click.option("--all", "everything", is_flag=True, help="Re-label every item, not only stale ones.")
@format_option()
@pass_ctx
def reclassify(ctx: Context, everything: bool, fmt: str) -> None:
    """Re-label stored items classified with another lexicon version, and show what moved."""
    result = relabel(ctx.app.engine, everything=everything)
    rows = [
        {
            "id": c.id,
            "title": c.title[:60],
            "primary": c.old_primary
            if c.old_primary == c.new_primary
            else f"{c.old_primary} -> {c.new_primary}",
            "discussed": f"{','.join(c.old_discussed) or '-'} -> {','.join(c.new_discussed) or '-'}",
        }
        for c in result.changes
    ]
    if fmt in ("json", "jsonl"):
        emit([{"checked": result.checked, "changed": len(result.changes), "changes": rows}], fmt)
        return
    click.echo(
        f"lexicon {therapies.LEXICON_VERSION}: {result.checked} item(s) re-labelled, "
        f"{len(result.changes)} changed ({result.primary_moved} primary moved)"
    )
    if rows:
        emit(rows, fmt)


COMMANDS: list[click.Command] = [classify, reclassify]
