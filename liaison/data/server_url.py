"""The connection setting of a desktop that works on the district hub's PostgreSQL server
(docs/postgresql.md): the server's address as a `postgresql://` URL, and its password kept where
PostgreSQL's client library looks for it, never in the URL or the app's settings.

The password goes in the user's password file (libpq's `~/.pgpass`; on Windows
`%APPDATA%\\postgresql\\pgpass.conf`; `PGPASSFILE` if set), readable by that user only: one line
per server, database and user, which the next connection finds by itself.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from liaison.domain.errors import ValidationError
from liaison.domain.text import Text

SSL_MODES = ("verify-full", "require", "prefer", "disable")
"""How the connection is encrypted: verify-full checks the server's certificate against the
district's CA (the default); require encrypts without checking; the others are for tests."""


@dataclass(frozen=True)
class ServerSetting:
    host: str
    database: str
    user: str
    port: int = 5432
    sslmode: str = "verify-full"
    sslrootcert: str = ""

    def url(self) -> str:
        """The `postgresql://` URL of this setting (no password)."""
        if not self.host.strip():
            raise ValidationError("请填写服务器的地址", field="host")
        if not self.database.strip():
            raise ValidationError("请填写数据库的名称", field="database")
        if not self.user.strip():
            raise ValidationError("请填写用户名", field="user")
        if not 0 < self.port < 65536:
            raise ValidationError(Text("端口 {0} 无效：应为 1–65535", self.port))
        if self.sslmode not in SSL_MODES:
            raise ValidationError(Text("未知的加密方式“{0}”", self.sslmode))
        query = {"sslmode": self.sslmode}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        host = self.host.strip()  # a folder is a Unix socket's (libpq spells it encoded)
        shown_host = quote(host, safe="") if host.startswith("/") else host
        netloc = f"{quote(self.user.strip(), safe='')}@{shown_host}"
        if self.port != 5432:
            netloc += f":{self.port}"
        path = quote(self.database.strip(), safe="")
        return f"postgresql://{netloc}/{path}?{urlencode(query, safe='/:')}"

    @staticmethod
    def from_url(url: str) -> ServerSetting:
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        if parts.port:
            host = unquote(parts.netloc.rpartition("@")[2].rpartition(":")[0])
        else:
            host = unquote(parts.netloc.rpartition("@")[2])
        return ServerSetting(
            host=host or query.get("host", ""),
            database=unquote(parts.path.lstrip("/")),
            user=unquote(parts.username or ""),
            port=parts.port or 5432,
            sslmode=query.get("sslmode", "prefer"),
            sslrootcert=query.get("sslrootcert", ""),
        )


def password_file() -> Path:
    """Where libpq reads passwords from."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def remember_password(setting: ServerSetting, password: str) -> Path:
    """Keep `password` for the setting's server, port, database and user in the password file
    (replacing the line it had); the file is readable by its owner only."""
    path = password_file()
    key = ":".join(
        _field(v) for v in (setting.host, str(setting.port), setting.database, setting.user)
    )
    lines = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(key + ":")
        ]
    lines.append(f"{key}:{_field(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)  # libpq ignores a password file others can read
    return path
