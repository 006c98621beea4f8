"""Package attributes that import their module at first use (PEP 562 module `__getattr__`).

Why: the kiosk's start is measured against a bare Textual app, and the detail screen's widgets
pull in the domain's pydantic wire models. A package `__init__` that imported every submodule
would load them all before the first screen; with this, `from tui.widgets import X` loads X's
module only.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: str, home_of: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: `home_of` maps each public name to its submodule."""

    def load(name: str) -> Any:
        module = home_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    return load
