"""Who may do what: the role rules the services apply where an action is taken and every
replica applies again to the ops that arrive from other devices (docs/sync.md, "Authority").

One definition each. The demand's steps have theirs in the state machine's table
(`liaison.domain.workflow.TRANSITIONS`); these are the rules for the records around them.
"""

from __future__ import annotations

from liaison.domain.roles import Role

HUB_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
"""The district liaison office (区联络办)."""

VISIT_ROLES = frozenset({Role.CADRE, Role.STREET_STAFF, Role.SUPERVISOR, Role.ADMIN})
"""Log, edit and delete visits, and raise the demands heard in them."""
VISIT_RESTORERS = HUB_ROLES
"""Bring back a deleted visit."""

ENTERPRISE_EDITORS = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.STREET_STAFF, Role.CADRE})
"""Register enterprises and edit their details, tags and contacts."""
ENTERPRISE_DELETERS = HUB_ROLES
"""Delete an enterprise (registered by mistake, or twice) and restore it."""

ASSIGNERS = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.STREET_STAFF})
"""Arrange 包联: assign a cadre to an enterprise, end an assignment."""
ASSIGNABLE = frozenset({Role.CADRE, Role.STREET_STAFF})
"""The roles a 包联 assignment can name."""

CONFLICT_RESOLVERS = HUB_ROLES
"""Choose the value to keep where two devices changed one field apart."""

ADMINISTRATORS = frozenset({Role.ADMIN})
"""Accounts and their roles, departments, categories and routing rules, holidays, devices
(enrolment and revocation): and only on a hub device."""

ADMIN_RECORDS = frozenset({"account", "department", "category", "holiday", "device"})
"""Records only an administrator on a hub device may change."""
