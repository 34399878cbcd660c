# Two commands: `make run` (set up, build the index from corpus/ on first start, open the chat UI)
# and `make test` (set up, run the whole test suite offline).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: setup run test test-fast bench eval lint

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

setup: $(BIN)/.installed

run: setup
	$(BIN)/python -m assistant serve

# Built test indexes are cached in .cache/test-index (keyed by inputs and ingest code); delete it to start cold.
test: setup
	$(BIN)/ruff check ingest assistant evals tests
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/ruff check ingest assistant evals tests
	$(BIN)/python -m pytest -q -m "not slow"

# Archive scale: N fictional reports ingested and measured against the targets (see evals/bench/).
bench: setup
	$(BIN)/python -m evals.benchmark --reports $(or $(REPORTS),100) --chroma-server

eval: setup
	$(BIN)/python -m evals run --dataset evals/dataset.jsonl --corpus corpus
