"""The kiosk's start to ready (phone search focused) and peak memory, against a bare Textual
app with a header, an input and a footer.

Each run is a fresh interpreter, so imports count as the operator would feel them. The real
kiosk signs in against a real API served over loopback from a demo database.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._kiosk_child import READY
from bench.bench_lookup import start_server

TARGET_RATIO = 1.5
ROOT = Path(__file__).resolve().parent.parent


def one_start(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds from spawn to READY, and the child's peak RSS in MiB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench._kiosk_child", *args],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline().decode().split()
    ready_after = time.perf_counter() - started
    process.wait()
    process.stdout.close()
    if len(line) != 2 or line[0] != READY or process.returncode != 0:
        raise RuntimeError(f"kiosk child {args[0]} failed (exit {process.returncode}): {line!r}")
    return ready_after, int(line[1]) / 1024


def measure(args: list[str], runs: int, env: dict[str, str] | None = None) -> dict[str, float]:
    one_start(args, env)  # warm the page cache so the first measured run is not an outlier
    samples = [one_start(args, env) for _ in range(runs)]
    return {
        "ready_median_s": statistics.median(s[0] for s in samples),
        "rss_median_mib": statistics.median(s[1] for s in samples),
        "runs": float(runs),
    }


def run(*, runs: int, seed: int) -> dict[str, Any]:
    from server import upgrade_database
    from server.demo import DEMO_OPERATORS, seed_demo

    with tempfile.TemporaryDirectory(prefix="hqms-kiosk-bench-") as folder:
        database_url = f"sqlite:///{folder}/demo.sqlite3"
        upgrade_database(database_url)
        seed_demo(database_url, seed=seed)
        env = {**os.environ, "HQMS_DATABASE_URL": database_url, "HQMS_DATA_DIR": folder}
        api, api_url = start_server("real", env)
        try:
            operator = DEMO_OPERATORS[0]
            kiosk_env = {
                **os.environ,
                "HQMS_API_URL": api_url,
                "HQMS_USERNAME": operator.username,
                "HQMS_PASSWORD": operator.password,
            }
            kiosk = measure(["real"], runs, kiosk_env)
            bare = measure(["bare"], runs)
        finally:
            api.terminate()
            api.wait(timeout=10)
    start_ratio = kiosk["ready_median_s"] / bare["ready_median_s"]
    memory_ratio = kiosk["rss_median_mib"] / bare["rss_median_mib"]
    return {
        "kiosk": kiosk,
        "bare": bare,
        "start_ratio": start_ratio,
        "memory_ratio": memory_ratio,
        "target_met": start_ratio <= TARGET_RATIO and memory_ratio <= TARGET_RATIO,
    }
