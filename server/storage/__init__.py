"""Persistence: engine and gateway (`engine`), schema (`tables`), statements (`queries`)."""
