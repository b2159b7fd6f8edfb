# Two commands do everything (see README):
#   make demo   set up .venv and start the web app on SQLite with demo data (http://127.0.0.1:8000)
#   make test   set up .venv and run the whole test suite (what CI runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APP_STAMP := $(VENV)/.installed-app
EXAMPLE := tests/fixtures/perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt
PG_URL ?= postgres://postgres@127.0.0.1:5432/renja
HOST ?= 127.0.0.1:8000

.PHONY: setup app demo cli-demo test test-sqlite test-postgres test-browser lint docs system

# `setup`: the app and what the tests need (ruff, mypy, pytest, Playwright …); `app`: only what
# the app needs to run, for `make demo` (about half the download).
setup: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[dev]'
	touch $(STAMP) $(APP_STAMP)

app: $(APP_STAMP)

$(APP_STAMP): pyproject.toml requirements/constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e .
	touch $(APP_STAMP)

# Debian packages the browser tests and PDF screenshots need (root, as on CI machines).
system:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null; }

demo: app
	RENJA_DEMO=1 RENJA_INSECURE_COOKIES=1 $(BIN)/renja serve --demo --host $(HOST)

cli-demo: app
	mkdir -p out
	$(BIN)/renja import $(EXAMPLE) -o out/example.json --report
	$(BIN)/renja export out/example.json --table tc33 --format csv -o out/example-tc33.csv
	-$(BIN)/renja check out/example.json > out/example-findings.txt
	$(BIN)/renja render out/example.json --to pdf -o out/example.pdf
	$(BIN)/renja render out/example.json --to xlsx -o out/example.xlsx

test: setup system lint test-sqlite test-postgres test-browser

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

test-sqlite: setup
	$(BIN)/pytest

test-postgres: setup
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	DATABASE_URL=$(PG_URL) $(BIN)/pytest

test-browser: setup system
	$(BIN)/pytest -m browser

docs: setup
	$(BIN)/python -m renja.docs
