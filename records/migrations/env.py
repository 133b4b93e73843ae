"""Alembic's entry point: run the migrations on the connection records/engine.py hands over."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    # Scripts generated against SQLite use batch mode (a table changed by copying it).
    render_as_batch=connection.dialect.name == "sqlite",
    transactional_ddl=True,  # both engines roll DDL back with the rest of the upgrade
)
with context.begin_transaction():
    context.run_migrations()
