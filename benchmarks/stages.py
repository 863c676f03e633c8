"""Time each pipeline stage as a plain function (no Prefect) and print throughput and peak memory.

    .venv/bin/python benchmarks/stages.py [--input FILE ...] [--repeat N]

Defaults to the bundled synthetic sample. --repeat N feeds the inputs N times (with fresh ids) so the
figures are not dominated by start-up.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import tempfile
import time
from pathlib import Path

from experiences import extract, publish, warehouse
from experiences.sources.files import read_file
from experiences.anonymise import Anonymiser
from experiences.frames import to_frames
from experiences.records import RawReport
from experiences.settings import SAMPLE_INPUTS
from experiences.validate import Validator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", action="append", help="input file (default: the bundled sample)")
    parser.add_argument("--repeat", type=int, default=10, help="feed the inputs this many times (default 10)")
    args = parser.parse_args()
    inputs = [Path(p) for p in (args.input or SAMPLE_INPUTS)]
    timings: dict[str, float] = {}

    def timed(stage, fn, *a):
        start = time.perf_counter()
        result = fn(*a)
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start
        return result

    start = time.perf_counter()
    validator = timed("validate (GX start-up)", Validator)
    raws = timed("ingest", lambda: [dataclasses.replace(i, id=f"{i.id}#{n}") for n in range(args.repeat)
                                    for p in inputs for i in read_file(p) if isinstance(i, RawReport)])
    anonymiser = Anonymiser(b"benchmark-key-0123456789")
    reports = timed("anonymise", lambda: [anonymiser.anonymise(r) for r in raws])
    records = timed("extract", lambda: list(extract.extract_texts((r.id, r.analysed_text) for r in reports)))
    frames = timed("frames", to_frames, reports, records)
    outcome = timed("validate", validator.validate, frames)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        timed("load", warehouse.load_batch, db, "bench", outcome.valid, outcome.quarantined)
        timed("publish", publish.publish, db, Path(tmp) / "snapshot.duckdb")
    total = time.perf_counter() - start
    n = len(reports)
    print(f"reports: {n} ({len(inputs)} input files x {args.repeat})")
    for stage, seconds in timings.items():
        rate = f"{n / seconds:>10,.0f} reports/s" if "start-up" not in stage and seconds > 0 else ""
        print(f"  {stage:<24} {seconds:8.2f} s {rate}")
    print(f"  {'total':<24} {total:8.2f} s {n / total:>10,.0f} reports/s")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
