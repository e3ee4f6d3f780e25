"""The log a district's support desk reads: one rotating file per user, facts and no personal data.

What goes in: start-up facts (version, Python, SQLite, the database path), each command or app
action with its outcome, each refusal by its kind (never its text: a refusal may quote an
enterprise's name), each bundle import's counts, and unexpected errors with their tracebacks
(SQL parameters are hidden by the engine, `make_engine`, so a failed statement names no values).
What stays out: names, phones, addresses and any free text of enterprises, visits and demands.
"""

from __future__ import annotations

import logging
import os
import platform
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from liaison.domain.errors import DomainError, ValidationError

LOGGER = "liaison"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_LEVEL = "INFO"
MAX_BYTES = 2 * 1024 * 1024
KEEP_FILES = 5
"""2 MB a file, the current and 5 older ones: months of an office's work, at most 12 MB."""
LOG_DIR_ENV = "LIAISON_LOG_DIR"
FORMAT = "%(asctime)s %(levelname)-7s pid=%(process)d %(name)s: %(message)s"

log = logging.getLogger(LOGGER)


def log_dir() -> Path:
    """The user's log folder (`LIAISON_LOG_DIR` overrides it, for tests and portable installs)."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir("Liaison", appauthor=False))


def log_file() -> Path:
    return log_dir() / "liaison.log"


def setup(level: str = DEFAULT_LEVEL) -> Path | None:
    """Send the `liaison` loggers to the rotating file at `log_file()` (once per process and
    folder; a later call only changes the level). Returns the file, or None when its folder
    cannot be written: the program then runs without a log rather than not at all."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    path = log_file()
    for old in list(logger.handlers):
        if isinstance(old, RotatingFileHandler):
            if Path(old.baseFilename) == path:
                return path
            logger.removeHandler(old)  # the folder changed (a test, a portable install)
            old.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.propagate = False
    return path


def start_facts(what: str, db_path: Path | str | None) -> None:
    """One line a support desk starts from: which program, which versions, which file."""
    from liaison import __version__
    from liaison.data.db import shown
    from liaison.data.driver import sqlite_version

    log.info(
        "start %s: liaison %s, python %s, sqlite %s, %s, database %s",
        what,
        __version__,
        platform.python_version(),
        f"{sqlite_version} (SQLCipher)",
        platform.platform(terse=True),
        db_path if db_path is None else shown(db_path),
    )


def refusal(action: str, exc: DomainError) -> None:
    """A refused action by its kind and field only: the message may name an enterprise."""
    field = f" field={exc.field}" if isinstance(exc, ValidationError) and exc.field else ""
    log.info("refused %s: %s%s", action, type(exc).__name__, field)


def failure(action: str, exc: BaseException) -> None:
    """An unexpected error, with its traceback."""
    log.error("failed %s: %s", action, type(exc).__name__, exc_info=exc)


def uncaught(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An error nothing caught (the app's `sys.excepthook`), with its traceback."""
    log.critical("uncaught %s", exc_type.__name__, exc_info=(exc_type, exc, tb))
