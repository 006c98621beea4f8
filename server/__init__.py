"""The central registration API (DESIGN §3): FastAPI over SQLAlchemy 2, Alembic migrations.

Public surface: `create_app(settings)`, `Settings` / `get_settings()`, `upgrade_database(url)`,
and `add_operator(session, username, password, role, display_name)` for `hqms-desk operator add`.
"""

from .app import create_app
from .migrate import upgrade_database
from .services.operators import add_operator
from .settings import Settings, get_settings

__all__ = ["Settings", "add_operator", "create_app", "get_settings", "upgrade_database"]
