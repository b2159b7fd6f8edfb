# Two commands do everything (see README):
#   make demo   set up .venv and run the main job on the example Renja
#   make test   set up .venv and run the whole test suite (what CI runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := tests/fixtures/perbup-pasuruan-147-2023-renja-bkpsdm-2024.txt

.PHONY: setup demo test lint docs

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: setup
	mkdir -p out
	$(BIN)/renja import $(EXAMPLE) -o out/example.json --report
	$(BIN)/renja export out/example.json --table tc33 --format csv -o out/example-tc33.csv
	-$(BIN)/renja check out/example.json > out/example-findings.txt
	$(BIN)/renja render out/example.json --to pdf -o out/example.pdf
	$(BIN)/renja render out/example.json --to xlsx -o out/example.xlsx
	@echo "out/: example.json, example-tc33.csv, example-findings.txt, example.pdf, example.xlsx"

test: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

docs: setup
	$(BIN)/python -m renja.docs
