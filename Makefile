# Second Date: the two commands are `make serve` and `make test`. Both set everything up
# on a fresh clone; the targets below them are the steps, each usable on its own.

PYTHON ?= $(shell command -v python3.13 || command -v python3)
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The sub-path `make preview` serves the site under, as GitHub Pages serves a project site.
PREVIEW_PATH ?= /second-date/

export NO_MKDOCS_2_WARNING := 1
export UV_PYTHON_DOWNLOADS := never

.PHONY: serve stop test setup regions browser lint typecheck unit build preview e2e clean new-article check-article cairo bench stdlib-trace

# Where `make serve` records its server's process id, one file per port, for `make stop`.
SERVE_PID = .cache/second-date/serve-$(PORT).pid

## serve: set up, then build and serve the site at http://$(HOST):$(PORT)/ (rebuilds on change)
# Not --strict: the preview shows content problems in the page and keeps answering (make build is strict).
# `exec` keeps the recorded id: the shell that wrote it becomes the server. Stop it with Ctrl-C or make stop.
serve: setup
	@mkdir -p $(dir $(SERVE_PID))
	echo $$$$ > $(SERVE_PID); exec $(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

## stop: end the server `make serve` started on $(PORT) (by its recorded process id, nothing else)
stop:
	@$(BIN)/python -m devtools.stop_preview $(SERVE_PID)

## test: set up, then run every check: lint, types, unit tests, strict build, browser tests
test: setup browser lint typecheck unit build e2e

## setup: the virtual environment (locked Python packages), the pinned Pyodide runtime, Cairo,
## and the region data the command line and the tests read
setup: $(VENV)/.synced node_modules/.installed cairo regions

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --compile-bytecode: the packages' bytecode is written here, once. Python never writes it
# where PYTHONDONTWRITEBYTECODE is set (as in many containers), and then every build spent
# over a second compiling MkDocs, Material and their dependencies again.
$(VENV)/.synced: $(UV) pyproject.toml uv.lock .python-version
	$(UV) sync --frozen --compile-bytecode
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## regions: generate this year's region data into .cache/second-date/regions/ (once per holidays release and year)
regions: $(VENV)/.synced
	@$(BIN)/python -m devtools.regions

## browser: make sure a Chromium exists for the end-to-end tests
browser: setup
	@$(BIN)/python -m devtools.browser --install

# The page's types, generated from the protocol's one definition (git ignores the output).
PROTOCOL_SCHEMA := docs/assets/javascripts/calculator/protocol.schema.json
PROTOCOL_TYPES := docs/assets/javascripts/calculator/protocol-types.d.ts
$(PROTOCOL_TYPES): $(PROTOCOL_SCHEMA) node_modules/.installed
	node_modules/.bin/json2ts -i $(PROTOCOL_SCHEMA) -o $@ --unreachableDefinitions --no-format

lint: setup $(PROTOCOL_TYPES)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json
	node_modules/.bin/tsc -p bench/pages/tsconfig.json
	node_modules/.bin/tsc -p bench/pages/tsconfig.worker.json

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest tests/unit tests/build
	node --test tests/js/

## build: the strict build into site/, exactly what is published (set SITE_URL to its address)
build: setup
	$(BIN)/mkdocs build --strict

## preview: build for http://$(HOST):$(PORT)$(PREVIEW_PATH) and serve site/ there, as GitHub Pages would
preview: setup
	SITE_URL=http://$(HOST):$(PORT)$(PREVIEW_PATH) $(BIN)/mkdocs build --strict
	$(BIN)/python -m devtools.serve site --prefix $(PREVIEW_PATH) --host $(HOST) --port $(PORT)

e2e: setup browser
	$(BIN)/pytest tests/e2e tests/engines

clean:
	rm -rf site $(VENV) $(TOOLS) node_modules .pytest_cache .mypy_cache .ruff_cache

## new-article: scaffold the next part of the series: make new-article TITLE="Your title"
# (TITLE reaches the recipe through the environment, so quotes in a title are safe)
new-article: setup
	@test -n "$$TITLE" || { echo 'usage: make new-article TITLE="Your title"' >&2; exit 2; }
	$(BIN)/python -m devtools.new_article "$$TITLE"

## check-article: check one draft in seconds: make check-article FILE=docs/articles/posts/<slug>.md
# (needs only the virtual environment: no Cairo, Node.js or browser)
check-article: $(VENV)/.synced
	@test -n "$$FILE" || { echo 'usage: make check-article FILE=docs/articles/posts/<slug>.md' >&2; exit 2; }
	@$(BIN)/python -m devtools.check_article "$$FILE"

## cairo: the Cairo library the social cards are drawn with (as root on Debian: apt-get install libcairo2)
cairo: $(VENV)/.synced
	@$(BIN)/python -m devtools.cairo_library --install

## bench: measure the calculator against the bare Pyodide floor (table + bench-results/bench.json)
# BENCH_RUNS page runs (medians), BUILD_RUNS builds per article count; ~8 min with the defaults,
# about 40 % of it in Firefox and WebKit (BENCH_ARGS="--engines ''" leaves them out).
# BENCH_ARGS passes more options, e.g. BENCH_ARGS="--throttle 20 --articles ''" (a 20 Mbit/s network, pages only)
BENCH_RUNS ?= 5
BUILD_RUNS ?= 1
BENCH_ARGS ?=
bench: setup browser
	$(BIN)/python -m bench --runs $(BENCH_RUNS) --build-runs $(BUILD_RUNS) $(BENCH_ARGS)

## stdlib-trace: find again which standard-library files the calculator uses (build_tools/pruned-stdlib.txt)
# Runs the calculator's tests to record their requests, then the worker's Python under Node
# over all of them (a few minutes). Needed when the pinned Pyodide changes (the build stops
# until it is run) or the calculator imports something new; review the list's diff.
stdlib-trace: setup
	$(BIN)/python -m devtools.stdlib_trace
