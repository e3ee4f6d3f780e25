"""Saving a form over changes the person did not see: a three-way merge of fields.

A form remembers the values it showed (`seen`). When it is saved, the record may hold values
someone else saved since (`theirs`). Each field then takes the person's value where they
changed it from what they saw, and the other's where they did not — so a save never reverts
what another window or device saved meanwhile. A field both changed to different values is a
clash: the person is shown both and chooses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Clash:
    field: str
    seen: object
    mine: object
    theirs: object


def three_way(
    seen: Mapping[str, object], mine: Mapping[str, object], theirs: Mapping[str, object]
) -> tuple[dict[str, str], list[Clash]]:
    """For each field of `mine`: which side its saved value comes from ("mine" or "theirs"),
    and the clashes (both changed it, to different values; these are marked "mine")."""
    source: dict[str, str] = {}
    clashes: list[Clash] = []
    for name, value in mine.items():
        was, now = seen[name], theirs[name]
        if value == was:
            source[name] = "theirs"  # untouched here: whatever is saved now stays
            continue
        source[name] = "mine"
        if now not in (was, value):
            clashes.append(Clash(name, was, value, now))
    return source, clashes
