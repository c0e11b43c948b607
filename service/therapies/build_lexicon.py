"""Regenerate ``biologics.py`` (the antibody and licensed-biologic part of the lexicon).

Run from the repository root with the shared corpus beside it::

    python -m service.therapies.build_lexicon [--shared ../shared]

Sources (cite them when you use the table):

* Thera-SAbDab, Oxford Protein Informatics Group (Raybould et al., Nucleic Acids Research 2020),
  CC BY 4.0: the February 2025 "SeqStruc" export of WHO-INN antibody therapeutics with their format
  and targets (``corpus/modality_labels/therasabdab/therasabdab_modality_compact.csv``).
* FDA Purple Book (licensed biological products, US Government work), early-2025 export, with a
  derived per-BLA modality (``corpus/modality_labels/fda_purple_book/purplebook_modality_derived.csv``).

How a row becomes a type: the Thera-SAbDab ``Format`` decides ADC, radioconjugate and bispecific; the
target decides checkpoint inhibitors (PD-1, PD-L1, CTLA-4, LAG-3, and TIGIT/TIM-3, which news reports
call checkpoints too); other whole antibodies and fragments are monoclonal antibodies. Veterinary
antibodies and plain fusion proteins (etanercept-like, no type in TAXONOMY.md) are left out. The
Purple Book's derived column is a silver standard: ``PURPLE_BOOK_MODALITY`` maps each of its
(modality, detail) pairs to a slug, and ``PURPLE_BOOK_FIXES`` records the rows a spot-check found
wrong for our taxonomy. Names written by hand in ``lexicon.py`` win over this table.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator
from pathlib import Path

from service.therapies.normalise import phrase

OUT = Path(__file__).with_name("biologics.py")

CHECKPOINT_TARGETS = ("PDCD1", "PD1", "PD-1", "CD274", "PD-L1", "PDL1", "CTLA4", "CTLA-4", "LAG3", "LAG-3")
CHECKPOINT_EXTRA = ("TIGIT", "HAVCR2", "TIM-3", "TIM3")

# (modality, modality_detail) of the derived Purple Book column -> slug; pairs not listed are skipped.
PURPLE_BOOK_MODALITY: dict[tuple[str, str], str] = {
    ("monoclonal antibody", ""): "monoclonal-antibody",
    ("vaccine", ""): "vaccine",
    ("checkpoint inhibitor", ""): "checkpoint-inhibitor",
    ("antibody-drug conjugate", ""): "antibody-drug-conjugate",
    ("stem cell transplant product", "HPC, cord blood"): "stem-cell-transplant",
    ("cell therapy", "CAR-T (gene-modified autologous T cells)"): "car-t",
    ("cell therapy", "TCR-T (gene-modified autologous T cells)"): "cell-therapy",
    ("cell therapy", "allogeneic pancreatic islet cells"): "cell-therapy",
    ("cell therapy", "tumor-infiltrating lymphocytes (TIL)"): "cell-therapy",
    ("cell therapy", "allogeneic mesenchymal stromal cells"): "cell-therapy",
    ("cell therapy / cancer vaccine", "autologous cellular immunotherapy (APC-based)"): "vaccine",
    ("cell therapy / stem cell transplant", "expanded cord blood HSC graft"): "stem-cell-transplant",
    ("gene editing", "CRISPR/Cas9-edited autologous HSC (ex vivo)"): "gene-editing",
    ("gene therapy", "AAV vector (in vivo)"): "gene-therapy",
    ("gene therapy", "lentiviral ex vivo HSC gene therapy (autologous)"): "gene-therapy",
    ("gene therapy", "HSV-1 vector, topical"): "gene-therapy",
    ("gene therapy", "non-replicating adenoviral vector (intravesical)"): "gene-therapy",
    ("gene therapy / oncolytic virus", "oncolytic HSV-1 expressing GM-CSF"): "oncolytic-virus",
}
# Spot-check corrections, by BLA number: the derived column calls these plain monoclonal antibodies,
# but one is a radiolabelled antibody (radiotherapy) and one carries a toxin payload (an ADC).
PURPLE_BOOK_FIXES: dict[str, str] = {
    "125019": "radiotherapy",  # ibritumomab tiuxetan (Zevalin), yttrium-90
    "125011": "radiotherapy",  # tositumomab and iodine I-131 tositumomab (Bexxar)
    "761104": "antibody-drug-conjugate",  # moxetumomab pasudotox (Lumoxiti), immunotoxin
}
# Names too generic to match on their own ("N/A", generic product descriptions).
_SKIP_NAMES = {"n a", "na", "tbc", "hpc cord blood", "influenza vaccine", "expasy"}
_FDA_SUFFIX = re.compile(r"[- ][a-z]{4}$")


def therasabdab_slug(fmt: str, targets: str) -> str | None:
    """The slug of one Thera-SAbDab row, or None when it has no type here."""
    low = fmt.lower()
    if "canine" in low or "feline" in low:
        return None
    if "adc" in low:
        return "antibody-drug-conjugate"
    if "radiolabelled" in low:
        return "radiotherapy"
    parts = [t.strip().upper() for t in targets.split(";") if t.strip()]
    if any(w in low for w in ("bispecific", "trispecific", "tetraspecific", "bispec", "engager")):
        return "bispecific-antibody"
    if "fusion" in low:
        return None
    if any(p.startswith(CHECKPOINT_TARGETS + CHECKPOINT_EXTRA) for p in parts):
        return "checkpoint-inhibitor"
    return "monoclonal-antibody"


def _alt_names(field: str) -> Iterator[str]:
    """Brand and code names worth matching: codes mix letters and digits; brands are one word."""
    for raw in field.split(";"):
        name = raw.split("(")[0].strip()
        norm = phrase(name)
        if norm in _SKIP_NAMES or len(norm.replace(" ", "")) < 4:
            continue
        has_digit = any(c.isdigit() for c in norm)
        has_alpha = any(c.isalpha() for c in norm)
        if (has_digit and has_alpha and len(norm.replace(" ", "")) >= 5) or (
            not has_digit and " " not in norm and len(norm) >= 5
        ):
            yield norm


def from_therasabdab(path: Path) -> Iterator[tuple[str, str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            slug = therasabdab_slug(row["Format"], row["Target"])
            if slug is None:
                continue
            yield phrase(row["Therapeutic"]), slug, "thera-sabdab"
            for alt in _alt_names(row["Alternative Therapeutic Names"]):
                yield alt, slug, "thera-sabdab"


def from_purple_book(path: Path) -> Iterator[tuple[str, str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            slug = PURPLE_BOOK_FIXES.get(row["bla_number"]) or PURPLE_BOOK_MODALITY.get(
                (row["modality"], row["modality_detail"])
            )
            if row["modality"] == "bispecific antibody / T-cell engager":
                slug = "bispecific-antibody"
            if slug is None:
                continue
            source = f"purple-book:{row['bla_number']}"
            proper = _FDA_SUFFIX.sub("", row["proper_name"].strip().lower())
            # Combination products ("nivolumab and relatlimab") are matched by their parts.
            if " and " not in proper and "," not in proper and "vaccine" not in proper:
                yield phrase(proper), slug, source
            for brand in row["proprietary_name"].split(","):
                norm = phrase(brand)
                if norm and norm not in _SKIP_NAMES and len(norm) >= 4:
                    yield norm, slug, source


def build(shared: Path) -> list[tuple[str, str, str]]:
    """Every (phrase, slug, source), Purple Book first so its label wins a disagreement."""
    base = shared / "corpus" / "modality_labels"
    rows = list(from_purple_book(base / "fda_purple_book" / "purplebook_modality_derived.csv"))
    rows += from_therasabdab(base / "therasabdab" / "therasabdab_modality_compact.csv")
    chosen: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        chosen.setdefault(row[0], row)
    return sorted(chosen.values())


def render(rows: list[tuple[str, str, str]]) -> str:
    lines = [
        '"""Generated by build_lexicon.py from Thera-SAbDab (OPIG, CC BY 4.0) and the FDA Purple Book.',
        "",
        'Do not edit by hand: change build_lexicon.py and run it again. (phrase, slug, source) rows."""',
        "",
        "BIOLOGICS: tuple[tuple[str, str, str], ...] = (",
    ]
    lines += [f"    ({p!r}, {s!r}, {src!r})," for p, s, src in rows]
    lines.append(")")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    rows = build(args.shared)
    OUT.write_text(render(rows), encoding="utf-8")
    print(f"wrote {len(rows)} terms to {OUT}")


if __name__ == "__main__":
    main()
