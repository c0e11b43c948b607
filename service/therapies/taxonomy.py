"""The fifteen therapy types of TAXONOMY.md as data (pure). Slugs are a contract shared with the
database, the digests, the feed paths and the evaluation sets."""

from __future__ import annotations

from dataclasses import dataclass

NONE = "none"


@dataclass(frozen=True, slots=True)
class TherapyType:
    """One therapy type: its slug, the name digests print, and what belongs to it."""

    slug: str
    name: str
    description: str


TYPES: tuple[TherapyType, ...] = (
    TherapyType(
        "car-t",
        "CAR T-cell therapy",
        "Chimeric antigen receptor T cells, autologous or allogeneic, in cancer or autoimmune disease.",
    ),
    TherapyType(
        "cell-therapy",
        "Other cell therapies",
        "TCR-T, tumour-infiltrating lymphocytes, CAR-NK and NK cells, regulatory T cells, mesenchymal, "
        "islet and iPSC-derived cells.",
    ),
    TherapyType(
        "gene-therapy",
        "Gene therapy",
        "Adding or replacing a gene with a viral or non-viral vector, in vivo (AAV) or ex vivo.",
    ),
    TherapyType(
        "gene-editing",
        "Gene editing",
        "CRISPR-Cas, base and prime editing, zinc-finger nucleases, TALENs, epigenetic editing.",
    ),
    TherapyType(
        "rna-therapy",
        "RNA therapies",
        "siRNA, antisense oligonucleotides, mRNA protein replacement, RNA editing (not mRNA vaccines).",
    ),
    TherapyType(
        "bispecific-antibody",
        "Bispecific antibodies",
        "Bispecific antibodies and T-cell engagers (BiTE, ImmTAC), in and outside oncology.",
    ),
    TherapyType(
        "antibody-drug-conjugate",
        "Antibody-drug conjugates",
        "An antibody carrying a cytotoxic payload.",
    ),
    TherapyType(
        "checkpoint-inhibitor",
        "Checkpoint inhibitors",
        "PD-1, PD-L1, CTLA-4 and LAG-3 blockade.",
    ),
    TherapyType(
        "monoclonal-antibody",
        "Monoclonal antibodies",
        "Other therapeutic monoclonal antibodies.",
    ),
    TherapyType(
        "vaccine",
        "Vaccines",
        "Therapeutic cancer vaccines (mRNA, peptide, dendritic-cell) and preventive vaccines.",
    ),
    TherapyType(
        "oncolytic-virus",
        "Oncolytic viruses",
        "Viruses engineered to infect and kill tumour cells.",
    ),
    TherapyType(
        "stem-cell-transplant",
        "Stem cell transplant",
        "Allogeneic or autologous haematopoietic stem cell, bone marrow or cord blood transplantation.",
    ),
    TherapyType(
        "small-molecule",
        "Targeted small molecules",
        "Kinase, BCL-2, menin, BTK, PARP inhibitors and other non-chemotherapy small-molecule drugs.",
    ),
    TherapyType(
        "chemotherapy",
        "Chemotherapy",
        "Cytotoxic chemotherapy regimens.",
    ),
    TherapyType(
        "radiotherapy",
        "Radiotherapy",
        "External-beam radiation, proton therapy, radioligand therapy.",
    ),
)

SLUGS: tuple[str, ...] = tuple(t.slug for t in TYPES)
BY_SLUG: dict[str, TherapyType] = {t.slug: t for t in TYPES}


def display_name(slug: str) -> str:
    """The digest name of ``slug`` ("No therapy" for ``none``)."""
    return BY_SLUG[slug].name if slug in BY_SLUG else "No therapy"
