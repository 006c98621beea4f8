"""English for detail sentences (see `tui.locale`)."""

MESSAGES: dict[str, str] = {}
