#!/usr/bin/env bash
# Update the English translation of the UI after changing its strings:
#   1. lupdate every .py under liaison/ui into resources/i18n/liaison_en.ts — translations
#      already there are kept, messages gone from the code are marked vanished (obsolete);
#   2. lrelease the .ts into resources/i18n/liaison_en.qm (what the app loads);
#   3. print what is still unfinished (translate it in Qt Linguist or by editing the .ts,
#      then run this script again).
# Idempotent: a second run changes nothing.
#
# lupdate reads a prepared copy of liaison/ui in which the translation wrappers the UI uses
# (`_t("…")`, `tr = MainWindow.tr_static`, `self.form.tr("…")`) are spelled out, on the same
# line, as the QCoreApplication.translate("Context", "…") they perform; see scripts/i18n_tool.py.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/i18n/liaison_en.ts
qm=resources/i18n/liaison_en.qm
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

.venv/bin/python scripts/i18n_tool.py prepare "$work"
mkdir -p "$work/resources/i18n" "$(dirname "$ts")"
[[ -f $ts ]] && cp "$ts" "$work/$ts"
(
    cd "$work"
    mapfile -t sources < <(find liaison/ui -name '*.py' | LC_ALL=C sort)
    "$root/.venv/bin/pyside6-lupdate" "${sources[@]}" \
        -locations relative -source-language zh_CN -target-language en -ts "$ts"
)
cp "$work/$ts" "$ts"
.venv/bin/pyside6-lrelease "$ts" -qm "$qm"
.venv/bin/python scripts/i18n_tool.py status "$ts" || true
