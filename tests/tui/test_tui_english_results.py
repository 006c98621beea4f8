"""The lookup's result list in English (`HQMS_LANG=en`) at 80×24 against the real API: for every
demo phone that gives a list, and for one phone with an application in each state of each kind
(the widest status words), every row shows whole, its full date at the right edge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from rich.cells import cell_len

from client import CentralAPI
from server.demo import DEMO_PHONES
from tests.tui.aftercare_hands import settle, status_of
from tui import HotlineApp
from tui._labels import local_time
from tui.widgets import ResultsTable

Kiosk = Callable[[CentralAPI], HotlineApp]
ScreenText = Callable[[HotlineApp], str]
ChineseLeft = Callable[[str, Iterable[str]], list[str]]


LIST_CALLERS = ("change_open", "several")
"""The demo phones that match more than one application (README's demo table)."""
EVERY_STATE_PHONE = "13700137099"


async def test_the_demo_phones_that_give_a_list(signed_in: CentralAPI) -> None:
    # Keeps LIST_CALLERS honest: a demo phone that starts giving a list is checked below too.
    listing = set()
    for caller, phone in DEMO_PHONES.items():
        page = await signed_in.search_applications(phone=phone)
        if len(page.items) > 1:
            listing.add(caller)
    assert listing == set(LIST_CALLERS)


def seed_every_state(make_application: Callable[..., str]) -> str:
    """One phone with an application in each state, new and change: the widest status words."""
    for status in ("draft", "pending", "approved", "rejected"):
        for kind in ("new", "change"):
            make_application(status=status, kind=kind, phone=EVERY_STATE_PHONE)
    return EVERY_STATE_PHONE


@pytest.mark.parametrize("caller", [*LIST_CALLERS, "every_state"])
async def test_result_list_in_english_fits_80_columns(
    caller: str,
    signed_in: CentralAPI,
    kiosk: Kiosk,
    screen_text: ScreenText,
    chinese_left: ChineseLeft,
    make_application: Callable[..., str],
    english: None,
) -> None:
    phone = seed_every_state(make_application) if caller == "every_state" else DEMO_PHONES[caller]
    page = await signed_in.search_applications(phone=phone)
    app = kiosk(signed_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*phone, "enter")
        await settle(pilot)
        table = app.screen.query_one(ResultsTable)
        assert table.display and table.row_count == len(page.items) > 1
        sentence = status_of(app)
        assert sentence == (
            f"Found {len(page.items)} applications; pick one with ↑↓ and press Enter to open it."
        )
        shown = screen_text(app)
        assert sentence in shown
        header = next(line for line in shown.splitlines() if "Updated" in line)
        assert header.split() == ["State", "Name", "Code", "Phone", "Updated"]
        # Every row shows its whole date: nothing runs off the right edge.
        codes = {summary.code for summary in page.items}
        rows = [line.rstrip() for line in shown.splitlines() if any(c in line for c in codes)]
        assert len(rows) == len(page.items)
        dates = sorted(local_time(summary.updated_at)[:10] for summary in page.items)
        assert sorted(row[-10:] for row in rows) == dates
        assert all(cell_len(row) <= 80 for row in rows)
        if caller == "every_state":
            states = {row.split()[0] for row in rows}
            assert states == {
                f"{state}{kind}"
                for state in ("Draft", "Pending", "Approved", "Rejected")
                for kind in ("", "·Change")
            }
        names = [summary.name for summary in page.items]
        assert chinese_left(shown, [*names, app.sub_title]) == []
