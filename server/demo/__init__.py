"""Realistic, reproducible demo data (`seed_demo`) and benchmark data (`seed_bulk`).

Imports domain and server.storage (and the operators service, to add operators the way
`hqms-desk operator add` does).
"""

from .bulk import bulk_phone, seed_bulk
from .seed import (
    DEMO_HQMS_CODE,
    DEMO_HQMS_NAME,
    DEMO_OPERATORS,
    DEMO_PHONES,
    DemoOperator,
    DemoSummary,
    describe_demo,
    seed_demo,
)

__all__ = [
    "DEMO_HQMS_CODE",
    "DEMO_HQMS_NAME",
    "DEMO_OPERATORS",
    "DEMO_PHONES",
    "DemoOperator",
    "DemoSummary",
    "bulk_phone",
    "describe_demo",
    "seed_bulk",
    "seed_demo",
]
