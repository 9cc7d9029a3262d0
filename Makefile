# PolicyLens — every set-up step a fresh machine needs lives here.
#   make demo   create .venv, install everything, run the main job on bundled samples
#   make test   same set-up, then the whole test suite
#   make bench  the benchmarks (tables with ratios)

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PL := $(VENV)/bin/policylens
STAMP := $(VENV)/.installed-stamp
SYSSTAMP := $(VENV)/.sysdeps-stamp
# Debian packages: LibreOffice converts .doc/.wps/.rtf/.odt; the CJK font draws
# Chinese in generated test PDFs/images and notebook charts; poppler for pdftoppm.
APT_PACKAGES := libreoffice-writer-nogui fonts-wqy-zenhei poppler-utils
DEMO_OUT := demo-out

.PHONY: install sysdeps demo test bench clean

install: $(STAMP) $(SYSSTAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml constraints.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

$(SYSSTAMP): | $(VENV)/bin/python
	@if command -v soffice >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'wqy' && command -v pdftoppm >/dev/null 2>&1; then \
	  echo "system packages: present"; \
	else \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo -n"; \
	  echo "installing system packages: $(APT_PACKAGES)"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null; \
	fi
	touch $@

demo: install
	@rm -rf $(DEMO_OUT)
	$(PL) demo --out $(DEMO_OUT)

test: install
	$(PY) -m pytest -n 2 -q tests

bench: install
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) $(DEMO_OUT) bench-out .pytest_cache
