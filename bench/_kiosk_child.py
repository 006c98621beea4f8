"""Child process of the kiosk benchmark: start an app headless, print READY and its peak
RSS when the phone search has focus, and exit.

    python -m bench._kiosk_child bare
    HQMS_API_URL=… HQMS_USERNAME=… HQMS_PASSWORD=… [HQMS_BENCH_PHONE=…] \
        python -m bench._kiosk_child real

With HQMS_BENCH_PHONE the real kiosk then types that number at once (its sign-in still running
in the background), waits for the application's detail and prints
`LOOKED_UP <VmRSS KiB> <VmHWM KiB> <seconds from READY to the detail>` before it exits.

The password travels in the environment, never on a command line. The parent times spawn → READY.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable

from textual.app import App, ScreenStackError

READY = "READY"
LOOKED_UP = "LOOKED_UP"
SIZE = (80, 24)

AfterReady = Callable[[], Awaitable[None]] | None


def bare() -> tuple[App[None], Callable[[], bool], AfterReady]:
    from textual.widgets import Input

    from bench._bare_kiosk import BareSearchApp

    app = BareSearchApp()
    return app, lambda: isinstance(app.focused, Input), None


def real() -> tuple[App[None], Callable[[], bool], AfterReady]:
    from bench._real_kiosk import build_signed_in_kiosk, look_up_detail

    app, ready = build_signed_in_kiosk(
        os.environ["HQMS_API_URL"], os.environ["HQMS_USERNAME"], os.environ["HQMS_PASSWORD"]
    )
    phone = os.environ.get("HQMS_BENCH_PHONE")
    if not phone:
        return app, ready, None

    async def look_up() -> None:
        seconds = await look_up_detail(app, phone)
        await asyncio.sleep(0.05)  # let the detail paint: its memory counts too
        print(LOOKED_UP, _status_kib("VmRSS"), _status_kib("VmHWM"), f"{seconds:.4f}", flush=True)

    return app, ready, look_up


def _status_kib(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in KiB.

    VmHWM is the peak RSS since this process's exec. Not `ru_maxrss`: Linux carries that across
    `execve`, so a child forked from a large parent (the benchmark, after seeding) would report
    the parent's size.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _ready_yet(is_ready: Callable[[], bool]) -> bool:
    try:
        return is_ready()
    except ScreenStackError:  # no screen yet: the app is still starting
        return False


async def start_until_ready(
    app: App[None], is_ready: Callable[[], bool], after_ready: AfterReady = None
) -> None:
    running = asyncio.create_task(app.run_async(headless=True, size=SIZE))
    while not _ready_yet(is_ready):
        if running.done():
            running.result()
            raise RuntimeError("the app exited before it was ready")
        await asyncio.sleep(0.002)
    print(READY, _status_kib("VmHWM"), flush=True)
    if after_ready is not None:
        await after_ready()
    app.exit()
    await running


def main(argv: list[str]) -> None:
    app, is_ready, after_ready = bare() if argv[0] == "bare" else real()
    asyncio.run(start_until_ready(app, is_ready, after_ready))


if __name__ == "__main__":
    main(sys.argv[1:])
