"""Look of the app: a CJK font and a calm office style sheet."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "AR PL UMing CN",
    "SimSun",
)

ACCENT = "#1f5fa8"

STYLE_SHEET = f"""
QListWidget#navigation {{
    background: #23344d; color: #dbe4f0; border: none; font-size: 15px; padding-top: 8px;
}}
QListWidget#navigation::item {{ padding: 12px 18px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget#navigation::item:hover:!selected {{ background: #2f4666; }}
QLabel#screenTitle {{ font-size: 18px; font-weight: bold; color: #1d2b3a; }}
QLabel#sectionTitle {{ font-size: 15px; font-weight: bold; color: #1d2b3a; margin-top: 6px; }}
QLabel#dialogTitle {{ font-size: 18px; font-weight: bold; color: {ACCENT}; margin: 8px 0 12px 0; }}
QLabel#fieldError {{ color: #c0392b; }}
QLabel#fieldOk {{ color: #1e7e34; }}
QLabel#muted {{ color: #6b7785; }}
QLabel#badge {{ background: #e8eef7; color: {ACCENT}; border-radius: 3px; padding: 1px 6px; }}
QTableView {{ gridline-color: #e3e7ec; selection-background-color: #d6e4f5;
              selection-color: #111; alternate-background-color: #f7f9fb; }}
QHeaderView::section {{ background: #eef1f5; border: none; border-right: 1px solid #dde2e8;
                        border-bottom: 1px solid #dde2e8; padding: 4px 6px; font-weight: bold; }}
QPushButton {{ padding: 5px 14px; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT};
                       border-radius: 3px; }}
QPushButton#primary:disabled {{ background: #9fb5cf; border-color: #9fb5cf; }}
QFrame#card {{ background: white; border: 1px solid #dde2e8; border-radius: 4px; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {{
    border: 1px solid #c0392b;
}}
"""


def apply_style(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    chosen = next((f for f in CJK_FAMILIES if f in families), None)
    font = QFont(chosen) if chosen else app.font()
    font.setPointSize(10)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
