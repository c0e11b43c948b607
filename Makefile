# Two commands do all the set-up: `make demo` and `make test`. Each creates .venv when needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: demo test native lint typecheck pytest slow bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP) native
	$(BIN)/therapywatch demo $(ARGS)

test: $(STAMP) native lint typecheck pytest

# The classifier compiled by mypyc (service/therapies/native.py): rebuilt when its sources changed,
# skipped with a note when there is no C compiler (the pure Python modules then run).
native: $(STAMP)
	$(BIN)/python -m service.therapies.build_native

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest $(ARGS)

slow: $(STAMP)
	$(BIN)/python -m pytest -m slow $(ARGS); rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 5 ]

bench: $(STAMP) native
	for b in tests/benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var .mypy_cache .pytest_cache .ruff_cache
