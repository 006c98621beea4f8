"""Times as an operator in China reads them (Beijing time, UTC+8, no daylight saving)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "北京时间")


def beijing_clock_time(moment: datetime, *, now: datetime) -> str:
    """`14:05` Beijing time, or `03-02 14:05` when that is not today in Beijing: a message
    parameter, written the same in every language (the sentence says "Beijing time")."""
    local = moment.astimezone(BEIJING)
    today = now.astimezone(BEIJING).date()
    if local.date() == today:
        return f"{local:%H:%M}"
    return f"{local:%m-%d %H:%M}"


def beijing_midnight(now: datetime) -> datetime:
    """The start of the Beijing day of `now`: daily limits count from it."""
    return now.astimezone(BEIJING).replace(hour=0, minute=0, second=0, microsecond=0)


def whole_minutes(wait: timedelta) -> int:
    """A wait as the minutes a sentence names, rounded up (a refusal never says too little)."""
    return math.ceil(wait.total_seconds() / 60)
