"""The app's log file and crash reports, so a failure leaves a trace instead of a vanished window.

An office PC has no console: a windowed app that dies on an unexpected error just
disappears, and the person who has to fix it hears "it closed by itself". So every run
logs to a small rotating file in the user's log folder (:func:`desktop.paths.log_dir`),
and an unhandled exception, on the main thread or a worker thread, is written to a
crash report there (traceback, version, platform, Qt version, library location, the
last lines of the log) before anything else happens. What the user then sees is up to
the caller: the window installs a dialog saying where the report is
(:mod:`desktop.ui.crash_dialog`); the headless commands print the path on stderr.

No Qt here (core module): the Qt version is read only if Qt is already loaded. Nothing
in this module may raise into its caller: a read-only or full disk means no log, not a
failed start.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

LOG_FILE_NAME = "studynotes.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
CRASH_PREFIX = "crash-"
CRASH_SUFFIX = ".txt"
CRASH_REPORTS_KEPT = 20
LOG_TAIL_LINES = 40
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(threadName)s %(name)s: %(message)s"

log = logging.getLogger(__name__)

# (report path or None when it could not be written, the exception, thread name or None)
CrashPresenter = Callable[[Path | None, BaseException, str | None], None]

_handler: logging.Handler | None = None
_presenter: CrashPresenter | None = None
_library_location: str | None = None
_previous_excepthook = sys.__excepthook__  # what our hooks replaced (set when installing)
_previous_threading_hook = threading.__excepthook__
_reporting = threading.local()


# --- folders and the log file ------------------------------------------------------------


def create_app_folders() -> dict[str, Path]:
    """Create the data, cache and log folders; the ones that could be created, by name.

    A folder that cannot be created (read-only profile, full disk) is logged and left
    out: the library reports its own folder problem in words, the cache and the log are
    optional.
    """
    from desktop import paths

    created: dict[str, Path] = {}
    for name, folder in (("data", paths.data_dir), ("cache", paths.cache_dir), ("log", paths.log_dir)):
        try:
            path = folder()
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("Cannot create the %s folder: %s", name, error)
            continue
        created[name] = path
    return created


def log_file_path() -> Path:
    from desktop.paths import log_dir

    return log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the app's log records to the rotating log file; the file, or None if impossible.

    Creates the app's folders on the way (first run). Idempotent: called again (another
    ``STUDYNOTES_HOME``, as in tests) it replaces its own handler and leaves any other
    handler alone. Nothing is written to the console: the headless commands own stdout
    and stderr.
    """
    global _handler
    from logging.handlers import RotatingFileHandler

    folders = create_app_folders()
    root = logging.getLogger()
    target = log_file_path()
    if _handler is not None:
        if getattr(_handler, "baseFilename", None) == os.path.abspath(target):
            return target
        shutdown_logging()
    if "log" not in folders:
        return None
    try:
        handler = RotatingFileHandler(target, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                      encoding="utf-8", delay=True)
    except OSError as error:  # pragma: no cover - delay=True opens on the first record
        log.warning("Cannot open the log file %s: %s", target, error)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # a line per plug-in
    _handler = handler
    return target


def shutdown_logging() -> None:
    """Detach and close the log file (tests; the app lets interpreter exit do it)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def set_library_location(location: str | None) -> None:
    """Name the open library in crash reports (the window knows it; the hooks do not)."""
    global _library_location
    _library_location = location


# --- crash reports ------------------------------------------------------------------


def crash_report_text(exc_type: type[BaseException], exc: BaseException,
                      tb: TracebackType | None, thread_name: str | None = None) -> str:
    """What a maintainer needs to understand a crash, in plain text."""
    import platform  # its regular expressions cost start-up time; a crash can pay for them

    now = datetime.now(timezone.utc)
    lines = [
        "Study Notes crash report",
        "========================",
        f"Time:       {now.astimezone().isoformat(timespec='seconds')} ({now.isoformat(timespec='seconds')})",
        f"Version:    {_safe(_app_version)}",
        f"Frozen:     {'yes (installed bundle)' if getattr(sys, 'frozen', False) else 'no'}",
        f"Python:     {sys.version.split()[0]} ({platform.python_implementation()})",
        f"Platform:   {_safe(platform.platform)}",
        f"Machine:    {platform.machine()}",
        f"Qt:         {_qt_version()}",
        f"Library:    {_safe(_library_for_report)}",
        f"Thread:     {thread_name or threading.current_thread().name}",
        f"Executable: {sys.executable}",
        f"Arguments:  {' '.join(sys.argv[1:]) or '(none)'}",
        "",
        "Traceback",
        "---------",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        "",
    ]
    tail = _log_tail()
    if tail:
        lines += ["Last lines of the log", "---------------------", *tail, ""]
    return "\n".join(lines)


def write_crash_report(exc_type: type[BaseException], exc: BaseException,
                       tb: TracebackType | None, thread_name: str | None = None) -> Path | None:
    """Write a crash report into the log folder; its path, or None if nothing could be written.

    Written to a temporary name then renamed, so a report is whole or absent. Falls back
    to the temporary folder when the log folder is unusable. Never raises.
    """
    try:
        text = crash_report_text(exc_type, exc, tb, thread_name)
    except Exception as error:  # noqa: BLE001 - a report of the report's failure is better than none
        text = f"Study Notes crash report (incomplete: {error!r})\n\n" + "".join(
            traceback.format_exception(exc_type, exc, tb))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    name = f"{CRASH_PREFIX}{stamp}{CRASH_SUFFIX}"
    for folder in _crash_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / name
            temporary = folder / (name + ".part")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, target)
        except OSError:
            continue
        _prune_crash_reports(folder)
        return target
    return None


def crash_reports() -> list[Path]:
    """The crash reports in the log folder, oldest first."""
    from desktop.paths import log_dir

    try:
        return sorted(p for p in log_dir().glob(f"{CRASH_PREFIX}*{CRASH_SUFFIX}") if p.is_file())
    except OSError:
        return []


# --- hooks ----------------------------------------------------------------------------


def install_excepthooks(presenter: CrashPresenter | None = None, *, force: bool = False) -> None:
    """Report unhandled exceptions of the main thread and of worker threads.

    ``presenter`` tells the user (the window's dialog); without one, the traceback and the
    report's path go to stderr. May be called again to change the presenter. A hook that
    someone else installed (a debugger, an IDE, pytest and pytest-qt) is left in place
    unless ``force``: they report exceptions their own way.
    """
    global _presenter, _previous_excepthook, _previous_threading_hook
    if presenter is not None:
        _presenter = presenter
    if sys.excepthook is not _excepthook and (force or sys.excepthook is sys.__excepthook__):
        _previous_excepthook = sys.excepthook
        sys.excepthook = _excepthook
    if threading.excepthook is not _threading_excepthook and (
            force or threading.excepthook is threading.__excepthook__):
        _previous_threading_hook = threading.excepthook
        threading.excepthook = _threading_excepthook


def set_crash_presenter(presenter: CrashPresenter | None) -> None:
    """Replace how a crash is shown (None: print on stderr)."""
    global _presenter
    _presenter = presenter


def uninstall_excepthooks() -> None:
    """Put back the hooks ours replaced, if ours are still installed (tests)."""
    global _presenter
    if sys.excepthook is _excepthook:
        sys.excepthook = _previous_excepthook
    if threading.excepthook is _threading_excepthook:
        threading.excepthook = _previous_threading_hook
    _presenter = None


def report_crash(exc: BaseException, thread_name: str | None = None) -> Path | None:
    """Write, log and present one crash. Also for code that catches an exception it cannot handle."""
    if getattr(_reporting, "active", False):  # a crash while reporting a crash: stop here
        return None
    _reporting.active = True
    try:
        report = write_crash_report(type(exc), exc, exc.__traceback__, thread_name)
        log.critical("Unexpected error%s; crash report: %s",
                     f" in thread {thread_name}" if thread_name else "", report,
                     exc_info=(type(exc), exc, exc.__traceback__))
        presenter = _presenter or print_report
        try:
            presenter(report, exc, thread_name)
        except Exception:  # noqa: BLE001 - the presenter must not hide the report
            log.exception("Could not show the crash report %s", report)
            print_report(report, exc, thread_name)
        return report
    finally:
        _reporting.active = False


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        _previous_excepthook(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report_crash(exc)


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    exc = args.exc_value
    if exc.__traceback__ is None:
        exc = exc.with_traceback(args.exc_traceback)
    report_crash(exc, args.thread.name if args.thread is not None else None)


def print_report(report: Path | None, exc: BaseException, thread_name: str | None) -> None:
    """The traceback and where the report is, on stderr (the console commands' presenter)."""
    stream = sys.stderr
    if stream is None:  # a windowed executable on Windows has no stderr
        return
    try:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=stream)
        where = f"a report was written to {report}" if report else "no report could be written"
        print(f"studynotes: unexpected error ({where}). Please send the report to the "
              "person who maintains Study Notes.", file=stream)
    except (OSError, ValueError):
        pass


# --- helpers -------------------------------------------------------------------------------


def _safe(function: Callable[[], str]) -> str:
    try:
        return function()
    except Exception as error:  # noqa: BLE001 - a report must be written whatever fails
        return f"unknown ({type(error).__name__}: {error})"


def _app_version() -> str:
    from desktop import __version__

    return __version__


def _qt_version() -> str:
    # Only if the window already loaded Qt: a crash in a headless command must not load it.
    core = sys.modules.get("PySide6.QtCore")
    if core is None:
        return "not loaded"
    pyside = sys.modules.get("PySide6")
    return f"Qt {core.qVersion()}, PySide6 {getattr(pyside, '__version__', '?')}"


def _library_for_report() -> str:
    if _library_location:
        return _library_location
    from desktop.paths import library_location

    return f"{library_location(None)} (default; not necessarily open)"


def _crash_folders() -> list[Path]:
    import tempfile

    folders: list[Path] = []
    try:
        from desktop.paths import log_dir

        folders.append(log_dir())
    except Exception:  # noqa: BLE001 - e.g. platformdirs missing from a broken install
        pass
    folders.append(Path(tempfile.gettempdir()) / "StudyNotes")
    return folders


def _prune_crash_reports(folder: Path) -> None:
    # The UTC timestamp in the name makes name order age order.
    reports = sorted(folder.glob(f"{CRASH_PREFIX}*{CRASH_SUFFIX}"))
    for old in reports[:-CRASH_REPORTS_KEPT]:
        try:
            old.unlink()
        except OSError:
            pass


def _log_tail() -> list[str]:
    try:
        path = log_file_path()
        with path.open("rb") as stream:
            stream.seek(0, os.SEEK_END)
            size = stream.tell()
            stream.seek(max(0, size - 16_384))
            data = stream.read()
    except Exception:  # noqa: BLE001 - no log yet is normal, and a report must not fail here
        return []
    lines = data.decode("utf-8", "replace").splitlines()
    return lines[-LOG_TAIL_LINES:]
