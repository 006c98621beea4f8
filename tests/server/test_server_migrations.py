"""Alembic: `upgrade_database` builds the schema on an empty database, and the migrations and
the models agree exactly (no autogenerate diff)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlalchemy.exc import IntegrityError

from domain import Form, make_institution_code
from server import upgrade_database
from server.storage.tables import Base


def _diff(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def test_upgrade_head_on_an_empty_sqlite_file_creates_every_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/new/hqms.sqlite3"
    upgrade_database(url)
    upgrade_database(url)  # running it again is harmless
    engine = create_engine(url)
    try:
        inspector = inspect(engine)
        assert set(inspector.get_table_names()) == set(Base.metadata.tables) | {"alembic_version"}
        indexes = {index["name"] for index in inspector.get_indexes("applications")}
        assert {"ix_applications_admin_phone", "uq_applications_open_code"} <= indexes
    finally:
        engine.dispose()


def test_models_and_migrations_agree(database_url: str) -> None:
    assert _diff(database_url) == []


def test_one_open_application_per_institution_code(make_application) -> None:
    """Enforced by a partial unique index on both backends; drafts without a code are free."""
    form = Form(
        name="越秀区测试医院", code=make_institution_code("45038862", "440104", "11", "A100", "1")
    )
    make_application(status="approved", form=form, application_id="OLD1-AAAA")
    make_application(status="draft", form=form, application_id="OPEN-AAAA")
    with pytest.raises(IntegrityError):
        make_application(status="pending", form=form, application_id="OPEN-BBBB")
    make_application(status="draft", form=Form(), application_id="NEW1-AAAA")
    make_application(status="draft", form=Form(), application_id="NEW2-AAAA")
