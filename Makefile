# Everything a fresh machine with python3 and make needs: the first target that runs creates
# .venv and installs the project with its dev extra; later runs reuse it until pyproject changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint typecheck imports unit screenshots bench messages clean

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

# The gettext catalogue (docs/messages.md): message ids from the source into hqms.pot, then into
# each language's hqms.po, then compiled to the hqms.mo the program reads. Sorted and without
# source lines, so moving code leaves the files alone; no fuzzy guesses, no obsolete entries; the
# template's date is ignored, so a second run changes nothing.
LOCALE := domain/locale
KEYWORDS := -k tr -k N_ -k tr_in:1c,2 -k NC_:1c,2 -k define_code

messages: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords $(KEYWORDS) --no-location \
		--sort-output --width 100 --project hqms-desk --version 0.1.0 \
		-o $(LOCALE)/hqms.pot domain server client tui cli pdfgen
	$(BIN)/pybabel update -D hqms -d $(LOCALE) -i $(LOCALE)/hqms.pot --no-fuzzy-matching \
		--ignore-obsolete --ignore-pot-creation-date --width 100
	$(BIN)/pybabel compile -D hqms -d $(LOCALE)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
