"""走访: the visit form (enterprise picker, inline demands, autosaved draft) and recent visits.

Modules are imported where they are used (`liaison.ui.visits.screen` for the screen): the
home screen borrows `records` only, and must not pull in the form's pinyin type-ahead (pypinyin
takes 0.2 s to load) on the GUI thread; the main window preloads the screen on a worker.
"""
