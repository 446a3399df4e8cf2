"""The log file and crash reports: a failure leaves a report the user can send, never nothing."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop import __version__, logs

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def detached_logging():
    """Leave the root logger and the hooks as they were for the next test."""
    yield
    logs.shutdown_logging()
    logs.uninstall_excepthooks()
    logs.set_library_location(None)


def run_python(code: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "STUDYNOTES_HOME": str(home), **env}
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=environment,
                          capture_output=True, text=True, timeout=60)


def test_first_run_creates_the_folders_and_logs_to_a_file(studynotes_home: Path) -> None:
    assert not (studynotes_home / "log").exists()
    path = logs.setup_logging()
    assert path == studynotes_home / "log" / logs.LOG_FILE_NAME
    for folder in ("data", "cache", "log"):
        assert (studynotes_home / folder).is_dir()
    logging.getLogger("desktop.test").info("library opened: %s", "库")
    assert "library opened: 库" in path.read_text(encoding="utf-8")


def test_setting_up_twice_keeps_one_handler_and_follows_a_new_home(
        studynotes_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = logs.setup_logging()
    logs.setup_logging()
    ours = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(first)]
    assert len(ours) == 1
    logging.getLogger("desktop.test").warning("before the move")
    monkeypatch.setenv("STUDYNOTES_HOME", str(tmp_path / "other"))
    second = logs.setup_logging()
    logging.getLogger("desktop.test").warning("after the move")
    assert "after the move" in second.read_text(encoding="utf-8")
    assert first.read_text(encoding="utf-8").count("the move") == 1  # only "before"
    files = [getattr(h, "baseFilename", None) for h in logging.getLogger().handlers]
    assert str(first) not in files


def test_the_log_rotates_at_a_megabyte_and_keeps_five_old_files(studynotes_home: Path) -> None:
    path = logs.setup_logging()
    logger = logging.getLogger("desktop.test")
    line = "x" * 1000
    for _ in range(7_000):  # ~7 MB of records
        logger.info(line)
    files = sorted(path.parent.glob(logs.LOG_FILE_NAME + "*"))
    assert [f.name for f in files] == [logs.LOG_FILE_NAME] + [f"{logs.LOG_FILE_NAME}.{n}" for n in range(1, 6)]
    assert all(f.stat().st_size <= logs.LOG_MAX_BYTES for f in files)


def test_crash_report_says_what_happened_where_and_on_what(studynotes_home: Path) -> None:
    logs.setup_logging()
    logging.getLogger("desktop.test").info("just before the failure")
    logs.set_library_location("/data/库.sqlite3")
    try:
        {}["missing key"]
    except KeyError as error:
        report = logs.write_crash_report(type(error), error, error.__traceback__)
    assert report is not None and report.parent == studynotes_home / "log"
    assert report.name.startswith(logs.CRASH_PREFIX) and report.suffix == ".txt"
    text = report.read_text(encoding="utf-8")
    assert "KeyError: 'missing key'" in text
    assert "test_crash_report_says_what_happened_where_and_on_what" in text  # the traceback
    assert f"Version:    {__version__}" in text
    assert "Platform:" in text and "Python:" in text and "Qt:" in text
    assert "Library:    /data/库.sqlite3" in text
    assert "just before the failure" in text  # the last lines of the log
    assert list(report.parent.glob("*.part")) == []


def test_only_the_newest_crash_reports_are_kept(studynotes_home: Path) -> None:
    error = RuntimeError("again")
    for _ in range(logs.CRASH_REPORTS_KEPT + 5):
        logs.write_crash_report(RuntimeError, error, None)
    assert len(logs.crash_reports()) == logs.CRASH_REPORTS_KEPT


def test_an_unhandled_exception_writes_a_report_and_says_where(studynotes_home: Path) -> None:
    result = run_python(
        "from desktop import logs\n"
        "logs.setup_logging(); logs.install_excepthooks()\n"
        "raise RuntimeError('the import went wrong')\n", studynotes_home)
    assert result.returncode == 1
    assert "RuntimeError: the import went wrong" in result.stderr
    reports = sorted((studynotes_home / "log").glob("crash-*.txt"))
    assert len(reports) == 1
    assert f"a report was written to {reports[0]}" in result.stderr
    assert "the import went wrong" in reports[0].read_text(encoding="utf-8")
    assert "Unexpected error" in (studynotes_home / "log" / logs.LOG_FILE_NAME).read_text(encoding="utf-8")


def test_a_worker_thread_crash_is_reported_and_the_program_goes_on(studynotes_home: Path) -> None:
    result = run_python(
        "import threading\n"
        "from desktop import logs\n"
        "logs.setup_logging(); logs.install_excepthooks()\n"
        "def work(): raise ValueError('bad page in worker')\n"
        "t = threading.Thread(target=work, name='import-worker'); t.start(); t.join()\n"
        "print('still running')\n", studynotes_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "still running"
    reports = list((studynotes_home / "log").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "ValueError: bad page in worker" in text
    assert "Thread:     import-worker" in text


def test_hooks_call_the_presenter_with_the_report(studynotes_home: Path) -> None:
    seen: list[tuple[Path | None, BaseException, str | None]] = []
    logs.install_excepthooks(lambda report, error, thread: seen.append((report, error, thread)),
                             force=True)  # over pytest's own thread hook
    error = OSError("disk gone")
    thread = threading.Thread(target=lambda: (_ for _ in ()).throw(error), name="worker-1")
    thread.start()
    thread.join()
    assert len(seen) == 1
    report, reported, thread_name = seen[0]
    assert reported is error and thread_name == "worker-1"
    assert report is not None and "OSError: disk gone" in report.read_text(encoding="utf-8")


def test_an_unusable_log_folder_costs_the_log_not_the_start(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the app's folder should be", encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    result = run_python(
        "from desktop import logs\n"
        "print(logs.setup_logging())\n"
        "logs.install_excepthooks()\n"
        "raise RuntimeError('still reported')\n",
        blocker, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    assert result.returncode == 1
    assert result.stdout.strip() == "None"  # no log file, and no failure because of it
    reports = list((temp / "StudyNotes").glob("crash-*.txt"))
    assert len(reports) == 1  # the report went to the temporary folder instead
    assert f"a report was written to {reports[0]}" in result.stderr


def test_a_debuggers_hook_is_left_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    def debugger_hook(*_args) -> None:
        pass

    monkeypatch.setattr(sys, "excepthook", debugger_hook)
    logs.install_excepthooks()
    assert sys.excepthook is debugger_hook
    logs.install_excepthooks(force=True)
    assert sys.excepthook is not debugger_hook


def test_logs_module_does_not_load_qt(studynotes_home: Path) -> None:
    result = run_python(
        "import sys\n"
        "from desktop import logs\n"
        "logs.setup_logging()\n"
        "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n"
        "    text = logs.crash_report_text(type(e), e, e.__traceback__)\n"
        "print('Qt:         not loaded' in text, any(m.startswith('PySide6') for m in sys.modules))\n",
        studynotes_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]
