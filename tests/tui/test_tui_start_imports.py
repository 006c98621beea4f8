"""The kiosk's first screen loads light: what it must not import, and the lazy packages that
make it so still export every name they declare.

The start benchmark (`python -m bench --only kiosk`) depends on this: httpx and the pydantic
wire models load only with the first request, the detail screen when it is first shown.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

LOADED_LATER = (
    "httpx",
    "pydantic",
    "domain._models",
    "domain._lifecycle",
    "tui._labels",
    "tui.screens.detail",
    "tui.widgets.results_table",
    "tui.widgets.sections",
)

FIRST_SCREEN = """
import sys
from client import CentralAPI
from domain import DomainError, normalize_mobile
from tui import HotlineApp
from tui.screens import LoginScreen, LookupScreen

api = CentralAPI("http://127.0.0.1:9")
HotlineApp(api, username="demo", password="secret")
LookupScreen(api, clock=lambda: None)
try:
    normalize_mobile("1380013")
except DomainError as error:
    assert error.params == {"length": 7}
print(" ".join(name for name in sys.argv[1:] if name in sys.modules))
"""


def test_the_first_screen_loads_without_httpx_the_models_or_the_detail() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN, *LOADED_LATER],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert loaded == []


@pytest.mark.parametrize("package", ["domain", "tui.screens", "tui.widgets"])
def test_lazy_packages_export_every_declared_name(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__all__
    for name in module.__all__:
        assert getattr(module, name) is not None, name
        assert name in dir(module)
    with pytest.raises(AttributeError):
        module.NoSuchName  # noqa: B018


def test_a_refused_field_still_carries_its_problem() -> None:
    from domain import FieldInvalid, normalize_mobile

    with pytest.raises(FieldInvalid) as refused:
        normalize_mobile("1380013", field="phone")
    [problem] = refused.value.problems
    assert (problem.field, problem.code) == ("phone", "mobile_too_short")
    assert problem.params == refused.value.params == {"length": 7}
