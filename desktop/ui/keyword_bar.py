"""The keywords (关键词) of the reflection shown, as a row of tags under the text.

Each tag is a flat QToolButton (a big click target, reachable with Tab); clicking one
emits ``keywordActivated(word)``, which the main window passes on to its search. While
the keywords are being computed the bar says so ("Analysing…"): the first time, jieba's
dictionary takes a moment to load.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

BAR_STYLE = """
QFrame#keywordBar { background: #f4f2ee; border-top: 1px solid #dedad2; }
QFrame#keywordBar QLabel { color: #6b6b70; }
QFrame#keywordBar QToolButton { border: 1px solid #d9d5cc; border-radius: 12px;
    padding: 3px 12px; background: #fcfbf8; color: #1f1f22; }
QFrame#keywordBar QToolButton:hover { background: #efe9dd; border-color: #c7bfae; }
QFrame#keywordBar QToolButton:pressed { background: #e6dfcf; }
"""


class KeywordBar(QFrame):
    """A label and one flat button per keyword."""

    keywordActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keywordBar")
        self.setStyleSheet(BAR_STYLE)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(16, 6, 16, 6)
        self.setMinimumHeight(46)
        self._layout.setSpacing(6)
        self._label = QLabel(self.tr("Keywords:"), self)
        self._label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._status = QLabel(self)
        self._layout.addWidget(self._label)
        self._layout.addWidget(self._status)
        self._layout.addStretch(1)
        self._buttons: list[QToolButton] = []

    @property
    def buttons(self) -> list[QToolButton]:
        return list(self._buttons)

    def keywords(self) -> list[str]:
        return [button.text() for button in self._buttons]

    def status_text(self) -> str:
        return self._status.text() if not self._status.isHidden() else ""

    def set_status(self, text: str) -> None:
        """Show a short message instead of the tags (e.g. "Analysing…")."""
        self._clear()
        self._status.setText(text)
        self._status.setVisible(bool(text))

    def set_keywords(self, words: Sequence[str]) -> None:
        self._clear()
        self._status.setVisible(not words)
        self._status.setText("" if words else self.tr("No keywords found."))
        for word in words:
            button = QToolButton(self)
            button.setText(word)
            button.setAutoRaise(True)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(32)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("Find other passages about “{word}”").format(word=word))
            button.clicked.connect(lambda _checked=False, w=word: self.keywordActivated.emit(w))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)

    def _clear(self) -> None:
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.hide()  # at once: deleteLater() waits for the event loop
            button.deleteLater()
        self._buttons = []
