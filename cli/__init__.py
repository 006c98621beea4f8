"""The `hqms-desk` command: wires settings, the central API and the kiosk together."""
