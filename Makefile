# The two commands of the README: `make run` and `make test`. Everything else is their parts.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
WITH_DB := $(PY) -m cus_site.localdb
TEST_ENV := DEBUG=0 DATABASE_CONNECT_TIMEOUT=10 SECRET_KEY=tests-only-secret-key-$(shell hostname) ALLOWED_HOSTS=testserver,localhost,127.0.0.1 SITE_URL=http://testserver
ARGS ?=
TOOLS := .tools
VNU_VERSION := 26.9.27
VNU := $(TOOLS)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
export VNU_JAR := $(abspath $(VNU))

.PHONY: run test pytest lint format backup restore chromium java nginx redis wrk loadtest bench clean-db

$(INSTALLED): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Cannot create a virtual environment: install python3-venv (apt-get install python3-venv)."; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

run: $(INSTALLED)
	DEBUG=1 $(WITH_DB) sh -c '$(PY) manage.py migrate --noinput && $(PY) manage.py sync_media && $(PY) manage.py load_demo && $(PY) manage.py ensure_admin && exec $(PY) manage.py runserver 127.0.0.1:8000'

test: $(INSTALLED) chromium $(VNU) nginx redis lint
	$(TEST_ENV) $(WITH_DB) --redis sh -c '$(PY) manage.py check --fail-level WARNING && $(PY) manage.py makemigrations --check --dry-run && $(PY) -m pytest $(ARGS)'

# One test or a folder: make pytest ARGS="tests/news/test_views.py -k future"
pytest: $(INSTALLED) $(VNU) redis
	$(TEST_ENV) $(WITH_DB) --redis $(PY) -m pytest $(ARGS)

# One archive of the database and the uploaded files (README: "Backup and restore").
# make backup [OUTPUT=file.tar]; make restore FILE=file.tar [FORCE=1]
backup: $(INSTALLED)
	DEBUG=1 $(WITH_DB) $(PY) manage.py backup $(if $(OUTPUT),--output "$(OUTPUT)")

restore: $(INSTALLED)
	@test -n "$(FILE)" || { echo "Podaj plik kopii: make restore FILE=cus-backup-….tar"; exit 1; }
	DEBUG=1 $(WITH_DB) $(PY) manage.py restore "$(FILE)" $(if $(FORCE),--force)

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The browser tests drive Debian's Chromium; it is never downloaded by Playwright.
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else \
	    echo "Chromium is missing: install the Debian package chromium (sudo apt-get install chromium)."; exit 1; \
	  fi; }

# The Nu HTML checker (vnu.jar, from the npm registry) runs on Debian's Java; the suite validates
# every page type with it (tests/metadata/).
$(VNU): | java
	npm install --silent --no-audit --no-fund --prefix $(TOOLS)/vnu vnu-jar@$(VNU_VERSION) >/dev/null

java:
	@command -v java >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "Java is missing: install the Debian package default-jre-headless."; exit 1; \
	  fi; }

# tests/cus_site/test_nginx.py runs `nginx -t` on deploy/nginx/; Debian's package, never started
# (a policy-rc.d that refuses is put in place for the install when there is none).
nginx:
	@command -v nginx >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    made=; [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made=1; }; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; status=$$?; \
	    [ -z "$$made" ] || rm -f /usr/sbin/policy-rc.d; exit $$status; \
	  else \
	    echo "nginx is missing: its test is skipped (sudo apt-get install nginx-light to run it)."; \
	  fi; }

# Measurements of the production stack (cus_site/stack.py: its own temporary PostgreSQL and
# gunicorn with DEBUG off), never timed tests. Lengths by environment, e.g.
# `make loadtest LOADTEST_SECONDS=10` or `make bench BENCH_SECONDS=3 BENCH_POSTS=10`.
loadtest: $(INSTALLED)
	$(PY) -m cus_site.loadtest

bench: $(INSTALLED) wrk
	$(PY) -m cus_site.bench

# The benchmark's load generator: Debian's wrk.
wrk:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "wrk is missing: install the Debian package wrk (sudo apt-get install wrk)."; exit 1; \
	  fi; }

# The test wrapper starts a private Redis (Debian's redis-server) so the suite runs the page cache
# on it; the package's own service is not used (a policy-rc.d keeps it from starting).
redis:
	@command -v redis-server >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    made=; [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made=1; }; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; status=$$?; \
	    [ -z "$$made" ] || rm -f /usr/sbin/policy-rc.d; exit $$status; \
	  else \
	    echo "redis-server is missing: install the Debian package redis-server (sudo apt-get install redis-server)."; exit 1; \
	  fi; }

clean-db:
	rm -rf .pgdata
