"""Article extraction: our extractor against trafilatura, side by side, in one run.

    python tests/benchmarks/extraction.py [--rounds 1] [--candidates] [--shared ../shared]

Prints, for ``scrapers.extract.extract`` and ``trafilatura.extract(include_comments=False)``:

- the Zyte article-extraction benchmark (181 pages): precision, recall and F1 computed by the
  benchmark's own ``evaluate.py`` (imported from the corpus, not re-implemented), and pages/s
  (extraction only, best of ``--rounds``; scoring is not timed);
- trafilatura's evaluation subset (82 pages): snippets that must appear / must not appear;
- metadata of the Mozilla Readability test pages (42): title, byline and date agreement with the
  expected metadata (normalised: case, white space, a leading "By"; dates compared by day).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# Run as a script, this folder is sys.path[0], and a sibling benchmark named like a standard module
# (http.py) would shadow it for trafilatura's imports: look up the project root instead.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from scrapers.extract import extract  # noqa: E402

Extractor = Callable[[bytes, str | None], str]


def ours(page: bytes, url: str | None) -> str:
    return extract(page, url).text


def peer(page: bytes, url: str | None) -> str:
    return trafilatura.extract(page, url=url, include_comments=False) or ""


EXTRACTORS: dict[str, Extractor] = {"therapywatch": ours, "trafilatura": peer}


def candidates() -> dict[str, Extractor]:
    """The other designs measured before choosing (``--candidates``); missing libraries are skipped."""
    from scrapers.extract import decode_html, densest_block_text, parse_html, prune_furniture

    def own(page: bytes, url: str | None) -> str:
        tree = parse_html(decode_html(page), url)
        prune_furniture(tree)
        return densest_block_text(tree)

    def traf_fast(page: bytes, url: str | None) -> str:
        return trafilatura.extract(page, url=url, include_comments=False, fast=True) or ""

    found: dict[str, Extractor] = {"own densest-block": own, "trafilatura fast": traf_fast}
    try:
        import lxml.html
        from readability import Document  # type: ignore[import-not-found]

        def readability(page: bytes, url: str | None) -> str:
            return str(lxml.html.fromstring(Document(page).summary()).text_content())

        found["readability-lxml"] = readability
    except ImportError:
        print("  (readability-lxml not installed: skipped)")
    try:
        from resiliparse.extract.html2text import extract_plain_text  # type: ignore[import-not-found]
        from resiliparse.parse.html import HTMLTree  # type: ignore[import-not-found]

        def resiliparse(page: bytes, url: str | None) -> str:
            tree = HTMLTree.parse_from_bytes(page)
            return str(extract_plain_text(tree, main_content=True, comments=False, links=False))

        found["resiliparse"] = resiliparse
    except ImportError:
        print("  (resiliparse not installed: skipped)")
    return found


def load_evaluate(bench: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("zyte_evaluate", bench / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed_run(
    fn: Extractor, pages: dict[str, tuple[bytes, str | None]], rounds: int
) -> tuple[dict[str, str], float]:
    best = float("inf")
    out: dict[str, str] = {}
    for _ in range(rounds):
        start = time.perf_counter()
        out = {key: fn(html, url) for key, (html, url) in pages.items()}
        best = min(best, time.perf_counter() - start)
    return out, len(pages) / best


def zyte(shared: Path, rounds: int, extractors: dict[str, Extractor]) -> None:
    bench = shared / "corpus/extraction_benchmark/zyte_article_extraction_benchmark"
    ev = load_evaluate(bench)
    truth = ev.load_json(bench / "ground-truth.json")
    pages = {
        key: (gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()), meta.get("url"))
        for key, meta in truth.items()
    }
    print(f"Zyte article-extraction benchmark: {len(pages)} pages, scored by its evaluate.py")
    print(f"  {'':<18} {'F1':>7} {'precision':>10} {'recall':>8} {'accuracy':>9} {'pages/s':>9}")
    speeds: dict[str, float] = {}
    for name, fn in extractors.items():
        texts, speed = timed_run(fn, pages, rounds)
        speeds[name] = speed
        # The benchmark's own prediction format, scored by its own evaluate() (4-gram shingles).
        prediction = {key: {"articleBody": text} for key, text in texts.items()}
        m = ev.evaluate(truth, prediction, 200)
        print(
            f"  {name:<18} {m['f1']:7.4f} {m['precision']:10.4f} {m['recall']:8.4f}"
            f" {m['accuracy']:9.3f} {speed:9.1f}"
        )
    ratio = speeds["therapywatch"] / speeds["trafilatura"]
    print(f"  speed ratio therapywatch / trafilatura: {ratio:.2f}x")


def _norm(text: str) -> str:
    return " ".join(text.split())


def eval_subset(shared: Path) -> None:
    base = shared / "corpus/extraction_benchmark/trafilatura_eval_subset"
    data: dict[str, dict[str, Any]] = json.loads((base / "evaldata_subset.json").read_text("utf-8"))
    print(f"trafilatura evaluation subset: {len(data)} pages (snippets that must / must not appear)")
    print(f"  {'':<14} {'with':>10} {'without':>10} {'precision':>10} {'recall':>8} {'F1':>7}")
    for name, fn in EXTRACTORS.items():
        tp = fn_ = tn = fp = 0
        for url, case in data.items():
            path = base / "html" / case["file"]
            if not path.exists():
                continue
            text = _norm(fn(path.read_bytes(), url))
            for snippet in case.get("with", []):
                if _norm(snippet) in text:
                    tp += 1
                else:
                    fn_ += 1
            for snippet in case.get("without", []):
                if _norm(snippet) in text:
                    fp += 1
                else:
                    tn += 1
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn_) if tp + fn_ else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(
            f"  {name:<14} {f'{tp}/{tp + fn_}':>10} {f'{tn}/{tn + fp}':>10}"
            f" {precision:10.4f} {recall:8.4f} {f1:7.4f}"
        )


_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


def _same_text(a: str | None, b: str | None) -> bool:
    def norm(s: str) -> str:
        return " ".join(_BY.sub("", s).lower().split())

    return bool(a and b and norm(a) == norm(b))


def metadata(shared: Path) -> None:
    base = shared / "corpus/extraction_benchmark/mozilla_readability_test_pages"
    cases = sorted(p for p in base.iterdir() if (p / "expected-metadata.json").exists())
    counts = {"title": [0, 0], "byline": [0, 0], "date": [0, 0]}
    peer_counts = {"title": [0, 0], "byline": [0, 0], "date": [0, 0]}
    for case in cases:
        expected = json.loads((case / "expected-metadata.json").read_text("utf-8"))
        html = (case / "source.html").read_bytes()
        got = extract(html, None)
        doc = trafilatura.extract_metadata(html)
        ours_values = {
            "title": got.title,
            "byline": got.author,
            "date": got.published.date().isoformat() if got.published else None,
        }
        peer_values = {
            "title": doc.title if doc else None,
            "byline": doc.author if doc else None,
            "date": doc.date if doc else None,
        }
        want = {
            "title": expected.get("title"),
            "byline": expected.get("byline"),
            "date": (expected.get("publishedTime") or "")[:10] or None,
        }
        for field, value in want.items():
            if not value:
                continue
            counts[field][1] += 1
            peer_counts[field][1] += 1
            if _same_text(ours_values[field], value):
                counts[field][0] += 1
            if _same_text(peer_values[field], value):
                peer_counts[field][0] += 1
    print(f"Mozilla Readability test pages: {len(cases)} pages, metadata equal to the expected value")
    for name, table in (("therapywatch", counts), ("trafilatura", peer_counts)):
        cells = "  ".join(f"{field} {ok}/{n} ({ok / n:.2f})" for field, (ok, n) in table.items() if n)
        print(f"  {name:<14} {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    default = next((p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if p.is_dir()), None)
    parser.add_argument("--shared", type=Path, default=default, help="the shared folder (../shared)")
    parser.add_argument("--rounds", type=int, default=1, help="timing rounds (best is kept)")
    parser.add_argument(
        "--candidates", action="store_true", help="also score the designs measured before choosing (Zyte)"
    )
    args = parser.parse_args()
    if args.shared is None:
        parser.error("cannot find ../shared; pass --shared")
    warnings.simplefilter("ignore")
    extractors = dict(EXTRACTORS)
    if args.candidates:
        extractors |= candidates()
    zyte(args.shared, args.rounds, extractors)
    print()
    eval_subset(args.shared)
    print()
    metadata(args.shared)


if __name__ == "__main__":
    main()
