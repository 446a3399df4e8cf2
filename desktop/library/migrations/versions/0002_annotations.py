"""Schema v2: highlights (标注), notes (笔记), study reflections (学习心得), dismissed suggestions.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-15

Only new tables: no existing row changes, so a v1 library upgrades without touching its
materials. Every table hangs off a reflection or a material with ON DELETE CASCADE, so
deleting a material is still one statement. Constraint and index names follow the
naming convention of :mod:`desktop.library.orm` (batch migrations on SQLite need them).
Types are generic (the UTC datetimes are plain DateTime, as in 0001), so the script runs
unchanged on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "highlight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("detached", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_highlight"),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflection.id"],
            name="fk_highlight_reflection_id_reflection",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "category IN ('commitment', 'quote', 'question')", name="ck_highlight_category"
        ),
        # Undo re-inserts a removed highlight under its old id, so ids must never be
        # reused (SQLite's AUTOINCREMENT; other databases' sequences never reuse them).
        sqlite_autoincrement=True,
    )
    # Serves the foreign-key cascade and listing a reflection's highlights in text order.
    op.create_index(
        "ix_highlight_reflection_id_paragraph_start_offset",
        "highlight",
        ["reflection_id", "paragraph", "start_offset"],
    )
    # One note per reflection and one study reflection per material: the unique
    # constraints say so, and their indexes also serve the foreign-key cascades.
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_note"),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflection.id"],
            name="fk_note_reflection_id_reflection",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("reflection_id", name="uq_note_reflection_id"),
    )
    op.create_table(
        "study_reflection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_study_reflection"),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["material.id"],
            name="fk_study_reflection_material_id_material",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("material_id", name="uq_study_reflection_material_id"),
    )
    op.create_table(
        "dismissed_suggestion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), nullable=False),
        sa.Column("sentence_digest", sa.String(length=64), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_dismissed_suggestion"),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflection.id"],
            name="fk_dismissed_suggestion_reflection_id_reflection",
            ondelete="CASCADE",
        ),
        # Also serves the foreign-key cascade (reflection_id leads).
        sa.UniqueConstraint(
            "reflection_id",
            "sentence_digest",
            name="uq_dismissed_suggestion_reflection_id_sentence_digest",
        ),
    )


def downgrade() -> None:
    op.drop_table("dismissed_suggestion")
    op.drop_table("study_reflection")
    op.drop_table("note")
    op.drop_index("ix_highlight_reflection_id_paragraph_start_offset", table_name="highlight")
    op.drop_table("highlight")
