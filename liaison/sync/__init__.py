"""Offline sync by signed bundles (docs/sync.md), in two layers:

- `liaison.sync.log` — the op log written in every unit of work's transaction, the shared
  records and the checks of every op; below the services, which write through it.
- `liaison.sync.exchange` — bundles (envelope, payload, export and import), the merge of
  arriving ops, devices, conflicts, the digest; above the services.

import-linter keeps the two apart (pyproject.toml); docs/architecture.md says why.
"""
