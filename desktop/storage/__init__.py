"""The SQLite store: event log (source of truth), projections, migrations."""
