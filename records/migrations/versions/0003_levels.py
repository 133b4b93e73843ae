"""Levels: a city's and its counties' offices, the roster's county column, the reviews.

Revision ID: 0003_levels
Revises: 0002_kept_files
A campaign owned by the city names the roster column that says each row's county; a county
office reviews, writes its opinion and forwards; the city writes its own on forwarded rows.
Each review is a row of its own (the school's returned version is never changed).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_levels"
down_revision = "0002_kept_files"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the offices and reviews; add the county column and a batch's office."""
    op.create_table(
        "offices",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("level", sa.Text, nullable=False),  # city / county
        sa.Column("parent", sa.Text),  # a county's city
        sa.Column("password", sa.Text),  # salted scrypt; the city's stays in table office
        sa.Column("session", sa.Text),
        sa.Column("created", sa.Text, nullable=False),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("campaign", sa.Integer, sa.ForeignKey("campaigns.id"), nullable=False),
        sa.Column("roster_key", sa.Text, nullable=False),
        sa.Column("level", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("office", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("opinion", sa.Text, nullable=False),
        sa.Column("signer", sa.Text, nullable=False),
        sa.Column("signed", sa.Text),
        sa.Column("forwarded", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("saved", sa.Text, nullable=False),
        sa.UniqueConstraint("campaign", "roster_key", "level", "revision"),
    )
    with op.batch_alter_table("campaigns") as table:
        table.add_column(sa.Column("county_column", sa.Text))
    with op.batch_alter_table("batches") as table:
        table.add_column(sa.Column("office", sa.Text))


def downgrade() -> None:
    """Refuse: a store is never taken back."""
    raise NotImplementedError("a tianbiao store is never downgraded")
