"""Offline sync by signed SQLite bundles (SYNC.md)."""
