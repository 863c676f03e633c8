# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean lock

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/experiences demo

test: $(STAMP)
	$(BIN)/python -m pytest

# Re-resolve the lock from pyproject.toml in a throw-away venv (needs the package index).
lock:
	rm -rf /tmp/experiences-lock && $(PYTHON) -m venv /tmp/experiences-lock
	/tmp/experiences-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/experiences-lock/bin/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) data/
