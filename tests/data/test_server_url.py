"""A desktop's connection setting (liaison.data.server_url): the URL it makes and reads back,
what it refuses, and the password kept in PostgreSQL's own password file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from liaison.data.db import is_server, shown
from liaison.data.server_url import ServerSetting, password_file, remember_password
from liaison.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("setting", "url"),
    [
        (
            ServerSetting("hub.jb.gov.cn", "liaison", "jb_office"),
            "postgresql://jb_office@hub.jb.gov.cn/liaison?sslmode=verify-full",
        ),
        (
            ServerSetting("10.1.2.3", "liaison", "李 四", 5433, "require", "/etc/liaison/ca.crt"),
            "postgresql://%E6%9D%8E%20%E5%9B%9B@10.1.2.3:5433/liaison?sslmode=require"
            "&sslrootcert=/etc/liaison/ca.crt",
        ),
        (
            ServerSetting("/run/postgresql", "liaison", "postgres", sslmode="disable"),
            "postgresql://postgres@%2Frun%2Fpostgresql/liaison?sslmode=disable",
        ),
    ],
)
def test_a_setting_is_one_url_and_back(setting: ServerSetting, url: str) -> None:
    assert setting.url() == url
    assert ServerSetting.from_url(url) == setting
    assert is_server(url) and "@" in shown(url)


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        (ServerSetting(" ", "liaison", "u"), "请填写服务器的地址"),
        (ServerSetting("hub", "", "u"), "请填写数据库的名称"),
        (ServerSetting("hub", "liaison", ""), "请填写用户名"),
        (ServerSetting("hub", "liaison", "u", port=0), "端口 0 无效"),
        (ServerSetting("hub", "liaison", "u", port=65536), "端口 65536 无效"),
        (ServerSetting("hub", "liaison", "u", sslmode="allow"), "未知的加密方式"),
    ],
)
def test_an_incomplete_setting_says_what_is_missing(setting: ServerSetting, said: str) -> None:
    with pytest.raises(ValidationError, match=said):
        setting.url()


def test_a_password_replaces_its_line_and_stays_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    assert password_file() == tmp_path / "pgpass"
    (tmp_path / "pgpass").write_text("other:5432:db:u:keep\n", encoding="utf-8")
    hub = ServerSetting("hub", "liaison", "jb")
    remember_password(hub, "first")
    remember_password(hub, "se:c\\ret")
    remember_password(ServerSetting("hub", "liaison", "jb", port=5433), "x")
    lines = (tmp_path / "pgpass").read_text(encoding="utf-8").splitlines()
    assert lines == [
        "other:5432:db:u:keep",
        "hub:5432:liaison:jb:se\\:c\\\\ret",
        "hub:5433:liaison:jb:x",
    ]
    assert stat.S_IMODE((tmp_path / "pgpass").stat().st_mode) == 0o600
