# Everything runs inside .venv, created and filled from the hashed lock file on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JOBS   ?= 2

.PHONY: install demo test eval eval-update bench fuzz lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

demo: $(STAMP)
	$(BIN)/eventscope demo

test: $(STAMP)
	$(BIN)/python -m pytest -n $(JOBS) -q

eval: $(STAMP)
	$(BIN)/eventscope eval all --gate

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Atheris fuzzing of the ingest parsers (tests/fuzz/fuzz_ingest.py), FUZZ_SECONDS per target;
# the corpus grows in .fuzz/corpus-TARGET, a crashing input lands in .fuzz/TARGET-crash-*.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= jsonl json html text dispatch
fuzz: $(STAMP)
	mkdir -p .fuzz
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p .fuzz/corpus-$$target; \
	  $(BIN)/python tests/fuzz/fuzz_ingest.py $$target .fuzz/corpus-$$target \
	    -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=.fuzz/$$target- || exit 1; \
	done

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-find-links --no-emit-index-url -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .hypothesis
