# unbundle — see README.md. Quick start: `make run`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: install system-deps run test bench eval docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian's Chromium (Playwright drives it; no browser download) and PostgreSQL (tests start a
# throwaway cluster). Installed only when missing and when this machine lets us use apt-get.
system-deps:
	@sh scripts/system-deps.sh

run: install
	$(BIN)/unbundle serve --specs examples --host $(HOST) --port $(PORT)

test: install system-deps
	$(BIN)/python -m pytest

bench: install system-deps
	$(BIN)/python bench/run.py

eval: install
	$(BIN)/python -m scanner.eval

docs: install
	$(BIN)/python -m scanner.rules.docs docs/rules

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
