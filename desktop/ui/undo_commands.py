"""Undoable annotation edits: each QUndoCommand calls the Library, then tells the pane.

The edit is done once *before* the command is pushed (so a refused edit, e.g. on text
changed by another window, shows its message and leaves nothing on the stack); the
command's first ``redo()``, called by ``QUndoStack.push``, therefore does nothing. Undoing
a removal restores the highlight with its old id (:meth:`Library.restore_highlight`), so a
redo after that removes the same row again and ids never drift.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop.annotation import Highlight
from desktop.errors import StudyNotesError

if TYPE_CHECKING:
    from desktop.anchoring import Anchor
    from desktop.library import Library

Changed = Callable[[int], None]  # reflection id whose annotations changed
Failed = Callable[[StudyNotesError], None]


class AnnotationCommand(QUndoCommand):
    """Common plumbing: skip the first redo, report changes and failures."""

    def __init__(self, text: str, library: Library, reflection_id: int,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text)
        self.library = library
        self.reflection_id = reflection_id
        self._changed = changed
        self._failed = failed
        self._done = True  # the controller did the edit before pushing

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except StudyNotesError as error:
            self._failed(error)
        self._changed(self.reflection_id)

    def do(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def undo_it(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class AddHighlight(AnnotationCommand):
    """A highlight was added (or a suggestion accepted); undo removes it, redo restores it."""

    def __init__(self, text: str, library: Library, highlight: Highlight,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text, library, highlight.reflection_id, changed, failed)
        self.highlight = highlight

    def do(self) -> None:
        self.highlight = self.library.restore_highlight(self.highlight)

    def undo_it(self) -> None:
        self.highlight = self.library.remove_highlight(self.highlight.id)


class RemoveHighlight(AnnotationCommand):
    def __init__(self, text: str, library: Library, removed: Highlight,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text, library, removed.reflection_id, changed, failed)
        self.removed = removed

    def do(self) -> None:
        self.removed = self.library.remove_highlight(self.removed.id)

    def undo_it(self) -> None:
        self.library.restore_highlight(self.removed)


class UpdateHighlight(AnnotationCommand):
    """A category or comment change: undo puts back the values from before."""

    def __init__(self, text: str, library: Library, before: Highlight, after: Highlight,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text, library, before.reflection_id, changed, failed)
        self.before = before
        self.after = after

    def do(self) -> None:
        self.library.update_highlight(self.after.id, category=self.after.category,
                                      comment=self.after.comment)

    def undo_it(self) -> None:
        self.library.update_highlight(self.before.id, category=self.before.category,
                                      comment=self.before.comment)


class ReattachHighlight(AnnotationCommand):
    """A detached highlight placed on new words by hand; undo makes it detached again."""

    def __init__(self, text: str, library: Library, before: Highlight, anchor: Anchor,
                 changed: Changed, failed: Failed) -> None:
        super().__init__(text, library, before.reflection_id, changed, failed)
        self.before = before
        self.anchor = anchor

    def do(self) -> None:
        self.library.reattach_highlight(self.before.id, self.anchor)

    def undo_it(self) -> None:
        self.library.restore_highlight(self.before)


class DismissSuggestion(AnnotationCommand):
    """A suggested commitment turned down; undo lets it be suggested again."""

    def __init__(self, text: str, library: Library, reflection_id: int, paragraph: int,
                 start: int, end: int, sentence: str, changed: Changed, failed: Failed) -> None:
        super().__init__(text, library, reflection_id, changed, failed)
        self.place = (paragraph, start, end)
        self.sentence = sentence

    def do(self) -> None:
        self.library.dismiss_suggestion(self.reflection_id, *self.place, self.sentence)

    def undo_it(self) -> None:
        self.library.undismiss_suggestion(self.reflection_id, self.sentence)
