"""Errors a user can cause. Their str() is one clear line, shown as is in the CLI and the UI."""

from __future__ import annotations


class DomainError(Exception):
    """A user-facing error: the action was refused and nothing was written."""


class ValidationError(DomainError):
    """Input that does not satisfy a rule; `field` names the input when there is one, and
    `row` which of its rows (counted from 1) when it has several (a visit's demands)."""

    def __init__(self, message: str, field: str | None = None, row: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.row = row


class PermissionDenied(DomainError):
    """The acting account's role may not do this."""


class NotFound(DomainError):
    """A record the user named does not exist."""


class InvalidTransition(DomainError):
    """A demand event that the state machine does not allow in the demand's current state."""
