# Every target installs what it needs first, so each works on a fresh clone with only
# Python 3.11+, git and make. CI (.ci/run) adds the Debian packages, then runs `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: help install serve build offline check test lint format bench system-deps system-deps-pdf clean

.DEFAULT_GOAL := help

# Only what macOS has too: GNU make 3.81, and BSD awk, sed and grep (whose sed writes
# `\t` as a `t`); tests/test_macos_make.py keeps GNU-only features out of this file.
help:  ## list these targets
	@awk -F ':.*## ' '/^[a-z][a-z-]*:.*## / { printf "  make %-17s%s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# __init__.py: the version, which an editable install keeps in its metadata.
$(INSTALLED): pyproject.toml constraints.txt plugins/coalition_handbook/__init__.py
	@$(PYTHON) -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "make: $(PYTHON) is missing, older than 3.11, or has no venv (Debian and" \
			"Ubuntu: apt-get install python3-venv, or python3.X-venv for python3.X;" \
			"macOS, whose own python3 is 3.9: install Python 3.12 from python.org or" \
			"Homebrew, brew install python@3.12; another Python: make PYTHON=python3.12 ...)" >&2; \
		exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable ".[test]"
	touch $(INSTALLED)

install: $(INSTALLED)  ## make .venv with the package, its tests' tools and the pinned versions

serve: $(INSTALLED)  ## serve the handbook at http://127.0.0.1:8000 and rebuild on every change
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(INSTALLED)  ## build the site into site/ (mkdocs build --strict)
	$(BIN)/mkdocs build --strict

# A self-contained folder for a USB stick: .html links, search from file:// pages.
offline: $(INSTALLED)  ## build a folder that works from a USB stick (file:// pages)
	HANDBOOK_OFFLINE=true $(BIN)/mkdocs build --strict

check: $(INSTALLED)  ## run every check without building (handbook check --strict)
	$(BIN)/handbook check --strict

lint: $(INSTALLED)  ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)  ## fix what ruff can and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# --durations: CI's log lists the slowest tests, where the suite's time goes (it is kept
# well under 15 minutes).
test: $(INSTALLED) lint  ## lint, then run the whole test suite
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --durations=40

# The figures of DESIGN section 10, as ratios with their targets (medians of several runs).
bench: $(INSTALLED)  ## print DESIGN section 10's figures with their targets (about 25 minutes)
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.handouts

# Debian packages for the browser and PDF tests (root, or sudo); .ci/run calls this.
PDF_PACKAGES := fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0

# Where there is no apt-get (macOS), say what to install instead of failing on the command.
NO_APT_GET = command -v apt-get >/dev/null 2>&1 || { \
	echo "make: $@ installs Debian packages with apt-get, which this system lacks." \
		"macOS: brew install pango for the PDF handouts (https://brew.sh); without it the" \
		"site is still built, with a note. The browser tests need Debian's Chromium (in /usr/bin)" \
		"and skip without it; CI runs them." >&2; \
	exit 1; }

system-deps:  ## apt-get the Debian packages for the browser and PDF tests (root)
	@$(NO_APT_GET)
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		chromium $(PDF_PACKAGES)

# Those the PDF handouts need alone: publishing the site needs no browser.
system-deps-pdf:  ## apt-get only the packages the PDF handouts need (root)
	@$(NO_APT_GET)
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		$(PDF_PACKAGES)

clean:  ## remove site/, .cache/ and .venv/
	rm -rf site .cache $(VENV)
