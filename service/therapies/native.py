"""The classifier's hot modules compiled to C by mypyc, used only when built from these very sources.

The classifier is plain, strictly typed Python. ``python -m service.therapies.build_native``
(``make`` runs it) compiles ``MODULES`` with mypyc, which ships with mypy, into ``BUILD_DIR`` inside the
virtual environment, and records the Python it was built for and the hash of each source. This
package calls ``use(__path__)`` before it imports the classifier: when the record matches the
sources as they are now, the compiled directory goes first on the package's search path and
``service.therapies.classifier`` is the compiled module. An edited source, another Python, no C
compiler, or ``THERAPYWATCH_NATIVE=0`` leaves the pure modules in place; they give the same labels,
1.25-1.45x slower (``tests/benchmarks/classify.py`` prints which ran). Only these modules' own code is
compiled: what they import (``terms``, ``taxonomy``, ``models``) is read at run time as usual, so
editing the terms needs no rebuild.

The compiled modules' constants are declared ``Final``: mypyc then reads them from C variables (or
inlines them) instead of looking each one up in the module's dictionary on every use, which was a
tenth of the classifier's instructions.

mypyc checks the annotations at run time, so a wrong type raises ``TypeError`` in the compiled
modules where plain Python would carry on: ``tests/test_native.py`` holds the two to the same
results on the labelled sets.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
from pathlib import Path

MODULES = ("classifier", "furniture", "lexicon", "normalise")
BUILD_DIR = Path(sys.prefix) / "therapywatch-native"
RECORD = "record.json"
_HERE = Path(__file__).resolve().parent


def record() -> dict[str, object]:
    """What a build is valid for: this Python's extension suffix and the sources' hashes."""
    return {
        "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
        "sources": {m: hashlib.sha256((_HERE / f"{m}.py").read_bytes()).hexdigest() for m in MODULES},
    }


def current(build_dir: Path | None = None) -> bool:
    """Whether ``build_dir`` holds a build of the sources as they are now, for this Python."""
    try:
        stored = json.loads(((build_dir or BUILD_DIR) / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(stored == record())


def active_dir(build_dir: Path | None = None) -> Path | None:
    """The compiled package directory, when it is current and wanted."""
    build_dir = build_dir or BUILD_DIR
    if os.environ.get("THERAPYWATCH_NATIVE", "1") == "0" or not current(build_dir):
        return None
    return build_dir / "service" / "therapies"


def use(path: list[str]) -> None:
    """Put the compiled modules ahead of the sources on ``path`` (a package's ``__path__``) when
    they are valid."""
    found = active_dir()
    if found is not None and str(found) not in path:
        path.insert(0, str(found))


def compiled() -> bool:
    """Whether the classifier running in this process is the compiled one."""
    from service.therapies import classifier

    return not str(classifier.__file__).endswith(".py")
