"""A progress line on stderr for long commands (`hqms-desk registry import`).

On a terminal one line is redrawn in place (carriage return) at most every tenth of a second;
into a file or a pipe (a log, cron, a test) it writes a whole line now and then, so the log
shows the import advancing without thousands of lines. The last report always shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

BAR_CELLS = 30
TERMINAL_INTERVAL_S = 0.1
LOG_INTERVAL_S = 5.0


class ProgressLine:
    """Call it with (done, total); `finish()` ends the in-place line with a newline."""

    def __init__(
        self,
        stream: TextIO,
        *,
        label: str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.label = label
        self.clock = clock
        self.in_place = stream.isatty()
        self.interval = TERMINAL_INTERVAL_S if self.in_place else LOG_INTERVAL_S
        self.last_shown: float | None = None
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        last = done >= total
        if not last and self.last_shown is not None and now - self.last_shown < self.interval:
            return
        self.last_shown = now
        if self.in_place:
            self.stream.write("\r" + self.text(done, total))
            self.drawn = True
        else:
            self.stream.write(self.text(done, total) + "\n")
        self.stream.flush()

    def text(self, done: int, total: int) -> str:
        share = done / total if total else 1.0
        filled = round(share * BAR_CELLS)
        bar = "█" * filled + "░" * (BAR_CELLS - filled)
        return f"{self.label} {bar} {share:4.0%}  {done:,}/{total:,} 行"

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False
