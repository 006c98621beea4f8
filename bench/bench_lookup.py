"""Lookup by phone through the real API on a large database, against a bare FastAPI endpoint.

Seeds a fresh SQLite database (timed: the target is under two minutes for a million
applications), serves it with the real app and, in the same run and under the same uvicorn
settings, a bare app returning a constant; then sends sequential keep-alive GETs to both,
interleaved in chunks so that machine noise hits both sides alike.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench._serve import CONSTANT_PATH
from bench._stats import free_loopback_port, summarize_ms, wait_until

TARGET_RATIO = 1.5
TARGET_SEED_SECONDS = 120.0
CHUNK = 100


def seed_database(database_url: str, applications: int, seed: int) -> dict[str, float]:
    from server import upgrade_database
    from server.demo import seed_bulk, seed_demo

    started = time.perf_counter()
    upgrade_database(database_url)
    schema_done = time.perf_counter()
    seed_demo(database_url, seed=seed)
    demo_done = time.perf_counter()
    seed_bulk(database_url, applications=applications, seed=seed)
    bulk_done = time.perf_counter()
    return {
        "schema_s": schema_done - started,
        "demo_s": demo_done - schema_done,
        "bulk_s": bulk_done - demo_done,
        "total_s": bulk_done - started,
    }


def start_server(which: str, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_loopback_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench._serve", which, str(port)],
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    base_url = f"http://127.0.0.1:{port}"
    probe_path = "/v1/health" if which == "real" else CONSTANT_PATH

    def answers() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"the {which} server exited with {process.returncode}")
        try:
            return httpx.get(base_url + probe_path, timeout=1).status_code == 200
        except httpx.TransportError:
            return False

    wait_until(answers, timeout=60, what=f"the {which} server")
    return process, base_url


def timed_gets(client: httpx.Client, paths: list[str]) -> list[float]:
    durations = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        durations.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path} answered {response.status_code}: {response.text}")
    return durations


def run(*, applications: int, requests: int, warmup: int, seed: int) -> dict[str, Any]:
    from server.demo import DEMO_OPERATORS, bulk_phone

    with tempfile.TemporaryDirectory(prefix="hqms-bench-") as folder:
        database_url = f"sqlite:///{folder}/bench.sqlite3"
        print(f"seeding {applications:,} applications …", flush=True)
        seeding = seed_database(database_url, applications, seed)
        print(f"seeded in {seeding['total_s']:.1f} s", flush=True)
        env = {**os.environ, "HQMS_DATABASE_URL": database_url, "HQMS_DATA_DIR": folder}
        real, real_url = start_server("real", env)
        bare, bare_url = start_server("bare", env)
        try:
            operator = DEMO_OPERATORS[0]
            grant = httpx.post(
                real_url + "/v1/auth/token",
                json={"username": operator.username, "password": operator.password},
            )
            grant.raise_for_status()
            headers = {"Authorization": f"Bearer {grant.json()['access_token']}"}
            picker = random.Random(seed)
            indexes = [picker.randrange(applications) for _ in range(warmup + requests)]
            lookups = [f"/v1/applications?phone={bulk_phone(i, seed)}" for i in indexes]
            constants = [CONSTANT_PATH] * (warmup + requests)
            with (
                httpx.Client(base_url=real_url, headers=headers) as real_client,
                httpx.Client(base_url=bare_url, headers=headers) as bare_client,
            ):
                timed_gets(real_client, lookups[:warmup])
                timed_gets(bare_client, constants[:warmup])
                real_times: list[float] = []
                bare_times: list[float] = []
                for start in range(warmup, warmup + requests, CHUNK):
                    real_times += timed_gets(real_client, lookups[start : start + CHUNK])
                    bare_times += timed_gets(bare_client, constants[start : start + CHUNK])
                hits = sum(
                    1
                    for path in lookups[warmup : warmup + 50]
                    if real_client.get(path).json()["items"]
                )
        finally:
            for process in (real, bare):
                process.terminate()
                process.wait(timeout=10)
    lookup, constant = summarize_ms(real_times), summarize_ms(bare_times)
    median_ratio = lookup["median_ms"] / constant["median_ms"]
    p99_ratio = lookup["p99_ms"] / constant["p99_ms"]
    return {
        "applications": applications,
        "seeding": seeding,
        "seed_target_met": seeding["total_s"] < TARGET_SEED_SECONDS,
        "lookup": lookup,
        "constant": constant,
        "hits_of_50": hits,
        "median_ratio": median_ratio,
        "p99_ratio": p99_ratio,
        "target_met": median_ratio <= TARGET_RATIO and p99_ratio <= TARGET_RATIO,
    }
