"""Times as an operator in China reads them (Beijing time, UTC+8, no daylight saving)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "北京时间")


def beijing_clock_time(moment: datetime, *, now: datetime) -> str:
    """`北京时间 14:05`, or `北京时间 3月2日 14:05` when that is not today in Beijing."""
    local = moment.astimezone(BEIJING)
    today = now.astimezone(BEIJING).date()
    if local.date() == today:
        return f"北京时间 {local:%H:%M}"
    return f"北京时间 {local.month}月{local.day}日 {local:%H:%M}"
