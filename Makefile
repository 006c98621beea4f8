# Everything a fresh machine with python3 and make needs: the first target that runs creates
# .venv and installs the project with its dev extra; later runs reuse it until pyproject changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint typecheck imports unit screenshots bench clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

demo: $(INSTALLED)
	$(BIN)/hqms-desk demo

test: lint typecheck imports unit

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(INSTALLED)
	$(BIN)/mypy

imports: $(INSTALLED)
	$(BIN)/lint-imports

# Test workers (pytest-xdist): one per core, at most 4 (each holds its own PostgreSQL database
# and connections). `make unit PYTEST_WORKERS=0` runs serially.
PYTEST_WORKERS ?= auto

unit: $(INSTALLED)
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --maxprocesses=4

screenshots: $(INSTALLED)
	$(BIN)/python docs/tools/make_screenshots.py
	$(BIN)/python docs/tools/render_documents.py

bench: $(INSTALLED)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
