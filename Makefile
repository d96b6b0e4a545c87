# Two commands for a fresh machine:  make demo  |  make test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= newsgraph.sqlite

.PHONY: demo serve test install install-api install-test evaluate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# `newsgraph prepare` builds the gazetteer indexes once (~10 s), so no first run waits for them
install: $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/newsgraph prepare

install-api: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[api]"
	$(BIN)/newsgraph prepare

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/newsgraph prepare

# the api extra too, so `newsgraph serve` opens the demo store in the dashboard right away
demo: install-api
	$(BIN)/newsgraph demo --db $(DB)
	@echo "(or: make serve)"

serve: install-api
	$(BIN)/newsgraph serve --db $(DB)

test: install-test
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

evaluate: install
	$(BIN)/newsgraph evaluate

bench: install
	$(BIN)/newsgraph bench

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
