"""The kiosk's screens."""

from ._base import ApiScreen
from .detail import DetailScreen
from .login import LoginScreen
from .lookup import LookupScreen

__all__ = ["ApiScreen", "DetailScreen", "LoginScreen", "LookupScreen"]
