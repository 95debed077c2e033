# The project's commands. Each does its own set-up (virtualenvs, pinned
# installs, OpenERP patches, PostgreSQL) on a fresh machine; see README.rst.
PYTHON3 ?= python3

.PHONY: demo test stop setup bench

demo:  ## the real shop with generated data, the real OpenERP, a sync, a summary
	$(PYTHON3) -m tests.harness demo

test:  ## every suite (shop, OpenERP, end-to-end, peer); ends with "N passed, N failed"
	$(PYTHON3) -m tests.harness test

stop:  ## stop every process the demo and the tests started (data stays in var/)
	$(PYTHON3) -m tests.harness stop

setup:  ## only build the virtualenvs
	$(PYTHON3) -m tests.harness setup

bench:  ## the benchmark on its own servers (SCALE=2 for a bigger store); var/bench/results.json
	$(PYTHON3) -m tests.bench
