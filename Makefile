# Everything runs inside .venv; the stamp files reinstall when pyproject.toml changes.
# `make run` installs what running needs; `make test` (and `make demo`) add the dev tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed

.PHONY: run test lint bench demo extract clean train

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $(DEV_STAMP)

run: $(STAMP)
	@$(BIN)/python -m bot run

# A conversation with the real bot over the in-repo fake Bot API and news site; no Telegram.
demo: $(STAMP)
	@$(BIN)/python -m tests.demo

lint: $(DEV_STAMP)
	$(BIN)/ruff check bot handlers storage tests bench
	$(BIN)/ruff format --check bot handlers storage tests bench
	$(BIN)/mypy

# Two workers, a test file to each at a time (each worker starts its own PostgreSQL server):
# the suite waits on subprocesses and servers much of the time.
test: lint
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Fits the extraction models on ../shared/corpus and writes bot/facts/extraction/data/models.json.
train: $(STAMP)
	$(BIN)/python -m bot.facts.extraction.train

bench: $(DEV_STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
