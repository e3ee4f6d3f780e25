#!/usr/bin/env bash
# The installed package's figures: .deb size, installed size, and the app's cold start to its
# sign-in window (median of STARTS runs, page cache dropped before each), by installing the .deb
# on this machine with installer/check-deb.sh (root, throwaway machine):
#     bench/package_bench.sh [dist/liaison_VERSION_ARCH.deb]    (builds one when not given)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
    deb=$1
else
    t0=$(date +%s)
    deb=$(installer/build-deb.sh | tail -n 1)
    echo "build: $(( $(date +%s) - t0 )) s"
fi
out=$(STARTS=${STARTS:-9} installer/check-deb.sh "$deb" 2>&1) || { echo "$out"; exit 1; }
grep -E "installed size|installed in|on X11" <<<"$out" | sed 's/^\[check-deb\] //'
grep -oE "run [0-9]+: [0-9]+ ms" <<<"$out" | awk '{print $3}' | sort -n \
    | awk '{a[NR]=$1} END {printf "cold start to the sign-in window: median %d ms, min %d, max %d (%d runs)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
