"""English for core sentences (see `tui.locale`)."""

MESSAGES: dict[str, str] = {}
