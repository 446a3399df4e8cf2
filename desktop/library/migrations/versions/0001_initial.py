"""Schema v1: materials, their reflections and the reflections' paragraphs.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("subtitle", sa.Text(), nullable=False),
        sa.Column("lead", sa.Text(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_material"),
        sa.UniqueConstraint("content_hash", name="uq_material_content_hash"),
    )
    op.create_index("ix_material_imported_at_id", "material", ["imported_at", "id"])
    op.create_table(
        "reflection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("affiliation", sa.Text(), nullable=False),
        sa.Column("title_position", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reflection"),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["material.id"],
            name="fk_reflection_material_id_material",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("material_id", "position", name="uq_reflection_material_id_position"),
        sa.CheckConstraint(
            "title_position IN ('before', 'after', 'far', 'none')",
            name="ck_reflection_title_position",
        ),
    )
    op.create_table(
        "paragraph",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_paragraph"),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflection.id"],
            name="fk_paragraph_reflection_id_reflection",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("reflection_id", "position", name="uq_paragraph_reflection_id_position"),
    )


def downgrade() -> None:
    op.drop_table("paragraph")
    op.drop_table("reflection")
    op.drop_index("ix_material_imported_at_id", table_name="material")
    op.drop_table("material")
