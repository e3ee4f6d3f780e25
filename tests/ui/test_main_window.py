"""The main window adapts to the role and every screen opens and renders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from liaison import launcher
from liaison.services.context import Actor
from liaison.ui.context import AppContext
from liaison.ui.home import HomeScreen
from liaison.ui.main_window import MainWindow
from tests.conftest import Cast

EXPECTED = {
    "admin": ["home", "enterprises", "visits", "demands", "dashboard", "admin", "sync"],
    "supervisor": ["home", "enterprises", "visits", "demands", "dashboard", "sync"],
    "cadre": ["home", "enterprises", "visits", "demands", "sync"],
    "street_staff": ["home", "enterprises", "visits", "demands", "sync"],
    "finance_handler": ["home", "enterprises", "demands", "sync"],
}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_each_role_sees_its_screens_and_each_renders(
    who: str, qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast, tmp_path: Path
) -> None:
    window = MainWindow(make_ctx(getattr(cast, who)))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert [s.name for s in window.specs] == EXPECTED[who]
    for spec in window.specs:
        window.show_screen(spec.name)
        qtbot.wait(20)
        assert window.stack.currentWidget() is window.screen_named(spec.name)
        image = window.grab().toImage()
        assert image.width() == 1366
        # a rendered screen has plenty of distinct colours (not a blank page)
        colours = {image.pixel(x, y) for x in range(0, 1366, 3) for y in range(0, 768, 7)}
        assert len(colours) > 16, spec.name


def test_navigator_opens_a_demand_and_an_enterprise(
    qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    window = MainWindow(make_ctx(cast.supervisor))
    qtbot.addWidget(window)
    window.show()
    window.open_enterprise(cast.enterprise_id)
    assert window.stack.currentWidget() is window.screen_named("enterprises")


def test_launcher_without_command_opens_the_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[Path] = []

    def fake_run(path: Path, bundle: Path | None = None) -> int:
        assert bundle is None
        seen.append(path)
        return 0

    monkeypatch.setattr("liaison.ui.app.run", fake_run)
    assert launcher.main(["--db", str(tmp_path / "x.sqlite")]) == 0
    assert seen == [tmp_path / "x.sqlite"]


@pytest.mark.parametrize(
    ("who", "unit"),
    [("finance_handler", "区金融办"), ("street_staff", "观音桥街道"), ("supervisor", "")],
)
def test_headers_name_the_persons_department_or_street(
    who: str, unit: str, qtbot: QtBot, make_ctx: Callable[[Actor], AppContext], cast: Cast
) -> None:
    from PySide6.QtWidgets import QLabel

    actor = getattr(cast, who)
    window = MainWindow(make_ctx(actor))
    qtbot.addWidget(window)
    window.show()
    status = [w.text() for w in window.statusBar().findChildren(QLabel) if "当前用户" in w.text()]
    expected = f"{unit} · {actor.display_name}" if unit else f"当前用户：{actor.display_name}"
    assert len(status) == 1 and expected in status[0]
    if not unit:
        assert " · " not in status[0]
    home = window.screen_named("home")
    assert isinstance(home, HomeScreen)
    qtbot.waitUntil(lambda: actor.display_name in home.subtitle.text())
    assert (f"{unit} · " in home.subtitle.text()) == bool(unit)


def test_launcher_with_a_bundle_opens_the_app_on_its_preview(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[tuple[Path, Path | None]] = []

    def fake_run(path: Path, bundle: Path | None = None) -> int:
        seen.append((path, bundle))
        return 0

    monkeypatch.setattr("liaison.ui.app.run", fake_run)
    monkeypatch.chdir(tmp_path)
    bundle = tmp_path / "来自区联络办.LSB"
    bundle.write_bytes(b"x")
    db = tmp_path / "x.sqlite"
    # named relative to the folder it was started in: handed on absolute (another app may take it)
    assert launcher.main(["--db", str(db), bundle.name]) == 0
    assert launcher.main(["--open", bundle.name, "--db", str(db)]) == 0
    assert seen == [(db, bundle.resolve()), (db, bundle.resolve())]
