#!/usr/bin/env bash
# Install a built Liaison .deb on this machine as an office user would, use it with no Python of
# the project anywhere on the PATH, upgrade it, remove it, and check each step (CI runs this):
#     installer/check-deb.sh dist/liaison_VERSION_ARCH.deb
# Needs root and apt (a throwaway machine): apt fetches the Depends from the distribution.
set -euo pipefail
DEB=$(realpath "$1")
log() { printf '[check-deb] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run as root on a throwaway machine (it installs and removes a package)"
dpkg -s liaison >/dev/null 2>&1 && fail "liaison is already installed here; this check needs a clean machine"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK/home LIAISON_LOG_DIR=$WORK/log QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
# the office user's environment: the system's PATH only, no virtualenv, no project on sys.path
unset VIRTUAL_ENV PYTHONPATH PYTHONHOME
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
cd "$WORK"
elapsed() { local t0=$1; echo $(( ($(date +%s%N) - t0) / 1000000 )); }

# the desktop's own tools, as an office desktop has them (and an X server to show the app on): they validate the entry and, through
# their dpkg triggers, register the .lsb handler when the package lands
TOOLS="desktop-file-utils shared-mime-info xvfb xauth x11-apps imagemagick"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    $TOOLS >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
         --no-install-recommends $TOOLS >/dev/null; }

log "installing $(basename "$DEB") with apt (its Depends from the distribution)"
t0=$(date +%s%N)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null \
    || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive \
         apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null; }
log "installed in $(elapsed "$t0") ms"
[ "$(command -v liaison)" = /usr/bin/liaison ] || fail "liaison is not /usr/bin/liaison"
[ -x /opt/liaison/liaison ] || fail "/opt/liaison/liaison is missing"
installed_kb=$(du -sk /opt/liaison | cut -f1)
log "installed size: $((installed_kb / 1024)) MB in /opt/liaison; .deb $(du -k "$DEB" | cut -f1) KB"

version=$(liaison --version)
log "liaison --version: $version"
[[ $version == liaison\ *构建于\ 20??-??-??* ]] || fail "--version does not name a build: $version"

DB=$HOME/district.sqlite
liaison --db "$DB" init >/dev/null || fail "liaison init"
liaison --db "$DB" demo --scale small >/dev/null || fail "liaison demo --scale small"
# a closed demand of the demo, read with the system's Python (not the project's)
demand=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
    \"SELECT id FROM demand WHERE state='closed' ORDER BY id LIMIT 1\").fetchone()[0])" "$DB")
liaison --db "$DB" report closure --out "$WORK/closure.pdf" "$demand" >/dev/null \
    || fail "liaison report closure"
fonts=$(pdffonts "$WORK/closure.pdf")
grep -q "WenQuanYiMicroHei.*yes yes yes" <<<"$fonts" || fail "the bundled font is not embedded: $fonts"
pdftotext "$WORK/closure.pdf" - | grep -q "诉求办结销号单" || fail "the closure record has no title"
log "closure record printed with the bundled font embedded"

# the file type: a double-clicked .lsb opens Liaison
grep -q "application/x-liaison-bundle:\*\.lsb" /usr/share/mime/globs2 \
    || fail "the .lsb type is not registered with shared-mime-info"
desktop-file-validate /usr/share/applications/liaison.desktop || fail "the desktop entry is invalid"
grep -q "^application/x-liaison-bundle=liaison.desktop" /usr/share/applications/mimeinfo.cache \
    || fail "liaison.desktop is not the registered handler of .lsb"
[ -f /usr/share/icons/hicolor/256x256/apps/liaison.png ] || fail "no icon"

start_app() {  # start the app, wait for its sign-in window; prints milliseconds to it
    # ($SHOT: also grab the X screen to this PNG once the window is up)
    local log_file=$LIAISON_LOG_DIR/liaison.log before t0 pid
    before=$(grep -c "sign-in window shown" "$log_file" 2>/dev/null || true)
    sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true  # cold: nothing in the page cache
    t0=$(date +%s%N)
    liaison --db "$DB" "$@" >"$WORK/app.out" 2>&1 & pid=$!
    for _ in $(seq 1 300); do
        if [ "$(grep -c "sign-in window shown" "$log_file" 2>/dev/null || true)" -gt "${before:-0}" ]; then
            elapsed "$t0"
            if [ -n "${SHOT:-}" ]; then sleep 1; xwd -root -silent | convert xwd:- "$SHOT"; fi
            kill "$pid"; wait "$pid" 2>/dev/null || true; return 0
        fi
        kill -0 "$pid" 2>/dev/null || { cat "$WORK/app.out" >&2; return 1; }
        sleep 0.05
    done
    kill "$pid"; return 1
}
for run in $(seq 1 "${STARTS:-3}"); do
    ms=$(start_app) || fail "the app did not reach its sign-in window"
    log "app start to its sign-in window (cold cache) run $run: $ms ms"
done

# on a real X server through Qt's xcb plugin (the libraries the Depends brought), as on a desktop
Xvfb :87 -screen 0 1024x700x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
SHOT=$(dirname "$DEB")/liaison-signin-x11.png
ms=$(DISPLAY=:87 QT_QPA_PLATFORM=xcb SHOT=$SHOT start_app) || fail "no sign-in window on X11"
kill "$xvfb"; wait "$xvfb" 2>/dev/null || true
log "on X11 (xcb): sign-in window after $ms ms; screen grabbed to $SHOT"

# a district hub on PostgreSQL: the installed app connects with its own driver and libpq (the
# server from Debian's packages, a throwaway cluster run as `postgres`, as tests/pg_cluster.py)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$PG_BIN" ]; then
    PGBASE=$(mktemp -d) && chown postgres "$PGBASE"
    as_pg() { (cd / && runuser -u postgres -- "$@"); }
    trap 'as_pg "$PG_BIN/pg_ctl" -D "$PGBASE/data" -m fast stop >/dev/null 2>&1 || true;
          rm -rf "$WORK" "$PGBASE"' EXIT
    as_pg "$PG_BIN/initdb" -D "$PGBASE/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        >/dev/null || fail "initdb"
    as_pg mkdir "$PGBASE/run"
    as_pg "$PG_BIN/pg_ctl" -D "$PGBASE/data" -l "$PGBASE/server.log" -w \
        -o "-c unix_socket_directories=$PGBASE/run -c listen_addresses=''" start >/dev/null \
        || fail "the PostgreSQL server did not start: $(cat "$PGBASE/server.log")"
    as_pg "$PG_BIN/psql" -h "$PGBASE/run" -d postgres -qc "CREATE DATABASE hub" || fail "createdb"
    HUB="postgresql://postgres@/hub?host=$PGBASE/run"
    liaison --db "$HUB" init >/dev/null || fail "liaison init on PostgreSQL"
    liaison --db "$HUB" stats --from 2026-01-01 --to 2026-01-31 | grep -q "走访覆盖率" \
        || fail "liaison stats on PostgreSQL"
    log "the installed app works on a PostgreSQL hub ($("$PG_BIN/postgres" --version))"
elif [ -n "${LIAISON_REQUIRE_POSTGRESQL:-}" ]; then
    fail "PostgreSQL is not installed here (apt install postgresql)"
fi

# upgrade: the same package with a higher version; the user's data is not touched
before=$(sha256sum "$DB" | cut -d' ' -f1)
dpkg-deb -R "$DEB" "$WORK/next"
sed -i "s/^Version: .*/&+check1/" "$WORK/next/DEBIAN/control"
dpkg-deb --root-owner-group -Znone --build "$WORK/next" "$WORK/next.deb" >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$WORK/next.deb" >/dev/null || fail "upgrade"
[[ $(dpkg-query -W -f='${Version}' liaison) == *+check1 ]] || fail "the upgrade did not happen"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] || fail "the upgrade changed the user's data"
liaison --version >/dev/null || fail "liaison --version after the upgrade"
log "upgraded to $(dpkg-query -W -f='${Version}' liaison); data untouched"

# removal: the program goes, the user's data stays
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq liaison >/dev/null || fail "removal"
[ ! -e /opt/liaison ] || fail "/opt/liaison is left after removal: $(find /opt/liaison | head)"
[ ! -e /usr/bin/liaison ] || fail "/usr/bin/liaison is left after removal"
! grep -q "x-liaison-bundle" /usr/share/mime/globs2 || fail "the .lsb type is left registered"
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] || fail "removal changed the user's data"
log "removed; the user's data is kept"
log "all checks passed"
