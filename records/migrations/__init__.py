"""The store's versioned migrations (Alembic), run by records/engine.py: never by hand.

Each script in versions/ takes the schema one step; `alembic_version` in the store says
which step it is at. A store made before the migrations (tables made as needed, with
``meta.schema`` = 1) is taken up by the first script, which creates only what is missing.
On SQLite a later script changes a table with ``op.batch_alter_table`` (SQLite's ALTER
TABLE cannot drop or retype a column); on PostgreSQL the same call alters it in place.
"""
