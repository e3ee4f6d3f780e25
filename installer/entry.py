"""The frozen build's entry point: the same `liaison` command as `pyproject.toml` installs."""

import sys

from liaison.launcher import main

if __name__ == "__main__":
    sys.exit(main())
