"""English for walkthrough sentences (see `tui.locale`)."""

MESSAGES: dict[str, str] = {}
