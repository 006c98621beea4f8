"""English catalogue of the kiosk: Chinese source sentence → English, split by area of the kiosk.

Each part is a plain `MESSAGES` dict so that translators and reviewers read pairs, not code.
`tests/tui/test_tui_locale.py` checks every sentence in `tui/` is here, that the placeholders
agree, and that two parts never translate one sentence two ways.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import import_module

PARTS = ("en_core", "en_walkthrough", "en_detail", "en_calls", "en_received")
"""`en_received` holds sentences the kiosk receives (API problems, domain validators)."""


@cache
def catalogue_for(language: str) -> Mapping[str, str]:
    if language != "en":
        raise LookupError(f"no catalogue for {language!r}")
    merged: dict[str, str] = {}
    for part in PARTS:
        merged.update(import_module(f"{__name__}.{part}").MESSAGES)
    return merged
