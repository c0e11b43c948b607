"""Therapy classification speed and quality, in one run.

    python tests/benchmarks/classify.py [--articles 600] [--rounds 3]

Articles of exactly 1,000 words are stitched from the texts of the development set
(tests/data/classify_dev.jsonl): dense with therapy terms (about 90 lexicon matches an article),
all ASCII. Where ../shared is present, two more sets are cut the same way from real pages: the
five seed articles (medical news as extracted, furniture included: dense with therapy terms too)
and the Zyte benchmark's article bodies (general news: curly quotes and dashes, few therapy
terms). Prints articles/s for each set:

- the whole classifier, ``service.therapies.classify`` (furniture, matching, cues, scoring, evidence);
- the floor: one bare Aho-Corasick pass over the same lexicon (lowercase the text, find
  leftmost-longest matches, check word boundaries), as in PERFORMANCE.md section 4;

and their ratio, then primary accuracy and discussed F1 on the development set. Best of ``--rounds``.
The classifier runs compiled when ``make native`` has built it (``THERAPYWATCH_NATIVE=0`` runs the
pure Python modules instead, for the comparison).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from service.therapies import classify  # noqa: E402
from service.therapies.evaluate import evaluate, parse_labelled  # noqa: E402
from service.therapies.lexicon import matcher  # noqa: E402
from service.therapies.native import compiled  # noqa: E402

DEV = ROOT / "tests" / "data" / "classify_dev.jsonl"
SHARED = ROOT.parent / "shared"
ZYTE = SHARED / "corpus" / "extraction_benchmark" / "zyte_article_extraction_benchmark"
WORDS = 1000


def articles(rows: list[dict[str, str]], count: int) -> list[tuple[str, str]]:
    """``count`` (title, text) pairs of 1,000 words, each starting at a different item."""
    out = []
    for i in range(count):
        words: list[str] = []
        paragraphs: list[str] = []
        j = i
        while len(words) < WORDS:
            text = rows[j % len(rows)]["text"]
            paragraphs.append(text)
            words += text.split()
            j += 1
        body = "\n\n".join(paragraphs)
        # Cut at the 1,000th word, keeping the paragraph breaks before it.
        cut, seen = 0, 0
        for k, part in enumerate(body.split(" ")):
            seen += len(part.split())
            cut += len(part) + (1 if k else 0)
            if seen >= WORDS:
                break
        out.append((rows[i % len(rows)]["title"], body[:cut]))
    return out


def bare_pass(title: str, text: str) -> int:
    """The floor: one automaton pass with word-boundary checks, nothing else."""
    automaton = matcher().automaton
    found = 0
    for hay in (title.lower(), text.lower()):
        n = len(hay)
        for _, start, end in automaton.find_matches_as_indexes(hay):
            if (start == 0 or not hay[start - 1].isalnum()) and (end == n or not hay[end].isalnum()):
                found += 1
    return found


def rate(fn: Callable[[str, str], object], items: list[tuple[str, str]], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for title, text in items:
            fn(title, text)
        best = min(best, time.perf_counter() - start)
    return len(items) / best


def measure(label: str, items: list[tuple[str, str]], rounds: int) -> None:
    words = sum(len(t.split()) for _, t in items) / len(items)
    matches = sum(bare_pass(*item) for item in items) / len(items)
    full = rate(lambda t, x: classify(t, x), items, rounds)
    floor = rate(bare_pass, items, rounds)
    print(f"{label}: {len(items)} articles of {words:.0f} words, {matches:.0f} lexicon matches each")
    print(f"  classify (whole classifier):  {full:8.0f} articles/s  ({1e6 / full:6.0f} us/article)")
    print(f"  bare Aho-Corasick pass:       {floor:8.0f} articles/s  ({1e6 / floor:6.0f} us/article)")
    print(f"  ratio classify / bare pass:   {full / floor:8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    items = articles(rows, args.articles)
    classify(*items[0])  # builds the automaton outside the timing
    how = "compiled by mypyc" if compiled() else "pure Python (make native compiles it)"
    print(f"best of {args.rounds} rounds; the classifier runs {how}")
    measure("development-set text", items, args.rounds)
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    truth = ZYTE / "ground-truth.json"
    if seeds and truth.exists():
        pages = [{"title": "", "text": p.read_text(encoding="utf-8")} for p in seeds]
        measure("real medical news (the five seeds)", articles(pages, args.articles), args.rounds)
        bodies = json.loads(truth.read_text(encoding="utf-8")).values()
        news = [{"title": "", "text": b["articleBody"]} for b in bodies if b.get("articleBody")]
        measure("real general news (Zyte benchmark bodies)", articles(news, args.articles), args.rounds)
    else:
        print(f"real news text: skipped, {SHARED} not found")
    report = evaluate(parse_labelled(r, r["id"]) for r in rows)
    print(
        f"development set ({report.items} items): primary accuracy {report.primary_accuracy:.3f}, "
        f"discussed P {report.overall.precision:.3f} R {report.overall.recall:.3f} F1 {report.overall.f1:.3f}"
    )


if __name__ == "__main__":
    main()
