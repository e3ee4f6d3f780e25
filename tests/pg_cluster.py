"""A throwaway PostgreSQL server for tests and benchmarks: Debian's `postgresql` package, a
cluster in a temporary folder, run as an unprivileged user (PostgreSQL refuses to run as root).

    with cluster() as dsn:
        psycopg.connect(dsn)

The server listens on a Unix socket in the folder only (no TCP port), trusts local connections,
and is stopped and deleted when the block ends. Settings are those of a modest office server
(`SETTINGS`). `available()` says whether this machine has the server's programs.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

SETTINGS = {
    "shared_buffers": "512MB",
    "work_mem": "16MB",
    "maintenance_work_mem": "256MB",
    "effective_cache_size": "4GB",
    "max_connections": "120",
    "listen_addresses": "''",
}


def binaries() -> Path:
    """Where the server's programs are (the newest PostgreSQL of Debian's layout)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: apt install postgresql")
    return found[-1].parent


def available() -> bool:
    return bool(sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")))


def _as_user() -> list[str]:
    """Run the server's programs as `postgres` when this is root, as oneself otherwise."""
    if os.geteuid() != 0:
        return []
    pwd.getpwnam("postgres")  # KeyError: the package makes this user
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def cluster(
    settings: dict[str, str] | None = None, hba: Sequence[str] = (), files: Sequence[Path] = ()
) -> Iterator[str]:
    """A running server; yields the DSN of its `postgres` database as superuser (over its
    socket, trusted). `hba` lines go first in pg_hba.conf (the first match wins); `files`
    (certificates, keys) are copied into the data folder, readable by the server only."""
    bin_dir = binaries()
    run_as = _as_user()
    base = Path(tempfile.mkdtemp(prefix="liaison-pg-"))
    data, sockets = base / "data", base / "run"
    sockets.mkdir()
    if run_as:
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
    try:
        subprocess.run(
            [*run_as, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True,
        )  # fmt: skip
        options = {**SETTINGS, **(settings or {}), "unix_socket_directories": f"'{sockets}'"}
        with (data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{k} = {v}\n" for k, v in options.items())
        rules = data / "pg_hba.conf"
        rules.write_text("".join(f"{line}\n" for line in hba) + rules.read_text())
        for source in files:
            copied = data / source.name
            shutil.copyfile(source, copied)
            copied.chmod(0o600)
            if run_as:
                shutil.chown(copied, "postgres")
        subprocess.run(
            [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"),
             "-w", "start"],
            check=True, capture_output=True,
        )  # fmt: skip
        try:
            port = f" port={options['port']}" if "port" in options else ""
            yield f"host={sockets}{port} dbname=postgres user=postgres"
        finally:
            subprocess.run(
                [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                check=False, capture_output=True,
            )  # fmt: skip
    finally:
        shutil.rmtree(base, ignore_errors=True)
