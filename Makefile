PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium
SAMPLE_DB := .cablekit/sample.db

.PHONY: venv run test lint format bench clean

venv: $(STAMP)

## Debian's Chromium, for the browser tests (Playwright drives it; it never downloads one).
## Without root or a package mirror this fails quietly and the browser tests say they skip.
$(CHROMIUM):
	-apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 || \
	  (apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends chromium >/dev/null 2>&1)

## The modules setup.py compiles with mypyc: an edit to one rebuilds them (about a minute),
## so that a stale compiled module never hides the edit (CABLEKIT_PURE_PYTHON=1 skips it).
COMPILED := src/cablekit/segment.py $(wildcard src/cablekit/parse/*.py src/cablekit/parse/*/*.py \
	src/cablekit/extract/*.py)

$(STAMP): pyproject.toml setup.py $(COMPILED)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	find src -name '*.so' -delete
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## The main job: the web app over a library of the bundled sample cables (built once).
run: venv
	@# idempotent: builds the sample library, or brings one of an older cablekit up to date
	@$(BIN)/cablekit ingest --db $(SAMPLE_DB) --no-progress samples/cables-sample.jsonl > /dev/null
	@echo "cablekit: serving the sample library at http://127.0.0.1:8000/ (Ctrl-C stops it)"
	$(BIN)/cablekit serve --db $(SAMPLE_DB) --host 127.0.0.1 --port 8000

test: venv $(CHROMIUM)
	$(BIN)/ruff check src tests benchmarks tools setup.py
	$(BIN)/ruff format --check src tests benchmarks tools setup.py
	$(BIN)/pytest -q

lint: venv
	$(BIN)/ruff check src tests benchmarks tools setup.py

format: venv
	$(BIN)/ruff format src tests benchmarks tools setup.py
	$(BIN)/ruff check --fix src tests benchmarks tools setup.py

bench: venv
	$(BIN)/python benchmarks/bench_parse.py --passes 5

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
	find src -name '*.so' -delete
