# 学习札记 Study Notes — the two commands of the README's quick start, and helpers.
#
#   make run     open the window on the embedded default library (sample loaded on first run)
#   make test    run the whole test suite (offscreen)
#
# Both create .venv and install what they need; as root on Debian they also install the
# system packages Qt and the PDF checks need (apt-get), and only when something is missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Runtime libraries of Qt's xcb and offscreen platforms, and poppler for the PDF checks.
SYSTEM_PACKAGES := libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 \
	libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	libxcb-xkb1 libxcb-render-util0 libxcb-image0 poppler-utils

.PHONY: run test system-packages venv translations bench clean

run: venv
	$(BIN)/studynotes

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

venv: system-packages $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Installs only what is missing, only as root on a Debian-based system; elsewhere it says
# what it would need and carries on (a user without admin rights can still run the app
# where the libraries are already present, as on a desktop).
system-packages:
	@if [ -r /etc/debian_version ] && command -v dpkg-query >/dev/null; then \
	  missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	      echo "Installing system packages: $$missing"; \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	    else \
	      echo "Note: missing system packages (ask an administrator): $$missing"; \
	    fi; \
	  fi; \
	fi

translations: venv
	$(BIN)/python resources/i18n/update_translations.py

bench: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py
	$(BIN)/python bench/import.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
