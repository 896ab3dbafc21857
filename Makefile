# Two commands: `make run` (set up, run on seeds/) and `make test` (set up, run the tests).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: setup run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# A CPU build of torch lies on these machines' disk; plain `torch` would pull a multi-GB CUDA build.
	$(PY) -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test,notebook]"
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(PY) -m arextract seeds -o out

test: setup
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

# Speed, memory, cold start and the BERT comparison; writes docs/benchmarks.md (minutes).
bench: setup
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[bench,parquet,dask]"
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) out
