"""The visit form ⇄ its draft: what is written after each change and read back on opening."""

from __future__ import annotations

import contextlib
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate

from liaison.ui.visits.drafts import DraftStore

if TYPE_CHECKING:
    from liaison.ui.visits.form import VisitForm


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class DraftIO:
    def __init__(self, form: VisitForm, store: DraftStore) -> None:
        self.form = form
        self.store = store

    def snapshot(self) -> dict[str, Any]:
        """Everything typed, as JSON-able values."""
        f = self.form
        follow_up = pydate(f.follow_up_date.date()).isoformat() if f.follow_up.isChecked() else None
        return {
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "enterprise_id": f.picker.enterprise_id,
            "enterprise_text": f.picker.text(),
            "visit_date": pydate(f.visit_date.date()).isoformat(),
            "mode": f.mode.currentData(),
            "follow_up_on": follow_up,
            "participants": f.participants.values(),
            "summary": f.summary.toPlainText(),
            "demands": f.demands.values(),
        }

    def has_content(self) -> bool:
        """Anything typed beyond the empty form's defaults."""
        f = self.form
        return bool(
            f.picker.text().strip()
            or f.summary.toPlainText().strip()
            or f.follow_up.isChecked()
            or f.participants.values() != [f.default_participant()]
            or f.demand_rows
        )

    def save(self) -> None:
        self.form.autosave.stop()
        try:
            if self.has_content():
                self.store.save(self.snapshot())
            else:
                self.store.clear()
        except OSError:
            self.form.draft_note.setText(self.form.tr("草稿无法自动保存，请尽快保存走访"))

    def clear(self) -> None:
        self.form.autosave.stop()
        with contextlib.suppress(OSError):
            self.store.clear()

    def restore(self) -> bool:
        """Fill the form from the draft, if there is one; say so above the form."""
        data = self.store.load()
        if not data:
            return False
        f = self.form
        f.loading = True
        try:
            f.picker.set_enterprise(data.get("enterprise_id"))
            if not f.picker.enterprise_id:
                f.picker.setText(str(data.get("enterprise_text") or ""))
            f.show_enterprise()
            with contextlib.suppress(KeyError, TypeError, ValueError):
                f.visit_date.setDate(qdate(date.fromisoformat(data["visit_date"])))
            f.mode.setCurrentIndex(max(f.mode.findData(data.get("mode")), 0))
            follow_up = data.get("follow_up_on")
            f.follow_up.setChecked(bool(follow_up))
            f.follow_up_date.setEnabled(bool(follow_up))
            if follow_up:
                with contextlib.suppress(TypeError, ValueError):
                    f.follow_up_date.setDate(qdate(date.fromisoformat(str(follow_up))))
            f.participants.set_values(list(data.get("participants") or []))
            f.summary.setPlainText(str(data.get("summary") or ""))
            f.demands.set_values(list(data.get("demands") or []))
        finally:
            f.loading = False
        f.show_draft_note(str(data.get("saved_at") or "—"))
        return True
