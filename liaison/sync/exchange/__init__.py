"""Bundles between devices: export, defensive import, the merge, devices, conflicts, digest.

The upper half of the sync package (docs/sync.md): it uses the services (who may act, how a
demand's events are read) and the op log below them (`liaison.sync.log`).
"""
