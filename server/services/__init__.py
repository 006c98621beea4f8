"""Use cases, one module per area; each function is a unit of work on a session."""
