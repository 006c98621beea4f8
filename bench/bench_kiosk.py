"""The kiosk's start to ready (phone search focused) and peak memory, against a bare Textual
app with a header, an input and a footer.

Each run is a fresh interpreter, so imports count as the operator would feel them. The real
kiosk signs in against a real API served over loopback from a demo database.

Informational, not a target: after READY each real run also types a demo phone at once (the
sign-in still running behind the lookup screen) and reports the memory once the detail shows,
when httpx and the wire models have loaded, and how long READY → detail took.
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

from bench._kiosk_child import LOOKED_UP, READY
from bench.bench_lookup import start_server

TARGET_RATIO = 1.5
ROOT = Path(__file__).resolve().parent.parent


def one_start(args: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Seconds from spawn to READY and the child's peak RSS then (MiB); with HQMS_BENCH_PHONE
    also its RSS and peak RSS once the looked-up detail shows, and READY → detail seconds."""
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
    after_lookup = process.stdout.readline().decode().split()
    process.wait()
    process.stdout.close()
    if len(line) != 2 or line[0] != READY or process.returncode != 0:
        raise RuntimeError(f"kiosk child {args[0]} failed (exit {process.returncode}): {line!r}")
    sample = {"ready_s": ready_after, "rss_mib": int(line[1]) / 1024}
    if after_lookup:
        if len(after_lookup) != 4 or after_lookup[0] != LOOKED_UP:
            raise RuntimeError(f"kiosk child {args[0]} lookup failed: {after_lookup!r}")
        sample["lookup_rss_mib"] = int(after_lookup[1]) / 1024
        sample["lookup_peak_rss_mib"] = int(after_lookup[2]) / 1024
        sample["ready_to_detail_s"] = float(after_lookup[3])
    return sample


def measure(args: list[str], runs: int, env: dict[str, str] | None = None) -> dict[str, float]:
    one_start(args, env)  # warm the page cache so the first measured run is not an outlier
    samples = [one_start(args, env) for _ in range(runs)]

    def median(name: str) -> float:
        return statistics.median(sample[name] for sample in samples)

    result = {
        "ready_median_s": median("ready_s"),
        "rss_median_mib": median("rss_mib"),
        "runs": float(runs),
    }
    if "lookup_rss_mib" in samples[0]:
        result |= {
            "lookup_rss_median_mib": median("lookup_rss_mib"),
            "lookup_peak_rss_median_mib": median("lookup_peak_rss_mib"),
            "ready_to_detail_median_s": median("ready_to_detail_s"),
        }
    return result


def run(*, runs: int, seed: int) -> dict[str, Any]:
    from server import upgrade_database
    from server.demo import DEMO_OPERATORS, DEMO_PHONES, seed_demo

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
                "HQMS_BENCH_PHONE": DEMO_PHONES["pending"],
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
        # Informational: the kiosk's peak once it has signed in and shown a detail, against the
        # bare app at its ready (which never loads an HTTP client or a model).
        "lookup_memory_ratio": kiosk["lookup_peak_rss_median_mib"] / bare["rss_median_mib"],
        "target_met": start_ratio <= TARGET_RATIO and memory_ratio <= TARGET_RATIO,
    }
