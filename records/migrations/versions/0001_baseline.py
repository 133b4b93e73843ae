"""The schema as tianbiao made it before migrations: submissions, grades, campaigns, batches.

Revision ID: 0001_baseline
Revises:
A store made by that code (tables created as first needed, ``meta.schema`` = 1) has some or
all of these tables already: only the missing ones are created, nothing is touched.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None


def _tables() -> list[tuple[str, list[Any]]]:
    return [
        ("meta", [sa.Column("name", sa.Text, primary_key=True),
                  sa.Column("value", sa.Text, nullable=False)]),
        ("submissions", [
            sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
            sa.Column("form", sa.Text, nullable=False),
            sa.Column("slot", sa.Text, nullable=False),
            sa.Column("roster_key", sa.Text),
            sa.Column("school", sa.Text),
            sa.Column("version", sa.Integer, nullable=False),
            sa.Column("file", sa.Text, nullable=False),
            sa.Column("sha256", sa.Text, nullable=False),
            sa.Column("status", sa.Text, nullable=False),
            sa.Column("record", sa.Text, nullable=False),
            sa.Column("received", sa.Text, nullable=False),
            sa.UniqueConstraint("form", "sha256"),
            sa.UniqueConstraint("form", "slot", "version")]),
        ("grades", [
            sa.Column("form", sa.Text, primary_key=True),
            sa.Column("roster_key", sa.Text, primary_key=True),
            sa.Column("year", sa.Integer, primary_key=True),
            sa.Column("grade", sa.Text, nullable=False),
            sa.Column("waste", sa.Boolean, nullable=False, server_default=sa.false()),
            sa.Column("entered", sa.Text, nullable=False)]),
        ("campaigns", [
            sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
            sa.Column("form", sa.Text, nullable=False),
            sa.Column("form_id", sa.Text, nullable=False, unique=True),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("due", sa.Text),
            sa.Column("roster", sa.Text, nullable=False),
            sa.Column("created", sa.Text, nullable=False)]),
        ("links", [
            sa.Column("campaign", sa.Integer, sa.ForeignKey("campaigns.id"), primary_key=True),
            sa.Column("roster_key", sa.Text, primary_key=True),
            sa.Column("token_sha256", sa.Text, nullable=False, unique=True),
            sa.Column("created", sa.Text, nullable=False)]),
        ("uploads", [
            sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
            sa.Column("campaign", sa.Integer, sa.ForeignKey("campaigns.id"), nullable=False),
            sa.Column("roster_key", sa.Text, nullable=False),
            sa.Column("sha256", sa.Text, nullable=False),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("received", sa.Text, nullable=False)]),
        ("office", [sa.Column("name", sa.Text, primary_key=True),
                    sa.Column("value", sa.Text, nullable=False)]),
        ("batches", [
            sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
            sa.Column("campaign", sa.Integer, sa.ForeignKey("campaigns.id"), nullable=False),
            sa.Column("created", sa.Text, nullable=False)]),
        ("batch_files", [
            sa.Column("batch", sa.Integer, sa.ForeignKey("batches.id"), primary_key=True),
            sa.Column("position", sa.Integer, primary_key=True),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("sha256", sa.Text),
            sa.Column("suffix", sa.Text, nullable=False, server_default=""),
            sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
            sa.Column("outcome", sa.Text),
            sa.Column("roster_key", sa.Text),
            sa.Column("school", sa.Text),
            sa.Column("version", sa.Integer),
            sa.Column("status", sa.Text),
            sa.Column("message", sa.Text)]),
    ]


def upgrade() -> None:
    """Create the tables a store does not have yet, and mark the old schema number."""
    inspector = sa.inspect(op.get_bind())
    for name, items in _tables():
        if not inspector.has_table(name):
            op.create_table(name, *items)
    if "submissions_slot" not in {i["name"] for i in inspector.get_indexes("submissions")}:
        op.create_index("submissions_slot", "submissions", ["form", "slot"])
    meta = sa.table("meta", sa.column("name"), sa.column("value"))
    known = op.get_bind().execute(sa.select(meta.c.value).where(meta.c.name == "schema"))
    if known.first() is None:
        op.bulk_insert(meta, [{"name": "schema", "value": "1"}])


def downgrade() -> None:
    """Refuse: a store is never taken back to before its migrations."""
    raise NotImplementedError("a tianbiao store is never downgraded")
