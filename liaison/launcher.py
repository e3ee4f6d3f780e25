"""The `liaison` entry point: the command line, which opens the desktop app without a command.

Kept apart so that the command line (core) never imports Qt; only this launcher knows the UI.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from liaison import cli


def open_app(db_path: Path | str | None, bundle: Path | None = None) -> int:
    from liaison.ui.app import run

    return run(db_path, bundle)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
