"""Alembic's entry point: run the migrations on the connection records/engine.py hands over."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    # SQLite changes a table by copying it; PostgreSQL alters it in place.
    render_as_batch=connection.dialect.name == "sqlite",
    transactional_ddl=True,  # both engines roll DDL back with the rest of the upgrade
)
with context.begin_transaction():
    context.run_migrations()
