# `make test` installs what the tests need and runs every test. See README.md.

SHELL := /bin/bash
TEST_SITE := target/test-site
CHROMIUM ?= /usr/bin/chromium
VENV := target/venv

.PHONY: test deps chromium rust-tests js-tests browser-tests golden serve snapshots leesbaarheid

test: deps $(VENV)/.leerrecht-installed
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo test
	cargo run --quiet -- build --out $(TEST_SITE)
	LEERRECHT_SITE=$(TEST_SITE) node --test --test-timeout=600000 tests/js/
	$(VENV)/bin/python tests/docx_check.py
	LEERRECHT_SITE=$(TEST_SITE) CHROMIUM=$(CHROMIUM) node --test --test-timeout=600000 --test-concurrency=1 tests/browser/
	$(VENV)/bin/python tests/leesbaarheid.py $(TEST_SITE) --check > /dev/null

deps: node_modules/.leerrecht-installed chromium

# Python for the readability check (pyphen) and for reading our .docx files back (python-docx),
# pinned in tests/requirements.txt, in a venv under target/.
$(VENV)/.leerrecht-installed: tests/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet -r tests/requirements.txt
	touch $@

# Flesch-Douma and words per sentence per page, as the Markdown table in README.md.
leesbaarheid: $(VENV)/.leerrecht-installed
	cargo run --quiet -- build --out $(TEST_SITE)
	$(VENV)/bin/python tests/leesbaarheid.py $(TEST_SITE) --check

# npm packages exactly as package-lock.json pins them (test-only: the site ships none).
node_modules/.leerrecht-installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian packages for the browser tests: Chromium, and poppler-utils (pdfinfo, pdftotext) to
# read back the PDFs the print tests make. Installed when missing and we are root, otherwise a
# clear message.
chromium:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="chromium"; \
	command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Ontbreekt:$$missing; installeren met apt-get (duurt ongeveer een minuut)..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "De browsertests hebben nodig:$$missing." >&2; \
	    echo "Installeer het, bijvoorbeeld met: sudo apt-get install$$missing" >&2; \
	    echo "of wijs een andere Chromium aan met: make test CHROMIUM=/pad/naar/chromium" >&2; \
	    exit 1; \
	  fi; \
	fi

# Refresh tests/golden/search-words.tsv after changing the handbook's text.
golden:
	UPDATE_GOLDEN=1 cargo test --quiet --test it golden

serve:
	cargo run --release -- serve

# Accept the snapshots of every page's <main> after a deliberate change (read the diff first).
snapshots:
	INSTA_UPDATE=always cargo test --quiet --test it snapshots
