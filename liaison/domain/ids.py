"""Globally unique, time-ordered record ids made on the device that creates the record."""

from __future__ import annotations

import uuid_utils


def new_id() -> str:
    """A UUIDv7 in canonical text form: unique across offline devices, sortable by creation."""
    return str(uuid_utils.uuid7())
