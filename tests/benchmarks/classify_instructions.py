"""Classifier cost in machine instructions: a figure the machine's noise does not move.

    python tests/benchmarks/classify_instructions.py [--articles 60]

Wall-clock rates on the shared 2-core machine swing by 2x from one hour to the next
(``classify.py`` prints them, best of several rounds); an instruction count is the same from one run
to the next, so it shows what a change to the classifier costs or saves. Under valgrind's cachegrind
this counts, per 1,000-word development article (the articles of ``classify.py``), the instructions
of

- the whole classifier (``service.therapies.classify``), compiled when ``make native`` has built it;
- the floor: the bare Aho-Corasick pass over the same lexicon (``classify.bare_pass``);

each as the difference between a run over ``--articles`` articles and a run over none (so start-up,
imports and building the automata cancel out), and their ratio. The runs use a fixed hash seed
(``PYTHONHASHSEED=0``): with a random one the count moves by a percent or two. Needs valgrind (Debian package
``valgrind``); prints a note and exits 0 without it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# Run in a child under cachegrind: build the automata and one classification outside the count,
# then classify (or bare-pass) the first N articles.
CHILD = """
import json, sys
sys.path[:0] = [{root!r}, {here!r}]
from classify import DEV, articles, bare_pass
from service.therapies import classify
rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
items = articles(rows, {count} + 1)
classify(*items[-1])
bare_pass(*items[-1])
fn = classify if sys.argv[1] == "classify" else bare_pass
for title, text in items[: int(sys.argv[2])]:
    fn(title, text)
"""


def instructions(script: Path, which: str, count: int) -> int:
    """Instructions executed by the child script (cachegrind's ``I refs``)."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            str(script),
            which,
            str(count),
        ],
        capture_output=True,
        text=True,
        check=True,
        # a fixed hash seed: string hashes decide how sets and dicts probe, which moves the count
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_article(script: Path, which: str, count: int) -> float:
    return (instructions(script, which, count) - instructions(script, which, 0)) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind not found: install the Debian package valgrind to count instructions")
        return
    sys.path[:0] = [str(ROOT)]
    from service.therapies.native import compiled

    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(CHILD.format(root=str(ROOT), here=str(HERE), count=args.articles), encoding="utf-8")
        full = per_article(script, "classify", args.articles)
        floor = per_article(script, "bare", args.articles)
    how = "compiled by mypyc" if compiled() else "pure Python (make native compiles it)"
    print(f"{args.articles} development-text articles of 1,000 words; the classifier runs {how}")
    print(f"  classify (whole classifier):  {full / 1e6:6.2f} million instructions/article")
    print(f"  bare Aho-Corasick pass:       {floor / 1e6:6.2f} million instructions/article")
    print(f"  ratio classify / bare pass:   {full / floor:6.1f}")


if __name__ == "__main__":
    main()
