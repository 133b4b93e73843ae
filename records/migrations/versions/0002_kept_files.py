"""Files kept as sent inside the store, for a PostgreSQL store (SQLite keeps a folder).

Revision ID: 0002_kept_files
Revises: 0001_baseline
A city's one database then holds every return's original file, backed up with the rest.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_kept_files"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table of kept files: content addressed by SHA-256 and suffix."""
    op.create_table(
        "kept_files",
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("suffix", sa.Text, primary_key=True),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    """Refuse: a store is never taken back."""
    raise NotImplementedError("a tianbiao store is never downgraded")
