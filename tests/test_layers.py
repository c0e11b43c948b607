"""The import layers of DESIGN.md, checked by parsing every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = {"service.models", "service.errors", "service.config", "service.text"}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {m for m in found if m.split(".")[0] in {"service", "scrapers", "digests"}}


def _modules(package: str) -> dict[str, set[str]]:
    out = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        out[name] = _imports(path)
    return out


ALL = {**_modules("service"), **_modules("scrapers"), **_modules("digests")}


def _violations(prefixes: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for mod, deps in ALL.items():
        if mod.startswith(prefixes):
            bad += [f"{mod} imports {d}" for d in deps if d.startswith(forbidden)]
    return bad


def test_nothing_imports_an_entrypoint() -> None:
    bad = [
        f"{m} imports {d}"
        for m, deps in ALL.items()
        if not m.startswith(("service.entrypoints", "service.__main__"))
        for d in deps
        if d.startswith("service.entrypoints")
    ]
    assert bad == []


def test_base_layer_imports_only_itself() -> None:
    bad = [
        f"{m} imports {d}"
        for m in BASE
        for d in ALL.get(m, set())
        if not any(d == b or d.startswith(b + ".") for b in BASE)
    ]
    assert bad == []


def test_stages_do_not_import_the_layers_above() -> None:
    stages = ("scrapers", "service.dedup", "service.therapies", "service.syndicate", "service.store")
    above = ("service.ingest", "service.jobs", "digests", "service.entrypoints")
    assert _violations(stages, above) == []


def test_digests_never_import_scrapers_or_jobs() -> None:
    assert _violations(("digests",), ("scrapers", "service.jobs", "service.entrypoints")) == []


def test_scrapers_never_touch_the_store() -> None:
    assert _violations(("scrapers",), ("service.store", "service.ingest")) == []
