"""English for calls sentences (see `tui.locale`)."""

MESSAGES: dict[str, str] = {}
