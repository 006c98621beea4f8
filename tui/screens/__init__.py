"""The kiosk's screens.

Each screen's module loads on first use of its name (PEP 562 `__getattr__`): the detail screen
needs the domain's wire models and is only shown after a search, so the app imports it then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from ._base import ApiScreen
    from .change_admin_mobile import ChangeAdminMobileModal
    from .detail import DetailScreen
    from .login import LoginScreen
    from .lookup import LookupScreen
    from .modals import ConfirmModal, ReasonModal
    from .review import ReviewScreen
    from .review_queue import ReviewQueueScreen

_HOME_OF: dict[str, str] = {
    "ApiScreen": "_base",
    "ChangeAdminMobileModal": "change_admin_mobile",
    "DetailScreen": "detail",
    "LoginScreen": "login",
    "LookupScreen": "lookup",
    "ConfirmModal": "modals",
    "ReasonModal": "modals",
    "ReviewQueueScreen": "review_queue",
    "ReviewScreen": "review",
}
"""Where each public name lives; `__getattr__` imports its module at first use."""

__all__ = [
    "ApiScreen",
    "ChangeAdminMobileModal",
    "ConfirmModal",
    "DetailScreen",
    "LoginScreen",
    "LookupScreen",
    "ReasonModal",
    "ReviewQueueScreen",
    "ReviewScreen",
]

if not TYPE_CHECKING:  # hidden from type checkers so that a misspelt name stays an error
    __getattr__ = lazy_attributes(__name__, _HOME_OF)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
