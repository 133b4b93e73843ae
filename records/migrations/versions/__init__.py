"""The migration scripts, oldest first by their revision names."""
