#!/usr/bin/env bash
# make deb-compat: the .deb for desktops with glibc 2.28 (UOS 20, Kylin V10, Debian 10).
#
# A bundle runs only where the C library is at least as new as the newest one any of its
# files was linked against. Built on Debian 12 with PySide6 6.10+ it needs glibc 2.35
# (see installer/README.md). This script builds it where everything is old enough:
#
#   1. debootstrap a Debian 10 "buster" root (glibc 2.28) into build/installer/compat/;
#   2. build SQLite and CPython 3.11 (from Debian 12's own source packages) inside it:
#      buster's Python is 3.7, too old for the app, and its SQLite 3.27 lacks RETURNING;
#   3. in that root, install the app with PySide6-Essentials pinned to the 6.9 series (the
#      newest with manylinux_2_28 wheels), build the bundle and the .deb there;
#   4. copy dist/studynotes_<version>_<arch>-glibc2.28.deb back, and print its glibc floor.
#
# Needs root, debootstrap, and a mirror that still serves buster. deb.debian.org no
# longer does (buster moved to archive.debian.org); set MIRROR to archive.debian.org or
# to an internal mirror:  make deb-compat MIRROR=http://mirror.example/debian
# Everything is cached under build/installer/compat/, so a second run only rebuilds the app.
set -euo pipefail

PROJECT=$(cd "$(dirname "$0")/../.." && pwd)
SUITE=${SUITE:-buster}
MIRROR=${MIRROR:-http://archive.debian.org/debian}
PYSIDE=${PYSIDE:-PySide6-Essentials==6.9.*}
PYTHON_SOURCE_PACKAGE=${PYTHON_SOURCE_PACKAGE:-python3.11}
PYTHON_SOURCE_MIRROR=${PYTHON_SOURCE_MIRROR:-http://deb.debian.org/debian}
PYTHON_SOURCE_SUITE=${PYTHON_SOURCE_SUITE:-bookworm}
WORK=${COMPAT_WORK:-$PROJECT/build/installer/compat}
ROOT=$WORK/$SUITE-root
PREFIX=/opt/python-compat
SUFFIX=${SUFFIX:--glibc2.28}

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'deb-compat: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap and chroot)."
command -v debootstrap >/dev/null || die "needs debootstrap: apt-get install debootstrap"

# --- 1. the old root -------------------------------------------------------------------
if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
    say "debootstrap $SUITE from $MIRROR into $ROOT"
    mkdir -p "$WORK"
    if ! debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR"; then
        rm -rf "$ROOT"
        die "debootstrap of $SUITE from $MIRROR failed. Debian 10 is only on archive.debian.org
(or a local mirror); set MIRROR=... to one this machine can reach."
    fi
fi
cleanup() {
    for mount in "$ROOT/proc" "$ROOT/dev"; do
        mountpoint -q "$mount" && umount "$mount" || true
    done
}
trap cleanup EXIT
mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
mountpoint -q "$ROOT/dev" || mount --bind /dev "$ROOT/dev"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 "$@"; }

say "build and run-time packages in the $SUITE root"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    build-essential pkg-config binutils dpkg-dev xz-utils ca-certificates tcl \
    libssl-dev libffi-dev libsqlite3-dev zlib1g-dev libbz2-dev liblzma-dev libreadline-dev \
    libncursesw5-dev uuid-dev libgdbm-dev libexpat1-dev \
    libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 \
    libglib2.0-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
    libxcb-shape0 libxcb-xkb1 libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xfixes0 \
    libxcb-sync1 libxcb-shm0 libxcb-glx0 poppler-utils \
    $(for p in libxcb-util0 libxcb-util1; do in_root apt-cache show "$p" >/dev/null 2>&1 && echo "$p"; done) \
    >/dev/null

# --- 2. SQLite and Python new enough for the app, linked against the old glibc -------
# Upstream tarballs of Debian's own source packages (from $PYTHON_SOURCE_SUITE), via apt.
source_tarball() {  # source_tarball PACKAGE -> path of its .orig tarball
    local sources=$WORK/sources/$1 list=$WORK/deb-src.list keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    local signed=""; [ -f "$keyring" ] && signed="[signed-by=$keyring] "
    echo "deb-src ${signed}$PYTHON_SOURCE_MIRROR $PYTHON_SOURCE_SUITE main" > "$list"
    mkdir -p "$sources" "$WORK/apt-lists/partial"
    local apt_options=(-o Dir::Etc::SourceList="$list" -o Dir::Etc::SourceParts=/dev/null
                       -o Dir::State::Lists="$WORK/apt-lists")
    if ! ls "$sources"/*.orig.tar.* >/dev/null 2>&1; then
        apt-get "${apt_options[@]}" update -qq >&2
        (cd "$sources" && apt-get "${apt_options[@]}" source --download-only -qq "$1" >&2)
    fi
    ls "$sources"/*.orig.tar.* | head -1
}
build_in_root() {  # build_in_root TARBALL CONFIGURE-ARGUMENTS...
    local tarball=$1; shift
    rm -rf "$ROOT/tmp/build" && mkdir -p "$ROOT/tmp/build"
    tar -xf "$tarball" -C "$ROOT/tmp/build" --strip-components=1
    in_root sh -c "cd /tmp/build && ./configure $* >/tmp/configure.log 2>&1 \
        && make -j$(nproc) >/tmp/make.log 2>&1 && make install >/tmp/install.log 2>&1" \
        || die "building $(basename "$tarball") failed: see $ROOT/tmp/*.log"
    rm -rf "$ROOT/tmp/build"
}
# The library code uses INSERT ... RETURNING: SQLite 3.35 or later (buster has 3.27).
if [ ! -e "$ROOT$PREFIX/lib/libsqlite3.so" ]; then
    say "SQLite from Debian's sqlite3 source package ($PYTHON_SOURCE_SUITE)"
    build_in_root "$(source_tarball sqlite3)" --prefix=$PREFIX --enable-shared --disable-static \
        --disable-tcl "CFLAGS='-O2 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_JSON1 -DSQLITE_ENABLE_COLUMN_METADATA'"
    rm -f "$ROOT$PREFIX/bin/python3"  # rebuild Python against it
fi
if [ ! -x "$ROOT$PREFIX/bin/python3" ]; then
    say "CPython from Debian's $PYTHON_SOURCE_PACKAGE source package ($PYTHON_SOURCE_SUITE)"
    build_in_root "$(source_tarball "$PYTHON_SOURCE_PACKAGE")" --prefix=$PREFIX --enable-shared \
        "CPPFLAGS=-I$PREFIX/include" "LDFLAGS='-L$PREFIX/lib -Wl,-rpath,$PREFIX/lib'"
fi
in_root $PREFIX/bin/python3 -c "import sqlite3, sys; v = sqlite3.sqlite_version_info; \
print('Python', sys.version.split()[0], 'SQLite', sqlite3.sqlite_version); sys.exit(v < (3, 35))" \
    || die "the Python built in the root has SQLite older than 3.35"

# --- 3. the app, the bundle and the .deb, built inside the old root --------------------
say "copying the project into the root"
rm -rf "$ROOT/src" && mkdir -p "$ROOT/src"
(cd "$PROJECT" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$ROOT/src"

say "bundle with $PYSIDE"
# pip in the root trusts what the build machine trusts (e.g. a company proxy's CA).
mkdir -p "$ROOT/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/host-ca-certificates.crt"
in_root env PIP_CERT=/etc/ssl/certs/host-ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    sh -c "cd /src && $PREFIX/bin/python3 -m venv .venv-compat \
    && .venv-compat/bin/python -m pip install --quiet --upgrade pip \
    && .venv-compat/bin/python -m pip install --quiet -e '.[build]' '$PYSIDE' \
    && .venv-compat/bin/python installer/bundle.py \
    && .venv-compat/bin/python installer/deb/build_deb.py --suffix='$SUFFIX'"

mkdir -p "$PROJECT/dist"
cp "$ROOT"/src/dist/studynotes_*"$SUFFIX".deb "$ROOT"/src/dist/studynotes_*"$SUFFIX".json "$PROJECT/dist/"
floor=$(python3 -c "import json,glob; print(json.load(open(sorted(glob.glob('$PROJECT/dist/studynotes_*$SUFFIX.json'))[-1]))['glibc_floor'])")
say "dist/$(basename "$(ls "$PROJECT"/dist/studynotes_*"$SUFFIX".deb | tail -1)"): glibc floor $floor"
