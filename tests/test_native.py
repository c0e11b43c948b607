"""The compiled classifier (service/therapies/native.py) against the pure Python one it is built from."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.therapies import classify, native
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

# Prints one line per (title, text) pair read from stdin: the repr of its Classification.
_CLASSIFY_ALL = """
import json, sys
from service.therapies import classify, native
print(native.compiled())
for line in sys.stdin:
    title, text = json.loads(line)
    print(repr(classify(title, text)))
"""


def _texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(DATA.glob("classify_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.append((row["title"], row["text"]))
    seeds = SHARED / "seeds"
    out += [("", p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    return out


@pytest.mark.skipif(native.active_dir() is None, reason="the classifier is not compiled (make native)")
def test_compiled_classifier_labels_every_labelled_item_as_the_pure_one_does() -> None:
    assert native.compiled()
    texts = _texts()
    assert len(texts) > 2000
    pure = subprocess.run(
        [sys.executable, "-c", _CLASSIFY_ALL],
        input="\n".join(json.dumps(t) for t in texts),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "THERAPYWATCH_NATIVE": "0"},
    ).stdout.splitlines()
    assert pure[0] == "False"  # the child ran the sources
    compiled = [repr(classify(title, text)) for title, text in texts]
    differ = [i for i, (a, b) in enumerate(zip(compiled, pure[1:], strict=True)) if a != b]
    assert not differ, f"{len(differ)} items differ, the first: {texts[differ[0]][0]!r}"


def test_a_build_is_used_only_for_the_sources_it_was_built_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("THERAPYWATCH_NATIVE", raising=False)
    assert native.active_dir(tmp_path) is None  # nothing built
    stamp = native.record()
    (tmp_path / native.RECORD).write_text(json.dumps(stamp), encoding="utf-8")
    assert native.active_dir(tmp_path) == tmp_path / "service" / "therapies"
    monkeypatch.setenv("THERAPYWATCH_NATIVE", "0")
    assert native.active_dir(tmp_path) is None  # switched off
    monkeypatch.delenv("THERAPYWATCH_NATIVE")
    edited = {**stamp, "sources": {**stamp["sources"], "classifier": "0" * 64}}
    (tmp_path / native.RECORD).write_text(json.dumps(edited), encoding="utf-8")
    assert native.active_dir(tmp_path) is None  # built from other sources
    (tmp_path / native.RECORD).write_text("{not json", encoding="utf-8")
    assert native.active_dir(tmp_path) is None


@pytest.mark.slow
def test_a_build_compiles_every_module_and_records_the_sources_it_was_built_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("mypyc")
    monkeypatch.delenv("THERAPYWATCH_NATIVE", raising=False)
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler")
    from service.therapies.build_native import build

    where = build(tmp_path / "native")
    package = where / "service" / "therapies"
    for module in native.MODULES:
        assert list(package.glob(f"{module}.*.so")) or list(package.glob(f"{module}.*.pyd")), module
    assert json.loads((where / native.RECORD).read_text(encoding="utf-8")) == native.record()
    assert native.active_dir(where) == package
