"""ORM models of the library (dialect-neutral); migration 0003 adds only the search index,
which has no models.

These classes never leave :mod:`desktop.library`: the facade converts what it reads to
the frozen dataclasses of :mod:`desktop.material`. Deletion cascades in the database
(ON DELETE CASCADE), not in the ORM, so deleting a material is one statement. Column types are generic SQLAlchemy types
so the same models serve the SQLite file on a PC and a shared PostgreSQL library; every
constraint has a name (via the naming convention) so later batch migrations can address
it on SQLite. Any change here needs a new migration in ``migrations/versions``.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime stored as a naive UTC timestamp.

    SQLite has no timezone type and PostgreSQL's would convert to the server's zone;
    storing naive UTC everywhere and re-attaching UTC on the way out keeps both equal.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("imported_at must be timezone-aware")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


class JSONStrings(TypeDecorator[tuple[str, ...]]):
    """A tuple of strings kept as JSON text (portable; no JSON column type needed)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: tuple[str, ...] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(list(value), ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> tuple[str, ...] | None:
        return None if value is None else tuple(json.loads(value))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class MaterialRecord(Base):
    """One imported page (学习材料)."""

    __tablename__ = "material"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    headline: Mapped[str] = mapped_column(Text)
    subtitle: Mapped[str] = mapped_column(Text)
    lead: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    warnings: Mapped[tuple[str, ...]] = mapped_column(JSONStrings)

    # The library panel lists materials newest first.
    __table_args__ = (Index(None, "imported_at", "id"),)


class ReflectionRecord(Base):
    """One reflection (心得) of a material, in page order."""

    __tablename__ = "reflection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("material.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    affiliation: Mapped[str] = mapped_column(Text)
    title_position: Mapped[str] = mapped_column(String(8))

    # The unique (material_id, position) index also serves listing a material's
    # reflections in page order and the foreign-key cascade.
    __table_args__ = (
        UniqueConstraint("material_id", "position"),
        CheckConstraint(
            "title_position IN ('before', 'after', 'far', 'none')", name="title_position"
        ),
    )


class ParagraphRecord(Base):
    """One body paragraph of a reflection; later highlights and notes point at these."""

    __tablename__ = "paragraph"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reflection_id: Mapped[int] = mapped_column(ForeignKey("reflection.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("reflection_id", "position"),)


# --- schema v2: annotations (migration 0002) ---------------------------------------------


class HighlightRecord(Base):
    """A highlight (标注): an anchor into a reflection's body, a category and a comment.

    The anchor is stored as columns (not JSON) so an import can recognise a highlight it
    already has by comparing them. ``detached`` marks a highlight whose words could not
    be found after the text was corrected: its anchor is kept as it was, for the user.
    """

    __tablename__ = "highlight"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reflection_id: Mapped[int] = mapped_column(ForeignKey("reflection.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(16))
    paragraph: Mapped[int] = mapped_column(Integer)
    # "start"/"end" are SQL keywords; offsets within the paragraph.
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text)
    suffix: Mapped[str] = mapped_column(Text)
    comment: Mapped[str] = mapped_column(Text)
    detached: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    # Serves the foreign-key cascade and listing a reflection's highlights in text order.
    __table_args__ = (
        Index(None, "reflection_id", "paragraph", "start_offset"),
        CheckConstraint("category IN ('commitment', 'quote', 'question')", name="category"),
        # Undo re-inserts a removed highlight under its old id: ids must never be reused.
        {"sqlite_autoincrement": True},
    )


class NoteRecord(Base):
    """The note (笔记) on one reflection; no row when the note is empty."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reflection_id: Mapped[int] = mapped_column(
        ForeignKey("reflection.id", ondelete="CASCADE"), unique=True
    )
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StudyReflectionRecord(Base):
    """The reader's study reflection (学习心得) on a whole material; no row when empty."""

    __tablename__ = "study_reflection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    material_id: Mapped[int] = mapped_column(
        ForeignKey("material.id", ondelete="CASCADE"), unique=True
    )
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DismissedSuggestionRecord(Base):
    """A suggested commitment the reader turned down, so it is not suggested again.

    Recognised by its sentence (``sentence_digest`` = SHA-256 of
    :func:`desktop.annotation.sentence_key`), not by offsets, so the dismissal survives
    corrections elsewhere in the text; a digest rather than the sentence itself keeps
    the unique index small on every database (PostgreSQL limits index entries).
    """

    __tablename__ = "dismissed_suggestion"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reflection_id: Mapped[int] = mapped_column(ForeignKey("reflection.id", ondelete="CASCADE"))
    sentence_digest: Mapped[str] = mapped_column(String(64))
    sentence: Mapped[str] = mapped_column(Text)
    paragraph: Mapped[int] = mapped_column(Integer)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    dismissed_at: Mapped[datetime] = mapped_column(UTCDateTime)

    # The unique index leads with reflection_id, so it also serves the cascade.
    __table_args__ = (UniqueConstraint("reflection_id", "sentence_digest"),)
