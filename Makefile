# `make demo` and `make test` work on a fresh machine with nothing but Python 3.11+:
# they create .venv, install the project, and run.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: install demo test lint eval bench system-deps clean train gold

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# espeak-ng and sox synthesize the speech the audio tests transcribe; tests only.
system-deps:
	@command -v espeak-ng >/dev/null 2>&1 && command -v sox >/dev/null 2>&1 || \
	  ( $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq espeak-ng sox >/dev/null )

demo: $(STAMP)
	$(VENV)/bin/touchpoint demo

test: $(STAMP) system-deps
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check assistant extractors prompts vector_index api evals benchmarks tests
	$(VENV)/bin/mypy assistant extractors prompts vector_index api evals

eval: $(STAMP)
	$(VENV)/bin/touchpoint eval --dataset evals/datasets/test.jsonl --extractor rules --report reports/eval

# The learned layer: rewrite the sentence set, then retrain the classifiers into
# extractors/learned/weights/ (weights + model card). Deterministic: same files, same scores.
train: $(STAMP)
	$(PY) -m evals.sentence_set
	$(PY) -m evals.train_learned
	$(PY) -m evals.train_sides

# Rewrite the composed gold items (evals/datasets/composed-{dev,test}.jsonl) from their scenes.
gold: $(STAMP)
	$(PY) -m evals.compose_gold

bench: $(STAMP)
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info reports
