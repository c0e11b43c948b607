"""Rules as data for story signatures: product aliases, condition names, event words, source tiers.

Sorted tables; each comment says why an entry is there. Product aliases map brand names, INNs and
their short forms to one key, so "Yescarta", "axicabtagene ciloleucel" and "axi-cel" name the same
product in two write-ups of one event.
"""

from __future__ import annotations

# product key -> names it goes by (lower case). Only products whose write-ups often use another
# name than the press release; any other INN-like name still matches itself.
PRODUCT_ALIASES: dict[str, tuple[str, ...]] = {
    "afami-cel": ("afamitresgene autoleucel", "afamitresgene", "tecelra"),
    "axi-cel": ("axicabtagene ciloleucel", "axicabtagene", "yescarta"),
    "beti-cel": ("betibeglogene autotemcel", "betibeglogene", "zynteglo"),
    "brexu-cel": ("brexucabtagene autoleucel", "brexucabtagene", "tecartus"),
    "cilta-cel": ("ciltacabtagene autoleucel", "ciltacabtagene", "carvykti"),
    "delandistrogene": ("delandistrogene moxeparvovec", "elevidys", "srp-9001"),
    "etranacogene": ("etranacogene dezaparvovec", "hemgenix", "amt-061"),
    "exa-cel": ("exagamglogene autotemcel", "exagamglogene", "casgevy", "ctx001"),
    "fidanacogene": ("fidanacogene elaparvovec", "beqvez"),
    "ide-cel": ("idecabtagene vicleucel", "idecabtagene", "abecma"),
    "lifileucel": ("amtagvi",),
    "liso-cel": ("lisocabtagene maraleucel", "lisocabtagene", "breyanzi"),
    "lovo-cel": ("lovotibeglogene autotemcel", "lovotibeglogene", "lyfgenia"),
    "obe-cel": ("obecabtagene autoleucel", "obecabtagene", "aucatzyl"),
    "onasemnogene": ("onasemnogene abeparvovec", "zolgensma", "avxs-101"),
    "t-vec": ("talimogene laherparepvec", "talimogene", "imlygic"),
    "tisa-cel": ("tisagenlecleucel", "kymriah", "ctl019"),
    "valoctocogene": ("valoctocogene roxaparvovec", "roctavian"),
    "voretigene": ("voretigene neparvovec", "luxturna"),
}

# Brand names written in capitals that carry no INN suffix; found as products wherever they occur.
BRANDS: tuple[str, ...] = (
    "abecma", "amtagvi", "aucatzyl", "beqvez", "blincyto", "breyanzi", "carvykti", "casgevy",
    "elevidys", "enhertu", "hemgenix", "imlygic", "keytruda", "kisunla", "kymriah", "leqembi",
    "lutathera", "luxturna", "lyfgenia", "opdivo", "padcev", "pluvicto", "qalsody", "roctavian",
    "skysona", "spinraza", "tecartus", "tecelra", "trodelvy", "yescarta", "zolgensma", "zynteglo",
)  # fmt: skip

# INN stems that end product names (WHO INN stems: -mab antibodies, -cel cell therapies,
# -gene/-vec gene therapies, -rsen/-siran oligonucleotides, -nib/-clax/-parib small molecules).
INN_SUFFIXES: tuple[str, ...] = (
    "cel", "clax", "cogene", "dezaparvovec", "gene", "leucel", "mab", "nib", "parib", "parvovec",
    "rsen", "siran", "temcel", "tide", "vec", "zumab",
)  # fmt: skip
# Ordinary words that happen to end like an INN.
NOT_PRODUCTS = frozenset(
    {
        "antigene", "cancel", "carcel", "excel", "hotel", "intel", "level", "marcel", "model",
        "nickel", "novel", "parcel", "pixel", "transgene", "travel", "vessel", "kitchen",
        "petide", "peptide", "nucleotide", "oligonucleotide", "polypeptide", "dipeptide",
        "riptide", "antibody",
    }
)  # fmt: skip

# Code names like NTLA-2001 or CTX001 start with these when they are targets, units or years.
NOT_CODE_PREFIXES = frozenset(
    {"cd", "covid", "fy", "h", "hla", "il", "q", "sars", "ttr", "hiv", "cov", "bcma", "pd", "ctla",
     "her", "egfr", "kras", "brca", "jak", "btk", "cfr", "iso", "nct", "gmt", "utc", "am", "pm"}
)  # fmt: skip

# condition key -> phrases: lower case ones match in any case, acronyms (upper case) only as written,
# so "ALL" is leukaemia and "all" is not. Coarse on purpose: two write-ups of one event call a
# disease by different names ("large B-cell lymphoma" and "lymphoma").
CONDITIONS: dict[str, tuple[str, ...]] = {
    "als": ("amyotrophic lateral sclerosis", "ALS", "motor neuron disease"),
    "alzheimer": ("alzheimer", "alzheimer's"),
    "beta-thalassemia": ("thalassemia", "thalassaemia"),
    "breast-cancer": ("breast cancer",),
    "duchenne": ("duchenne",),
    "hemophilia-a": ("hemophilia a", "haemophilia a"),
    "hemophilia-b": ("hemophilia b", "haemophilia b"),
    "leukemia": ("leukemia", "leukaemia", "ALL", "CLL", "AML"),
    "lung-cancer": ("lung cancer", "NSCLC", "SCLC"),
    "lupus": ("lupus", "SLE"),
    "lymphoma": ("lymphoma", "LBCL", "DLBCL"),
    "melanoma": ("melanoma",),
    "multiple-sclerosis": ("multiple sclerosis",),
    "myeloma": ("myeloma",),
    "parkinson": ("parkinson", "parkinson's"),
    "retinal-dystrophy": ("retinal dystrophy", "retinitis pigmentosa", "leber congenital amaurosis"),
    "sickle-cell": ("sickle cell", "sickle-cell"),
    "sma": ("spinal muscular atrophy", "SMA"),
    "synovial-sarcoma": ("synovial sarcoma",),
}

# event kind -> words that announce it (upper case: acronyms matched as written). Checked on the
# headline first: the headline names the event, while the body of an approval story also recounts
# the trial results behind it.
EVENT_KINDS: dict[str, tuple[str, ...]] = {
    "approval": ("approval", "approve", "approved", "approves", "authorisation", "authorization",
                 "authorised", "authorized", "clears", "cleared", "green light", "licensed",
                 "marketing authorisation", "nod", "positive opinion", "recommends", "recommended"),
    "filing": ("accepts", "accepted", "BLA", "files", "filing", "priority review", "submission",
               "submits", "submitted"),
    "pricing": ("price", "priced", "pricing", "reimbursement", "cost-effective", "NICE"),
    "readout": ("data", "readout", "results", "shows", "showed", "met", "meets", "trial finds",
                "survival", "response rate", "study finds"),
    "setback": ("clinical hold", "halts", "paused", "pauses", "death", "deaths", "withdraws",
                "discontinue", "discontinues", "rejects", "rejected", "complete response letter"),
}  # fmt: skip

# endpoint key -> phrases. The 2021 event-free-survival and the 2023 overall-survival readouts of
# one trial are two events; the endpoint a story leads with tells them apart.
ENDPOINTS: dict[str, tuple[str, ...]] = {
    "dfs": ("disease-free survival", "disease free survival"),
    "efs": ("event-free survival", "event free survival"),
    "orr": ("overall response rate", "objective response rate"),
    "os": ("overall survival",),
    "pfs": ("progression-free survival", "progression free survival"),
}

# Source tiers, best first: where a story's representative should come from.
REGULATOR, JOURNAL, COMPANY, NEWS, AGGREGATOR = 0, 1, 2, 3, 4
SOURCE_DOMAINS: dict[str, int] = {
    "accessdata.fda.gov": REGULATOR,
    "accesswire.com": COMPANY,
    "ashpublications.org": JOURNAL,
    "ascopubs.org": JOURNAL,
    "biorxiv.org": JOURNAL,
    "bmj.com": JOURNAL,
    "businesswire.com": COMPANY,
    "cell.com": JOURNAL,
    "clinicaltrials.gov": REGULATOR,
    "ema.europa.eu": REGULATOR,
    "eurekalert.org": AGGREGATOR,
    "fda.gov": REGULATOR,
    "feedburner.com": AGGREGATOR,
    "finance.yahoo.com": AGGREGATOR,
    "globenewswire.com": COMPANY,
    "jamanetwork.com": JOURNAL,
    "medicalxpress.com": AGGREGATOR,
    "medrxiv.org": JOURNAL,
    "mhra.gov.uk": REGULATOR,
    "msn.com": AGGREGATOR,
    "nature.com": JOURNAL,
    "nejm.org": JOURNAL,
    "news.google.com": AGGREGATOR,
    "newswire.ca": COMPANY,
    "nice.org.uk": REGULATOR,
    "pmda.go.jp": REGULATOR,
    "prnewswire.com": COMPANY,
    "science.org": JOURNAL,
    "sciencedaily.com": AGGREGATOR,
    "thelancet.com": JOURNAL,
}

# Regulators: the same product approved by the FDA and in Europe in one week is two events.
AGENCIES: dict[str, tuple[str, ...]] = {
    "ema": ("CHMP", "EMA", "European Commission", "European Medicines Agency"),
    "fda": ("FDA", "Food and Drug Administration"),
    "health-canada": ("Health Canada",),
    "mhra": ("MHRA", "Medicines and Healthcare products Regulatory Agency"),
    "nice": ("NICE", "National Institute for Health and Care Excellence"),
    "nmpa": ("NMPA", "National Medical Products Administration"),
    "pmda": ("PMDA", "Ministry of Health, Labour and Welfare"),
}

# Words too common in medical news to say anything about which event a story reports.
STOPWORDS = frozenset(
    """about above after again against also among announced another around based because been
    before being below between both company could data during each early either even every first
    from further have having here however into just later least less made make many more most much
    must news next only other over patients people percent phase please press release report
    reported said says should since some still study such than that their them then there these
    they this those through today trial under until very were what when where which while will
    with within would year years""".split()  # noqa: SIM905
)
