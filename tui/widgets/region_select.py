"""`RegionSelect`: province → city → district, each list filled from the one before it.

The divisions come from the domain's GB/T 2260 snapshot (`domain.children`), so choosing a
place needs no round trip. Some branches stop early (东莞市 has no districts): the district list
is then hidden, and nothing below the city is needed.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Select

from domain import children

from .._i18n import N_, tr

LEVELS: tuple[tuple[str, str], ...] = (
    ("province", N_("省份")),
    ("city", N_("城市")),
    ("district", N_("区县")),
)
"""Each list's id and its prompt (translated where shown); the division names are data."""


def _value(select: Select[Any]) -> str:
    # An empty Select holds Select.NULL (Textual 8), never "" — compare against that.
    return "" if select.value is Select.NULL else str(select.value)


class RegionSelect(Horizontal):
    """Three compact `Select`s (`#province`, `#city`, `#district`) holding GB/T 2260 codes."""

    DEFAULT_CSS = """
    RegionSelect { height: auto; }
    RegionSelect Select { width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._filled_for: dict[str, str] = {"city": "", "district": ""}
        """The code each lower list was filled for; a change event for it refills nothing."""

    def compose(self) -> ComposeResult:
        for level, prompt in LEVELS:
            options = [(r.name, r.code) for r in children(None)] if level == "province" else []
            yield Select[str](options, prompt=tr(prompt), id=level, compact=True)

    def select(self, level: str) -> Select[str]:
        return self.query_one(f"#{level}", Select)

    @property
    def codes(self) -> tuple[str, str, str]:
        """(province, city, district); "" where nothing is chosen."""
        province, city, district = (_value(self.select(level)) for level, _ in LEVELS)
        return province, city, district

    def set_codes(self, province: str, city: str, district: str) -> None:
        """Show a saved address: each list is refilled for the level above before choosing."""
        # The Changed events these choices post arrive later; `_filled_for` makes them no-ops.
        province = self._choose("province", province, None)
        self._fill("city", province)
        city = self._choose("city", city, province)
        self._fill("district", city)
        self._choose("district", district, city)

    def _choose(self, level: str, code: str, parent: str | None) -> str:
        """Choose `code` if it lies under `parent` (None: the provinces; "": nothing chosen)."""
        select = self.select(level)
        allowed = children(parent) if parent is None or parent else []
        if code and code in {region.code for region in allowed}:
            select.value = code
            return code
        select.clear()
        return ""

    def _fill(self, level: str, parent: str) -> None:
        self._filled_for[level] = parent
        select = self.select(level)
        regions = children(parent) if parent else []
        select.set_options([(r.name, r.code) for r in regions])
        select.display = not parent or bool(regions)

    @on(Select.Changed)
    def level_chosen(self, event: Select.Changed) -> None:
        if event.select.id == "district":
            return
        below = "city" if event.select.id == "province" else "district"
        chosen = _value(event.select)
        if self._filled_for[below] == chosen:
            return
        self._fill(below, chosen)
        if below == "city":
            self._fill("district", "")
