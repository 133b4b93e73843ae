"""The form definitions: one YAML data file per official attachment (see README)."""
