"""Alembic migrations of the central API's schema (`server.upgrade_database` runs them)."""
