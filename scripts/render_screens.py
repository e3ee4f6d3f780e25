"""Render every main screen of the app to PNG, for each role, at laptop and monitor sizes;
then, at 1366×768, each role's detail panes with a record selected and every dialog its
actions open (one demand per action), the enterprise form, 核验销号单 and a print preview.

    .venv/bin/python scripts/render_screens.py [--out screens] [--db PATH]

Uses the small demo district (built into a temporary database unless --db is given) and the
offscreen platform, so it runs on a machine without a display. Look at the PNGs afterwards.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from liaison.data import driver
from liaison.data.db import Database, is_server
from liaison.demo import generate
from liaison.services import accounts, enterprises
from liaison.services.context import Actor
from liaison.services.setup import init_database, new_installation
from liaison.sync.exchange import bundle, devices
from liaison.sync.log import database
from liaison.ui.app import make_app
from liaison.ui.context import AppContext, ChangeHub
from liaison.ui.main_window import MainWindow

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}
PASSWORD = "liaison123"


def settle(app: QApplication, seconds: float = 1.0) -> None:
    """Keep the event loop running while background queries land and are shown."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)


def demo_usernames(db: Database) -> dict[str, str]:
    """One account per role from the demo data (the first of each, by username)."""
    found: dict[str, str] = {}
    for info in accounts.list_accounts(db):
        found.setdefault(str(info.role), info.username)
    return found


def render(db_path: Path | str, out: Path) -> list[Path]:
    app = make_app()
    db = database(db_path)
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    for role, username in sorted(demo_usernames(db).items()):
        actor = accounts.sign_in(db, username, PASSWORD)
        window = MainWindow(AppContext(db, actor, ChangeHub()))
        for spec in window.specs:
            for size_name, (w, h) in SIZES.items():
                window.resize(w, h)
                window.show()
                window.show_screen(spec.name)
                settle(app)
                path = out / f"{role}_{spec.name}_{size_name}.png"
                window.grab().save(str(path))
                written.append(path)
        window.close()
    db.dispose()
    return written


# --- detail panes and dialogs at 1366×768 ----------------------------------------------------

MAX_DEMANDS_TRIED = 400
"""Demands selected, in list order, while looking for one that offers each action."""


def _grab(widget: QWidget, path: Path, written: list[Path]) -> None:
    widget.grab().save(str(path))
    written.append(path)


def _busy_handler(db_path: Path | str) -> str | None:
    """A handler whose unit has a demand waiting for 签收 and one in hand (so that 签收, 退回,
    申请延期 and 办结 are all offered), else None."""
    db = database(db_path)
    conn = db.raw()
    try:
        row = conn.execute(
            "SELECT a.username FROM account a WHERE a.role = 'handler' AND a.active "
            "AND EXISTS (SELECT 1 FROM demand d WHERE d.lead_department_id = a.department_id "
            "AND d.state = 'assigned') "
            "AND EXISTS (SELECT 1 FROM demand d WHERE d.lead_department_id = a.department_id "
            "AND d.state = 'accepted' AND d.pending_extension IS NULL) "
            "ORDER BY a.username LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
        db.dispose()
    return str(row[0]) if row else None


def render_details(db_path: Path | str, out: Path) -> list[Path]:
    """Each role's demand detail and every action dialog it can open, the enterprise detail and
    form, the 核验 dialog and a closure record's print preview, in a 1366×768 window."""
    from liaison.domain import workflow as wf
    from liaison.reports.closure_record import render_closure_record
    from liaison.ui.demands.screen import DemandsScreen
    from liaison.ui.enterprises.screen import EnterprisesScreen
    from liaison.ui.print_preview import PdfPreviewDialog
    from liaison.ui.verify_dialog import VerifyDialog

    app = make_app()
    db = database(db_path)
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    people = demo_usernames(db)
    people["handler"] = _busy_handler(db_path) or people["handler"]
    for role, username in sorted(people.items()):
        actor = accounts.sign_in(db, username, PASSWORD)
        window = MainWindow(AppContext(db, actor, ChangeHub()))
        window.resize(*SIZES["1366x768"])
        window.show()
        window.show_screen("demands")
        screen = window.screen_named("demands")
        assert isinstance(screen, DemandsScreen)
        panel = screen.list_panel
        panel.state.setCurrentIndex(panel.state.findData(None))  # every state
        settle(app, 1.5)
        seen: set[wf.EventKind] = set()
        for index, demand_id in enumerate(panel.model.ids[:MAX_DEMANDS_TRIED]):
            panel.select(demand_id)
            settle(app, 0.15)
            if index == 0:
                _grab(window, out / f"{role}_demand_detail_1366x768.png", written)
            detail = screen.detail
            for kind, button in list(detail.action_buttons.items()):
                if kind in seen or not button.isEnabled():
                    continue
                seen.add(kind)
                dialog = detail.open_action(kind)
                if dialog is None:
                    continue
                settle(app, 0.3)
                _grab(window, out / f"{role}_demand_{kind}_1366x768.png", written)
                _grab(dialog, out / f"{role}_demand_{kind}_dialog.png", written)
                dialog.reject()
                settle(app, 0.1)
        print(f"{role}: dialogs of {', '.join(sorted(map(str, seen))) or 'no action'}")
        window.show_screen("enterprises")
        ents = window.screen_named("enterprises")
        assert isinstance(ents, EnterprisesScreen)
        settle(app, 1.0)
        ents.list.view.selectRow(0)
        settle(app, 0.5)
        _grab(window, out / f"{role}_enterprise_detail_1366x768.png", written)
        if not ents.detail.edit_button.isHidden() and ents.detail.detail is not None:
            form = ents.open_dialog(ents.detail.detail)
            settle(app, 0.3)
            _grab(form, out / f"{role}_enterprise_form.png", written)
            form.reject()
        verify = VerifyDialog(window.ctx, window)
        verify.show()
        settle(app, 0.2)
        _grab(verify, out / f"{role}_verify_dialog.png", written)
        verify.close()
        window.close()
    # a closure record's preview, as a supervisor prints it
    conn = db.raw()
    closed = conn.execute("SELECT id FROM demand WHERE state = 'closed' LIMIT 1").fetchone()
    conn.close()
    if closed:
        pdf = render_closure_record(db, closed[0], Path(tempfile.mkdtemp()) / "closure.pdf")
        preview = PdfPreviewDialog(pdf, "诉求办结销号单")
        preview.show()
        settle(app, 0.5)
        _grab(preview, out / "closure_preview.png", written)
        preview.close()
    db.dispose()
    return written


# --- the 同步 screen with a peer, some history and a conflict --------------------------------


def _edit_enterprise(db: Database, actor: Actor, enterprise_id: str, **changes: str) -> None:
    d = enterprises.get_enterprise(db, enterprise_id)
    data = d.as_input()
    enterprises.update_enterprise(db, actor, enterprise_id, replace(data, **changes))


def render_sync(db_path: Path, out: Path) -> list[Path]:
    """The 同步 screen on a copy of the demo database acting as the hub, after exchanging
    bundles with a street laptop that edited the same enterprise: history, a conflict, and
    the preview of one more bundle from the laptop."""
    from liaison.ui.sync import SyncScreen

    app = make_app()
    work = Path(tempfile.mkdtemp(prefix="liaison-sync-render-"))
    hub_path, laptop_path = work / "hub.sqlite", work / "laptop.sqlite"
    with driver.connect(db_path) as src, driver.connect(hub_path) as dst:
        src.backup(dst)
    new_installation(hub_path, laptop_path, "观音桥街道 laptop 3")
    hub, laptop = database(hub_path), database(laptop_path)
    names = demo_usernames(hub)
    admin = accounts.sign_in(hub, names["admin"], PASSWORD)
    hub_id = devices.this_device(hub).id
    devices.rename_device(hub, admin, hub_id, "区联络办")
    laptop_id = devices.this_device(laptop).id
    on_laptop = replace(admin, device_id=laptop_id)
    # the district office enrols the laptop (a copy of its file) for its administrator
    request = bundle.export_bundle(laptop, work / "request.lsb", identity_only=True)
    fingerprint = devices.this_device(laptop).fingerprint
    devices.enrol_device(
        hub, admin, fingerprint, kind="field", accounts=[admin.account_id], bundle=request.path
    )
    enrolment = bundle.export_bundle(hub, work / "enrolment.lsb", recipient=laptop_id)
    bundle.import_bundle(laptop, enrolment.path)
    with driver.connect(hub_path) as conn:
        [first], [second] = conn.execute(
            "SELECT id FROM enterprise WHERE deleted_at IS NULL ORDER BY name LIMIT 2"
        ).fetchall()
    conn.close()
    _edit_enterprise(hub, admin, first, phone="023-67881234")
    _edit_enterprise(laptop, on_laptop, first, phone="023-67885678")
    _edit_enterprise(laptop, on_laptop, second, address="观音桥步行街 8 号")
    for sender, receiver, receiver_id, n in ((hub, laptop, laptop_id, 1), (laptop, hub, hub_id, 2)):
        made = bundle.export_bundle(sender, work / f"round-{n}.lsb", recipient=receiver_id)
        bundle.import_bundle(receiver, made.path)
    _edit_enterprise(laptop, on_laptop, second, legal_rep="陈晓")
    pending = bundle.export_bundle(laptop, work / "pending.lsb", recipient=hub_id)

    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    for role in ("admin", "cadre"):
        actor = accounts.sign_in(hub, names[role], PASSWORD)
        screen = SyncScreen(AppContext(hub, actor, ChangeHub()))
        screen.resize(*SIZES["1366x768"])
        screen.show()
        settle(app)
        path = out / f"{role}_sync_1366x768.png"
        screen.grab().save(str(path))
        written.append(path)
        if role == "admin":
            dialog = screen.open_preview(pending.path)
            settle(app)
            path = out / "admin_sync_preview.png"
            dialog.grab().save(str(path))
            written.append(path)
            dialog.reject()
            screen.tabs.setCurrentWidget(screen.history)
            settle(app, 0.3)
            path = out / "admin_sync_history_1366x768.png"
            screen.grab().save(str(path))
            written.append(path)
            screen.tabs.setCurrentWidget(screen.devices)
            settle(app, 0.3)
            path = out / "admin_sync_devices_1366x768.png"
            screen.grab().save(str(path))
            written.append(path)
        screen.close()
    hub.dispose()
    laptop.dispose()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("screens"))
    ap.add_argument("--db", help="a SQLite file, or a postgresql:// URL (no 同步 screens then)")
    ap.add_argument("--only-sync", action="store_true", help="render only the 同步 screen")
    args = ap.parse_args()
    path: Path | str
    if args.db:
        path = args.db if is_server(args.db) else Path(args.db)
    else:
        path = Path(tempfile.mkdtemp()) / "demo.sqlite"
        init_database(path)
        generate(path, scale="small")
    screens = [] if args.only_sync else render(path, args.out) + render_details(path, args.out)
    if not is_server(path):  # the 同步 screens are rendered on copies of the file
        screens += render_sync(Path(path), args.out)
    for p in screens:
        print(p)
    QApplication.instance()


if __name__ == "__main__":
    main()
