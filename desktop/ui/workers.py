"""Run slow work (opening the library, parsing a page, storing it) off the GUI thread.

A :class:`Task` is a QRunnable that calls one plain function and reports its result or
its exception through signals. :class:`TaskRunner` owns the pool, keeps each task's
signal object alive until the result has been delivered, and hands results to
callbacks on the GUI thread (the signals' receiver lives there, so the connection is
queued). The pool has one thread: library work is serialised, so an import never races
the opening of the library it writes to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Callback = Callable[[Any], None]


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception


class Task(QRunnable):
    """Calls ``function(*args)`` on a pool thread."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.function = function
        self.args = args
        self.signals = TaskSignals()

    def run(self) -> None:  # runs on the pool thread
        try:
            result = self.function(*self.args)
        except BaseException as error:  # noqa: BLE001 - every failure goes to the GUI thread
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)


class TaskRunner(QObject):
    """Starts tasks and delivers their outcome to callbacks on the GUI thread."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: dict[int, tuple[TaskSignals, Callback, Callback]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def start(self, function: Callable[..., Any], *args: Any,
              on_success: Callback, on_failure: Callback) -> None:
        task = Task(function, *args)
        signals = task.signals
        self._pending[id(signals)] = (signals, on_success, on_failure)
        signals.succeeded.connect(self._succeeded)
        signals.failed.connect(self._failed)
        self._pool.start(task)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every started task has run (results are delivered by the event loop)."""
        return self._pool.waitForDone(msecs)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        entry = self._take(self.sender())
        if entry:
            entry[1](result)

    @Slot(object)
    def _failed(self, error: object) -> None:
        entry = self._take(self.sender())
        if entry:
            entry[2](error)

    def _take(self, signals: QObject | None) -> tuple[TaskSignals, Callback, Callback] | None:
        entry = self._pending.pop(id(signals), None)
        if entry is not None and not self._pending:
            self.busyChanged.emit(False)
        return entry
