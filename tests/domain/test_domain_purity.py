"""The domain stays pure: importing it loads no framework or I/O library."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("textual", "fastapi", "sqlalchemy", "httpx", "reportlab", "server", "client", "tui")


def test_importing_domain_loads_no_framework() -> None:
    probe = (
        "import sys, domain; domain.region_tree(); "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_public_surface_is_declared() -> None:
    import domain

    for name in domain.__all__:
        assert hasattr(domain, name), name
    assert set(domain.__all__) >= {
        "normalize_mobile",
        "check_institution_code",
        "region_tree",
        "form_problems",
        "submit_problems",
        "actions_for",
        "next_status",
        "status_summary",
        "describe_status",
        "Message",
        "render",
        "new_application_id",
        "is_application_id",
        "DomainError",
        "Form",
        "Status",
    }
