"""Everything the library does that only makes sense for an SQLite file.

The rest of :mod:`desktop.library` is dialect-neutral so a shared PostgreSQL library can
follow; it reaches SQLite through :class:`SQLiteBackend`: checking that a file is a
database before SQLite may touch it, the connection pragmas (foreign keys, WAL), real
transactions for DDL, migrating with foreign keys off, the online backup API and the
lock file that keeps a second window off the same library.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.pool import StaticPool

from desktop.errors import LibraryError, LibraryLockedError, NotALibraryError

log = logging.getLogger(__name__)

_HEADER_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
BUSY_TIMEOUT_MS = 5000
BACKUPS_FOLDER = "backups"
BACKUPS_KEPT = 5


def handles(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


class SQLiteBackend:
    """An SQLite library: a file on the PC (or, for tests and tools, in memory)."""

    def __init__(self, url: URL, location: str) -> None:
        self.url = url
        self.location = location
        database = url.database or ""
        self.path: Path | None = (
            None if database in ("", ":memory:") else Path(database).expanduser()
        )

    # --- before SQLite touches anything ----------------------------------------------

    def exists(self) -> bool:
        return self.path is not None and self.path.exists()

    def prepare(self) -> None:
        """Refuse a file that is not a library, before SQLite could write to it.

        A missing or empty file becomes a new library, so its folder is created here.
        """
        if self.path is None:
            return
        path = self.path
        if path.is_dir():
            raise LibraryError(f"{path} is a folder, not a library file.", code="library-is-folder")
        if path.exists():
            _check_header(path)
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                f"The folder for the library {path} cannot be created ({error.strerror or error}).",
                code="library-folder",
            ) from error

    def lock(self) -> Any | None:
        """Take ``<library>.lock`` without waiting; None when there is no file to guard."""
        if self.path is None:
            return None
        from filelock import FileLock, Timeout

        # thread_local=False: the window may close the library from another thread.
        lock = FileLock(str(self.path) + ".lock", timeout=0, thread_local=False)
        try:
            lock.acquire(blocking=False)
        except Timeout as error:
            raise LibraryLockedError(
                f"This library is already open in another window: {self.path}."
            ) from error
        except OSError as error:
            raise LibraryError(
                f"The lock file beside the library {self.path} cannot be created "
                f"({error.strerror or error}).",
                code="library-lock-file",
            ) from error
        return lock

    # --- connections ----------------------------------------------------------------

    def create_engine(self) -> Engine:
        if self.path is None:
            engine = create_engine(
                "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
            )
        else:
            engine = create_engine(
                self.url.set(database=str(self.path)),
                connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            )
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        return engine

    def ready(self, engine: Engine) -> None:
        """Switch a verified, up-to-date library to WAL (persistent; a no-op once set).

        Not done on connect: it rewrites the file header, and a file we have not yet
        recognised as a library must not be modified.
        """
        if self.path is None:
            return
        with engine.connect() as connection:
            _raw(connection).execute("PRAGMA journal_mode=WAL")

    @contextmanager
    def migration_connection(self, engine: Engine) -> Iterator[Connection]:
        """A connection in one transaction, with foreign keys off, for Alembic.

        A batch migration recreates a table (create copy, DROP, RENAME); with foreign
        keys on, that DROP cascades into every child row. So keys go off (a pragma that
        only works outside a transaction), and before committing, ``foreign_key_check``
        must come back empty, otherwise everything is rolled back.
        """
        with engine.connect() as connection:
            raw = _raw(connection)
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with connection.begin():
                    yield connection
                    violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if violations:
                        tables = sorted({str(row[0]) for row in violations})
                        raise LibraryError(
                            f"Upgrading the library {self.location} would leave "
                            f"{len(violations)} broken links in {', '.join(tables)}; "
                            "nothing was changed.",
                            code="library-upgrade-failed",
                        )
            finally:
                raw.execute("PRAGMA foreign_keys=ON")

    # --- backups --------------------------------------------------------------------

    def backup_to(self, engine: Engine, destination: Path) -> None:
        """Copy the library with SQLite's online backup API into one self-contained file.

        A plain file copy could miss pages still in the WAL; the backup API reads them
        through a connection. Written to a temporary name, then put in place.
        """
        destination = Path(destination)
        temporary = destination.with_name(destination.name + ".part")
        temporary.unlink(missing_ok=True)
        try:
            with engine.connect() as connection:
                target = sqlite3.connect(temporary)
                try:
                    _raw(connection).backup(target)
                    # A backup is one file: no WAL beside it when copied to a USB stick.
                    target.execute("PRAGMA journal_mode=DELETE")
                finally:
                    target.close()
            os.replace(temporary, destination)
        except (sqlite3.Error, OSError) as error:
            temporary.unlink(missing_ok=True)
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise LibraryError(
                f"The library could not be copied to {destination} ({reason}).",
                code="library-backup",
            ) from error
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    def backup_before_migration(self, engine: Engine, revision: str) -> Path | None:
        """Keep a copy of the library as it was before an upgrade (the newest few)."""
        if self.path is None:
            return None
        folder = self.path.parent / BACKUPS_FOLDER
        folder.mkdir(exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
        destination = folder / f"{self.path.stem}-{stamp}-schema-{revision}{self.path.suffix}"
        self.backup_to(engine, destination)
        _prune_backups(folder, self.path)
        log.info("Backed up %s to %s before upgrading it", self.path, destination)
        return destination

    # --- errors ---------------------------------------------------------------------

    def describe(self, error: BaseException) -> LibraryError | None:
        """One sentence for an SQLite error a user can run into, else None."""
        original = getattr(error, "orig", None) or error
        if not isinstance(original, sqlite3.Error):
            return None
        message = str(original).lower()
        where = self.location
        if "not a database" in message or "malformed" in message:
            return NotALibraryError(f"{where} is damaged or is not a Study Notes library.")
        if "locked" in message or "busy" in message:
            return LibraryError(
                f"The library {where} is busy in another program; try again in a moment.",
                code="library-busy",
            )
        if "readonly" in message or "read-only" in message:
            return LibraryError(
                f"The library {where} is read-only; choose a library you may change.",
                code="library-read-only",
            )
        if "disk is full" in message:
            return LibraryError(f"The disk holding the library {where} is full.", code="disk-full")
        if "unable to open" in message or "disk i/o" in message:
            return LibraryError(
                f"The library {where} cannot be read or written; check the drive and your "
                "permissions.",
                code="library-io",
            )
        return None


def _raw(connection: Connection) -> sqlite3.Connection:
    return connection.connection.driver_connection  # type: ignore[return-value]


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # SQLAlchemy, not the sqlite3 module, decides when a transaction begins, so DDL in a
    # migration is transactional and pragmas run outside transactions.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys=ON")
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def _on_begin(connection: Connection) -> None:
    # A unit of work that will write (execution option ``write``) takes the write lock
    # at BEGIN: a deferred transaction that reads and then writes while another thread
    # writes gets SQLITE_BUSY at once, without waiting out the busy timeout.
    immediate = connection.get_execution_options().get("write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _check_header(path: Path) -> None:
    """Raise NotALibraryError unless ``path`` is empty or an intact SQLite file.

    Reads the 100-byte header only; a file cut short (an interrupted copy) is caught by
    comparing its size with the page count the header promises.
    """
    try:
        with path.open("rb") as stream:
            header = stream.read(_HEADER_SIZE)
        size = path.stat().st_size
    except OSError as error:
        raise LibraryError(
            f"The library {path} cannot be read ({error.strerror or error}).", code="library-io"
        ) from error
    if not header:
        return
    if len(header) < _HEADER_SIZE or not header.startswith(_HEADER_MAGIC):
        raise NotALibraryError(f"{path} is not a Study Notes library.")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    # Mid-checkpoint the file may legitimately be short; its WAL completes it.
    has_wal = Path(str(path) + "-wal").exists()
    if valid_for == change_counter and page_count and size < page_size * page_count and not has_wal:
        raise NotALibraryError(f"{path} is damaged (the file is shorter than it should be).")


def _prune_backups(folder: Path, library: Path) -> None:
    # The name's UTC timestamp makes name order age order.
    pattern = re.compile(
        re.escape(library.stem) + r"-\d{8}-\d{6}-\d{6}-schema-\w+" + re.escape(library.suffix)
    )
    backups = sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))
    for old in backups[:-BACKUPS_KEPT]:
        try:
            old.unlink()
        except OSError:
            log.warning("Could not remove the old backup %s", old)
