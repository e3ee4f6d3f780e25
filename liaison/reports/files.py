"""Writing a document for people (PDF, .xlsx): whole or not at all, readable like any document.

Bundles and backups are owner-only (0600): they carry the whole district. A printed record or an
Excel export is meant to be opened, attached and shared, so it gets the permissions any program
gives a saved document — 0666 less the user's umask (usually 0644) — not the 0600 of the
temporary file it is written to first.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def document_mode() -> int:
    """0666 less the process's umask (read by setting and restoring it)."""
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def written_atomically(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write the document to. When the block ends normally
    it replaces `target` (atomically) with document permissions; on any error it is removed and
    `target` is untouched."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, document_mode())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
