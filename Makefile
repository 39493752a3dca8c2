# minutebook: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: install browser demo serve test test-sqlite test-postgres lint bench-import clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Build a demo database on SQLite (generated papers and, when present, ../shared/corpus) and serve it.
demo: install
	MINUTEBOOK_DEBUG=1 $(BIN)/minutebook demo --serve

serve: install
	MINUTEBOOK_DEBUG=1 $(BIN)/minutebook serve

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

test-sqlite: install
	$(BIN)/pytest

test-postgres: install
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest; \
	else \
		echo "PostgreSQL does not answer at $(PG_URL): skipping the PostgreSQL run"; \
	fi

## Debian's Chromium for the browser tests (they skip, saying why, when it cannot be installed).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium not installed: browser tests will be skipped"; }

## Install, lint, then the whole suite on SQLite and on PostgreSQL.
test: browser lint test-sqlite test-postgres

## Import benchmark on a generated corpus (prints figures).
bench-import: install
	$(BIN)/python -m benchmarks.importer

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache demo-data bench-data minutebook.sqlite3*
