"""Compile the classifier's hot modules with mypyc (see ``native.py``), when their sources changed.

    python -m service.therapies.build_native

``make`` runs it before the tests and the demo. Without a C compiler or the Python headers it says
so and leaves the pure Python modules to run.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from contextlib import chdir
from pathlib import Path

from service.therapies.native import BUILD_DIR, MODULES, RECORD, current, record

_ROOT = Path(__file__).resolve().parents[2]  # the directory holding the ``service`` package


def build(build_dir: Path | None = None) -> Path:
    """Compile ``MODULES`` into ``build_dir`` (replacing an earlier build whole); where it went."""
    from mypyc.build import mypycify
    from setuptools import Distribution  # type: ignore[import-untyped]

    build_dir = build_dir or BUILD_DIR
    wanted = record()  # hashed before compiling: a source edited meanwhile fails the check later
    sources = [f"service/therapies/{m}.py" for m in MODULES]
    work = Path(tempfile.mkdtemp(prefix="therapywatch-native-"))
    try:
        with chdir(_ROOT):  # mypy names the modules from the paths, relative to the package root
            extensions = mypycify(
                sources, separate=[(sources, "service.therapies.compiled")], target_dir=str(work / "c")
            )
            dist = Distribution({"name": "therapywatch-native", "ext_modules": extensions})
            command = dist.get_command_obj("build_ext")
            command.build_lib = str(work / "out")
            command.build_temp = str(work / "tmp")
            command.parallel = os.cpu_count() or 1
            dist.run_command("build_ext")
        (work / "out" / RECORD).write_text(json.dumps(wanted), encoding="utf-8")
        staged = build_dir.with_name(build_dir.name + ".new")
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(work / "out", staged)
        shutil.rmtree(build_dir, ignore_errors=True)
        staged.rename(build_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return build_dir


def main() -> None:
    """Build when the sources changed since the last build (``make`` runs this every time)."""
    if current():
        return
    try:
        where = build()
    except (Exception, SystemExit) as exc:  # no compiler, no headers: the pure modules serve
        print(
            f"therapywatch: the classifier was not compiled ({exc}); it runs as pure Python", file=sys.stderr
        )
        return
    print(f"therapywatch: classifier compiled with mypyc into {where}")


if __name__ == "__main__":
    main()
