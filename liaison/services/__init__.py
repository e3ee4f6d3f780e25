"""Use cases of Liaison: one unit of work per user action, each checking the acting role.

Services take the `Database` and an `Actor`, open exactly one session, raise domain errors
(nothing written) and return plain dataclasses. The CLI, the UI and the tests call them alike.
"""
