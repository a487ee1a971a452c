# The two commands a new user needs: `make run` and `make test`. Only Python 3.11+ is required.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := libs/contracts libs/servicekit libs/compliance services/discovery services/partnerships \
	services/content services/metrics gateway deploy/local clients/python
EDITABLE := $(foreach p,$(PACKAGES),-e $(p))
STAMP := $(VENV)/.installed
COMPILED := $(VENV)/.compliance-compiled
INSTALL_LOG := $(VENV)/install.log
SOURCES := $(wildcard $(foreach p,$(PACKAGES),$(p)/pyproject.toml)) requirements-dev.txt constraints.txt

.PHONY: install run demo test test-integration lint format bench asyncapi client client-check k8s-check k8s-e2e compose-check clean

# pip's own output goes to $(INSTALL_LOG), shown only when it fails: setuptools warns about every
# editable install of a flat layout (about 80 lines that ask nothing of the reader).
$(STAMP): $(SOURCES)
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (found %s)" % sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@echo "setting up $(VENV) with $$($(PYTHON) --version)"
	@$(PYTHON) -m venv $(VENV)
	@echo "installing the platform's packages and their dependencies from PyPI (a minute or two; log: $(INSTALL_LOG))"
	@{ $(BIN)/python -m pip install --upgrade pip && \
		$(BIN)/python -m pip install -c constraints.txt $(EDITABLE) -r requirements-dev.txt; } > $(INSTALL_LOG) 2>&1 \
		|| { tail -n 40 $(INSTALL_LOG); echo "pip failed; the whole log is $(INSTALL_LOG)"; exit 1; }
	@touch $(STAMP) $(COMPILED)
	@echo "installed: $(VENV)"

install: $(STAMP) $(COMPILED)

# libs/compliance is compiled with Cython where a C compiler is at hand (setup.py); a rule module
# edited since is read from its source (correct, slower) until this rebuilds it. `make bench` does.
$(COMPILED): $(STAMP) libs/compliance/setup.py $(wildcard libs/compliance/compliance/*.py)
	@echo "compiling libs/compliance (Cython; about a minute)"
	@$(BIN)/python -m pip install -c constraints.txt --no-deps -e libs/compliance > $(VENV)/compile.log 2>&1 \
		|| { tail -n 20 $(VENV)/compile.log; exit 1; }
	@touch $(COMPILED)

## everything on embedded defaults (SQLite per service, in-memory broker); Ctrl-C stops it
run: $(STAMP)
	$(BIN)/python -m devstack run

## `make run` with a demo account loaded through the API (once; its logins are printed)
demo: $(STAMP)
	$(BIN)/python -m devstack run --demo

## the whole suite on embedded defaults
test: $(STAMP)
	$(BIN)/pytest -m "not fault and not api_fuzz and not s3 and not report_render and not bench"

## the same suites plus the fault tests, on Apache Kafka and PostgreSQL
test-integration: $(STAMP)
	bash deploy/local/integration.sh $(BIN)/pytest -m "not bench"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## every benchmark in one run, its own Kafka + PostgreSQL started and stopped: bench/results/all.md
## and all.json (BENCH_ARGS="--quick" for a smoke run, "--only gateway_hop,..." for some)
bench: $(STAMP) $(COMPILED)
	$(BIN)/python bench/run_all.py $(BENCH_ARGS)

## renders every Kubernetes overlay and checks probes, resources, security contexts
k8s-check: $(STAMP)
	bash deploy/k8s/check.sh

## builds the image and proves deploy/k8s on a single-node Kubernetes started here (root; see deploy/cluster)
k8s-e2e: $(STAMP)
	bash deploy/cluster/e2e.sh

## checks compose.yaml with docker-compose (Debian's 1.29 is enough; no Docker engine needed)
compose-check:
	@command -v docker-compose >/dev/null || { echo "compose-check needs docker-compose (apt-get install docker-compose)"; exit 1; }
	docker-compose -f compose.yaml config -q && echo "compose.yaml: valid"

asyncapi: $(STAMP)
	$(BIN)/python -m contracts.asyncapi docs/asyncapi.json

## regenerates clients/python (and its openapi.json) from the merged OpenAPI, built in-process
client: $(STAMP)
	$(BIN)/python clients/generate_python.py

## fails when clients/python is not what the current OpenAPI generates (CI)
client-check: $(STAMP)
	$(BIN)/python clients/generate_python.py --check

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
