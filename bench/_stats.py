"""Small statistics and process helpers shared by the benchmarks."""

from __future__ import annotations

import socket
import statistics
import time
from collections.abc import Callable


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p99 of 2,000 samples is the 1,980th smallest)."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summarize_ms(samples_s: list[float]) -> dict[str, float]:
    """Median and p99 in milliseconds of a list of durations in seconds."""
    return {
        "median_ms": statistics.median(samples_s) * 1000,
        "p99_ms": percentile(samples_s, 0.99) * 1000,
        "n": float(len(samples_s)),
    }


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until(predicate: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise TimeoutError(f"timed out waiting for {what}")
