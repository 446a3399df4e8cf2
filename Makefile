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

# --- installers (installer/README.md) ----------------------------------------------------
#   make bundle      PyInstaller one-folder bundle: dist/studynotes/ (studynotes, studynotes-gui)
#   make deb         the bundle as a Debian package: dist/studynotes_<version>_<arch>.deb
#   make deb-compat  the same, built in a Debian 10 (glibc 2.28) root with PySide6 6.9,
#                    for UOS 20 / Kylin V10 (needs debootstrap and a Debian 10 mirror)
BUILD_STAMP := $(VENV)/.installed-build

.PHONY: bundle deb deb-compat installer-tools

bundle: venv installer-tools $(BUILD_STAMP)
	$(BIN)/python installer/bundle.py

deb: bundle
	$(BIN)/python installer/deb/build_deb.py

deb-compat:
	bash installer/deb/build_compat.sh

$(BUILD_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $(BUILD_STAMP)

# PyInstaller and the .deb builder read ELF files with objdump (binutils); dpkg-deb builds.
installer-tools:
	@if ! command -v objdump >/dev/null && [ -r /etc/debian_version ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing binutils (objdump)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils >/dev/null; \
	  else \
	    echo "Note: the installers need objdump (ask an administrator to install binutils)"; \
	  fi; \
	fi

# tests/installer builds the bundle and the .deb, so `make test` needs their tools too.
test: $(BUILD_STAMP) installer-tools
