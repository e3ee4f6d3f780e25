"""连接设置: which database this desktop works on — the district hub's PostgreSQL server, or the
database file on this computer (docs/postgresql.md).

The setting is this user's (`QSettings` "database/server", a `postgresql://` URL without its
password); the password goes in PostgreSQL's own password file (`server_url`). The app uses the
server from its next start on (`app.run`), unless `--db` names a database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liaison.data.server_url import SSL_MODES, ServerSetting, remember_password
from liaison.domain.errors import DomainError
from liaison.services.setup import open_database
from liaison.ui.core_text import tr_core
from liaison.ui.dialogs import button_box

SERVER_KEY = "database/server"


def saved_server(settings: QSettings | None = None) -> str | None:
    """The server this user's desktop works on, if one was set."""
    value = (settings or QSettings()).value(SERVER_KEY, "")
    return str(value) if value else None


def check_server(url: str) -> None:
    """Open and close the server's database: raises `DomainError` saying what is wrong."""
    open_database(url).dispose()


class ConnectionDialog(QDialog):
    """The server's address, the account on it and how the connection is encrypted; 测试连接
    tries it; 保存 keeps it for the next start; 改用本机数据库 goes back to the file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接设置 · 百千万企业走访联络系统"))
        self.setMinimumWidth(460)
        self.check: Callable[[str], None] = check_server
        """Seam: tests replace the connection attempt."""
        current = saved_server()
        setting = ServerSetting.from_url(current) if current else None
        intro = QLabel(
            self.tr(
                "区联络办和各部门的办公电脑可直接使用区县服务器上的数据库（PostgreSQL）。"
                "地址、账号和证书由信息科提供。"
            )
        )
        intro.setWordWrap(True)
        self.host = QLineEdit(setting.host if setting else "")
        self.host.setPlaceholderText(self.tr("例如 hub.jb.gov.cn 或 10.1.2.3"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(setting.port if setting else 5432)
        self.database = QLineEdit(setting.database if setting else "liaison")
        self.user = QLineEdit(setting.user if setting else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("保存在本机的 PostgreSQL 密码文件中"))
        self.sslmode = QComboBox()
        labels = {
            "verify-full": self.tr("加密并核对服务器证书（推荐）"),
            "require": self.tr("加密，不核对证书"),
            "prefer": self.tr("尽量加密"),
            "disable": self.tr("不加密（仅限测试）"),
        }
        for mode in SSL_MODES:
            self.sslmode.addItem(labels[mode], mode)
        self.sslmode.setCurrentIndex(SSL_MODES.index(setting.sslmode) if setting else 0)
        self.cert = QLineEdit(setting.sslrootcert if setting else "")
        self.cert.setPlaceholderText(self.tr("区县的根证书文件（.crt）"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._choose_cert)
        cert_row = QHBoxLayout()
        cert_row.addWidget(self.cert, 1)
        cert_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("服务器"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("加密方式"), self.sslmode)
        form.addRow(self.tr("根证书"), cert_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("fieldError")
        test = QPushButton(self.tr("测试连接"))
        test.clicked.connect(self.try_connect)
        local = QPushButton(self.tr("改用本机数据库"))
        local.setEnabled(current is not None)
        local.clicked.connect(self.use_local)
        row = QHBoxLayout()
        row.addWidget(test)
        row.addWidget(local)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(button_box(self, self.tr("保存"), self.tr("取消"), self.save))

    def setting(self) -> ServerSetting:
        return ServerSetting(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            port=self.port.value(),
            sslmode=str(self.sslmode.currentData()),
            sslrootcert=self.cert.text().strip(),
        )

    def _connect(self) -> str | None:
        """The URL when the server answered (the password kept first); None, said, when not."""
        try:
            setting = self.setting()
            url = setting.url()
            if self.password.text():
                remember_password(setting, self.password.text())
            self.check(url)
        except DomainError as exc:
            self.status.setObjectName("fieldError")
            self.status.setText(tr_core(exc))
            self._restyle()
            return None
        except OSError as exc:  # the password file could not be written
            self.status.setText(self.tr("无法保存密码：{0}").format(exc.strerror))
            return None
        return url

    def try_connect(self) -> None:
        if self._connect() is not None:
            self.status.setObjectName("fieldOk")
            self.status.setText(self.tr("连接成功：可以保存。"))
            self._restyle()

    def save(self) -> None:
        url = self._connect()
        if url is None:
            return
        QSettings().setValue(SERVER_KEY, url)
        self.accept()

    def use_local(self) -> None:
        QSettings().remove(SERVER_KEY)
        self.accept()

    def _choose_cert(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择根证书"), str(Path.home()), self.tr("证书 (*.crt *.pem)")
        )
        if name:
            self.cert.setText(name)

    def _restyle(self) -> None:
        style = self.status.style()
        style.unpolish(self.status)
        style.polish(self.status)
