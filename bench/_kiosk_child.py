"""Child process of the kiosk benchmark: start an app headless, print READY and its peak
RSS when the phone search has focus, exit at once.

    python -m bench._kiosk_child bare
    HQMS_API_URL=… HQMS_USERNAME=… HQMS_PASSWORD=… python -m bench._kiosk_child real

The password travels in the environment, never on a command line. The parent times spawn → READY.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable

from textual.app import App, ScreenStackError

READY = "READY"
SIZE = (80, 24)


def bare() -> tuple[App[None], Callable[[], bool]]:
    from textual.widgets import Input

    from bench._bare_kiosk import BareSearchApp

    app = BareSearchApp()
    return app, lambda: isinstance(app.focused, Input)


def real() -> tuple[App[None], Callable[[], bool]]:
    from bench._real_kiosk import build_signed_in_kiosk

    return build_signed_in_kiosk(
        os.environ["HQMS_API_URL"], os.environ["HQMS_USERNAME"], os.environ["HQMS_PASSWORD"]
    )


def _peak_rss_kib() -> int:
    """VmHWM: this process's peak RSS since its exec.

    Not `ru_maxrss`: Linux carries that across `execve`, so a child forked from a large
    parent (the benchmark, after seeding) would report the parent's size.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def _ready_yet(is_ready: Callable[[], bool]) -> bool:
    try:
        return is_ready()
    except ScreenStackError:  # no screen yet: the app is still starting
        return False


async def start_until_ready(app: App[None], is_ready: Callable[[], bool]) -> None:
    running = asyncio.create_task(app.run_async(headless=True, size=SIZE))
    while not _ready_yet(is_ready):
        if running.done():
            running.result()
            raise RuntimeError("the app exited before it was ready")
        await asyncio.sleep(0.002)
    print(READY, _peak_rss_kib(), flush=True)
    app.exit()
    await running


def main(argv: list[str]) -> None:
    app, is_ready = bare() if argv[0] == "bare" else real()
    asyncio.run(start_until_ready(app, is_ready))


if __name__ == "__main__":
    main(sys.argv[1:])
