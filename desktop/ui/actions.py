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
        # --- exporting the material being read (desktop/ui/export_worker.py) ---
        self.export_brief = self._action(
            self.tr("Export Study &Brief…"), _keys(StandardKey.Print, "Ctrl+P"),
            self.tr("Export the material being read, with your highlights and notes, as a PDF study brief"),
            self.tr("Export Brief"))
        self.export_handout = self._action(
            self.tr("Export Training &Handout…"), _keys(None, "Ctrl+Shift+P"),
            self.tr("Export the material being read as a PDF handout for a study session"))
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
            self.tr("Go to &Library"), _keys(None, "Alt+1"),  # Ctrl+1..3 mark highlights
            self.tr("Move the keyboard focus to the library panel"))
        self.focus_reading = self._action(
            self.tr("Go to &Reading Pane"), _keys(None, "Alt+2"),
            self.tr("Move the keyboard focus to the reading pane"))

        # --- side panes: notes, highlights, search (desktop/ui/notes_pane.py etc.) ---
        self.find = self._action(
            self.tr("&Find…"), _keys(StandardKey.Find, "Ctrl+F"),
            self.tr("Search the whole library: titles, authors, texts, notes and comments"),
            self.tr("Find"))
        self.show_notes = self._pane_action(
            self.tr("&Notes Pane"), "Ctrl+Shift+N", self.tr("Show or hide your notes beside the text"))
        self.show_highlights = self._pane_action(
            self.tr("&Highlights Pane"), "Ctrl+Shift+H", self.tr("Show or hide the list of highlights"))
        self.show_search = self._pane_action(
            self.tr("S&earch Pane"), "Ctrl+Shift+F", self.tr("Show or hide the search pane"))

        # --- annotating in the reading pane (desktop/ui/annotations.py) ---
        self.undo = self._action(
            self.tr("&Undo"), _keys(StandardKey.Undo, "Ctrl+Z"), self.tr("Undo the last change"),
            self.tr("Undo"))
        self.redo = self._action(
            self.tr("&Redo"), _keys(StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"),
            self.tr("Redo the change just undone"), self.tr("Redo"))
        self.mark_commitment = self._action(
            self.tr("Mark as &Commitment"), _keys(None, "Ctrl+1"),
            self.tr("Highlight the selected words as a key commitment"), self.tr("Commitment"))
        self.mark_quote = self._action(
            self.tr("Mark as &Quote"), _keys(None, "Ctrl+2"),
            self.tr("Highlight the selected words as a quote worth remembering"), self.tr("Quote"))
        self.mark_question = self._action(
            self.tr("Mark as &Question"), _keys(None, "Ctrl+3"),
            self.tr("Highlight the selected words as a question to discuss"), self.tr("Question"))
        self.edit_comment = self._action(
            self.tr("&Comment on Highlight…"), _keys(None, "Ctrl+Alt+M"),
            self.tr("Write a comment on the highlight at the cursor"), self.tr("Comment"))
        self.remove_highlight = self._action(
            self.tr("&Remove Highlight"), _keys(None, "Ctrl+Shift+Del"),
            self.tr("Remove the highlight at the cursor"))

        # Delete only from the library panel (its shortcut works there alone, so Delete in
        # a note or the reading pane never reaches it); also in the panel's context menu.
        self.delete_material = self._action(
            self.tr("&Delete Material…"), _keys(StandardKey.Delete, "Del"),
            self.tr("Delete the selected material with its highlights and notes"))
        self.delete_material.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        self.about = self._action(self.tr("&About Study Notes"), [], self.tr("About this program"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        self.file_menu, self.view_menu, self.help_menu = self._build_menus()
        self.toolbar = self._build_toolbar()
        self.edit_menu, self.annotate_menu = self._build_annotate_menus()

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

    def _pane_action(self, text: str, key: str, tip: str) -> QAction:
        """A checked menu item that shows or hides a side pane (its check = visible)."""
        action = self._action(text, _keys(None, key), tip)
        action.setCheckable(True)
        action.setChecked(True)
        return action

    def _build_menus(self) -> tuple[QMenu, QMenu, QMenu]:
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.import_file)
        file_menu.addAction(self.import_clipboard)
        file_menu.addAction(self.delete_material)
        file_menu.addSeparator()
        file_menu.addAction(self.export_brief)
        file_menu.addAction(self.export_handout)
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
        view_menu.addSeparator()
        view_menu.addAction(self.find)
        view_menu.addAction(self.show_notes)
        view_menu.addAction(self.show_highlights)
        view_menu.addAction(self.show_search)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)
        return file_menu, view_menu, help_menu

    def _build_annotate_menus(self) -> tuple[QMenu, QMenu]:
        """Edit (undo/redo) and Annotate menus, placed before View; toolbar buttons."""
        bar = self._window.menuBar()
        edit_menu = QMenu(self.tr("&Edit"), bar)
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        annotate_menu = QMenu(self.tr("&Annotate"), bar)
        for action in (self.mark_commitment, self.mark_quote, self.mark_question):
            annotate_menu.addAction(action)
        annotate_menu.addSeparator()
        annotate_menu.addAction(self.edit_comment)
        annotate_menu.addAction(self.remove_highlight)
        bar.insertMenu(self.view_menu.menuAction(), edit_menu)
        bar.insertMenu(self.view_menu.menuAction(), annotate_menu)
        self.toolbar.addSeparator()
        for action in (self.mark_commitment, self.mark_quote, self.mark_question, self.edit_comment):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.undo, self.redo):
            self.toolbar.addAction(action)
        return edit_menu, annotate_menu

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
