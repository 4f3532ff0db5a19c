# MC2CM portal. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/sh
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: help install run serve backup restore test test-sqlite test-postgres messages makemessages migrate demo lint format

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: pyproject.toml
	@echo "- Installing the portal and its pinned dependencies into $(VENV)"
	@python3 -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check uv
	@$(VENV)/bin/uv pip install --quiet --python $(PY) -e '.[dev,test]'
	@touch $@

install: $(VENV)/.installed ## Create the virtual environment and install the portal

messages: install ## Compile the Arabic and French UI translations (.po -> .mo)
	@scripts/system_deps.sh gettext
	@echo "- Compiling the Arabic and French translations"
	@$(MANAGE) compilemessages --ignore='.venv' -v 0

makemessages: install ## Collect new UI strings into locale/ar and locale/fr
	$(MANAGE) makemessages -l ar -l fr --ignore='.venv/*' --ignore='staticfiles/*' --no-obsolete

# wagtail-modeltranslation prints the SQL of the page columns it adds whatever the verbosity:
# keep it in a log that is shown only if migrating fails.
migrate: install ## Apply migrations (always --noinput: wagtail-modeltranslation adds page columns)
	@echo "- Preparing the database"
	@log=$$(mktemp); $(MANAGE) migrate --noinput -v 0 >"$$log" 2>&1 \
		|| { cat "$$log"; rm -f "$$log"; exit 1; }; rm -f "$$log"

demo: migrate ## Load the demo content and the local admin, editor, moderator and partner accounts (idempotent)
	@scripts/system_deps.sh pdf
	@echo "- Loading the demo content and the development accounts"
	@$(MANAGE) load_demo_content
	@$(MANAGE) create_dev_accounts

run: messages demo ## Serve the portal with its demo content on http://127.0.0.1:8000/ (SQLite)
	@echo "- Serving http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/); Ctrl+C stops"
	@$(MANAGE) runserver 127.0.0.1:8000

serve: messages ## Serve in production with gunicorn (collectstatic and migrate first); see scripts/serve.sh
	PYTHON=$(PY) scripts/serve.sh

backup: install ## Write the database and the media files to one archive in backups/
	$(MANAGE) backup

restore: install ## Bring back a `make backup` archive: make restore ARCHIVE=backups/mc2cm-....tar.gz
	$(MANAGE) restore "$(ARCHIVE)"

# Refuse at once, before installing anything, when the archive is not named.
ifneq ($(filter restore,$(MAKECMDGOALS)),)
ifeq ($(strip $(ARCHIVE)),)
$(error Say which archive to restore: make restore ARCHIVE=backups/mc2cm-YYYYmmdd-HHMMSS.tar.gz)
endif
endif

# One throwaway PostgreSQL cluster for the whole run: its demo site (tests/servers.py) is built
# in the background while the SQLite run builds its own, each on one CPU, instead of one after
# the other. The SQLite run names a folder of its own (tests/conftest.py).
test: install messages ## Run the suite on SQLite, then all of it (browser tests too) on a throwaway PostgreSQL cluster
	@scripts/system_deps.sh postgresql chromium pdf redis stack
	$(PY) scripts/throwaway_postgres.py -- sh -c '\
		export MC2CM_TEST_DEMO_SITE="$$(mktemp -d -t mc2cm-demo-site-XXXXXX)"; \
		$(PY) -m tests.servers & \
		env -u DATABASE_URL -u MC2CM_TEST_DEMO_SITE $(PYTEST_PARALLEL) \
		&& $(PYTEST_PARALLEL) && $(PYTEST_BROWSER) && $(PYTEST_ALONE); status=$$?; \
		wait; rm -rf "$$MC2CM_TEST_DEMO_SITE"; exit $$status'

# The browser tests drive the same views through Chromium: once is enough, on PostgreSQL,
# the production database. Three pytest-xdist workers on the two CPUs, whole modules per
# worker, so that a module's server or site is built once; each worker has its own test
# database, and for the browser tests its own portal and Chromium. Many tests wait for a
# server, a browser or a subprocess, so with two workers a CPU was often idle: on this
# 2-CPU machine three took the SQLite run from 280 s to 218 (four: 232), and the whole
# `make test` from 19 minutes to 15.
# Then the `stack` tests (real Redis and SeaweedFS; tests/stack/: two gunicorns, nginx and
# Varnish, restarted and stopped under load), two modules at a time, each with its own
# services on their own ports; last, alone, the `serial` one (it stops PostgreSQL).
PYTEST_PARALLEL := $(PY) -m pytest -n 3 --dist loadfile --ignore=tests/browser -m "not serial and not stack"
PYTEST_BROWSER := $(PY) -m pytest -n 3 --dist loadfile -m "browser and not serial and not stack" tests/browser
PYTEST_ALONE := $(PY) -m pytest -n 2 --dist loadfile -m "stack and not serial" && $(PY) -m pytest -m serial

test-sqlite: install ## Run the suite on SQLite (all but the browser tests)
	env -u DATABASE_URL $(PYTEST_PARALLEL)

# Both runs start from one demo site, migrated and loaded once (tests/servers.py) into the
# folder named here and a database of the throwaway cluster, which takes it along when it goes.
test-postgres: install ## Run the whole suite, browser tests included, on a throwaway PostgreSQL cluster
	$(PY) scripts/throwaway_postgres.py -- sh -c '\
		export MC2CM_TEST_DEMO_SITE="$$(mktemp -d -t mc2cm-demo-site-XXXXXX)"; \
		$(PYTEST_PARALLEL) && $(PYTEST_BROWSER) && $(PYTEST_ALONE); status=$$?; \
		rm -rf "$$MC2CM_TEST_DEMO_SITE"; exit $$status'

lint: install ## Check the code with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# --- Benchmark (bench/, not part of `make test`) --------------------------------------------
.PHONY: bench bench-quick bench-ratios bench-load bench-stack

bench: install messages ## Benchmark everything (queries, throughput, 1x/10x/100x, weight, Lighthouse), ~15 min
	@scripts/system_deps.sh postgresql chromium
	$(PY) bench/run.py

bench-quick: install messages ## Benchmark SQL queries and page weight on the demo content only, ~2 min
	@scripts/system_deps.sh postgresql chromium
	$(PY) bench/run.py --quick

bench-ratios: install messages ## The city page's three throughput ratios against the static limit, and the other pages', ~10 min
	@scripts/system_deps.sh postgresql
	$(PY) bench/run.py --parts throughput --scales 1

bench-load: install messages ## Load run: gunicorn + PostgreSQL, main pages in ar/fr/en, 90 s under load, ~5 min in all
	@scripts/system_deps.sh postgresql
	$(PY) bench/load.py

bench-stack: install messages ## Several machines on one: Varnish and nginx + two gunicorns against nginx's static limit, publish to fresh; ~6 min
	@scripts/system_deps.sh postgresql redis stack
	$(PY) scripts/throwaway_postgres.py -- $(PY) bench/stack.py
