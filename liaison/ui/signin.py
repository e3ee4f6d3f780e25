"""Sign-in, and the first start of an empty database (create the admin, offer the demo)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from liaison.data.db import Database
from liaison.domain.errors import DomainError, ValidationError
from liaison.domain.passwords import RULE
from liaison.services import accounts
from liaison.services.context import Actor
from liaison.sync.exchange.bundle import export_bundle, join_district
from liaison.sync.exchange.devices import this_device
from liaison.ui.actions import perform
from liaison.ui.core_text import tr_core
from liaison.ui.dialogs import button_box
from liaison.ui.ops import run_in_background


class SignInDialog(QDialog):
    """Username and password; the actor is in `self.actor` after accept()."""

    def __init__(
        self, db: Database | None, parent: QWidget | None = None, username: str = ""
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 · 百千万企业走访联络系统"))
        self.setMinimumWidth(380)
        title = QLabel(self.tr("百千万企业走访联络系统"))
        title.setObjectName("dialogTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("用户名"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        buttons = button_box(self, self.tr("登录"), self.tr("退出"), self.try_sign_in)
        self.reconnect = False
        """The person changed the connection setting: the app starts again on it."""
        where = QLabel(self.tr("数据库：{0}").format(db.where if db is not None else ""))
        where.setObjectName("muted")
        where.setWordWrap(True)
        settings = QPushButton(self.tr("连接设置…"))
        settings.clicked.connect(self.change_connection)
        place = QHBoxLayout()
        place.addWidget(where, 1)
        place.addWidget(settings)
        self.box = QVBoxLayout(self)
        self.box.addWidget(title)
        self.box.addLayout(form)
        self.box.addWidget(self.error)
        self.box.addLayout(place)
        self.box.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def change_connection(self) -> None:
        from liaison.ui.connection_dialog import ConnectionDialog

        if ConnectionDialog(self).exec():
            self.reconnect = True
            self.reject()

    def try_sign_in(self) -> None:
        try:
            self.attempt(self.username.text(), self.password.text())
        except DomainError as exc:
            self.error.setText(tr_core(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()

    def attempt(self, name: str, password: str) -> None:
        """Sign in (raises DomainError saying why not); `actor` is then the person."""
        db = self.db
        assert db is not None
        self.actor = perform(  # a wrong password waits longer each time: not on this thread
            self,
            "sign_in",
            lambda: accounts.sign_in(db, name, password),
            self.tr("正在登录…"),
        )


class FirstRunDialog(QDialog):
    """A new installation: join the district (import the first bundle the district office
    exported for this computer), or create a new district with this computer as its hub."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.account_id: str | None = None
        self.joined = False
        self.reconnect = False
        """The person chose the district's server instead: the app starts again on it."""
        self.choose_bundle: Callable[[], Path | None] = self._ask_for_bundle
        self.choose_request_path: Callable[[], Path | None] = self._ask_for_request_path
        """Seams: tests replace the file choosers."""
        self.setWindowTitle(self.tr("首次使用 · 百千万企业走访联络系统"))
        self.setMinimumWidth(520)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._join_page())
        self.pages.addWidget(self._create_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # --- the choice ----------------------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "欢迎使用百千万企业走访联络系统。联络干部、街镇和部门的电脑请加入已有区县；"
                "只有区联络办第一次安装时才新建区县。"
            )
        )
        intro.setWordWrap(True)
        self.join_choice = QPushButton(self.tr("加入已有区县（导入区联络办发来的同步包）"))
        self.join_choice.setObjectName("primary")
        self.join_choice.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.create_choice = QPushButton(self.tr("新建区县（本机作为区联络办的服务器）"))
        self.create_choice.clicked.connect(lambda: self.pages.setCurrentIndex(2))
        self.server_choice = QPushButton(
            self.tr("连接区县服务器（区联络办、部门的办公电脑，由信息科提供地址）")
        )
        self.server_choice.clicked.connect(self.connect_to_server)
        quit_button = QPushButton(self.tr("退出"))
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.join_choice)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.create_choice)
        layout.addStretch(1)
        layout.addWidget(quit_button, alignment=Qt.AlignmentFlag.AlignRight)
        return page

    def connect_to_server(self) -> None:
        from liaison.ui.connection_dialog import ConnectionDialog

        if ConnectionDialog(self).exec():
            self.reconnect = True
            self.reject()

    # --- 加入已有区县 ------------------------------------------------------------------------

    def _join_page(self) -> QWidget:
        page = QWidget()
        me = this_device(self.db)
        steps = QLabel(
            self.tr(
                "1. 把本机的登记申请交给区联络办，并念出本机指纹，请管理员核对后登记本机"
                "和可在本机登录的账号。\n"
                "2. 区联络办为本机导出同步包后，选择该文件，并输入区联络办念出的指纹。"
            )
        )
        steps.setWordWrap(True)
        self.own_fingerprint = QLabel(me.fingerprint)
        self.own_fingerprint.setObjectName("fingerprint")
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        request = QPushButton(self.tr("导出登记申请…"))
        request.clicked.connect(self.write_request)
        self.request_note = QLabel()
        self.request_note.setObjectName("muted")
        self.bundle: Path | None = None
        self.bundle_label = QLabel(self.tr("（未选择）"))
        self.bundle_label.setObjectName("muted")
        pick = QPushButton(self.tr("选择同步包…"))
        pick.clicked.connect(self.pick_bundle)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.bundle_label, 1)
        bundle_row.addWidget(pick)
        self.hub_fingerprint = QLineEdit()
        self.hub_fingerprint.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.join_error = QLabel()
        self.join_error.setObjectName("fieldError")
        self.join_error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("本机指纹"), self.own_fingerprint)
        form.addRow("", request)
        form.addRow("", self.request_note)
        form.addRow(self.tr("区联络办的同步包"), bundle_row)
        form.addRow(self.tr("区联络办念出的指纹"), self.hub_fingerprint)
        back = QPushButton(self.tr("返回"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.join_button = QPushButton(self.tr("加入"))
        self.join_button.setObjectName("primary")
        self.join_button.clicked.connect(self.try_join)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.join_button)
        layout = QVBoxLayout(page)
        layout.addWidget(steps)
        layout.addLayout(form)
        layout.addWidget(self.join_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _ask_for_request_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存登记申请"), "登记申请.lsb", self.tr("同步包 (*.lsb)")
        )
        return Path(name) if name else None

    def _ask_for_bundle(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择区联络办的同步包"), "", self.tr("同步包 (*.lsb);;所有文件 (*)")
        )
        return Path(name) if name else None

    def write_request(self) -> None:
        path = self.choose_request_path()
        if path is None:
            return
        try:
            export_bundle(self.db, path, identity_only=True)
        except DomainError as exc:
            self.join_error.setText(tr_core(exc))
            return
        self.request_note.setText(self.tr("已保存：{path}").format(path=path))

    def pick_bundle(self) -> None:
        path = self.choose_bundle()
        if path is not None:
            self.bundle = path
            self.bundle_label.setText(path.name)

    def try_join(self) -> None:
        if self.bundle is None:
            self.join_error.setText(self.tr("请先选择区联络办为本机导出的同步包"))
            return
        bundle, fingerprint = self.bundle, self.hub_fingerprint.text()
        self.join_button.setEnabled(False)
        self.join_error.setText("")

        def done(_report: object) -> None:
            self.joined = True
            self.accept()

        def failed(exc: Exception) -> None:
            self.join_button.setEnabled(True)
            if not isinstance(exc, DomainError):
                raise exc
            self.join_error.setText(tr_core(exc))

        run_in_background(
            self,
            lambda: join_district(self.db, bundle, fingerprint),
            done,
            failed,
            label=self.tr("正在导入区联络办的数据…"),
        )

    # --- 新建区县 ----------------------------------------------------------------------------

    def _create_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "本机将成为区县服务器（区联络办）：其他电脑都由这里登记。"
                "请先创建管理员账号，之后可在“管理”中添加干部和部门账号。"
            )
        )
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("例如：区联络办 张三"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.load_demo = QCheckBox(self.tr("载入小型演示数据（约 300 家企业），便于试用"))
        self.load_demo.setVisible(not self.db.on_server)  # demo data is made in a file
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        self.password.setToolTip(tr_core(RULE))
        form.addRow(self.tr("密码（至少 10 位）"), self.password)
        form.addRow(self.tr("确认密码"), self.password2)
        back = QPushButton(self.tr("返回"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        create = QPushButton(self.tr("创建"))
        create.setObjectName("primary")
        create.clicked.connect(self.try_create)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(create)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.load_demo)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def try_create(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("两次输入的密码不一致"))
            return
        try:
            self.account_id = accounts.create_district(
                self.db, self.username.text(), self.display_name.text(), self.password.text()
            )
        except (ValidationError, DomainError) as exc:
            self.error.setText(tr_core(exc))
            return
        self.accept()
