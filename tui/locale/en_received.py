"""English for received sentences (see `tui.locale`)."""

MESSAGES: dict[str, str] = {}
