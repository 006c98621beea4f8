"""`CallBar`: one line saying which call the operator is in, since when, and whether the caller
was identified — the first thing to glance at before changing an account or revealing data."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual.widgets import Static

from .._i18n import tr

if TYPE_CHECKING:
    from domain import Call

    from .._calls import CallKeeper
    from ..app import HotlineApp


def call_sentence(call: Call | None, *, now: datetime, trouble: str = "") -> str:
    """ "通话中 138****8000 · 02:35 · 已核实身份", or what went wrong recording the call."""
    if trouble:
        return trouble
    if call is None:
        return tr("当前没有通话记录：查询来电手机号即开始记录本次通话。")
    seconds = max(0, int((now - call.started_at).total_seconds()))
    minutes, seconds = divmod(seconds, 60)
    phone = call.phone or tr("号码未记录")
    check = call.caller_check
    if check is None:
        identity = tr("未核实身份")
    elif str(check.method) == "sms":
        identity = tr("已短信核实身份")
    else:
        identity = tr("未核实身份（已记录原因）")
    return tr(
        "通话中 {phone} · {minutes:02d}:{seconds:02d} · {identity} · Ctrl+E 结束通话",
        phone=phone,
        minutes=minutes,
        seconds=seconds,
        identity=identity,
    )


class CallBar(Static):
    """Follows `app.calls`: redraws when the call changes and every second while one is open."""

    DEFAULT_CSS = """
    CallBar {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text-muted;
    }
    CallBar.-checked {
        color: $text-success;
    }
    CallBar.-trouble {
        color: $text-error;
    }
    """

    def __init__(self, *, id: str | None = "call-bar") -> None:
        super().__init__("", markup=False, id=id)

    @property
    def keeper(self) -> CallKeeper:
        return cast("HotlineApp", self.app).calls

    def on_mount(self) -> None:
        self.keeper.watchers.append(self.redraw)
        self.set_interval(1, self.redraw)
        self.redraw()

    def on_unmount(self) -> None:
        if self.redraw in self.keeper.watchers:
            self.keeper.watchers.remove(self.redraw)

    def redraw(self) -> None:
        keeper = self.keeper
        now = cast("HotlineApp", self.app).clock()
        self.update(call_sentence(keeper.current, now=now, trouble=keeper.trouble))
        self.set_class(keeper.checked, "-checked")
        self.set_class(bool(keeper.trouble), "-trouble")
