"""English for sentences the kiosk receives (`en_received`): API problems, domain validators.

The kiosk's own sentences are in the gettext catalogue (`domain/locale`, see `tui._i18n`);
`tui._i18n.tr_received` reads `en_received.MESSAGES`, matching its entries as templates.
"""
