"""Files written whole or not at all, readable by their owner only: bundles, a device key written
out, a database's key slots and its door guard."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def owner_only_file(out: Path) -> Iterator[BinaryIO]:
    """A file to write as `out`, whole or not at all (synced, then renamed into place), readable
    by its owner only (mkstemp's 0600)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
