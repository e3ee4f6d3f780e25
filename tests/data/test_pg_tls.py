"""The hub as docs/postgresql.md sets it up: TLS with the district's own root certificate and
password authentication by scram-sha-256 (pg_hba `hostssl … scram-sha-256`), the password in
libpq's password file. The app connects with the URL its connection setting makes; each way it
can go wrong is said in one line."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from liaison.data.server_url import ServerSetting, remember_password
from liaison.domain.errors import DomainError
from liaison.services.setup import init_database, open_database

PASSWORD = "Jb-2026-口令"


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _authority(folder: Path, name: str) -> None:
    """A root certificate `name`.crt with its key: the district's CA (or a stranger's)."""
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", f"/CN={name}", "-keyout", f"{name}.key", "-out", f"{name}.crt",
             cwd=folder)  # fmt: skip


@pytest.fixture(scope="module")
def tls_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path, str]]:
    """A server listening on localhost with a certificate for `localhost` signed by the
    district's CA, accepting only TLS with scram passwords over TCP; (port, certificates, the
    superuser's DSN over the socket)."""
    from tests.pg_cluster import available, cluster

    if not available():
        pytest.skip("PostgreSQL is not installed here (apt install postgresql)")
    certs = tmp_path_factory.mktemp("certs")
    _authority(certs, "district-ca")
    _authority(certs, "stranger-ca")
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
             "-keyout", "server.key", "-out", "server.csr", cwd=certs)  # fmt: skip
    (certs / "san.ext").write_text("subjectAltName=DNS:localhost\n", encoding="ascii")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "district-ca.crt",
             "-CAkey", "district-ca.key", "-CAcreateserial", "-days", "2",
             "-extfile", "san.ext", "-out", "server.crt", cwd=certs)  # fmt: skip
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = {
        "listen_addresses": "'localhost'",
        "port": str(port),
        "ssl": "on",
        "ssl_cert_file": "'server.crt'",
        "ssl_key_file": "'server.key'",
        "password_encryption": "'scram-sha-256'",
    }
    hba = [
        "local all postgres trust",
        "hostssl all all 127.0.0.1/32 scram-sha-256",
        "hostssl all all ::1/128 scram-sha-256",
        "host all all all reject",
    ]
    files = [certs / "server.crt", certs / "server.key"]
    with cluster(settings, hba, files) as dsn:
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute(f"CREATE ROLE clerk LOGIN PASSWORD '{PASSWORD}'")
            admin.execute("CREATE DATABASE hub OWNER clerk")
        yield port, certs, dsn


def _url(port: int, root: Path | None, sslmode: str = "verify-full") -> str:
    return ServerSetting(
        "localhost", "hub", "clerk", port=port, sslmode=sslmode, sslrootcert=str(root or "")
    ).url()


@pytest.fixture
def pgpass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    return tmp_path / "pgpass"


def test_the_app_works_over_tls_with_a_scram_password(
    tls_hub: tuple[int, Path, str], pgpass: Path
) -> None:
    port, certs, admin = tls_hub
    url = _url(port, certs / "district-ca.crt")
    remember_password(ServerSetting("localhost", "hub", "clerk", port=port), PASSWORD)
    assert "口令" not in url and PASSWORD not in url  # the URL the setting keeps has no password
    init_database(url)
    db = open_database(url)
    try:
        with db.read() as s:
            pid, ssl = s.execute(
                text("SELECT pid, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).one()
            with psycopg.connect(admin) as su:  # what the server saw of this connection
                stored = su.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'clerk'")
                assert str(stored.fetchone()).startswith("('SCRAM-SHA-256$")
                seen = su.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = %s", (pid,))
                assert seen.fetchone() == (True,)
        assert ssl is True
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("case", "says"),
    [
        ("wrong password", "用户名或密码不对"),
        ("a stranger's root certificate", "服务器的证书"),
        ("no encryption", "只接受加密连接"),
    ],
)
def test_each_way_to_get_the_connection_wrong_is_said_in_one_line(
    tls_hub: tuple[int, Path, str], pgpass: Path, case: str, says: str
) -> None:
    port, certs, _admin = tls_hub
    remember_password(
        ServerSetting("localhost", "hub", "clerk", port=port),
        "not-it" if case == "wrong password" else PASSWORD,
    )
    root = certs / ("stranger-ca.crt" if "stranger" in case else "district-ca.crt")
    url = _url(port, root, "disable" if case == "no encryption" else "verify-full")
    with pytest.raises(DomainError) as refused:
        open_database(url).dispose()
    message = str(refused.value)
    assert says in message and "\n" not in message and PASSWORD not in message
