"""p95 latency of every dashboard query on a snapshot of N synthetic reports.

    .venv/bin/python benchmarks/dashboard_queries.py [--reports 1000000] [--months 24] [--runs 40]

Builds a synthetic warehouse (experiences.sample.synthetic), publishes its snapshot (timed, with
the cube's size), then calls each query the dashboard makes (experiences.snapshot, one read-only
connection per call, as the pages do) `--runs` times with filters drawn in turn from the
snapshot's values, and prints the median and 95th percentile in milliseconds. Target: p95 under
200 ms for every query.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np

from experiences import publish
from experiences.sample import synthetic
from experiences.snapshot import ALL, WHOLE_PERIOD, Filters, Snapshot


def filter_cycle(snap: Snapshot, months: list[str]):
    """Filters in turn: the whole corpus, one dimension set, all set, and month ranges."""
    substances, schedules, bands = (snap.options(c)[1:] for c in ("substance", "schedule", "dose_band"))
    ranges = [WHOLE_PERIOD, (months[0], months[len(months) // 2]), (months[-3], months[-1])]
    choices = [Filters()]
    choices += [Filters(substance=s) for s in substances[:3]] + [Filters(schedule=s) for s in schedules[:3]]
    choices += [Filters(dose_band=b) for b in bands[:3]]
    choices += [Filters(substance="psilocybin", schedule="fadiman", months=r) for r in ranges]
    choices += [Filters(substance=s, schedule=h, dose_band=ALL, months=r)
                for s, h, r in zip(substances, schedules, ranges[1:])]
    return itertools.cycle(choices)


def queries(snap: Snapshot, min_count: int) -> dict:
    return {
        "options (4 filters)": lambda f: [snap.options(c) for c in ("month", "substance", "schedule", "dose_band")],
        "effects page: shares by effect": lambda f: snap.shares(f, "effect"),
        "effects page: shares by category": lambda f: snap.shares(f, "category"),
        "breakdown by substance": lambda f: snap.shares(f, "effect", by="substance", measures=["headache"]),
        "breakdown by schedule": lambda f: snap.shares(f, "effect", by="schedule", measures=["headache"]),
        "breakdown by dose band": lambda f: snap.shares(f, "effect", by="dose_band", measures=["headache"]),
        "breakdown by month": lambda f: snap.shares(f, "effect", by="month", measures=["headache"]),
        "trend (3 effects by month)": lambda f: snap.shares(f, "effect", by="month",
                                                            measures=["headache", "insomnia", "mood_improvement"]),
        "published comparison": lambda f: snap.challenges(f, min_count),
        "PRR between schedules": lambda f: snap.disproportionality(f, "schedule", min_count),
        "PRR between substances": lambda f: snap.disproportionality(f, "substance", min_count),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        db = synthetic.build(Path(tmp) / "warehouse.duckdb", args.reports, months=args.months)
        print(f"built a synthetic warehouse of {args.reports:,} reports in {time.monotonic() - started:.0f} s", flush=True)
        started = time.monotonic()
        path = publish.publish(db, Path(tmp) / "snapshot.duckdb")
        with duckdb.connect(str(path), read_only=True) as con:
            cells, withheld = con.execute("SELECT count(*), count(*) - count(reports) FROM effect_cells").fetchone()
        print(f"published in {time.monotonic() - started:.0f} s: {cells:,} cells ({withheld:,} counts withheld), "
              f"snapshot {path.stat().st_size / 1e6:.0f} MB; peak memory so far "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)
        snap = Snapshot(path)
        cycle = filter_cycle(snap, snap.options("month"))
        print(f"{'query':40} {'median ms':>10} {'p95 ms':>8}")
        worst = 0.0
        for name, call in queries(snap, publish.MIN_COUNT).items():
            call(Filters())  # warm the file cache, as a dashboard that has been open a while has
            times = []
            for _ in range(args.runs):
                chosen = next(cycle)
                started = time.perf_counter()
                call(chosen)
                times.append((time.perf_counter() - started) * 1000)
            p95 = float(np.percentile(times, 95))
            worst = max(worst, p95)
            print(f"{name:40} {np.median(times):10.1f} {p95:8.1f}", flush=True)
        print(f"slowest p95: {worst:.1f} ms (target < 200 ms)")


if __name__ == "__main__":
    main()
