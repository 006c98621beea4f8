"""The hotline operators' kiosk (Textual). It reaches the API only through `client`."""

from .app import DEFAULT_API_URL, HotlineApp

__all__ = ["DEFAULT_API_URL", "HotlineApp"]
