#!/usr/bin/env bash
# Regenerate migration 0001 from the models. Only while no database outside development
# exists (before the first release); afterwards add a new revision instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cat > "$tmp/alembic.ini" <<INI
[alembic]
script_location = $PWD/liaison/data/migrations
sqlalchemy.url = $tmp/dev.sqlite
INI
mv liaison/data/migrations/versions/0002_search_index.py "$tmp/"
rm -f liaison/data/migrations/versions/0001_*.py
.venv/bin/alembic -c "$tmp/alembic.ini" revision --autogenerate -m "initial schema" --rev-id 0001 >/dev/null
mv "$tmp/0002_search_index.py" liaison/data/migrations/versions/
rm -rf "$tmp"
