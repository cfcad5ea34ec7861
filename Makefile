# One task vocabulary for people, hooks and CI: make run, make test, make lint, make bench.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEMO_DATA ?= data/demo/history.jsonl
MODEL_DIR ?= models/default
HOST ?= 127.0.0.1
PORT ?= 8000
export MLFLOW_DISABLE_TELEMETRY := true
export MLFLOW_TRACKING_URI ?= sqlite:///mlflow.db

.PHONY: install run demo model test lint bench notebooks clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

# Rebuilt when the code that makes them changes (an older model is refused by the loader).
$(DEMO_DATA): $(wildcard triage/datasets/demo/*) | $(INSTALLED)
	$(BIN)/triage demo-data --tickets 20000 --seed 0 --out $(DEMO_DATA)

demo: $(DEMO_DATA)

# The demo history plus the permissively licensed public data sets in TRIAGE_SHARED_DATA (../shared/data) with
# their partial labels; without that folder, the demo alone (the training output and model card say so).
$(MODEL_DIR)/metadata.json: $(DEMO_DATA) $(shell find triage -name '*.py' -o -name '*.yaml' -o -name '*.json' -o -name '*.j2') | $(INSTALLED)
	$(BIN)/triage train --data $(DEMO_DATA) --out $(MODEL_DIR) --public-data

model: $(MODEL_DIR)/metadata.json

# A random API key for the demo server, made once, kept out of git (.gitignore), readable by you alone.
DEMO_KEY_FILE ?= .triage-demo-key

$(DEMO_KEY_FILE): | $(INSTALLED)
	@umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(32))" > $@

run: model $(DEMO_KEY_FILE)
	@echo "demo history: $(DEMO_DATA)   model and model card: $(MODEL_DIR)/   MLflow runs: $(MLFLOW_TRACKING_URI)"
	@echo "serving the triage API on http://$(HOST):$(PORT) (docs at /docs); Ctrl-C to stop"
	@echo "demo API key (from $(DEMO_KEY_FILE)): $$(cat $(DEMO_KEY_FILE))"
	@echo "try: curl -s http://$(HOST):$(PORT)/v1/triage -H \"Authorization: Bearer $$(cat $(DEMO_KEY_FILE))\" -H 'Content-Type: application/json' -d '{\"id\": \"T-1\", \"subject\": \"API down\", \"body\": \"Production outage since 9am, we need this fixed now.\"}'"
	TRIAGE_API_KEYS_FILE=$(DEMO_KEY_FILE) TRIAGE_DOCS_ENABLED=true $(BIN)/triage serve --model $(MODEL_DIR) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint: install
	$(BIN)/ruff check triage service tests benchmarks notebooks
	$(BIN)/ruff format --check triage service tests benchmarks notebooks
	$(BIN)/mypy

# wrk, the HTTP load generator of the load benchmark, is a Debian package: installed here when run as root.
bench: model
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python benchmarks/speed.py --model $(MODEL_DIR) --data $(DEMO_DATA)
	$(BIN)/python benchmarks/quality.py
	# Models are kept per commit: a rerun after a code change must not score the last commit's models.
	$(BIN)/python benchmarks/out_of_the_box.py --label "$$(git rev-parse --short HEAD)" --work "/tmp/triage-seeds-$$(git rev-parse --short HEAD)"
	$(BIN)/python benchmarks/report.py --model $(MODEL_DIR) --data $(DEMO_DATA)
	$(BIN)/python benchmarks/load.py --model $(MODEL_DIR)
	$(BIN)/python benchmarks/robustness.py --model $(MODEL_DIR)
	# Heavy contenders need `pip install -e '.[contenders]'`; without it they are skipped and listed as such.
	$(BIN)/python benchmarks/contenders.py

# The KPI and evaluation notebooks on the full demo history, executed and exported as HTML next to them.
notebooks: model
	cd notebooks && for name in kpi_tracking model_evaluation; do \
		../$(BIN)/jupytext --to ipynb --output $$name.ipynb $$name.py && \
		../$(BIN)/jupyter nbconvert --to html --execute $$name.ipynb || exit 1; \
	done

clean:
	rm -rf $(VENV) data/demo $(MODEL_DIR) mlflow.db mlruns
