"""Footer keys in the kiosk's language.

Textual copies a class's merged `BINDINGS` into each node when the node is built, and the footer
reads each `Binding.description` from that copy. The language is chosen when the kiosk starts,
after the screen classes exist, so each screen translates its own copy as it is built: BINDINGS
hold `N_("…")` sentences and the screen's `__init__` calls `translate_bindings(self)`.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from tui._i18n import SOURCE_LANGUAGE, current_language, tr


def translate_bindings(node: DOMNode) -> None:
    """Put `node`'s key descriptions and tooltips in the kiosk's language (no-op in Chinese)."""
    if current_language() == SOURCE_LANGUAGE:
        return
    keys = node._bindings.key_to_bindings
    for key, bindings in keys.items():
        # A new list: the node's map is a shallow copy that shares its lists with the class.
        keys[key] = [
            replace(
                binding,
                description=tr(binding.description) if binding.description else "",
                tooltip=tr(binding.tooltip) if binding.tooltip else "",
            )
            for binding in bindings
        ]
