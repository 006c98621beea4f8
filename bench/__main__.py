"""Run the benchmarks, print a summary table and write bench/results/latest.json.

python -m bench [--applications N] [--requests N] [--kiosk-runs N] [--pdf-runs N]
                 [--registry-rows N] [--only lookup|kiosk|pdf|registry]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--kiosk-runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pdf-runs", type=int, default=30)
    parser.add_argument("--registry-rows", type=int, default=50_000)
    parser.add_argument("--only", choices=("lookup", "kiosk", "pdf", "registry"))
    return parser.parse_args(argv)


def verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


def table(results: dict[str, Any]) -> str:
    rows = []
    if lookup := results.get("lookup"):
        seeding = lookup["seeding"]
        rows += [
            (
                f"seed {lookup['applications']:,} applications",
                f"{seeding['total_s']:.1f} s (bulk {seeding['bulk_s']:.1f} s)",
                "< 120 s",
                verdict(lookup["seed_target_met"]),
            ),
            (
                "lookup by phone, median",
                f"{lookup['lookup']['median_ms']:.2f} ms vs {lookup['constant']['median_ms']:.2f}"
                f" ms = {lookup['median_ratio']:.2f}×",
                "≤ 1.5×",
                verdict(lookup["median_ratio"] <= 1.5),
            ),
            (
                "lookup by phone, p99",
                f"{lookup['lookup']['p99_ms']:.2f} ms vs {lookup['constant']['p99_ms']:.2f}"
                f" ms = {lookup['p99_ratio']:.2f}×",
                "≤ 1.5×",
                verdict(lookup["p99_ratio"] <= 1.5),
            ),
        ]
    if kiosk := results.get("kiosk"):
        rows += [
            (
                "kiosk start to ready, median",
                f"{kiosk['kiosk']['ready_median_s']:.3f} s vs {kiosk['bare']['ready_median_s']:.3f}"
                f" s = {kiosk['start_ratio']:.2f}×",
                "≤ 1.5×",
                verdict(kiosk["start_ratio"] <= 1.5),
            ),
            (
                "kiosk peak RSS, median",
                f"{kiosk['kiosk']['rss_median_mib']:.1f} MiB vs "
                f"{kiosk['bare']['rss_median_mib']:.1f} MiB = {kiosk['memory_ratio']:.2f}×",
                "≤ 1.5×",
                verdict(kiosk["memory_ratio"] <= 1.5),
            ),
            (
                "kiosk after sign-in + lookup, median",
                f"{kiosk['kiosk']['lookup_peak_rss_median_mib']:.1f} MiB peak RSS"
                f" = {kiosk['lookup_memory_ratio']:.2f}× bare ready;"
                f" ready → detail {kiosk['kiosk']['ready_to_detail_median_s']:.3f} s",
                "(info)",
                "",
            ),
        ]
    if pdf := results.get("pdf"):
        targets = pdf["targets_ms"]
        rows += [
            (
                f"both documents, {label}, median",
                f"{pdf[label]['documents_ms']:.1f} ms",
                f"≤ {targets[label]:g} ms",
                verdict(pdf[label]["documents_ms"] <= targets[label]),
            )
            for label in ("warm", "cached", "cold")
        ]
        rows.append(
            (
                "bare reportlab page, warm / cold",
                f"{pdf['warm']['bare_ms']:.1f} ms / {pdf['cold']['bare_ms']:.1f} ms;"
                f" pdfgen/ {pdf['pdfgen_lines']} lines",
                "(info)",
                "",
            )
        )
    if registry := results.get("registry"):
        rows.append(
            (
                f"registry import of {registry['rows']:,} rows, first / again",
                f"{registry['first_s']:.1f} s / {registry['again_s']:.1f} s;"
                f" {registry['progress_lines']} progress lines",
                f"< {registry['target_s']:g} s",
                verdict(registry["target_met"]),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows)


def main(argv: list[str] | None = None) -> int:
    options = parse(sys.argv[1:] if argv is None else argv)
    results: dict[str, Any] = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    if options.only in (None, "lookup"):
        from bench.bench_lookup import run as run_lookup

        results["lookup"] = run_lookup(
            applications=options.applications,
            requests=options.requests,
            warmup=options.warmup,
            seed=options.seed,
        )
    if options.only in (None, "kiosk"):
        from bench.bench_kiosk import run as run_kiosk

        results["kiosk"] = run_kiosk(runs=options.kiosk_runs, seed=options.seed)
    if options.only in (None, "pdf"):
        from bench.bench_pdf import run as run_pdf

        results["pdf"] = run_pdf(runs=options.pdf_runs)
    if options.only in (None, "registry"):
        from bench.bench_registry import run as run_registry

        results["registry"] = run_registry(rows=options.registry_rows, seed=options.seed)
    print(table(results))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
