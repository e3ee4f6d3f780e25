#!/usr/bin/env bash
# Build the Debian package of Liaison for this machine's architecture (amd64 here; the same script
# on an arm64 UOS or Kylin machine makes the arm64 package):
#     installer/build-deb.sh            -> dist/liaison_VERSION_ARCH.deb
# It freezes the app with PyInstaller (installer/liaison.spec) in the project's .venv, lays it
# out under /opt/liaison with /usr/bin/liaison, a desktop entry, icons and the .lsb file type,
# and computes Depends from the system libraries the frozen build links (dpkg-shlibdeps).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${OUT:-$ROOT/dist}
WORK=$ROOT/build/deb
log() { printf '[build-deb] %s\n' "$*" >&2; }

./run setup
.venv/bin/python -m pip install -q -e '.[build]'
for tool in dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || { log "$tool is missing (install dpkg-dev)"; exit 2; }
done

ARCH=$(dpkg --print-architecture)
VERSION=$(.venv/bin/python -c 'import liaison; print(liaison.__version__)')
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

rm -rf "$WORK"
mkdir -p "$WORK" "$OUT"
log "freezing Liaison $VERSION with PyInstaller"
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath "$WORK/frozen" \
    --workpath "$WORK/pyinstaller" installer/liaison.spec

STAGE=$WORK/root
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/liaison"
cp -a "$WORK/frozen/liaison" "$STAGE/opt/liaison"
ln -s /opt/liaison/liaison "$STAGE/usr/bin/liaison"
install -m 0644 installer/linux/liaison.desktop "$STAGE/usr/share/applications/liaison.desktop"
install -m 0644 installer/linux/liaison-bundle.xml \
    "$STAGE/usr/share/mime/packages/liaison-bundle.xml"
for png in resources/icons/liaison-*.png; do
    size=$(basename "$png" .png); size=${size#liaison-}
    install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/liaison.png"
done
install -D -m 0644 resources/icons/liaison.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/liaison.svg"
install -m 0644 resources/NOTICES.txt "$STAGE/usr/share/doc/liaison/NOTICES.txt"
install -m 0644 resources/fonts/LICENSE-wqy-microhei.txt "$STAGE/usr/share/doc/liaison/"

# Depends: the packages that hold the system libraries the frozen binaries need. dpkg-shlibdeps
# wants a debian/control to read; the libraries inside the bundle are searched with -l.
SHLIB=$WORK/shlibdeps
mkdir -p "$SHLIB/debian"
printf 'Source: liaison\n\nPackage: liaison\nArchitecture: any\n' > "$SHLIB/debian/control"
mapfile -t private < <(find "$STAGE/opt/liaison" -name '*.so*' -printf '%h\n' | sort -u)
mapfile -t elves < <(find "$STAGE/opt/liaison" -type f \( -name '*.so*' -o -perm -u+x \) \
    -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
libdirs=(); for d in "${private[@]}"; do libdirs+=("-l$d"); done
(cd "$SHLIB" && dpkg-shlibdeps -O --ignore-missing-info "${libdirs[@]}" \
    -e "${elves[@]}" 2>"$WORK/shlibdeps.log") > "$WORK/substvars"
DEPENDS=$(sed -n 's/^shlibs:Depends=//p' "$WORK/substvars")
[ -n "$DEPENDS" ] || { log "dpkg-shlibdeps found no dependencies: see $WORK/shlibdeps.log"; exit 1; }

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: liaison
Version: $VERSION
Architecture: $ARCH
Maintainer: Liaison developers <liaison@localhost>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: fonts-wqy-microhei | fonts-noto-cjk, xdg-utils
Section: misc
Priority: optional
Homepage: https://example.invalid/liaison
Description: 百千万企业走访联络系统 — enterprise liaison for district officials
 Liaison is a desktop program for the cadres who look after private
 enterprises: visits, demands routed to the departments that own them,
 deadlines, follow-up and closure reports, with offline sync by files.
 It carries its own Python and Qt under /opt/liaison; the user's data
 lives in the home folder and is kept when the package is removed.
CONTROL

DEB=$OUT/liaison_${VERSION}_${ARCH}.deb
log "packing $DEB"
dpkg-deb --root-owner-group -Zxz -z6 --build "$STAGE" "$DEB" >/dev/null
log "built $DEB ($(du -h "$DEB" | cut -f1), installed $((INSTALLED_KB / 1024)) MB)"
echo "$DEB"
