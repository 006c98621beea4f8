"""reportlab's QR encoder module, loaded without the package it sits in.

`reportlab.graphics.barcode/__init__.py` imports every barcode widget, and with them
reportlab's graphics shapes and platypus: ≈ 90 ms, a fifth of a cold render, for code the
encoder never uses (`qrencoder.py` imports only the standard library). The module is loaded
from its file under a private name, once per process; reportlab's own import of it, if
anything asks for one, is unaffected.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import reportlab

_NAME = "pdfgen._reportlab_qrencoder"
_FILE = Path(reportlab.__file__).parent / "graphics" / "barcode" / "qrencoder.py"


def _load() -> ModuleType:
    loaded = sys.modules.get(_NAME)
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(_NAME, _FILE)
    if spec is None or spec.loader is None:
        raise ImportError(f"reportlab's QR encoder is not at {_FILE}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[_NAME] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:  # the same module, as type checkers know it
    from reportlab.graphics.barcode import qrencoder
else:
    qrencoder = _load()
