"""Every command of the main window, as QActions, and the menus and toolbar that show them.

One class owns them all (as novelWriter's GuiMainMenu does), so a shortcut is defined
once, shows in the menu beside its command, and cannot clash unseen with another. The
actions carry no behaviour: the main window connects their ``triggered`` signals.
Standard key sequences are used where Qt defines one (Open, Quit, ZoomIn, ZoomOut), so
each platform gets its usual keys.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

StandardKey = QKeySequence.StandardKey


def _keys(standard: StandardKey | None, *extra: str) -> list[QKeySequence]:
    """The platform's standard keys (if any) followed by ``extra`` ones not already there."""
    keys = list(QKeySequence.keyBindings(standard)) if standard is not None else []
    for text in extra:
        sequence = QKeySequence(text)
        if sequence not in keys:
            keys.append(sequence)
    return keys


class MainActions(QObject):
    """The main window's actions, menus (文件 / 查看 / 帮助) and toolbar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.import_file = self._action(
            self.tr("&Import File…"), _keys(StandardKey.Open, "Ctrl+O"),
            self.tr("Import a page of reflections saved as a text file"),
            self.tr("Import File"))
        self.import_clipboard = self._action(
            self.tr("Import &Pasted Text"), _keys(None, "Ctrl+Shift+V"),
            self.tr("Import the page of reflections copied to the clipboard"),
            self.tr("Import Pasted Text"))
        self.quit = self._action(
            self.tr("&Quit"), _keys(StandardKey.Quit, "Ctrl+Q"), self.tr("Close Study Notes"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.previous_reflection = self._action(
            self.tr("&Previous Reflection"), _keys(None, "Alt+Up", "Ctrl+PgUp"),
            self.tr("Read the previous reflection"), self.tr("Previous"))
        self.next_reflection = self._action(
            self.tr("&Next Reflection"), _keys(None, "Alt+Down", "Ctrl+PgDown"),
            self.tr("Read the next reflection"), self.tr("Next"))
        self.zoom_in = self._action(
            self.tr("&Larger Text"), _keys(StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"),
            self.tr("Make the reading text larger"), self.tr("Larger Text"))
        self.zoom_out = self._action(
            self.tr("&Smaller Text"), _keys(StandardKey.ZoomOut, "Ctrl+-"),
            self.tr("Make the reading text smaller"), self.tr("Smaller Text"))
        self.zoom_reset = self._action(
            self.tr("&Actual Size"), _keys(None, "Ctrl+0"),
            self.tr("Reset the reading text to its normal size"))
        self.focus_library = self._action(
            self.tr("Go to &Library"), _keys(None, "Ctrl+1"),
            self.tr("Move the keyboard focus to the library panel"))
        self.focus_reading = self._action(
            self.tr("Go to &Reading Pane"), _keys(None, "Ctrl+2"),
            self.tr("Move the keyboard focus to the reading pane"))

        self.about = self._action(self.tr("&About Study Notes"), [], self.tr("About this program"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        self.file_menu, self.view_menu, self.help_menu = self._build_menus()
        self.toolbar = self._build_toolbar()

    def _action(self, text: str, keys: list[QKeySequence], tip: str, short: str = "") -> QAction:
        action = QAction(text, self._window)
        if short:  # the toolbar's label: "导入文件" rather than "导入文件(&I)…"
            action.setIconText(short)
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = f"{tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setStatusTip(tip)
        action.setToolTip(tip)
        self._window.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_menus(self) -> tuple[QMenu, QMenu, QMenu]:
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.import_file)
        file_menu.addAction(self.import_clipboard)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.previous_reflection)
        view_menu.addAction(self.next_reflection)
        view_menu.addSeparator()
        view_menu.addAction(self.zoom_in)
        view_menu.addAction(self.zoom_out)
        view_menu.addAction(self.zoom_reset)
        view_menu.addSeparator()
        view_menu.addAction(self.focus_library)
        view_menu.addAction(self.focus_reading)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)
        return file_menu, view_menu, help_menu

    def _build_toolbar(self) -> QToolBar:
        """Labelled buttons for the common commands: big targets for mouse users."""
        toolbar = QToolBar(self.tr("Main Toolbar"), self._window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.import_file, self.import_clipboard):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.previous_reflection, self.next_reflection):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.zoom_out, self.zoom_in):
            toolbar.addAction(action)
        self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return toolbar
